/**
 * The welcome, on a new, empty data folder (and again from Settings), in three steps:
 * 1. the language (applied at once), the country numbers without a + are read in, the time zone
 *    and the working days, each offered from the language and the computer;
 * 2. the demo account with sample contacts in that language, or linking one's own WhatsApp;
 * 3. importing one's contacts, or finishing.
 * Skip (or Escape) closes it at any step; it is then not offered again on this data folder.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Settings } from '#shared/domain';
import { LANGUAGE_NAMES, LANGUAGES, t, type Language, type MessageKey } from '#shared/i18n';
import { isValidTimeZone, type Weekday } from '#shared/pace';
import { isValidCountry, localExample } from '#shared/phone';
import { countryFor, regionWeek, timeZoneFor } from '#shared/regions';
import { localTimeZone } from '#renderer/campaigns/model';
import { TimeZoneField } from '#renderer/campaigns/TimeZoneField';
import { useLocale } from '#renderer/i18n/locale';
import { refreshSettings, useSettings } from '#renderer/settings/store';
import { useCountryOptions } from '#renderer/settings/countries';
import { api } from '#renderer/ui/api';
import { DayPicker } from '#renderer/ui/DayPicker';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useNav } from '#renderer/ui/nav';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { firstRun, useFirstRun, type WelcomeStep } from './store';
import './welcome.css';

/** How many sample contacts each language's file has (resources/samples). */
const SAMPLE_COUNT = 25;

const STEP_NAMES: Record<WelcomeStep, MessageKey> = { 1: 'welcome.step.place', 2: 'welcome.step.try', 3: 'welcome.step.contacts' };

/** The time zones the engine knows for a country, where it can tell. */
function engineZones(country: string): readonly string[] | undefined {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
    return locale.getTimeZones?.() ?? locale.timeZones;
  } catch {
    return undefined;
  }
}

/** Shown while the welcome is open (the settings must be read first: they are its starting point). */
export function WelcomeHost() {
  const open = useFirstRun((s) => s.open);
  const settings = useSettings((s) => s.settings);
  // Drawn again in a new language (the welcome lives outside the shell that is redrawn).
  useLocale((s) => s.language);
  if (!open || !settings) return null;
  return <Welcome settings={settings} />;
}

function Welcome({ settings }: { settings: Settings }) {
  const { step, again, demo } = useFirstRun();
  const language = useLocale((s) => s.language);
  const go = useNav((s) => s.go);
  const { busy, error, setError, run } = useBusyAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<WelcomeStep | null>(null);

  // The place: each field is offered (from the language, the country, the computer) until chosen.
  const [countryChoice, setCountry] = useState<string | null>(null);
  const [zoneChoice, setZone] = useState<string | null>(null);
  const [daysChoice, setDays] = useState<Weekday[] | null>(null);
  const offeredCountry = again ? settings.defaultCountry : (countryFor(language, navigator.languages, isValidCountry) ?? settings.defaultCountry);
  const country = countryChoice ?? offeredCountry;
  const zone = zoneChoice ?? (again && countryChoice === null ? settings.timezone : timeZoneFor(country, localTimeZone(), engineZones));
  const week = regionWeek(country);
  const weekStart = again && countryChoice === null ? settings.weekStart : week.weekStart;
  const days = daysChoice ?? (again && countryChoice === null ? settings.workingDays : week.workingDays);

  useEffect(() => {
    // On opening (after the dialog's showModal, an effect of its own) and on each new step, the
    // step's heading takes the focus, so a screen reader reads where it is; Tab goes on from there.
    if (shownStep.current !== step) headingRef.current?.focus();
    shownStep.current = step;
  }, [step]);

  const skip = useCallback(() => void firstRun.close(), []);
  const leaveTo = (page: 'accounts' | 'import' | 'contacts' | null) => {
    void firstRun.close();
    if (page) go(page);
  };

  const chooseLanguage = (next: Language) =>
    void run(async () => {
      await api.settings.update({ language: next });
      await refreshSettings();
    });
  const savePlace = () =>
    void run(async () => {
      await api.firstRun.place({ country, timezone: zone, workingDays: days, weekStart });
      await refreshSettings();
      setError(null);
      firstRun.goTo(2);
    });
  const tryDemo = () =>
    void run(async () => {
      const made = await api.firstRun.demo({ language });
      firstRun.demoAdded(made.added, made.groupName);
      firstRun.goTo(3);
    });
  const back = () => {
    setError(null);
    firstRun.goTo((step - 1) as WelcomeStep);
  };

  // The footer's buttons are keyed: a node React kept across steps would change meaning under a
  // second click (Next on the first step became Back on the second).
  const placeOk = isValidCountry(country) && isValidTimeZone(zone) && days.length > 0;
  const skipButton = (
    <button key="skip" type="button" className="fr-skip" onClick={skip} disabled={busy} data-testid="welcome-skip">
      {t('welcome.skip')}
    </button>
  );
  let body: ReactNode;
  let footer: ReactNode;
  if (step === 1) {
    body = (
      <Place
        language={language}
        onLanguage={chooseLanguage}
        country={country}
        onCountry={(c) => {
          setCountry(c);
          // A new country brings its own time zone and working days (chosen again after it if need be).
          setZone(null);
          setDays(null);
        }}
        zone={zone}
        onZone={setZone}
        days={days}
        weekStart={weekStart}
        onDays={setDays}
        busy={busy}
      />
    );
    footer = (
      <>
        {skipButton}
        <button key="next" type="button" className="primary" onClick={savePlace} disabled={busy || !placeOk} data-testid="welcome-next">
          {t('common.next')}
        </button>
      </>
    );
  } else if (step === 2) {
    body = (
      <>
        <p>{t('welcome.try.intro')}</p>
        <div className="fr-choices">
          <button type="button" className="fr-choice" onClick={tryDemo} disabled={busy} data-testid="welcome-demo">
            <strong>{busy ? t('welcome.try.demoBusy') : t('welcome.try.demo')}</strong>
            <span className="muted small">{t('welcome.try.demoHelp', { count: SAMPLE_COUNT })}</span>
          </button>
          <button type="button" className="fr-choice" onClick={() => leaveTo('accounts')} disabled={busy} data-testid="welcome-link">
            <strong>{t('welcome.try.link')}</strong>
            <span className="muted small">{t('welcome.try.linkHelp')}</span>
          </button>
        </div>
      </>
    );
    footer = (
      <>
        {skipButton}
        <button key="back" type="button" onClick={back} disabled={busy}>
          {t('common.back')}
        </button>
        <button key="next" type="button" onClick={() => firstRun.goTo(3)} disabled={busy} data-testid="welcome-next">
          {t('common.next')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        {demo && (
          <div className="banner ok fr-demo" role="status" data-testid="welcome-demo-done">
            <p>{demo.added > 0 ? t('welcome.demoDone', { count: demo.added, group: demo.groupName }) : t('welcome.demoNone', { group: demo.groupName })}</p>
            <p className="small">{t('welcome.demoNote', { tag: t('firstRun.demo.tag') })}</p>
          </div>
        )}
        <p>{t('welcome.contacts.intro')}</p>
        <div className="fr-choices single">
          <button type="button" className="fr-choice" onClick={() => leaveTo('import')} data-testid="welcome-import">
            <strong>{t('welcome.contacts.import')}</strong>
            <span className="muted small">{t('welcome.contacts.importHelp')}</span>
          </button>
        </div>
        <p className="muted small">{t('welcome.contacts.later')}</p>
      </>
    );
    footer = (
      <>
        <button key="back" type="button" onClick={back}>
          {t('common.back')}
        </button>
        <button key="finish" type="button" className="primary" onClick={() => leaveTo(demo ? 'contacts' : null)} data-testid="welcome-finish">
          {t('welcome.finish')}
        </button>
      </>
    );
  }

  return (
    <Dialog title={t('welcome.title')} onClose={skip} wide testId="welcome" footer={footer}>
      <ol className="steps fr-steps" aria-label={t('welcome.steps')}>
        {([1, 2, 3] as const).map((n) => (
          <li key={n} className={n === step ? 'current' : n < step ? 'done' : undefined} aria-current={n === step ? 'step' : undefined}>
            {n}. {t(STEP_NAMES[n])}
          </li>
        ))}
      </ol>
      <h3 className="fr-heading" ref={headingRef} tabIndex={-1} data-testid="welcome-step">
        <span className="visually-hidden">{t('welcome.stepOf', { step, count: 3 })}: </span>
        {t(STEP_NAMES[step])}
      </h3>
      {body}
      <ErrorText error={error} />
    </Dialog>
  );
}

function Place(props: {
  language: Language;
  onLanguage: (language: Language) => void;
  country: string;
  onCountry: (country: string) => void;
  zone: string;
  onZone: (zone: string) => void;
  days: Weekday[];
  weekStart: Weekday;
  onDays: (days: Weekday[]) => void;
  busy: boolean;
}) {
  const options = useCountryOptions();
  const countryHelp = useId();
  const daysHelp = useId();
  const example = localExample(props.country);
  return (
    <>
      <p>{t('welcome.place.intro')}</p>
      <div className="fr-place">
        <label className="field">
          <span>{t('welcome.language')}</span>
          {/* Never disabled while the language is saved: that would take the focus away from it. */}
          <select
            value={props.language}
            aria-busy={props.busy || undefined}
            onChange={(e) => {
              if (!props.busy) props.onLanguage(e.target.value as Language);
            }}
            data-testid="welcome-language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('welcome.country')}</span>
          <select value={props.country} disabled={props.busy} onChange={(e) => props.onCountry(e.target.value)} aria-describedby={countryHelp} data-testid="welcome-country">
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          <span id={countryHelp} className="muted small">
            {t('welcome.countryHelp', { example: example ? `\u2066${example}\u2069` : '0…' })}
          </span>
        </label>
      </div>
      <TimeZoneField value={props.zone} onChange={props.onZone} label={t('welcome.timezone')} help={t('welcome.timezoneHelp')} disabled={props.busy} testId="welcome-timezone" />
      <DayPicker legend={t('welcome.workingDays')} days={props.days} weekStart={props.weekStart} onChange={props.onDays} disabled={props.busy} describedBy={daysHelp} testId="welcome-days" />
      <p id={daysHelp} className={props.days.length === 0 ? 'error-text small' : 'muted small'}>
        {props.days.length === 0 ? t('welcome.noDays') : t('welcome.workingDaysHelp')}
      </p>
    </>
  );
}

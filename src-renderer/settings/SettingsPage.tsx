/**
 * Settings: the language and calendar, the default country for numbers without a country code,
 * your time zone (where each account's day for the daily limit starts), the working week new
 * campaigns send in, the welcome again, the opt-out words, the browser for WhatsApp accounts,
 * backups, the desktop app (closing, login, notifications), and where the data lives.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppInfo } from '#shared/domain';
import { CALENDARS, getLocale, LANGUAGE_NAMES, LANGUAGES, ownCalendar, t, type CalendarChoice, type MessageKey } from '#shared/i18n';
import { useLocale } from '#renderer/i18n/locale';
import { formatDate, weekdayName } from '#shared/dates';
import { DEFAULT_OPT_OUT_WORDS } from '#shared/optout';
import { isValidTimeZone, type Weekday } from '#shared/pace';
import { sortDays, weekOrder } from '#shared/regions';
import { DayPicker } from '#renderer/ui/DayPicker';
import { firstRun, useFirstRun } from '#renderer/firstrun/store';
import { splitTypedList } from '#shared/text';
import { errorMessage } from '#renderer/ui/api';
import { TimeZoneField } from '#renderer/campaigns/TimeZoneField';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { AboutDialog } from '#renderer/about/AboutDialog';
import { BackupsSection } from './BackupsSection';
import { DesktopSection } from './DesktopSection';
import { useCountryOptions } from './countries';
import { refreshSettings, settings as settingsActions, useSettings } from './store';

export function SettingsPage() {
  return (
    <section className="page" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <LanguageSetting />
      <CountrySetting />
      <TimeZoneSetting />
      <WorkingWeek />
      <GettingStarted />
      <OptOutWords />
      <BrowserPath />
      <BackupsSection />
      <DesktopSection />
      <DataInfo />
    </section>
  );
}

const CALENDAR_NAMES: Record<Exclude<CalendarChoice, 'auto'>, MessageKey> = {
  gregory: 'settings.calendar.gregory',
  persian: 'settings.calendar.persian',
  'islamic-umalqura': 'settings.calendar.islamic',
};

/** The language (every screen at once, right to left for Persian and Arabic) and the calendar. */
function LanguageSetting() {
  const { language, calendar } = useLocale();
  const settings = useSettings((s) => s.settings);
  const { busy, error, run } = useBusyAction();
  const save = (change: { language?: (typeof LANGUAGES)[number]; calendar?: CalendarChoice }) => void run(() => settingsActions.update(change));
  const today = formatDate(new Date(), getLocale(), { dateStyle: 'full' });
  return (
    <div className="panel" data-testid="settings-language">
      <h2 id="language-title">{t('settings.language.title')}</h2>
      <div className="row wrap">
        <label className="field">
          <span>{t('settings.language.label')}</span>
          <select value={language} disabled={!settings || busy} onChange={(e) => save({ language: e.target.value as (typeof LANGUAGES)[number] })} data-testid="settings-language-select">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.calendar.label')}</span>
          <select value={calendar} disabled={!settings || busy} onChange={(e) => save({ calendar: e.target.value as CalendarChoice })} data-testid="settings-calendar-select">
            {CALENDARS.map((c) => (
              <option key={c} value={c}>
                {c === 'auto' ? t('settings.calendar.auto', { name: t(CALENDAR_NAMES[ownCalendar(language)]) }) : t(CALENDAR_NAMES[c])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('settings.language.help')}</p>
      <p className="muted small">{t('settings.calendar.help', { date: today })}</p>
      <ErrorText error={error} />
    </div>
  );
}

function CountrySetting() {
  const settings = useSettings((s) => s.settings);
  const options = useCountryOptions();
  const helpId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const { error, setError, run } = useBusyAction();

  useEffect(() => {
    void refreshSettings().catch((e: unknown) => setError(errorMessage(e)));
  }, [setError]);

  const save = async (code: string) => {
    setPending(code);
    await run(() => settingsActions.update({ defaultCountry: code }));
    setPending(null);
  };

  const value = pending ?? settings?.defaultCountry ?? '';
  return (
    <div className="panel">
      <label className="field">
        <span>{t('settings.country')}</span>
        <select
          value={value}
          onChange={(e) => void save(e.target.value)}
          disabled={!settings || pending !== null}
          aria-describedby={helpId}
          data-testid="settings-country"
        >
          {!settings && <option value="">{t('common.loading')}</option>}
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <p id={helpId} className="muted small">
        {t('settings.countryHelp')}
      </p>
      {pending !== null && <p className="muted small">{t('settings.saving')}</p>}
      <ErrorText error={error} />
    </div>
  );
}

/** The operator's time zone: each account's daily limit starts again at midnight there. */
function TimeZoneSetting() {
  const settings = useSettings((s) => s.settings);
  const [draft, setDraft] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();
  const value = draft ?? settings?.timezone ?? '';
  const dirty = draft !== null && settings !== null && draft !== settings.timezone;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || draft === null || !isValidTimeZone(draft)) return;
    await run(async () => {
      await settingsActions.update({ timezone: draft });
      setDraft(null);
    });
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="timezone-title" data-testid="settings-timezone">
      <h2 id="timezone-title">{t('settings.timezone.title')}</h2>
      <TimeZoneField
        value={value}
        onChange={setDraft}
        label={t('settings.timezone.label')}
        help={t('settings.timezone.help')}
        disabled={!settings || busy}
        testId="settings-timezone-input"
      />
      <div className="row" style={{ marginBlockStart: 10 }}>
        <button type="submit" className="primary" disabled={busy || !dirty || !isValidTimeZone(value)}>
          {busy ? t('settings.saving') : t('common.save')}
        </button>
        {dirty && (
          <button type="button" disabled={busy} onClick={() => setDraft(null)}>
            {t('settings.timezone.revert')}
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </form>
  );
}

/** The days new campaigns send on, and the first day of the week (the order days are listed in). */
function WorkingWeek() {
  const settings = useSettings((s) => s.settings);
  const [draft, setDraft] = useState<{ days: Weekday[]; weekStart: Weekday } | null>(null);
  const { busy, error, run } = useBusyAction();
  const helpId = useId();
  const weekStart = draft?.weekStart ?? settings?.weekStart ?? 1;
  const days = draft?.days ?? settings?.workingDays ?? [];
  const dirty = draft !== null && settings !== null && (draft.weekStart !== settings.weekStart || draft.days.join() !== sortDays(settings.workingDays, draft.weekStart).join());

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || !draft || draft.days.length === 0) return;
    await run(async () => {
      await settingsActions.update({ workingDays: draft.days, weekStart: draft.weekStart });
      setDraft(null);
    });
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="week-title" data-testid="settings-week">
      <h2 id="week-title">{t('settings.week.title')}</h2>
      <label className="field" style={{ maxInlineSize: 260 }}>
        <span>{t('settings.week.start')}</span>
        <select
          value={weekStart}
          disabled={!settings || busy}
          onChange={(e) => {
            const start = Number(e.target.value) as Weekday;
            setDraft({ weekStart: start, days: sortDays(days, start) });
          }}
          data-testid="settings-week-start"
        >
          {weekOrder(1).map((d) => (
            <option key={d} value={d}>
              {weekdayName(d, getLocale(), 'long')}
            </option>
          ))}
        </select>
      </label>
      <DayPicker
        legend={t('settings.week.days')}
        days={days}
        weekStart={weekStart}
        onChange={(next) => setDraft({ weekStart, days: next })}
        disabled={!settings || busy}
        describedBy={helpId}
        testId="settings-week-days"
      />
      <p id={helpId} className={days.length === 0 ? 'error-text small' : 'muted small'}>
        {days.length === 0 ? t('settings.week.none') : t('settings.week.help')}
      </p>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !dirty || days.length === 0}>
          {busy ? t('settings.saving') : t('common.save')}
        </button>
        {dirty && (
          <button type="button" disabled={busy} onClick={() => setDraft(null)}>
            {t('settings.week.revert')}
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </form>
  );
}

/** The welcome again, and the getting-started list once hidden. */
function GettingStarted() {
  const hidden = useFirstRun((s) => s.state?.checklistHidden ?? false);
  const { busy, error, run } = useBusyAction();
  return (
    <section className="panel" aria-labelledby="getting-started-title" data-testid="settings-welcome">
      <h2 id="getting-started-title">{t('settings.welcome.title')}</h2>
      <p className="muted small">{t('settings.welcome.help')}</p>
      <div className="row">
        <button type="button" onClick={() => firstRun.reopen()} data-testid="settings-welcome-show">
          {t('settings.welcome.show')}
        </button>
        {hidden && (
          <button type="button" disabled={busy} onClick={() => void run(() => firstRun.hideChecklist(false))} data-testid="settings-checklist-show">
            {t('settings.welcome.checklist')}
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </section>
  );
}

function DataInfo() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [about, setAbout] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    settingsActions.appInfo().then(
      (i) => {
        if (alive) setInfo(i);
      },
      (e: unknown) => {
        if (alive) setError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  if (error) {
    return (
      <div className="panel">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!info) {
    return (
      <div className="panel">
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  return (
    <div className="panel">
      <PathLine label={t('settings.dataFolder')} value={info.dataDir} testId="settings-data-dir" />
      <PathLine label={t('settings.database')} value={info.databasePath} testId="settings-db-path" />
      <p className="muted small">{t('settings.dataHelp')}</p>
      <p className="muted small" data-testid="settings-version">
        {t('settings.version', { version: info.version, schema: info.schemaVersion })}
      </p>
      <div className="row">
        <button type="button" onClick={() => setAbout(true)} data-testid="settings-about">
          {t('about.open')}
        </button>
      </div>
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </div>
  );
}

/** A path shown as plain, selectable text (a read-only box, so it can be selected and copied whole). */
function PathLine(props: { label: string; value: string; testId: string }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        readOnly
        value={props.value}
        dir="ltr"
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        style={{ fontFamily: 'ui-monospace, monospace' }}
        data-testid={props.testId}
      />
    </label>
  );
}

/** Same words in the same order. */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Splits typed text into words: commas, semicolons (ASCII or Arabic) and line breaks separate them. */
function splitWords(text: string): string[] {
  return splitTypedList(text).map((w) => w.replace(/\s+/g, ' '));
}

const MAX_WORDS = 500;
const MAX_WORD_LENGTH = 100;

/** The words that, sent alone as a reply, blacklist the sender. Edited here, saved together. */
function OptOutWords() {
  const settings = useSettings((s) => s.settings);
  const saved = settings?.optOutWords ?? null;
  const [draft, setDraft] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const { busy, error, setError, run } = useBusyAction();
  const helpId = useId();
  const words = draft ?? saved ?? [];
  const dirty = draft !== null && saved !== null && !sameWords(draft, saved);
  const isDefault = sameWords(words, DEFAULT_OPT_OUT_WORDS);

  const add = (e?: FormEvent) => {
    e?.preventDefault();
    const fresh = splitWords(input);
    if (fresh.length === 0) return;
    const tooLong = fresh.find((w) => w.length > MAX_WORD_LENGTH);
    if (tooLong) {
      setError(t('settings.optOut.tooLong', { max: MAX_WORD_LENGTH }));
      return;
    }
    const known = new Set(words.map((w) => w.toLocaleLowerCase()));
    const next = [...words];
    for (const w of fresh) {
      if (!known.has(w.toLocaleLowerCase())) {
        known.add(w.toLocaleLowerCase());
        next.push(w);
      }
    }
    if (next.length > MAX_WORDS) {
      setError(t('settings.optOut.tooMany', { max: MAX_WORDS }));
      return;
    }
    setError(null);
    setDraft(next);
    setInput('');
  };

  const save = async () => {
    if (draft === null) return;
    await run(async () => {
      await settingsActions.update({ optOutWords: draft });
      setDraft(null);
    });
  };

  return (
    <section className="panel" aria-labelledby="optout-title" data-testid="settings-optout">
      <h2 id="optout-title">{t('settings.optOut.title')}</h2>
      <p id={helpId} className="muted small">
        {t('settings.optOut.help')}
      </p>
      {!settings ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <ul className="chips" aria-label={t('settings.optOut.title')} aria-describedby={helpId}>
            {words.length === 0 && <li className="muted small">{t('settings.optOut.none')}</li>}
            {words.map((w) => (
              <li key={w} className="chip">
                <span dir="auto">{w}</span>
                <button
                  type="button"
                  className="icon"
                  aria-label={t('settings.optOut.removeWord', { word: w })}
                  onClick={() => setDraft(words.filter((x) => x !== w))}
                  disabled={busy}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form className="row" onSubmit={add}>
            <input
              className="grow"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder={t('settings.optOut.placeholder')}
              aria-label={t('settings.optOut.add')}
              dir="auto"
              maxLength={2000}
            />
            <button type="submit" disabled={busy || input.trim() === ''}>
              {t('settings.optOut.add')}
            </button>
          </form>
          <div className="row" style={{ marginBlockStart: 10 }}>
            <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
              {busy ? t('settings.saving') : t('settings.optOut.save')}
            </button>
            {dirty && (
              <button type="button" disabled={busy} onClick={() => setDraft(null)}>
                {t('settings.optOut.revert')}
              </button>
            )}
            <span className="grow" />
            <button type="button" disabled={busy || isDefault} onClick={() => setDraft([...DEFAULT_OPT_OUT_WORDS])}>
              {t('settings.optOut.reset')}
            </button>
          </div>
          {dirty && <p className="muted small">{t('settings.optOut.unsaved')}</p>}
        </>
      )}
      <ErrorText error={error} />
    </section>
  );
}

/** Which browser WhatsApp accounts run in; empty finds one. */
function BrowserPath() {
  const settings = useSettings((s) => s.settings);
  const [draft, setDraft] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();
  const helpId = useId();
  const inputId = useId();
  const value = draft ?? settings?.browserPath ?? '';
  const dirty = draft !== null && settings !== null && draft.trim() !== settings.browserPath;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || draft === null) return;
    await run(async () => {
      await settingsActions.update({ browserPath: draft.trim() });
      setDraft(null);
    });
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="browser-title">
      <h2 id="browser-title">{t('settings.browser.title')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('settings.browser.label')}</label>
        <div className="row">
          <input
            id={inputId}
            className="grow"
            value={value}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t('settings.browser.placeholder')}
            aria-describedby={helpId}
            aria-invalid={error ? true : undefined}
            disabled={!settings}
            dir="ltr"
            spellCheck={false}
            maxLength={2000}
            style={{ fontFamily: 'ui-monospace, monospace' }}
            data-testid="settings-browser"
          />
          <button type="submit" className="primary" disabled={busy || !dirty}>
            {busy ? t('settings.saving') : t('common.save')}
          </button>
        </div>
      </div>
      <p id={helpId} className="muted small">
        {t('settings.browser.help')}
      </p>
      <ErrorText error={error} />
    </form>
  );
}

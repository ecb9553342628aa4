/**
 * A time zone typed or picked: its IANA name ("Asia/Tehran"), or a city or country in English,
 * Turkish, Persian or Arabic ("Tehran", "تهران", "İstanbul", "الرياض", "Iran"), found by
 * src-shared/timezones.ts. The suggestions list every zone with its place in the current language,
 * and the hand table's cities in it.
 */
import { useEffect, useId, useState } from 'react';
import { getLanguage, t } from '#shared/i18n';
import { isValidTimeZone } from '#shared/pace';
import { CITY_ZONES, resolveTimeZone, zoneCityNames, zonePlace } from '#shared/timezones';
import { allTimeZones, localTimeZone } from './model';

type Props = {
  value: string;
  onChange: (zone: string) => void;
  /** The field's name and what it is for; a campaign's time zone unless told. */
  label?: string;
  help?: string;
  disabled?: boolean;
  testId?: string;
};

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/** The hand table's names a language writes (Persian and Arabic share a script; both are offered). */
function cityNamesFor(language: string, zone: string): string[] {
  const names = zoneCityNames(zone);
  if (language === 'fa' || language === 'ar') return names.filter((n) => ARABIC_SCRIPT.test(n));
  return names.filter((n) => LATIN.test(n));
}

type Suggestion = { value: string; label: string };

/** The suggestions: every zone with its place in the language, then the table's cities. Costly once per language. */
function suggestions(language: string): Suggestion[] {
  const zones = allTimeZones();
  const byZone = zones.map((zone) => ({ value: zone, label: zonePlace(zone, language, zones) }));
  const cities = CITY_ZONES.flatMap((zone) => cityNamesFor(language, zone).map((name) => ({ value: name, label: zone })));
  return [...byZone, ...cities];
}

export function TimeZoneField({ value, onChange, label, help, disabled, testId = 'campaign-timezone' }: Props) {
  const id = useId();
  const listId = useId();
  const language = getLanguage();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [options, setOptions] = useState<Suggestion[] | null>(null);
  const zones = allTimeZones();
  const resolved = resolveTimeZone(text, zones, isValidTimeZone);
  // A new zone from outside (Use this computer's, a form reset): show it.
  if (value !== seen) {
    setSeen(value);
    if (resolved !== value) setText(value);
  }
  // The places in the language take a few hundred formatters: worked out after the first paint.
  useEffect(() => {
    const timer = setTimeout(() => setOptions(suggestions(language)), 0);
    return () => clearTimeout(timer);
  }, [language]);
  const valid = isValidTimeZone(value);
  const local = localTimeZone();
  const means = resolved !== null && resolved !== text.trim() ? resolved : null;
  return (
    <div className="field cmp-zone">
      <label htmlFor={id}>{label ?? t('campaigns.zone.label')}</label>
      <div className="row">
        <input
          id={id}
          className="grow"
          list={listId}
          value={text}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          aria-invalid={!valid || undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            const typed = e.target.value;
            setText(typed);
            const zone = resolveTimeZone(typed, zones, isValidTimeZone) ?? typed.trim();
            setSeen(zone);
            onChange(zone);
          }}
          data-testid={testId}
        />
        {value !== local && (
          <button type="button" onClick={() => onChange(local)} disabled={disabled}>
            {t('campaigns.zone.useLocal', { zone: local })}
          </button>
        )}
      </div>
      <datalist id={listId}>
        {(options ?? zones.map((zone) => ({ value: zone, label: '' }))).map((o) => (
          <option key={`${o.value}\u0000${o.label}`} value={o.value} label={o.label || undefined} />
        ))}
      </datalist>
      {means && valid && (
        <span className="small" data-testid={`${testId}-means`}>
          {t('zone.means', { zone: means, place: zonePlace(means, language, zones) })}
        </span>
      )}
      <span id={`${id}-help`} className={valid ? 'muted small' : 'error-text small'}>
        {valid ? (help ?? t('campaigns.zone.help')) : t('campaigns.issue.timezone')}
      </span>
    </div>
  );
}

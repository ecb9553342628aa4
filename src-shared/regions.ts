/**
 * What fits a place, for the first run: which country a language most likely means, the time zone
 * of a country, and its working week (the days a campaign may send on by default, and the day the
 * week starts on). A small table of the places Pigeon's languages are spoken in; anywhere else
 * keeps the general defaults (Monday to Saturday, weeks from Monday).
 *
 * Kept here on purpose rather than read from Intl.Locale's week info: Node's ICU may lack it, and
 * the working days of a shop are not the calendar's weekend (Iran's Thursday is a short day).
 */
import { PACE_PRESETS, type Weekday } from './pace';
import type { Language } from './i18n';

export type RegionWeek = {
  /** The days a campaign may send on by default (0 = Sunday), in the week's own order. */
  workingDays: Weekday[];
  /** The first day of the week. */
  weekStart: Weekday;
};

const SUN_THU: Weekday[] = [0, 1, 2, 3, 4];
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
/** Iran and Afghanistan: Saturday to Wednesday; Thursday is short or off (the operator ticks it), Friday off. */
const SAT_WED: Weekday[] = [6, 0, 1, 2, 3];

/** Anywhere not in the table: the pace presets' own days (Monday to Saturday), weeks from Monday. */
export const GENERAL_WEEK: RegionWeek = { workingDays: [...PACE_PRESETS.normal.workingHours.days], weekStart: 1 };

const WEEKS: Record<string, RegionWeek> = {
  IR: { workingDays: SAT_WED, weekStart: 6 },
  AF: { workingDays: SAT_WED, weekStart: 6 },
  // Türkiye: Monday to Friday; Saturday is the operator's to add.
  TR: { workingDays: MON_FRI, weekStart: 1 },
  // The Gulf and most of the Arab world: Sunday to Thursday, Friday and Saturday off.
  SA: { workingDays: SUN_THU, weekStart: 0 },
  KW: { workingDays: SUN_THU, weekStart: 6 },
  QA: { workingDays: SUN_THU, weekStart: 6 },
  BH: { workingDays: SUN_THU, weekStart: 6 },
  OM: { workingDays: SUN_THU, weekStart: 6 },
  EG: { workingDays: SUN_THU, weekStart: 6 },
  IQ: { workingDays: SUN_THU, weekStart: 6 },
  JO: { workingDays: SUN_THU, weekStart: 6 },
  SY: { workingDays: SUN_THU, weekStart: 6 },
  YE: { workingDays: SUN_THU, weekStart: 6 },
  DZ: { workingDays: SUN_THU, weekStart: 6 },
  LY: { workingDays: SUN_THU, weekStart: 6 },
  SD: { workingDays: SUN_THU, weekStart: 6 },
  // The Emirates moved to Monday to Friday in 2022; Morocco, Tunisia and Lebanon work Monday to Friday.
  AE: { workingDays: MON_FRI, weekStart: 1 },
  MA: { workingDays: MON_FRI, weekStart: 1 },
  TN: { workingDays: MON_FRI, weekStart: 1 },
  LB: { workingDays: MON_FRI, weekStart: 1 },
  US: { workingDays: MON_FRI, weekStart: 0 },
  GB: { workingDays: MON_FRI, weekStart: 1 },
};

/** The working week of a country (an ISO code such as "IR"); the general one when not in the table. */
export function regionWeek(country: string): RegionWeek {
  const week = WEEKS[country.toUpperCase()] ?? GENERAL_WEEK;
  return { workingDays: [...week.workingDays], weekStart: week.weekStart };
}

/** The seven days in the order of a week that starts on `weekStart`. */
export function weekOrder(weekStart: Weekday): Weekday[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStart + i) % 7) as Weekday);
}

/** `days` without repeats, in the order of a week that starts on `weekStart`. */
export function sortDays(days: readonly Weekday[], weekStart: Weekday): Weekday[] {
  return weekOrder(weekStart).filter((d) => days.includes(d));
}

/** Where each language is most likely spoken, when the computer's language names no country. */
const LANGUAGE_COUNTRY: Record<Language, string | null> = { fa: 'IR', tr: 'TR', ar: 'SA', en: null };

/** The country part of a locale ("fa-IR" → "IR", "ar-Arab-EG" → "EG", "en" → null). */
export function regionOf(locale: string): string | null {
  const parts = locale.split(/[-_]/);
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(part)) return part.toUpperCase();
    if (part.length === 1) break; // an extension (-u-…) follows
  }
  return null;
}

/**
 * The country to offer first for a language: the region of the computer's own locale in that
 * language ("ar-EG" → Egypt), else where the language is most spoken (fa → Iran, tr → Türkiye,
 * ar → Saudi Arabia), else the region of the computer's first locale, else null.
 */
export function countryFor(language: Language, locales: readonly string[], isCountry: (code: string) => boolean): string | null {
  const known = (code: string | null): code is string => code !== null && isCountry(code);
  for (const locale of locales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    const region = regionOf(locale);
    if (base === language && known(region)) return region;
  }
  const usual = LANGUAGE_COUNTRY[language];
  if (known(usual)) return usual;
  for (const locale of locales) {
    const region = regionOf(locale);
    if (known(region)) return region;
  }
  return null;
}

/** The main time zone of the countries Pigeon's languages are spoken in (the first is the capital's). */
const COUNTRY_ZONES: Record<string, string[]> = {
  IR: ['Asia/Tehran'],
  AF: ['Asia/Kabul'],
  TR: ['Europe/Istanbul'],
  SA: ['Asia/Riyadh'],
  AE: ['Asia/Dubai'],
  KW: ['Asia/Kuwait'],
  QA: ['Asia/Qatar'],
  BH: ['Asia/Bahrain'],
  OM: ['Asia/Muscat'],
  EG: ['Africa/Cairo'],
  IQ: ['Asia/Baghdad'],
  JO: ['Asia/Amman'],
  SY: ['Asia/Damascus'],
  LB: ['Asia/Beirut'],
  YE: ['Asia/Aden'],
  DZ: ['Africa/Algiers'],
  MA: ['Africa/Casablanca'],
  TN: ['Africa/Tunis'],
  LY: ['Africa/Tripoli'],
  SD: ['Africa/Khartoum'],
  GB: ['Europe/London'],
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'],
};

/**
 * The time zone to offer first for a country: the computer's own when it is one of the country's
 * (or when the country is not one Pigeon knows the zones of), else the country's main one.
 * `zonesOf` may add what the engine knows (Intl.Locale's time zones, where there are any).
 */
export function timeZoneFor(country: string, machineZone: string, zonesOf?: (country: string) => readonly string[] | undefined): string {
  const zones = [...(COUNTRY_ZONES[country.toUpperCase()] ?? []), ...(zonesOf?.(country) ?? [])];
  if (zones.length === 0 || zones.includes(machineZone)) return machineZone;
  return zones[0] ?? machineZone;
}

/**
 * The week as a place lives it: the day it starts on (Saturday in Iran and Egypt, Sunday in Saudi
 * Arabia and the United States, Monday in Türkiye) and its weekend (Friday in Iran, Friday and
 * Saturday in most Arab countries). Intl.Locale knows it (getWeekInfo, or the older weekInfo
 * getter); a small table from the same CLDR data stands in for engines that know neither.
 * Days are numbered as pace.ts numbers them: 0 Sunday … 6 Saturday.
 */
import type { Weekday } from './pace';

export type WeekInfo = { firstDay: Weekday; weekend: Weekday[] };

/** Where a language is spoken most when no country is given (what Intl.Locale#maximize says). */
const LIKELY_REGION: Record<string, string> = { en: 'US', tr: 'TR', fa: 'IR', ar: 'EG' };

/** CLDR's week data for the countries that differ from Monday and a Saturday–Sunday weekend. */
const FIRST_SATURDAY = new Set(['AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY']);
const FIRST_SUNDAY = new Set(
  'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '),
);
const WEEKEND: Record<string, Weekday[]> = {
  AF: [4, 5],
  IR: [5],
  IN: [0],
  UG: [0],
  ...Object.fromEntries(['BH', 'DZ', 'EG', 'IL', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SA', 'SD', 'SY', 'YE'].map((r) => [r, [5, 6] as Weekday[]])),
};

/** The table's answer for a country (upper-case ISO code). */
export function weekInfoFromTable(region: string): WeekInfo {
  const firstDay: Weekday = FIRST_SATURDAY.has(region) ? 6 : FIRST_SUNDAY.has(region) ? 0 : 1;
  return { firstDay, weekend: WEEKEND[region] ?? [6, 0] };
}

type IntlWeekInfo = { firstDay: number; weekend: number[] };
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => IntlWeekInfo; weekInfo?: IntlWeekInfo };

/** Intl numbers Monday 1 … Sunday 7. */
const fromIntl = (day: number): Weekday => (day % 7) as Weekday;

/**
 * The week of `language` spoken in `region` (an ISO country code, e.g. the default country of the
 * settings), or where the language is spoken most when no region is given: fa → Iran, ar → Egypt,
 * tr → Türkiye, en → the United States.
 */
export function weekInfo(language: string, region?: string | null): WeekInfo {
  const tag = region ? `${language}-${region.toUpperCase()}` : language;
  let locale: LocaleWithWeek | null = null;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    locale = null;
  }
  try {
    const info = locale?.getWeekInfo?.() ?? locale?.weekInfo;
    if (info && Number.isInteger(info.firstDay) && Array.isArray(info.weekend)) {
      return { firstDay: fromIntl(info.firstDay), weekend: info.weekend.map(fromIntl) };
    }
  } catch {
    // An engine without week data: the table below.
  }
  let country = region?.toUpperCase() ?? '';
  if (!country) {
    try {
      country = new Intl.Locale(language).maximize().region ?? '';
    } catch {
      country = '';
    }
  }
  return weekInfoFromTable(country || LIKELY_REGION[language.toLowerCase().split('-')[0] ?? ''] || 'US');
}

/**
 * The country whose week an operator keeps: the settings' default country when `language` is the
 * language spoken most there (Arabic in Saudi Arabia, Persian in Afghanistan), else none, so the
 * language's own country counts (a Persian operator whose default country was left at Türkiye still
 * gets Iran's week).
 */
export function operatorRegion(language: string, country: string | null | undefined): string | null {
  if (!country) return null;
  try {
    return new Intl.Locale(`und-${country.toUpperCase()}`).maximize().language === language.toLowerCase().split('-')[0] ? country.toUpperCase() : null;
  } catch {
    return null;
  }
}

/** The seven days in the order the week is written, from its first day. */
export function weekDays(firstDay: Weekday): Weekday[] {
  return Array.from({ length: 7 }, (_, i) => ((firstDay + i) % 7) as Weekday);
}

/**
 * The working days of that week (every day but the weekend), a default for working hours; sorted
 * 0–6 as working hours keep them.
 */
export function workingDays(info: WeekInfo): Weekday[] {
  return ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).filter((d) => !info.weekend.includes(d));
}

/**
 * Dates in the calendar the operator reads (Gregorian, Persian / Solar Hijri, Islamic Umm al-Qura)
 * and the wall times typed beside them. Whatever calendar is shown, what the app keeps is the
 * Gregorian wall date ("2026-03-06", proleptic Gregorian, as `<input type=date>` gave it) and, once
 * a time and a zone are added, an ISO instant.
 *
 * Intl is the one source of truth: every date the app shows goes through Intl.DateTimeFormat, so
 * the conversions here are built on it too (a calendar date is found by searching the Gregorian
 * days Intl labels with it), and a date picked is always the date shown.
 */
import { numberAscii } from './digits';
import { formatDate, wallDate, wallTime } from './dates';
import { isValidTimeZone, zonedTimeToUtc } from './pace';

export const CALENDAR_IDS = ['gregory', 'persian', 'islamic-umalqura'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];
/** A day on a calendar's wall: month 1–12, day 1–31. */
export type CivilDate = { year: number; month: number; day: number };

const DAY = 86_400_000;

/** Midnight UTC of a Gregorian date (years below 100 too, which Date.UTC would move to the 1900s). */
function utcMs(d: CivilDate): number {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  return t.getTime();
}

function gregorianOfDayNumber(day: number): CivilDate {
  const t = new Date(day * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A Gregorian wall date read from "YYYY-MM-DD", or null when it is not a real day. */
export function parseIsoDate(iso: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = gregorianOfDayNumber(Math.floor(utcMs(d) / DAY));
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : null;
}

export const isoOfDate = (d: CivilDate): string => wallDate(d.year, d.month, d.day);

/** The calendar a locale asks for ("fa-u-ca-persian" → persian); Gregorian when it is none of ours. */
export function calendarOf(locale: string): CalendarId {
  try {
    const c = new Intl.DateTimeFormat(locale).resolvedOptions().calendar;
    return (CALENDAR_IDS as readonly string[]).includes(c) ? (c as CalendarId) : 'gregory';
  } catch {
    return 'gregory';
  }
}

const readers = new Map<CalendarId, Intl.DateTimeFormat>();
function reader(calendar: CalendarId): Intl.DateTimeFormat {
  let f = readers.get(calendar);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    readers.set(calendar, f);
  }
  return f;
}

function calendarOfDayNumber(day: number, calendar: CalendarId): CivilDate {
  if (calendar === 'gregory') return gregorianOfDayNumber(day);
  const out: CivilDate = { year: 0, month: 0, day: 0 };
  for (const p of reader(calendar).formatToParts(day * DAY)) {
    if (p.type === 'year') out.year = Number(p.value);
    else if (p.type === 'month') out.month = Number(p.value);
    else if (p.type === 'day') out.day = Number(p.value);
  }
  return out;
}

/** The date `gregorian` is in `calendar` (as Intl labels it). */
export function toCalendar(gregorian: CivilDate, calendar: CalendarId): CivilDate {
  if (calendar === 'gregory') return { ...gregorian };
  return calendarOfDayNumber(Math.floor(utcMs(gregorian) / DAY), calendar);
}

const compare = (a: CivilDate, b: CivilDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

/** The first day of a year near the present in each calendar, and its mean year, to start a search from. */
const ANCHORS: Record<Exclude<CalendarId, 'gregory'>, { year: number; start: CivilDate; yearDays: number }> = {
  persian: { year: 1400, start: { year: 2021, month: 3, day: 21 }, yearDays: 365.2422 },
  'islamic-umalqura': { year: 1440, start: { year: 2018, month: 9, day: 11 }, yearDays: 354.3671 },
};

const found = new Map<string, CivilDate | null>();

/**
 * The Gregorian date of a day given in `calendar`, or null when that calendar has no such day
 * (30 Esfand in a common year, a 30th in a 29-day Hijri month, month 13).
 */
export function fromCalendar(date: CivilDate, calendar: CalendarId): CivilDate | null {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return null;
  if (calendar === 'gregory') return parseIsoDate(isoOfDate(date)) ?? null;
  const key = `${calendar}:${year}-${month}-${day}`;
  const known = found.get(key);
  if (known !== undefined) return known;
  const anchor = ANCHORS[calendar];
  const guess = Math.round(utcMs(anchor.start) / DAY + (year - anchor.year) * anchor.yearDays + ((month - 1) * anchor.yearDays) / 12 + day - 1);
  // The guess is within a few days; the calendar's dates rise with the days, so halve the gap.
  let lo = guess - 60;
  let hi = guess + 60;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (compare(calendarOfDayNumber(mid, calendar), date) < 0) lo = mid + 1;
    else hi = mid;
  }
  const result = compare(calendarOfDayNumber(lo, calendar), date) === 0 ? gregorianOfDayNumber(lo) : null;
  if (found.size > 5000) found.clear();
  found.set(key, result);
  return result;
}

/** How many days a month of `calendar` has (29–31). */
export function daysInMonth(year: number, month: number, calendar: CalendarId): number {
  for (let day = 31; day >= 28; day--) if (fromCalendar({ year, month, day }, calendar)) return day;
  return 0;
}

/** The same wall day `days` later (or earlier). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return gregorianOfDayNumber(Math.floor(utcMs(date) / DAY) + days);
}

/**
 * A wall date (not an instant) written in `locale` with Intl's `options` ("Friday 15 Esfand 1404"
 * for fa-u-ca-persian and dateStyle full): the same words every screen uses.
 */
export function formatWallDate(iso: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const d = parseIsoDate(iso);
  return d ? formatDate(utcMs(d), locale, { ...options, timeZone: 'UTC' }) : iso;
}

type Field = 'year' | 'month' | 'day';

function numericParts(locale: string, at: number): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
}

/** The order the locale writes a numeric date in: ["day", "month", "year"] in Turkish, year first in Persian. */
export function dateOrder(locale: string): Field[] {
  return numericParts(locale, 0)
    .map((p) => p.type)
    .filter((t): t is Field => t === 'year' || t === 'month' || t === 'day');
}

/**
 * A wall date as the date box shows it: numeric, in the locale's calendar, order and digits, without
 * the era ("۱۴۰۴/۱۲/۱۵", "06.03.2026", "03/06/2026"). "" for "".
 */
export function formatDateText(iso: string, locale: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const parts = numericParts(locale, utcMs(d));
  const kept: string[] = [];
  parts.forEach((p, i) => {
    if (p.type === 'era') return;
    // The space between an era and the date goes with the era.
    if (p.type === 'literal' && (parts[i - 1]?.type === 'era' || parts[i + 1]?.type === 'era')) return;
    kept.push(p.value);
  });
  return kept.join('').trim();
}

/**
 * The date box's pattern with the fields named ("MM/DD/YYYY", "روز/ماه/سال" with names given by
 * the caller in the language), in the locale's order and separators, for a placeholder.
 */
export function datePattern(locale: string, names: Record<Field, string>): string {
  const parts = numericParts(locale, 0);
  return parts
    .filter((p, i) => p.type !== 'era' && !(p.type === 'literal' && (parts[i - 1]?.type === 'era' || parts[i + 1]?.type === 'era')))
    .map((p) => (p.type === 'year' || p.type === 'month' || p.type === 'day' ? names[p.type] : p.value))
    .join('')
    .trim();
}

/**
 * A date typed in the locale's calendar, in any digits and with any separators, as the Gregorian
 * "YYYY-MM-DD"; null when it is not a day of that calendar. A four-digit number first is the year
 * (year, month, day, as ISO and Persian write it); a four-digit number last is the year after the
 * day and month in the locale's order (month first in American English, day first elsewhere).
 * Only days between 1900 and 2199 are taken, so a year of the wrong calendar is refused.
 */
export function parseDateText(text: string, locale: string): string | null {
  const groups = numberAscii(text).match(/\d+/g);
  if (!groups || groups.length !== 3) return null;
  const [a, b, c] = groups as [string, string, string];
  let date: CivilDate;
  if (a.length >= 3 && b.length <= 2 && c.length <= 2) date = { year: Number(a), month: Number(b), day: Number(c) };
  else if (c.length >= 3 && a.length <= 2 && b.length <= 2) {
    const order = dateOrder(locale).filter((f) => f !== 'year');
    const monthFirst = order[0] === 'month' && dateOrder(locale)[0] !== 'year';
    date = monthFirst ? { year: Number(c), month: Number(a), day: Number(b) } : { year: Number(c), month: Number(b), day: Number(a) };
  } else return null;
  const g = fromCalendar(date, calendarOf(locale));
  // A year of another calendar typed by mistake (2026 in the Persian calendar is the 27th century).
  return g && g.year >= 1900 && g.year < 2200 ? isoOfDate(g) : null;
}

const AM = /^(am|a\.m\.?|öö|ö\.ö\.?|ق\.?ظ\.?|ص)$/;
const PM = /^(pm|p\.m\.?|ös|ö\.s\.?|ب\.?ظ\.?|م)$/;

/**
 * A wall time typed in any digits as "HH:MM" (24-hour), or null: "9:30", "09.30", "0930", "۹:۳۰",
 * "٩:٣٠", "9:30 pm", "۹:۳۰ ب.ظ".
 */
export function parseTimeText(text: string): string | null {
  const s = numberAscii(text).trim().toLocaleLowerCase('tr');
  const m = /^(\d{1,2})(?:\s*[:.،,h]\s*(\d{2})|(\d{2}))?\s*([^\d\s]\S*)?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  const marker = m[4] ?? '';
  if (marker !== '') {
    const pm = PM.test(marker);
    if (!pm && !AM.test(marker)) return null;
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return wallTime(hour, minute);
}

/** "HH:MM" in the locale's digits ("۰۹:۳۰" in Persian). */
export function formatTimeText(hhmm: string, locale: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${two.format(Number(m[1]))}:${two.format(Number(m[2]))}`;
}

/**
 * The instant a wall date ("YYYY-MM-DD", Gregorian) and wall time ("HH:MM") mean in `timeZone`, or
 * null when one of them is missing or wrong. In a gap (clocks going forward) the time is moved on
 * by the gap, as the queue does.
 */
export function wallInstant(iso: string, hhmm: string, timeZone: string): number | null {
  const d = parseIsoDate(iso);
  const t = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!d || !t || !isValidTimeZone(timeZone)) return null;
  return zonedTimeToUtc({ ...d, hour: Number(t[1]), minute: Number(t[2]) }, timeZone);
}

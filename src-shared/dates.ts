/**
 * Dates and times as people read them, in one place: every date the app shows or writes into a
 * message goes through here, with the app's locale (src-shared/i18n getLocale()) passed in, so a
 * new language changes weekday and month names everywhere at once. Words come from
 * Intl.DateTimeFormat; the fixed numeric forms ("09:00", "2026-01-31") are the same in every
 * language and are written out here.
 */

/**
 * Formatters are costly to build and the same few are asked for again and again. Only those with
 * an explicit time zone are kept: one without takes the computer's zone when it is built, and the
 * zone can change while the app runs (travel, a settings change).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  if (options.timeZone === undefined) return new Intl.DateTimeFormat(locale, options);
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const persianFa = new Map<string, boolean>();
/** Persian words with the Solar Hijri calendar ("fa-u-ca-persian"). */
function isPersianInPersian(locale: string): boolean {
  let yes = persianFa.get(locale);
  if (yes === undefined) {
    try {
      const resolved = new Intl.DateTimeFormat(locale).resolvedOptions();
      yes = resolved.locale.split('-')[0] === 'fa' && resolved.calendar === 'persian';
    } catch {
      yes = false;
    }
    persianFa.set(locale, yes);
  }
  return yes;
}

/**
 * `date` in `locale` with Intl's `options` (as Date#toLocaleString would give them when the
 * options name at least one field). Throws RangeError for an unknown time zone, as Intl does.
 *
 * One repair: ICU has no full date pattern for the Solar Hijri calendar in Persian and falls back
 * to "۱۴۰۴ دی ۲۳, سه‌شنبه" (year first, a Latin comma, the weekday last); Persian is written
 * "سه‌شنبه ۲۳ دی ۱۴۰۴", the weekday before ICU's own long date.
 */
export function formatDate(date: Date | number, locale: string, options: Intl.DateTimeFormatOptions): string {
  if (options.dateStyle === 'full' && isPersianInPersian(locale)) {
    const weekday = cached(locale, { weekday: 'long', ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) }).format(date);
    return `${weekday} ${cached(locale, { ...options, dateStyle: 'long' }).format(date)}`;
  }
  return cached(locale, options).format(date);
}

/** 7 January 2024 was a Sunday: day 0 of the week as pace.ts counts (0 Sunday … 6 Saturday). */
const A_SUNDAY = Date.UTC(2024, 0, 7);

/** A weekday's name (0 Sunday … 6 Saturday): "Mon" / "Monday" in English. */
export function weekdayName(day: number, locale: string, style: 'short' | 'long' = 'short'): string {
  return formatDate(A_SUNDAY + day * 86_400_000, locale, { weekday: style, timeZone: 'UTC' });
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A wall-clock time, "09:05" (24-hour, as the time inputs and the queue's messages write it). */
export const wallTime = (hour: number, minute: number): string => `${pad2(hour)}:${pad2(minute)}`;

/** A wall-calendar date, "2026-01-31" (month 1–12). */
export const wallDate = (year: number, month: number, day: number): string => `${year}-${pad2(month)}-${pad2(day)}`;

/** The UTC date of `date`, "2026-01-31", as exports put it in a file's name. */
export const utcDate = (date: Date | number): string => new Date(date).toISOString().slice(0, 10);

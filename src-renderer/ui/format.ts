/** Dates and times as the user reads them, in the current language. */
import { formatWallDate } from '#shared/calendar';
import { formatDate } from '#shared/dates';
import { getLocale } from '#shared/i18n';

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "14:05:09" for today, "3 Mar, 14:05" this year, "3 Mar 2025, 14:05" before. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return iso;
  const locale = getLocale();
  if (d.toDateString() === now.toDateString()) {
    return formatDate(d, locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
  // The year of the calendar shown (1404 and 1405 meet in March in the Persian calendar).
  const sameYear = formatDate(d, locale, { year: 'numeric' }) === formatDate(now, locale, { year: 'numeric' });
  return formatDate(d, locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The full date and time, for a tooltip. */
export function formatFull(iso: string): string {
  const d = parse(iso);
  return d ? formatDate(d, getLocale(), { dateStyle: 'full', timeStyle: 'medium' }) : iso;
}

/** A date and time, as a contact's "Added" and "Changed" show it: "Mar 3, 2026, 2:05 PM". */
export function formatDateTime(iso: string): string {
  const d = parse(iso);
  return d ? formatDate(d, getLocale(), { dateStyle: 'medium', timeStyle: 'short' }) : iso;
}

/** A date alone: "3 Mar 2026". */
export function formatDay(iso: string): string {
  const d = parse(iso);
  return d ? formatDate(d, getLocale(), { day: 'numeric', month: 'short', year: 'numeric' }) : iso;
}

/** A wall date ("2026-03-06", no time, no zone) as a day in the operator's calendar: "15 Esfand 1404". */
export function formatWallDay(iso: string): string {
  return formatWallDate(iso, getLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Wraps text that has right-to-left letters in Unicode isolates (FSI…PDI), so it cannot reorder the
 * words around it when it is put inside a sentence ("علی (+98 912…) replied …"). Other text is left
 * as it is.
 */
export function isolate(text: string): string {
  return RTL_CHAR.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * A phone number put inside a sentence: in a right-to-left page it is wrapped in a left-to-right
 * isolate (LRI…PDI), so "+98 912 123 4567" does not come out as "4567 123 912 98+".
 */
export function isolatePhone(phone: string): string {
  return document.documentElement.dir === 'rtl' ? `\u2066${phone}\u2069` : phone;
}

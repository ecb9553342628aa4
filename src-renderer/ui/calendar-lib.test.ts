import { describe, expect, it } from 'vitest';
import * as jalali from 'date-fns-jalali';
import { DateLib } from 'react-day-picker';
import { getDateLib as hijriDateLib } from 'react-day-picker/hijri';
import { calendarDateLib } from './calendar-lib';

/** Intl's year-month-day of a local-midnight Date in `calendar`. */
const readers = new Map<string, Intl.DateTimeFormat>();
function intl(date: Date, calendar: string): string {
  let reader = readers.get(calendar);
  if (!reader) {
    reader = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { year: 'numeric', month: 'numeric', day: 'numeric' });
    readers.set(calendar, reader);
  }
  const parts = reader.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function days(from: number, to: number, step: number): Date[] {
  const out: Date[] = [];
  for (let t = from; t < to; t += step * 86_400_000) {
    const d = new Date(t);
    out.push(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  }
  return out;
}

describe('the picker’s calendars agree with Intl (the dates every screen shows)', () => {
  it('Persian (react-day-picker/persian, date-fns-jalali): every day from 1925 to 2077', () => {
    for (const d of days(Date.UTC(1925, 0, 1), Date.UTC(2077, 10, 1), 1)) {
      expect(`${jalali.getYear(d)}-${jalali.getMonth(d) + 1}-${jalali.getDate(d)}`).toBe(intl(d, 'persian'));
    }
  });

  it('Umm al-Qura (ours, on Intl): every few days from 1925 to 2077', () => {
    const lib = new DateLib(undefined, calendarDateLib('islamic-umalqura'));
    for (const d of days(Date.UTC(1925, 0, 1), Date.UTC(2077, 10, 1), 7)) {
      expect(`${lib.getYear(d)}-${lib.getMonth(d) + 1}-${lib.format(d, 'd')}`).toBe(intl(d, 'islamic-umalqura'));
    }
  });

  it('react-day-picker’s own Hijri build does not, from 2029 on (why it is not used)', () => {
    const theirs = hijriDateLib();
    const wrong = days(Date.UTC(2029, 0, 1), Date.UTC(2031, 0, 1), 1).filter(
      (d) => `${theirs.getYear(d)}-${theirs.getMonth(d) + 1}-${theirs.format(d, 'd')}` !== intl(d, 'islamic-umalqura'),
    );
    expect(wrong.length).toBeGreaterThan(0);
  });
});

describe('Umm al-Qura months as DayPicker counts them', () => {
  const lib = new DateLib(undefined, calendarDateLib('islamic-umalqura'));
  // 6 March 2026 is 17 Ramadan 1447.
  const day = new Date(2026, 2, 6);

  it('finds the month’s first and last days', () => {
    expect(intl(lib.startOfMonth(day), 'islamic-umalqura')).toBe('1447-9-1');
    const end = lib.endOfMonth(day);
    expect(intl(end, 'islamic-umalqura')).toMatch(/^1447-9-(29|30)$/);
    expect(intl(lib.addDays(end, 1), 'islamic-umalqura')).toBe('1447-10-1');
  });

  it('adds months and years, keeping the day within the month', () => {
    expect(intl(lib.addMonths(day, 1), 'islamic-umalqura')).toBe('1447-10-17');
    expect(intl(lib.addMonths(day, 4), 'islamic-umalqura')).toBe('1448-1-17');
    expect(intl(lib.addMonths(day, -9), 'islamic-umalqura')).toBe('1446-12-17');
    expect(intl(lib.addYears(day, 1), 'islamic-umalqura')).toBe('1448-9-17');
    expect(lib.differenceInCalendarMonths(lib.addMonths(day, 5), day)).toBe(5);
    const thirtieth = lib.newDate(1447, 7, 30); // 30 Sha'ban, if there is one
    expect(intl(lib.addMonths(thirtieth, 1), 'islamic-umalqura')).toMatch(/^1447-9-(29|30)$/);
  });

  it('lists the months and years of an interval', () => {
    const months = lib.eachMonthOfInterval({ start: lib.newDate(1447, 10, 5), end: lib.newDate(1448, 1, 2) });
    expect(months.map((m) => intl(m, 'islamic-umalqura'))).toEqual(['1447-11-1', '1447-12-1', '1448-1-1', '1448-2-1']);
    const years = lib.eachYearOfInterval({ start: lib.newDate(1446, 3, 1), end: lib.newDate(1448, 0, 1) });
    expect(years.map((y) => intl(y, 'islamic-umalqura'))).toEqual(['1446-1-1', '1447-1-1', '1448-1-1']);
    expect(lib.getMonth(lib.setMonth(day, 0))).toBe(0);
    expect(lib.getYear(lib.setYear(day, 1450))).toBe(1450);
    expect(lib.isSameMonth(day, lib.startOfMonth(day))).toBe(true);
    expect(lib.isSameYear(day, lib.endOfYear(day))).toBe(true);
  });
});

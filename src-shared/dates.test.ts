import { describe, expect, it } from 'vitest';
import { formatDate, utcDate, wallDate, wallTime, weekdayName } from './dates';

describe('dates', () => {
  it('names the weekdays in English as the queue and the working hours always have', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayName(d, 'en'))).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(weekdayName(1, 'en', 'long')).toBe('Monday');
    expect(weekdayName(2, 'en', 'long')).toBe('Tuesday');
  });

  it('names them in the locale it is given', () => {
    expect(weekdayName(1, 'de', 'long')).toBe('Montag');
  });

  it('formats as Date#toLocaleString does with the same options', () => {
    const at = Date.UTC(2026, 2, 5, 9, 7, 3);
    const options: Intl.DateTimeFormatOptions[] = [
      { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
      { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'medium' },
      { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit' },
    ];
    for (const o of options) {
      expect(formatDate(at, 'en', o)).toBe(new Date(at).toLocaleString('en', o));
      expect(formatDate(new Date(at), 'en', o)).toBe(new Date(at).toLocaleString('en', o));
    }
    expect(() => formatDate(at, 'en', { timeZone: 'Not/AZone', hour: 'numeric' })).toThrow(RangeError);
  });

  it('writes a full Solar Hijri date in Persian as Persian readers do, the weekday first', () => {
    const at = Date.UTC(2026, 0, 13, 12);
    expect(formatDate(at, 'fa-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' })).toBe('سه‌شنبه ۲۳ دی ۱۴۰۴');
    expect(formatDate(at, 'fa-u-ca-persian', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Tehran' })).toBe(
      `سه‌شنبه ${new Date(at).toLocaleString('fa-u-ca-persian', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tehran' })}`,
    );
    // Other languages and calendars are Intl's own.
    expect(formatDate(at, 'fa-u-ca-gregory', { dateStyle: 'full', timeZone: 'UTC' })).toBe(new Date(at).toLocaleString('fa-u-ca-gregory', { dateStyle: 'full', timeZone: 'UTC' }));
    expect(formatDate(at, 'en-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' })).toBe('Tuesday, Dey 23, 1404 AP');
  });

  it('writes the fixed numeric forms', () => {
    expect(wallTime(9, 5)).toBe('09:05');
    expect(wallDate(2026, 1, 31)).toBe('2026-01-31');
    expect(utcDate(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
});

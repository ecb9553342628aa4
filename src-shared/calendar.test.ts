import { describe, expect, it } from 'vitest';
import {
  calendarOf,
  datePattern,
  daysInMonth,
  formatDateText,
  formatTimeText,
  formatWallDate,
  fromCalendar,
  parseDateText,
  parseIsoDate,
  parseTimeText,
  toCalendar,
  wallInstant,
  type CalendarId,
  type CivilDate,
} from './calendar';

/** What Intl itself says the instant is, on the wall of `zone`, in `calendar` (Latin digits). */
function intlWall(ms: number, calendar: CalendarId, zone: string): string {
  const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describe('a date picked in the Persian calendar', () => {
  it('15 Esfand 1404 at 09:30 in Tehran is 06:00 UTC on 6 March 2026', () => {
    const iso = parseDateText('۱۴۰۴/۱۲/۱۵', 'fa-u-ca-persian');
    expect(iso).toBe('2026-03-06');
    const time = parseTimeText('۰۹:۳۰');
    expect(time).toBe('09:30');
    const at = wallInstant(iso!, time!, 'Asia/Tehran');
    expect(new Date(at!).toISOString()).toBe('2026-03-06T06:00:00.000Z');
    // Intl, asked independently, reads the same instant back as the date and time picked.
    expect(intlWall(at!, 'persian', 'Asia/Tehran')).toBe('1404-12-15 09:30');
  });

  it('means the wall time of the zone the campaign is in, not of this computer', () => {
    const iso = parseDateText('1404/12/15', 'en-u-ca-persian')!;
    const istanbul = wallInstant(iso, '09:30', 'Europe/Istanbul')!;
    expect(new Date(istanbul).toISOString()).toBe('2026-03-06T06:30:00.000Z');
    expect(intlWall(istanbul, 'persian', 'Europe/Istanbul')).toBe('1404-12-15 09:30');
  });

  it('knows the leap years: 30 Esfand exists in 1403, not in 1404', () => {
    expect(fromCalendar({ year: 1403, month: 12, day: 30 }, 'persian')).toEqual({ year: 2025, month: 3, day: 20 });
    expect(fromCalendar({ year: 1404, month: 12, day: 30 }, 'persian')).toBeNull();
    expect(daysInMonth(1403, 12, 'persian')).toBe(30);
    expect(daysInMonth(1404, 12, 'persian')).toBe(29);
    expect(daysInMonth(1404, 1, 'persian')).toBe(31);
    expect(daysInMonth(1404, 7, 'persian')).toBe(30);
  });
});

describe('a date picked in the Umm al-Qura calendar', () => {
  it('17 Ramadan 1447 at 20:15 in Riyadh is 17:15 UTC on 6 March 2026', () => {
    const iso = parseDateText('١٧/٠٩/١٤٤٧', 'ar-u-ca-islamic-umalqura');
    expect(iso).toBe('2026-03-06');
    const at = wallInstant(iso!, parseTimeText('٢٠:١٥')!, 'Asia/Riyadh');
    expect(new Date(at!).toISOString()).toBe('2026-03-06T17:15:00.000Z');
    expect(intlWall(at!, 'islamic-umalqura', 'Asia/Riyadh')).toBe('1447-9-17 20:15');
  });

  it('1 Shawwal 1447 (Eid al-Fitr) follows a 29-day Ramadan', () => {
    const eid = fromCalendar({ year: 1447, month: 10, day: 1 }, 'islamic-umalqura')!;
    expect(toCalendar(eid, 'islamic-umalqura')).toEqual({ year: 1447, month: 10, day: 1 });
    const ramadan = daysInMonth(1447, 9, 'islamic-umalqura');
    expect([29, 30]).toContain(ramadan);
    expect(fromCalendar({ year: 1447, month: 9, day: 30 }, 'islamic-umalqura') === null).toBe(ramadan === 29);
  });
});

describe('conversions agree with Intl on every day', () => {
  it.each(['persian', 'islamic-umalqura', 'gregory'] as const)('%s, 2000 to 2060, both ways', (calendar) => {
    let checked = 0;
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2060, 0, 1); t += 86_400_000 * 5) {
      const d = new Date(t);
      const g: CivilDate = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const c = toCalendar(g, calendar);
      expect(intlWall(t, calendar, 'UTC')).toBe(`${c.year}-${c.month}-${c.day} 00:00`);
      expect(fromCalendar(c, calendar)).toEqual(g);
      checked++;
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('refuses days no calendar has', () => {
    expect(fromCalendar({ year: 1404, month: 13, day: 1 }, 'persian')).toBeNull();
    expect(fromCalendar({ year: 1404, month: 0, day: 1 }, 'persian')).toBeNull();
    expect(fromCalendar({ year: 2026, month: 2, day: 29 }, 'gregory')).toBeNull();
    expect(fromCalendar({ year: 2028, month: 2, day: 29 }, 'gregory')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('the date box', () => {
  it('shows the date in the locale’s calendar, order and digits, without the era', () => {
    expect(formatDateText('2026-03-06', 'fa-u-ca-persian')).toBe('۱۴۰۴/۱۲/۱۵');
    expect(formatDateText('2026-03-06', 'en-u-ca-gregory')).toBe('03/06/2026');
    expect(formatDateText('2026-03-06', 'tr-u-ca-gregory')).toBe('06.03.2026');
    expect(formatDateText('2026-03-06', 'tr-u-ca-persian')).toBe('15.12.1404');
    expect(formatDateText('2026-03-06', 'en-u-ca-islamic-umalqura')).toBe('09/17/1447');
    expect(formatDateText('', 'fa-u-ca-persian')).toBe('');
  });

  it('reads back what it shows, in every language and calendar', () => {
    for (const locale of ['en', 'tr', 'fa', 'ar'].flatMap((l) => ['gregory', 'persian', 'islamic-umalqura'].map((c) => `${l}-u-ca-${c}`))) {
      for (const iso of ['2026-03-06', '2025-03-20', '2027-01-01', '2026-12-31']) {
        expect(parseDateText(formatDateText(iso, locale), locale), `${locale} ${iso}`).toBe(iso);
      }
    }
  });

  it('takes any digits and separators, the year first (ISO) or last (in the locale’s order)', () => {
    expect(parseDateText('2026-03-06', 'en-u-ca-gregory')).toBe('2026-03-06');
    expect(parseDateText('3/6/2026', 'en-u-ca-gregory')).toBe('2026-03-06');
    expect(parseDateText('6.3.2026', 'tr-u-ca-gregory')).toBe('2026-03-06');
    expect(parseDateText('١٤٠٤-١٢-١٥', 'fa-u-ca-persian')).toBe('2026-03-06');
    expect(parseDateText('15/12/1404', 'fa-u-ca-persian')).toBe('2026-03-06');
    expect(parseDateText('\u200f۱۴۰۴\u200f/۱۲/۱۵ ', 'fa-u-ca-persian')).toBe('2026-03-06');
  });

  it('says no to what is not a day', () => {
    for (const text of ['', 'tomorrow', '1404/12', '1404/12/30', '14/12/15', '2026-02-30', '1/2/3/2026']) {
      expect(parseDateText(text, 'fa-u-ca-persian'), text).toBeNull();
    }
  });

  it('writes a wall date in words in the locale', () => {
    expect(formatWallDate('2026-03-06', 'fa-u-ca-persian', { dateStyle: 'full' })).toBe('جمعه ۱۵ اسفند ۱۴۰۴');
    expect(formatWallDate('2026-03-06', 'ar-u-ca-islamic-umalqura', { dateStyle: 'full' })).toBe(
      new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura', { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 6)),
    );
    expect(formatWallDate('2026-03-06', 'en-u-ca-gregory', { dateStyle: 'long' })).toBe('March 6, 2026');
  });

  it('knows a locale’s calendar', () => {
    expect(calendarOf('fa-u-ca-persian')).toBe('persian');
    expect(calendarOf('ar-u-ca-islamic-umalqura')).toBe('islamic-umalqura');
    expect(calendarOf('tr-u-ca-gregory')).toBe('gregory');
    expect(calendarOf('en-u-ca-buddhist')).toBe('gregory');
  });
});

describe('the time box', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['9.30', '09:30'],
    ['9', '09:00'],
    ['۹:۳۰', '09:30'],
    ['٢٣:٠٥', '23:05'],
    ['9:30 pm', '21:30'],
    ['12:00 AM', '00:00'],
    ['12:15 pm', '12:15'],
    ['۹:۳۰ ب.ظ', '21:30'],
    ['9:30 ÖS', '21:30'],
    ['00:00', '00:00'],
  ])('reads %j as %s', (text, hhmm) => {
    expect(parseTimeText(text)).toBe(hhmm);
  });

  it.each(['', '24:00', '9:60', '13:00 pm', 'noon', '9:3', '12345'])('refuses %j', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });

  it('shows the time in the locale’s digits', () => {
    expect(formatTimeText('09:30', 'fa-u-ca-persian')).toBe('۰۹:۳۰');
    expect(formatTimeText('09:30', 'tr-u-ca-gregory')).toBe('09:30');
    expect(formatTimeText('09:30', 'ar')).toBe(`${(9).toLocaleString('ar', { minimumIntegerDigits: 2 })}:${(30).toLocaleString('ar')}`);
  });
});

describe('wallInstant', () => {
  it('is null for a missing part', () => {
    expect(wallInstant('', '09:30', 'Asia/Tehran')).toBeNull();
    expect(wallInstant('2026-03-06', '', 'Asia/Tehran')).toBeNull();
    expect(wallInstant('2026-03-06', '09:30', 'Mars/Olympus')).toBeNull();
  });

  it('reads ISO dates strictly', () => {
    expect(parseIsoDate('2026-03-06')).toEqual({ year: 2026, month: 3, day: 6 });
    expect(parseIsoDate('2026-3-6')).toBeNull();
    expect(parseIsoDate('2026-02-29')).toBeNull();
  });
});

describe('the date box’s placeholder', () => {
  it('names the fields in the locale’s order and separators', () => {
    const names = { year: 'YYYY', month: 'MM', day: 'DD' };
    expect(datePattern('en-u-ca-gregory', names)).toBe('MM/DD/YYYY');
    expect(datePattern('tr-u-ca-gregory', names)).toBe('DD.MM.YYYY');
    expect(datePattern('fa-u-ca-persian', { year: 'سال', month: 'ماه', day: 'روز' })).toBe('سال/ماه/روز');
    expect(datePattern('en-u-ca-islamic-umalqura', names)).toBe('MM/DD/YYYY');
  });
});

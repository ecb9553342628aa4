/**
 * The calendar arithmetic DayPicker needs (month starts and ends, adding months, the month and year
 * lists of its drop-downs) for a calendar other than the Gregorian, built on Intl through
 * src-shared/calendar.ts.
 *
 * Used for Umm al-Qura. react-day-picker's own Hijri build converts with @tabby_ai/hijri-converter,
 * whose table disagrees with the ICU data Intl uses (so with every date the app shows) on about 40%
 * of the days before 1999 and on some days in every year from 2029 on; a day picked there could be
 * shown as the day before or after. The Persian build (date-fns-jalali) agrees with Intl on every
 * day from 1925 to 2077 (calendar-lib.test.ts checks both), so it is used as it is.
 *
 * DayPicker works with local-time Dates at midnight; each stands for its wall date.
 */
import type { DateLib } from 'react-day-picker';
import { daysInMonth, fromCalendar, toCalendar, type CalendarId, type CivilDate } from '#shared/calendar';

type Interval = { start: Date | number | string; end: Date | number | string };

const civil = (date: Date): CivilDate => ({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
const local = (d: CivilDate): Date => new Date(d.year, d.month - 1, d.day);
const asDate = (value: Date | number | string): Date => (value instanceof Date ? value : new Date(value));

/** The overrides that make DayPicker count months and years in `calendar`. */
export function calendarDateLib(calendar: Exclude<CalendarId, 'gregory'>): Partial<DateLib> {
  const inCalendar = (date: Date): CivilDate => toCalendar(civil(date), calendar);
  /** The day `day` (kept within the month) of month `monthIndex` (0-based, may overflow) of `year`. */
  const make = (year: number, monthIndex: number, day: number): Date => {
    const y = year + Math.floor(monthIndex / 12);
    const m = (((monthIndex % 12) + 12) % 12) + 1;
    const last = daysInMonth(y, m, calendar);
    const g = fromCalendar({ year: y, month: m, day: Math.max(1, Math.min(day, last)) }, calendar);
    if (!g) throw new RangeError(`No day ${day} in month ${m} of ${y} (${calendar})`);
    return local(g);
  };
  const monthStart = (date: Date): Date => {
    const c = inCalendar(date);
    return make(c.year, c.month - 1, 1);
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return {
    newDate: (year, monthIndex, day) => make(year, monthIndex, day),
    addMonths: (date, amount) => {
      const c = inCalendar(date);
      return make(c.year, c.month - 1 + amount, c.day);
    },
    addYears: (date, amount) => {
      const c = inCalendar(date);
      return make(c.year + amount, c.month - 1, c.day);
    },
    differenceInCalendarMonths: (left, right) => {
      const a = inCalendar(left);
      const b = inCalendar(right);
      return (a.year - b.year) * 12 + (a.month - b.month);
    },
    eachMonthOfInterval: (interval: Interval) => {
      const start = inCalendar(asDate(interval.start));
      const end = inCalendar(asDate(interval.end));
      const months: Date[] = [];
      for (let i = start.year * 12 + start.month - 1; i <= end.year * 12 + end.month - 1; i++) months.push(make(Math.floor(i / 12), i % 12, 1));
      return months;
    },
    eachYearOfInterval: (interval: Interval) => {
      const start = inCalendar(asDate(interval.start)).year;
      const end = inCalendar(asDate(interval.end)).year;
      const years: Date[] = [];
      for (let y = start; y <= end; y++) years.push(make(y, 0, 1));
      return years;
    },
    startOfMonth: monthStart,
    endOfMonth: (date) => {
      const c = inCalendar(date);
      return make(c.year, c.month - 1, 31);
    },
    startOfYear: (date) => make(inCalendar(date).year, 0, 1),
    endOfYear: (date) => make(inCalendar(date).year, 11, 31),
    getMonth: (date) => inCalendar(date).month - 1,
    getYear: (date) => inCalendar(date).year,
    isSameMonth: (left, right) => {
      const a = inCalendar(left);
      const b = inCalendar(right);
      return a.year === b.year && a.month === b.month;
    },
    isSameYear: (left, right) => inCalendar(left).year === inCalendar(right).year,
    setMonth: (date, monthIndex) => {
      const c = inCalendar(date);
      return make(c.year, monthIndex, c.day);
    },
    setYear: (date, year) => {
      const c = inCalendar(date);
      return make(year, c.month - 1, c.day);
    },
    // DayPicker formats a day as "yyyy-MM-dd" for its data-day attribute and keys; everything a
    // person reads goes through the formatters and labels DateField gives it (Intl).
    format: (date, formatStr) => {
      const c = inCalendar(date);
      if (formatStr === 'yyyy-MM') return `${pad(c.year, 4)}-${pad(c.month, 2)}`;
      if (formatStr === 'd') return String(c.day);
      if (formatStr === 'yyyy' || formatStr === 'y') return String(c.year);
      return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
    },
  };
}

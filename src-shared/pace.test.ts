import { afterEach, describe, expect, it } from 'vitest';
import {
  describeWorkingHours,
  isValidTimeZone,
  isWithinWorkingHours,
  nextDelay,
  nextLocalMidnight,
  nextWorkingTime,
  PACE_PRESETS,
  paceFromPreset,
  paceIssues,
  parseHHMM,
  startOfLocalDay,
  wallFromFormatParts,
  workingWindowEnd,
  zonedParts,
  zonedTimeToUtc,
  type Pace,
  type WorkingHours,
} from './pace';
import { mulberry32 } from './random';
import { weekdayName } from './dates';
import { getLocale, setLocale } from './i18n';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const NY = 'America/New_York';
const LON = 'Europe/London';
const IST = 'Europe/Istanbul';

/** UTC ms of a UTC wall time (month 1-12). */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
/** Istanbul is UTC+03 all year. */
const ist = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 3, mi);

const custom = (patch: Partial<Pace>): Pace => ({ ...paceFromPreset('normal'), preset: 'custom', ...patch });
const hours = (days: WorkingHours['days'], start: string, end: string, enabled = true): WorkingHours => ({ enabled, days, start, end });

describe('2026 calendar used below', () => {
  it('has the weekdays the tests assume', () => {
    expect(new Date(utc(2026, 3, 7)).getUTCDay()).toBe(6); // Sat
    expect(new Date(utc(2026, 3, 8)).getUTCDay()).toBe(0); // Sun, US spring forward
    expect(new Date(utc(2026, 3, 29)).getUTCDay()).toBe(0); // Sun, EU spring forward
    expect(new Date(utc(2026, 10, 25)).getUTCDay()).toBe(0); // Sun, EU fall back
    expect(new Date(utc(2026, 11, 1)).getUTCDay()).toBe(0); // Sun, US fall back
  });
});

describe('presets', () => {
  it.each(['careful', 'normal', 'fast'] as const)('%s has no issues', (name) => {
    expect(paceIssues(PACE_PRESETS[name])).toEqual([]);
    expect(PACE_PRESETS[name].preset).toBe(name);
  });

  it('match the documented numbers', () => {
    const { careful, normal, fast } = PACE_PRESETS;
    expect([careful.minDelayMs, careful.maxDelayMs, careful.pauseEvery, careful.pauseMinMs, careful.pauseMaxMs]).toEqual([30 * SEC, 60 * SEC, 20, 5 * MIN, 10 * MIN]);
    expect([careful.dailyCapPerAccount, careful.typing, careful.checkNumberFirst]).toEqual([150, true, true]);
    expect([normal.minDelayMs, normal.maxDelayMs, normal.pauseEvery, normal.pauseMinMs, normal.pauseMaxMs]).toEqual([12 * SEC, 30 * SEC, 40, 2 * MIN, 5 * MIN]);
    expect([normal.dailyCapPerAccount, normal.typing, normal.checkNumberFirst]).toEqual([400, true, false]);
    expect([fast.minDelayMs, fast.maxDelayMs, fast.pauseEvery, fast.pauseMinMs, fast.pauseMaxMs]).toEqual([4 * SEC, 10 * SEC, 100, 1 * MIN, 2 * MIN]);
    expect([fast.dailyCapPerAccount, fast.typing, fast.checkNumberFirst]).toEqual([1000, false, false]);
    for (const pace of [careful, normal, fast]) {
      expect(pace.workingHours).toEqual({ enabled: true, days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' });
    }
  });

  it('paceFromPreset gives an independent copy, optionally with other working hours', () => {
    const pace = paceFromPreset('careful');
    expect(pace).toEqual(PACE_PRESETS.careful);
    pace.workingHours.days.push(0);
    pace.minDelayMs = 1;
    expect(PACE_PRESETS.careful.workingHours.days).toEqual([1, 2, 3, 4, 5, 6]);
    expect(PACE_PRESETS.careful.minDelayMs).toBe(30 * SEC);

    const mine = hours([0, 6], '10:00', '14:00');
    const withHours = paceFromPreset('fast', mine);
    expect(withHours.workingHours).toEqual(mine);
    expect(withHours.workingHours.days).not.toBe(mine.days);
    expect(withHours.minDelayMs).toBe(4 * SEC);
  });

  it('presets are frozen', () => {
    expect(Object.isFrozen(PACE_PRESETS.normal)).toBe(true);
    expect(Object.isFrozen(PACE_PRESETS.normal.workingHours.days)).toBe(true);
  });
});

describe('nextDelay', () => {
  it('stays within [min, max] and is roughly uniform over 10 000 seeded draws', () => {
    const pace = custom({ minDelayMs: 1000, maxDelayMs: 2000, pauseEvery: 0 });
    const random = mulberry32(42);
    const buckets = new Array<number>(10).fill(0);
    let sum = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    for (let i = 0; i < 10_000; i++) {
      const { delayMs, batchPause } = nextDelay(pace, i, random);
      expect(batchPause).toBe(false);
      expect(Number.isInteger(delayMs)).toBe(true);
      expect(delayMs).toBeGreaterThanOrEqual(1000);
      expect(delayMs).toBeLessThanOrEqual(2000);
      sum += delayMs;
      lowest = Math.min(lowest, delayMs);
      highest = Math.max(highest, delayMs);
      buckets[Math.min(9, Math.floor((delayMs - 1000) / 100))]! += 1;
    }
    for (const count of buckets) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
    expect(Math.abs(sum / 10_000 - 1500)).toBeLessThan(15);
    expect(lowest).toBeLessThan(1010);
    expect(highest).toBeGreaterThan(1990);
  });

  it('reaches both ends of the range', () => {
    const pace = custom({ minDelayMs: 1000, maxDelayMs: 2000 });
    expect(nextDelay(pace, 1, () => 0).delayMs).toBe(1000);
    expect(nextDelay(pace, 1, () => 0.9999999).delayMs).toBe(2000);
    expect(nextDelay(pace, 1, () => 1).delayMs).toBe(2000); // a sloppy random source cannot exceed max
  });

  it('is exact when min === max', () => {
    const pace = custom({ minDelayMs: 5000, maxDelayMs: 5000, pauseEvery: 3, pauseMinMs: 60_000, pauseMaxMs: 60_000 });
    const random = mulberry32(7);
    for (let i = 1; i < 50; i++) {
      expect(nextDelay(pace, i, random).delayMs).toBe(i % 3 === 0 ? 60_000 : 5000);
    }
  });

  it('pauses after every N messages and only then, replacing the normal delay', () => {
    const pace = custom({ minDelayMs: 1000, maxDelayMs: 2000, pauseEvery: 20, pauseMinMs: 300_000, pauseMaxMs: 600_000 });
    const random = mulberry32(1);
    const pausedAt: number[] = [];
    for (let sent = 0; sent <= 100; sent++) {
      const { delayMs, batchPause } = nextDelay(pace, sent, random);
      if (batchPause) {
        pausedAt.push(sent);
        expect(delayMs).toBeGreaterThanOrEqual(300_000);
        expect(delayMs).toBeLessThanOrEqual(600_000);
      } else {
        expect(delayMs).toBeGreaterThanOrEqual(1000);
        expect(delayMs).toBeLessThanOrEqual(2000);
      }
    }
    expect(pausedAt).toEqual([20, 40, 60, 80, 100]);
  });

  it('never pauses when pauseEvery is 0', () => {
    const pace = custom({ pauseEvery: 0, pauseMinMs: 300_000, pauseMaxMs: 600_000 });
    const random = mulberry32(3);
    for (let sent = 0; sent <= 500; sent++) {
      const { delayMs, batchPause } = nextDelay(pace, sent, random);
      expect(batchPause).toBe(false);
      expect(delayMs).toBeLessThanOrEqual(pace.maxDelayMs);
    }
  });

  it('draws exactly one random number per call', () => {
    let calls = 0;
    const random = () => {
      calls++;
      return 0.5;
    };
    nextDelay(PACE_PRESETS.careful, 5, random);
    nextDelay(PACE_PRESETS.careful, 20, random);
    expect(calls).toBe(2);
  });

  it('reads a reversed or negative range safely', () => {
    const reversed = custom({ minDelayMs: 2000, maxDelayMs: 1000 });
    expect(nextDelay(reversed, 1, () => 0).delayMs).toBe(1000);
    expect(nextDelay(reversed, 1, () => 0.9999).delayMs).toBe(2000);
    const negative = custom({ minDelayMs: -500, maxDelayMs: -100 });
    expect(nextDelay(negative, 1, () => 0.5).delayMs).toBe(0);
  });
});

describe('paceIssues', () => {
  const base = paceFromPreset('normal');
  const withHours = (patch: Partial<WorkingHours>): Pace => ({ ...base, workingHours: { ...base.workingHours, ...patch } });

  it.each<[string, Pace, RegExp]>([
    ['min > max', custom({ minDelayMs: 30_000, maxDelayMs: 10_000 }), /shortest delay .* longer than the longest/],
    ['negative min delay', custom({ minDelayMs: -1 }), /shortest delay .* cannot be negative/],
    ['negative max delay', custom({ minDelayMs: 0, maxDelayMs: -1 }), /longest delay .* cannot be negative/],
    ['NaN delay', custom({ maxDelayMs: NaN }), /longest delay .* must be a number/],
    ['delay over 24 h', custom({ maxDelayMs: 25 * HOUR }), /longest delay .* longer than 24 hours/],
    ['pause min > max', custom({ pauseMinMs: 10 * MIN, pauseMaxMs: 5 * MIN }), /shortest batch pause is longer than the longest/],
    ['negative pause', custom({ pauseMinMs: -5 }), /shortest batch pause cannot be negative/],
    ['pause over 24 h', custom({ pauseMaxMs: DAY + 1 }), /longest batch pause is longer than 24 hours/],
    ['negative pauseEvery', custom({ pauseEvery: -1 }), /every N messages/],
    ['fractional pauseEvery', custom({ pauseEvery: 2.5 }), /every N messages/],
    ['negative cap', custom({ dailyCapPerAccount: -1 }), /daily cap cannot be negative/],
    ['fractional cap', custom({ dailyCapPerAccount: 1.5 }), /daily cap must be a whole number/],
    ['bad start', withHours({ start: '9:00' }), /start "9:00" is not a time/],
    ['bad end', withHours({ end: '24:00' }), /end "24:00" is not a time/],
    ['no days when enabled', withHours({ days: [] }), /no working days/],
    ['bad weekday', withHours({ days: [1, 7 as 0] }), /0 \(Sunday\) to 6 \(Saturday\)/],
  ])('reports %s', (_name, pace, pattern) => {
    const issues = paceIssues(pace);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(pattern);
  });

  it('accepts edge values that are fine', () => {
    expect(paceIssues(custom({ minDelayMs: 0, maxDelayMs: 0, pauseEvery: 0, dailyCapPerAccount: 0 }))).toEqual([]);
    expect(paceIssues(custom({ maxDelayMs: DAY }))).toEqual([]);
    expect(paceIssues(withHours({ enabled: false, days: [] }))).toEqual([]);
    expect(paceIssues(withHours({ start: '22:00', end: '02:00' }))).toEqual([]);
  });

  it('reports several problems at once', () => {
    expect(paceIssues(custom({ minDelayMs: -1, dailyCapPerAccount: -3 }))).toHaveLength(2);
  });

  it('parseHHMM is strict', () => {
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('23:59')).toBe(23 * 60 + 59);
    expect(parseHHMM('09:30')).toBe(570);
    for (const bad of ['24:00', '9:00', '09:60', '0900', ' 09:00', '']) expect(parseHHMM(bad)).toBeNull();
  });
});

describe('time zones', () => {
  it('isValidTimeZone', () => {
    for (const tz of [IST, 'Asia/Tehran', 'Asia/Jakarta', NY, LON, 'UTC']) expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['Mars/Olympus', '', 'not a zone', '+25:00']) expect(isValidTimeZone(tz)).toBe(false);
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it.each([
    [IST, 3 * HOUR],
    ['Asia/Tehran', 3.5 * HOUR],
    ['Asia/Jakarta', 7 * HOUR],
  ])('%s has a fixed offset all through 2026 and round-trips', (tz, offset) => {
    const noon = utc(2026, 6, 15, 12);
    const local = new Date(noon + offset);
    expect(zonedParts(noon, tz)).toEqual({
      year: 2026,
      month: 6,
      day: 15,
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: 0,
      weekday: 1,
    });
    expect(zonedTimeToUtc({ year: 2026, month: 6, day: 15, hour: local.getUTCHours(), minute: local.getUTCMinutes() }, tz)).toBe(noon);
    // Sweep the year at an odd step: every instant maps to a wall time and back.
    for (let t = utc(2026, 1, 1); t < utc(2027, 1, 1); t += 7 * HOUR + 37 * MIN + 11 * SEC) {
      const p = zonedParts(t, tz);
      expect(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t).toBe(offset);
      expect(zonedTimeToUtc(p, tz)).toBe(t);
    }
  });

  it('Tehran: +03:30 local midnight', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 21, hour: 0, minute: 0 }, 'Asia/Tehran')).toBe(utc(2026, 3, 20, 20, 30));
  });

  it('reads midnight as hour 0, never 24', () => {
    expect(zonedParts(utc(2026, 1, 1), 'UTC')).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0, weekday: 4 });
    expect(zonedParts(ist(2026, 3, 9), IST)).toMatchObject({ day: 9, hour: 0, minute: 0, weekday: 1 });
    const quirky: Intl.DateTimeFormatPart[] = [
      { type: 'month', value: '3' },
      { type: 'literal', value: '/' },
      { type: 'day', value: '9' },
      { type: 'literal', value: '/' },
      { type: 'year', value: '2026' },
      { type: 'literal', value: ', ' },
      { type: 'hour', value: '24' },
      { type: 'literal', value: ':' },
      { type: 'minute', value: '05' },
      { type: 'literal', value: ':' },
      { type: 'second', value: '07' },
    ];
    expect(wallFromFormatParts(quirky)).toEqual({ year: 2026, month: 3, day: 9, hour: 0, minute: 5, second: 7 });
  });

  it('drops milliseconds and handles times before 1970', () => {
    expect(zonedParts(utc(2026, 5, 5, 10, 20, 45) + 999, 'UTC')).toMatchObject({ minute: 20, second: 45 });
    expect(zonedParts(utc(1969, 12, 31, 23, 59, 59) + 500, 'UTC')).toMatchObject({ year: 1969, day: 31, second: 59, weekday: 3 });
    expect(zonedTimeToUtc({ year: 2026, month: 5, day: 5, hour: 10, minute: 20, second: 45 }, 'UTC')).toBe(utc(2026, 5, 5, 10, 20, 45));
  });

  it('rolls over out-of-range fields like Date.UTC', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 32, hour: 9, minute: 0 }, IST)).toBe(ist(2026, 2, 1, 9));
  });

  describe('America/New_York in 2026', () => {
    it('spring forward on Mar 8: 02:00 EST → 03:00 EDT at 07:00Z', () => {
      expect(zonedParts(utc(2026, 3, 8, 6, 59, 59), NY)).toMatchObject({ day: 8, hour: 1, minute: 59, second: 59, weekday: 0 });
      expect(zonedParts(utc(2026, 3, 8, 7), NY)).toMatchObject({ day: 8, hour: 3, minute: 0 });
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 1, minute: 59 }, NY)).toBe(utc(2026, 3, 8, 6, 59));
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 3, minute: 0 }, NY)).toBe(utc(2026, 3, 8, 7));
    });

    it('a wall time in the gap gives the instant the gap ends', () => {
      const gapEnd = utc(2026, 3, 8, 7);
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY)).toBe(gapEnd);
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 0 }, NY)).toBe(gapEnd);
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 59, second: 59 }, NY)).toBe(gapEnd);
    });

    it('fall back on Nov 1: 01:00–02:00 happens twice; the earlier instant wins', () => {
      expect(zonedParts(utc(2026, 11, 1, 5, 30), NY)).toMatchObject({ day: 1, hour: 1, minute: 30 }); // EDT
      expect(zonedParts(utc(2026, 11, 1, 6, 30), NY)).toMatchObject({ day: 1, hour: 1, minute: 30 }); // EST
      expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY)).toBe(utc(2026, 11, 1, 5, 30));
      expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 0, minute: 59 }, NY)).toBe(utc(2026, 11, 1, 4, 59));
      expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 2, minute: 0 }, NY)).toBe(utc(2026, 11, 1, 7));
    });
  });

  describe('Europe/London in 2026', () => {
    it('spring forward on Mar 29: 01:00 GMT → 02:00 BST at 01:00Z, gap gives 02:00 BST', () => {
      expect(zonedParts(utc(2026, 3, 29, 0, 59), LON)).toMatchObject({ hour: 0, minute: 59 });
      expect(zonedParts(utc(2026, 3, 29, 1), LON)).toMatchObject({ hour: 2, minute: 0 });
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, LON)).toBe(utc(2026, 3, 29, 1));
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, LON)).toBe(utc(2026, 3, 29, 1, 30));
    });

    it('fall back on Oct 25: 01:00–02:00 happens twice; the earlier instant wins', () => {
      expect(zonedParts(utc(2026, 10, 25, 0, 30), LON)).toMatchObject({ hour: 1, minute: 30 }); // BST
      expect(zonedParts(utc(2026, 10, 25, 1, 30), LON)).toMatchObject({ hour: 1, minute: 30 }); // GMT
      expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, LON)).toBe(utc(2026, 10, 25, 0, 30));
      expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 0 }, LON)).toBe(utc(2026, 10, 25, 2));
    });
  });

  it.each([
    [NY, 'Mar 8', utc(2026, 3, 8, 7), 0],
    [NY, 'Nov 1', utc(2026, 11, 1, 6), 6],
    [LON, 'Mar 29', utc(2026, 3, 29, 1), 0],
    [LON, 'Oct 25', utc(2026, 10, 25, 1), 6],
  ])('%s round-trips every 10 minutes around %s', (tz, _date, change, expectedRepeats) => {
    let repeated = 0;
    for (let t = change - 26 * HOUR; t <= change + 26 * HOUR; t += 10 * MIN) {
      const back = zonedTimeToUtc(zonedParts(t, tz), tz);
      if (back === t) continue;
      // Only the second pass through a repeated hour maps back to the first pass.
      repeated++;
      expect(back).toBe(t - HOUR);
      expect(t).toBeGreaterThanOrEqual(change);
      expect(t).toBeLessThan(change + HOUR);
    }
    expect(repeated).toBe(expectedRepeats);
  });

  describe('local days', () => {
    it.each([
      [NY, 3, 8, utc(2026, 3, 8, 5), 23],
      [NY, 11, 1, utc(2026, 11, 1, 4), 25],
      [LON, 3, 29, utc(2026, 3, 29, 0), 23],
      [LON, 10, 25, utc(2026, 10, 24, 23), 25],
      [NY, 6, 15, utc(2026, 6, 15, 4), 24],
      [LON, 1, 15, utc(2026, 1, 15, 0), 24],
      [IST, 3, 29, utc(2026, 3, 28, 21), 24],
      ['Asia/Tehran', 3, 21, utc(2026, 3, 20, 20, 30), 24],
      ['Asia/Jakarta', 10, 25, utc(2026, 10, 24, 17), 24],
    ])('%s 2026-%i-%i starts at %i and lasts %i h', (tz, month, day, start, hoursLong) => {
      for (const t of [start, start + 1, start + 12 * HOUR, start + (hoursLong * HOUR) - 1]) {
        expect(zonedParts(t, tz)).toMatchObject({ month, day });
        expect(startOfLocalDay(t, tz)).toBe(start);
        expect(nextLocalMidnight(t, tz)).toBe(start + hoursLong * HOUR);
      }
      expect(zonedParts(start - 1, tz).day).not.toBe(day);
    });

    it('nextLocalMidnight is always later than now, even at midnight', () => {
      const midnight = ist(2026, 3, 9);
      expect(nextLocalMidnight(midnight, IST)).toBe(midnight + DAY);
      expect(startOfLocalDay(midnight, IST)).toBe(midnight);
    });
  });
});

describe('working hours', () => {
  const monSat = hours([1, 2, 3, 4, 5, 6], '09:00', '20:00');

  it('inside and outside (start inclusive, end exclusive)', () => {
    expect(isWithinWorkingHours(ist(2026, 3, 9, 9), monSat, IST)).toBe(true); // Mon 09:00
    expect(isWithinWorkingHours(ist(2026, 3, 9, 19, 59), monSat, IST)).toBe(true);
    expect(isWithinWorkingHours(ist(2026, 3, 9, 20), monSat, IST)).toBe(false);
    expect(isWithinWorkingHours(ist(2026, 3, 9, 8, 59), monSat, IST)).toBe(false);
    expect(isWithinWorkingHours(ist(2026, 3, 8, 12), monSat, IST)).toBe(false); // Sunday
    expect(isWithinWorkingHours(ist(2026, 3, 7, 12), monSat, IST)).toBe(true); // Saturday
  });

  it('uses the zone: 10:00 in Istanbul is 03:00 in New York', () => {
    const t = ist(2026, 3, 10, 10);
    expect(isWithinWorkingHours(t, monSat, IST)).toBe(true);
    expect(isWithinWorkingHours(t, monSat, NY)).toBe(false);
    expect(nextWorkingTime(t, monSat, NY)).toBe(utc(2026, 3, 10, 13)); // 09:00 EDT
  });

  it('disabled hours allow everything', () => {
    const off = { ...monSat, enabled: false };
    const sunday = ist(2026, 3, 8, 3);
    expect(isWithinWorkingHours(sunday, off, IST)).toBe(true);
    expect(nextWorkingTime(sunday, off, IST)).toBe(sunday);
    expect(workingWindowEnd(sunday, off, IST)).toBe(Infinity);
    expect(isWithinWorkingHours(sunday, hours([], 'xx', 'yy', false), IST)).toBe(true);
  });

  it('nextWorkingTime: now when allowed, later today, or after the weekend', () => {
    const inside = ist(2026, 3, 9, 13, 17);
    expect(nextWorkingTime(inside, monSat, IST)).toBe(inside);
    expect(nextWorkingTime(ist(2026, 3, 9, 7), monSat, IST)).toBe(ist(2026, 3, 9, 9));
    expect(nextWorkingTime(ist(2026, 3, 9, 20), monSat, IST)).toBe(ist(2026, 3, 10, 9));
    expect(nextWorkingTime(ist(2026, 3, 7, 20, 5), monSat, IST)).toBe(ist(2026, 3, 9, 9)); // Sat 20:05 → Mon 09:00
    expect(nextWorkingTime(ist(2026, 3, 8, 23, 59), monSat, IST)).toBe(ist(2026, 3, 9, 9));
  });

  it('a single working day a week comes round again next week', () => {
    const wednesdays = hours([3], '10:00', '11:00');
    expect(nextWorkingTime(ist(2026, 3, 11, 11), wednesdays, IST)).toBe(ist(2026, 3, 18, 10));
  });

  it('enabled with no days: never', () => {
    const none = hours([], '09:00', '20:00');
    expect(isWithinWorkingHours(ist(2026, 3, 9, 12), none, IST)).toBe(false);
    expect(nextWorkingTime(ist(2026, 3, 9, 12), none, IST)).toBe(Infinity);
    expect(workingWindowEnd(ist(2026, 3, 9, 12), none, IST)).toBe(ist(2026, 3, 9, 12));
  });

  it('unreadable times: never (paceIssues reports them)', () => {
    const bad = hours([1, 2, 3], '9am', '20:00');
    expect(isWithinWorkingHours(ist(2026, 3, 9, 12), bad, IST)).toBe(false);
    expect(nextWorkingTime(ist(2026, 3, 9, 12), bad, IST)).toBe(Infinity);
  });

  describe('a window across midnight: Fri 22:00–02:00', () => {
    const friNight = hours([5], '22:00', '02:00');

    it('belongs to the day it starts', () => {
      expect(isWithinWorkingHours(ist(2026, 3, 6, 21, 59), friNight, IST)).toBe(false);
      expect(isWithinWorkingHours(ist(2026, 3, 6, 22), friNight, IST)).toBe(true); // Fri 22:00
      expect(isWithinWorkingHours(ist(2026, 3, 7, 1, 30), friNight, IST)).toBe(true); // Sat 01:30
      expect(isWithinWorkingHours(ist(2026, 3, 7, 2), friNight, IST)).toBe(false); // Sat 02:00
      expect(isWithinWorkingHours(ist(2026, 3, 6, 1, 30), friNight, IST)).toBe(false); // Fri 01:30 is Thursday's
      expect(isWithinWorkingHours(ist(2026, 3, 7, 23), friNight, IST)).toBe(false); // Sat 23:00
    });

    it('Sat 21:59 waits for Sat 22:00 only if Saturday is a working day', () => {
      const satEvening = ist(2026, 3, 7, 21, 59);
      expect(nextWorkingTime(satEvening, friNight, IST)).toBe(ist(2026, 3, 13, 22));
      expect(nextWorkingTime(satEvening, hours([5, 6], '22:00', '02:00'), IST)).toBe(ist(2026, 3, 7, 22));
      expect(nextWorkingTime(ist(2026, 3, 7, 2), friNight, IST)).toBe(ist(2026, 3, 13, 22));
    });

    it('workingWindowEnd is Saturday 02:00', () => {
      expect(workingWindowEnd(ist(2026, 3, 6, 23), friNight, IST)).toBe(ist(2026, 3, 7, 2));
      expect(workingWindowEnd(ist(2026, 3, 7, 1, 59), friNight, IST)).toBe(ist(2026, 3, 7, 2));
    });

    it('every night 22:00–02:00', () => {
      const nightly = hours([0, 1, 2, 3, 4, 5, 6], '22:00', '02:00');
      expect(isWithinWorkingHours(ist(2026, 3, 10, 0, 30), nightly, IST)).toBe(true);
      expect(isWithinWorkingHours(ist(2026, 3, 10, 12), nightly, IST)).toBe(false);
      expect(nextWorkingTime(ist(2026, 3, 10, 12), nightly, IST)).toBe(ist(2026, 3, 10, 22));
    });
  });

  describe('DST nights in New York', () => {
    const satNight = hours([6], '22:00', '02:00');

    it('on the fall-back night the window lasts 5 h (through both 01:xx)', () => {
      const start = utc(2026, 11, 1, 2); // Sat Oct 31 22:00 EDT
      const end = utc(2026, 11, 1, 7); // Sun Nov 1 02:00 EST
      expect(nextWorkingTime(utc(2026, 10, 31, 20), satNight, NY)).toBe(start);
      expect(isWithinWorkingHours(utc(2026, 11, 1, 6, 30), satNight, NY)).toBe(true); // 01:30 EST, second pass
      expect(isWithinWorkingHours(end - 1, satNight, NY)).toBe(true);
      expect(isWithinWorkingHours(end, satNight, NY)).toBe(false);
      expect(workingWindowEnd(start, satNight, NY) - start).toBe(5 * HOUR);
    });

    it('on the spring-forward night the window ends when 02:00 is skipped (03:00 EDT)', () => {
      const start = utc(2026, 3, 8, 3); // Sat Mar 7 22:00 EST
      const end = utc(2026, 3, 8, 7); // 03:00 EDT, the end of the gap
      expect(isWithinWorkingHours(start, satNight, NY)).toBe(true);
      expect(isWithinWorkingHours(end - 1, satNight, NY)).toBe(true); // 01:59:59 EST
      expect(isWithinWorkingHours(end, satNight, NY)).toBe(false);
      expect(workingWindowEnd(start + HOUR, satNight, NY)).toBe(end);
    });

    it('an ambiguous end takes the earlier 01:30', () => {
      const short = hours([6], '22:00', '01:30');
      expect(workingWindowEnd(utc(2026, 11, 1, 3), short, NY)).toBe(utc(2026, 11, 1, 5, 30)); // 01:30 EDT
      expect(isWithinWorkingHours(utc(2026, 11, 1, 6), short, NY)).toBe(false); // 01:00 EST
    });

    it('a start inside the gap opens when the gap ends', () => {
      const earlySunday = hours([0], '02:30', '06:00');
      const gapEnd = utc(2026, 3, 8, 7); // 03:00 EDT
      expect(nextWorkingTime(utc(2026, 3, 8, 5), earlySunday, NY)).toBe(gapEnd);
      expect(isWithinWorkingHours(gapEnd - 1, earlySunday, NY)).toBe(false);
      expect(isWithinWorkingHours(gapEnd, earlySunday, NY)).toBe(true);
      expect(workingWindowEnd(gapEnd, earlySunday, NY)).toBe(utc(2026, 3, 8, 10)); // 06:00 EDT
      // The next Sunday it is an ordinary 02:30 EDT.
      expect(nextWorkingTime(utc(2026, 3, 8, 10), earlySunday, NY)).toBe(utc(2026, 3, 15, 6, 30));
    });

    it('a start inside the London gap (01:30 on Mar 29) opens at 02:00 BST', () => {
      const sunday = hours([0], '01:30', '05:00');
      expect(nextWorkingTime(utc(2026, 3, 28, 12), sunday, LON)).toBe(utc(2026, 3, 29, 1));
      expect(workingWindowEnd(utc(2026, 3, 29, 1), sunday, LON)).toBe(utc(2026, 3, 29, 4));
    });
  });

  describe('workingWindowEnd', () => {
    it('the end of today’s window, or now when outside', () => {
      expect(workingWindowEnd(ist(2026, 3, 9, 10), monSat, IST)).toBe(ist(2026, 3, 9, 20));
      expect(workingWindowEnd(ist(2026, 3, 9, 21), monSat, IST)).toBe(ist(2026, 3, 9, 21));
      expect(workingWindowEnd(ist(2026, 3, 8, 12), monSat, IST)).toBe(ist(2026, 3, 8, 12));
    });

    it('24 h windows on consecutive days join into one', () => {
      const monTue = hours([1, 2], '09:00', '09:00');
      expect(isWithinWorkingHours(ist(2026, 3, 10, 8), monTue, IST)).toBe(true); // Tue 08:00, still Monday's
      expect(workingWindowEnd(ist(2026, 3, 9, 10), monTue, IST)).toBe(ist(2026, 3, 11, 9));
      expect(isWithinWorkingHours(ist(2026, 3, 11, 9), monTue, IST)).toBe(false);
    });

    it('all week, all day never ends', () => {
      const always = hours([0, 1, 2, 3, 4, 5, 6], '00:00', '00:00');
      expect(isWithinWorkingHours(utc(2026, 3, 8, 7), always, NY)).toBe(true);
      expect(nextWorkingTime(utc(2026, 3, 8, 7), always, NY)).toBe(utc(2026, 3, 8, 7));
      expect(workingWindowEnd(utc(2026, 3, 8, 7), always, NY)).toBe(Infinity);
    });

    it('every day but one, all day, ends at that day’s midnight', () => {
      const notSunday = hours([1, 2, 3, 4, 5, 6], '00:00', '00:00');
      expect(workingWindowEnd(ist(2026, 3, 9, 10), notSunday, IST)).toBe(ist(2026, 3, 15, 0));
    });
  });

  describe('describeWorkingHours', () => {
    it.each<[WorkingHours, string]>([
      [monSat, 'Mon–Sat, 09:00–20:00'],
      [hours([0, 1, 2, 3, 4, 5, 6], '22:00', '02:00'), 'Every day, 22:00–02:00 (past midnight)'],
      [hours([5], '22:00', '02:00'), 'Fri, 22:00–02:00 (past midnight)'],
      [hours([1, 3, 5], '10:00', '16:30'), 'Mon, Wed, Fri, 10:00–16:30'],
      [hours([6, 0], '10:00', '14:00'), 'Sat, Sun, 10:00–14:00'],
      [hours([5, 6, 0, 1], '10:00', '14:00'), 'Fri–Mon, 10:00–14:00'],
      [hours([1, 2, 3, 4, 5], '08:00', '08:00'), 'Mon–Fri, 24 hours from 08:00'],
      [hours([0, 1, 2, 3, 4, 5, 6], '00:00', '00:00'), 'Every day, all day'],
      [hours([], '09:00', '20:00'), 'No working days'],
      [hours([1], '09:00', '20:00', false), 'Any day, any time'],
    ])('%o → %s', (h, text) => {
      expect(describeWorkingHours(h)).toBe(text);
    });

    it('lists the days from the week’s first day, in the language’s words and digits', () => {
      try {
        setLocale('fa');
        const sat = weekdayName(6, getLocale());
        const wed = weekdayName(3, getLocale());
        // Saturday to Wednesday is one run in Iran, where the week starts on Saturday.
        expect(describeWorkingHours(hours([6, 0, 1, 2, 3], '09:00', '18:00'))).toBe(`${sat} تا ${wed}، ۰۹:۰۰ تا ۱۸:۰۰`);
        setLocale('tr');
        const run = `${weekdayName(6, getLocale())}–${weekdayName(3, getLocale())}, 09:00–18:00`;
        expect(describeWorkingHours(hours([6, 0, 1, 2, 3], '09:00', '18:00'))).toBe(run);
        // Whatever day the week starts on, a run through its end goes on into its start.
        expect(describeWorkingHours(hours([6, 0, 1, 2, 3], '09:00', '18:00'), 0)).toBe(run);
        expect(describeWorkingHours(hours([5, 6, 0], '09:00', '18:00'), 6)).toBe(`${weekdayName(5, getLocale())}–${weekdayName(0, getLocale())}, 09:00–18:00`);
      } finally {
        setLocale('en');
      }
    });
  });

  describe('in the current language', () => {
    afterEach(() => setLocale('en'));

    it('words pace issues and working hours in Persian', () => {
      setLocale('fa');
      expect(paceIssues(custom({ minDelayMs: 30_000, maxDelayMs: 10_000 }))).toEqual(['کوتاه‌ترین فاصله بین پیام‌ها از بلندترین آن بیشتر است.']);
      expect(paceIssues(custom({ dailyCapPerAccount: -1 }))).toEqual(['سقف روزانه نمی‌تواند منفی باشد (۰ = بدون سقف).']);
      expect(describeWorkingHours(hours([1], '09:00', '20:00', false))).toBe('هر روز، هر ساعت');
      expect(describeWorkingHours(hours([0, 1, 2, 3, 4, 5, 6], '00:00', '00:00'))).toBe('هر روز، تمام روز');
      setLocale('en');
      expect(paceIssues(custom({ dailyCapPerAccount: -1 }))).toEqual(['The daily cap cannot be negative (0 = no cap).']);
    });
  });
});

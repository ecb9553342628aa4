import { describe, expect, it } from 'vitest';
import { DEFAULT_WARMUP_SCHEDULE } from './safety';
import { addDays, localDate, parseSchedule, warmupCapOn, warmupPlanOf } from './warmup';

const ZONE = 'Europe/Istanbul'; // UTC+3 all year
const DST = 'America/New_York';
const schedule = [...DEFAULT_WARMUP_SCHEDULE];
const auto = { auto: true, newNumberSince: null, schedule };

describe('warm-up arithmetic', () => {
  it('counts days from the first ready day in the operator zone, not UTC', () => {
    // 22:30 UTC on 1 March is 01:30 on 2 March in Istanbul: day 1 is 2 March there.
    const firstReady = '2026-03-01T22:30:00.000Z';
    expect(warmupCapOn(auto, firstReady, Date.parse('2026-03-01T22:45:00Z'), ZONE)).toMatchObject({ day: 1, of: 7, cap: 20, reason: 'young', since: '2026-03-02' });
    // 20:59 UTC on 2 March is still 2 March (23:59) there: still day 1.
    expect(warmupCapOn(auto, firstReady, Date.parse('2026-03-02T20:59:00Z'), ZONE)?.day).toBe(1);
    // 21:00 UTC on 2 March is midnight of 3 March: day 2.
    expect(warmupCapOn(auto, firstReady, Date.parse('2026-03-02T21:00:00Z'), ZONE)).toMatchObject({ day: 2, cap: 40 });
    expect(warmupCapOn(auto, firstReady, Date.parse('2026-03-08T12:00:00Z'), ZONE)).toMatchObject({ day: 7, cap: 250, endsOn: '2026-03-09' });
  });

  it('schedule shorter than today\u2019s day: inactive', () => {
    const firstReady = '2026-03-01T10:00:00.000Z';
    expect(warmupCapOn(auto, firstReady, Date.parse('2026-03-08T10:00:00Z'), ZONE)).toBeNull();
    expect(warmupCapOn({ ...auto, schedule: [10, 20] }, firstReady, Date.parse('2026-03-02T10:00:00Z'), ZONE)).toMatchObject({ day: 2, cap: 20 });
    expect(warmupCapOn({ ...auto, schedule: [10, 20] }, firstReady, Date.parse('2026-03-03T10:00:00Z'), ZONE)).toBeNull();
  });

  it('walks local days across a DST change (23 h and 25 h days)', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    const spring = '2026-03-07T15:00:00.000Z'; // 10:00 EST, 7 March
    expect(warmupCapOn(auto, spring, Date.parse('2026-03-08T04:59:00Z'), DST)?.day).toBe(1); // 23:59 EST 7 March
    expect(warmupCapOn(auto, spring, Date.parse('2026-03-08T05:00:00Z'), DST)?.day).toBe(2); // 00:00 EST 8 March
    expect(warmupCapOn(auto, spring, Date.parse('2026-03-09T03:59:00Z'), DST)?.day).toBe(2); // 23:59 EDT 8 March (a 23 h day)
    expect(warmupCapOn(auto, spring, Date.parse('2026-03-09T04:00:00Z'), DST)?.day).toBe(3); // 00:00 EDT 9 March
    const fall = '2026-10-31T14:00:00.000Z'; // 10:00 EDT, 31 October
    expect(warmupCapOn(auto, fall, Date.parse('2026-11-01T04:00:00Z'), DST)?.day).toBe(2); // 00:00 EDT 1 Nov
    expect(warmupCapOn(auto, fall, Date.parse('2026-11-02T04:59:00Z'), DST)?.day).toBe(2); // 23:59 EST 1 Nov (a 25 h day)
    expect(warmupCapOn(auto, fall, Date.parse('2026-11-02T05:00:00Z'), DST)?.day).toBe(3);
  });

  it('automatic only while on; a marked new number applies either way', () => {
    const firstReady = '2025-01-01T10:00:00.000Z'; // long linked
    const now = Date.parse('2026-03-03T10:00:00Z');
    expect(warmupCapOn(auto, firstReady, now, ZONE)).toBeNull();
    const marked = { auto: false, newNumberSince: '2026-03-02', schedule };
    expect(warmupCapOn(marked, firstReady, now, ZONE)).toMatchObject({ day: 2, cap: 40, reason: 'marked', since: '2026-03-02', endsOn: '2026-03-09' });
    // Young and off: no warm-up.
    expect(warmupCapOn({ ...auto, auto: false }, '2026-03-03T08:00:00.000Z', now, ZONE)).toBeNull();
    // Never ready and not marked: nothing to count from.
    expect(warmupCapOn(auto, null, now, ZONE)).toBeNull();
  });

  it('young and marked: the later start wins (the smaller cap)', () => {
    const now = Date.parse('2026-03-05T10:00:00Z');
    const both = { auto: true, newNumberSince: '2026-03-04', schedule };
    expect(warmupCapOn(both, '2026-03-01T10:00:00.000Z', now, ZONE)).toMatchObject({ day: 2, reason: 'marked' });
    expect(warmupCapOn({ ...both, newNumberSince: '2026-02-20' }, '2026-03-01T10:00:00.000Z', now, ZONE)).toMatchObject({ day: 5, reason: 'young' });
  });

  it('a mark dated after today (the zone moved) counts as day 1', () => {
    const marked = { auto: false, newNumberSince: '2026-03-06', schedule };
    expect(warmupCapOn(marked, null, Date.parse('2026-03-05T10:00:00Z'), ZONE)).toMatchObject({ day: 1, cap: 20 });
  });

  it('plans and dates', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(localDate(Date.parse('2026-03-01T22:30:00Z'), ZONE)).toBe('2026-03-02');
    expect(warmupPlanOf({ auto: true, newNumberSince: null, schedule: [5, 6] }, '2026-03-01T10:00:00.000Z', ZONE)).toEqual({ since: '2026-03-01', schedule: [5, 6], reason: 'young' });
  });

  it('reads a typed schedule, or says what is wrong', () => {
    expect(parseSchedule(' 20, 40,80 ; 80 ')).toEqual({ schedule: [20, 40, 80, 80] });
    expect(parseSchedule('')).toEqual({ error: 'empty' });
    expect(parseSchedule('20, 4x')).toEqual({ error: 'notNumber', at: 2 });
    expect(parseSchedule('20, 2.5')).toEqual({ error: 'notNumber', at: 2 });
    expect(parseSchedule('0')).toEqual({ error: 'range', at: 1 });
    expect(parseSchedule('20, 200000')).toEqual({ error: 'range', at: 2 });
    expect(parseSchedule('20, 10')).toEqual({ error: 'decreasing', at: 2 });
    expect(parseSchedule(Array.from({ length: 91 }, () => '5').join(','))).toEqual({ error: 'tooLong' });
  });

  it('reads Arabic commas and semicolons, and Persian or Arabic-Indic digits', () => {
    expect(parseSchedule('۲۰، ۴۰، ۸۰')).toEqual({ schedule: [20, 40, 80] });
    expect(parseSchedule('٢٠؛ ٤٠ ؛٨٠')).toEqual({ schedule: [20, 40, 80] });
    expect(parseSchedule('20،۴۰;٨٠, 100')).toEqual({ schedule: [20, 40, 80, 100] });
    expect(parseSchedule('۲۰، ۴x')).toEqual({ error: 'notNumber', at: 2 });
    expect(parseSchedule('۲۰، ۱۰')).toEqual({ error: 'decreasing', at: 2 });
  });
});

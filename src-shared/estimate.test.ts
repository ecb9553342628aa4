import { describe, expect, it } from 'vitest';
import { averageGapMs, describeEstimate, estimateDuration, formatDuration, formatEnd } from './estimate';
import { paceFromPreset, zonedTimeToUtc, type Pace, type Weekday } from './pace';

const ZONE = 'Europe/Istanbul'; // UTC+3 all year
const MIN = 60_000;
const at = (day: number, hour: number, minute = 0) => zonedTimeToUtc({ year: 2026, month: 3, day, hour, minute }, ZONE);

/** One message a minute exactly, no batch pause, no cap, no working hours (unless given). */
function pace(patch: Partial<Pace> = {}): Pace {
  return {
    ...paceFromPreset('normal'),
    preset: 'custom',
    minDelayMs: MIN,
    maxDelayMs: MIN,
    pauseEvery: 0,
    dailyCapPerAccount: 0,
    workingHours: { enabled: false, days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' },
    ...patch,
  };
}
const base = { customers: 10, parts: 1, accounts: 1, startMs: at(4, 10), timeZone: ZONE };

describe('averageGapMs', () => {
  it('is the mean delay, with batch pauses spread over their batch', () => {
    expect(averageGapMs(pace({ minDelayMs: 10_000, maxDelayMs: 30_000 }))).toBe(20_000);
    // Every 4th wait is a 100 s pause instead of 20 s: (3 × 20 + 100) / 4 = 40 s.
    expect(averageGapMs(pace({ minDelayMs: 10_000, maxDelayMs: 30_000, pauseEvery: 4, pauseMinMs: 100_000, pauseMaxMs: 100_000 }))).toBe(40_000);
  });
});

describe('estimateDuration', () => {
  it('sends the first at once and one a gap after another', () => {
    const e = estimateDuration({ ...base, pace: pace() });
    expect(e).toEqual({ firstMs: at(4, 10), endMs: at(4, 10, 9), durationMs: 9 * MIN, days: 1 });
  });

  it('stops at the end of the working hours and goes on at the next working day', () => {
    // Wednesday 4 March, 16:50; Mon–Fri 09:00–17:00: ten go before 17:00, the rest from Thursday 09:00.
    const hours = { enabled: true, days: [1, 2, 3, 4, 5] as Weekday[], start: '09:00', end: '17:00' };
    const e = estimateDuration({ ...base, customers: 20, startMs: at(4, 16, 50), pace: pace({ workingHours: hours }) });
    expect(e).toMatchObject({ firstMs: at(4, 16, 50), endMs: at(5, 9, 9), days: 2 });
    // Started outside the hours (Saturday 7 March, 12:00): the first goes on Monday 09:00.
    const late = estimateDuration({ ...base, customers: 3, startMs: at(7, 12), pace: pace({ workingHours: hours }) });
    expect(late).toMatchObject({ firstMs: at(9, 9), endMs: at(9, 9, 2), days: 1 });
    expect(late?.durationMs).toBe(at(9, 9, 2) - at(7, 12));
  });

  it('spills over days when the daily cap is reached, counting parts per account', () => {
    const capped = pace({ dailyCapPerAccount: 5 });
    // 5 a day: 10:00–10:04, then from midnight 00:00–00:04, then 00:00–00:01.
    expect(estimateDuration({ ...base, customers: 12, pace: capped })).toMatchObject({ endMs: at(6, 0, 1), days: 3 });
    // Two parts each: 2 customers a day (4 of the 5 messages).
    expect(estimateDuration({ ...base, customers: 5, parts: 2, pace: capped })).toMatchObject({ endMs: at(6, 0, 0), days: 3 });
    // Two accounts share the work: 10 a day.
    expect(estimateDuration({ ...base, customers: 12, accounts: 2, pace: capped })).toMatchObject({ endMs: at(5, 0, 1), days: 2 });
  });

  it('counts a new number’s warm-up caps, which grow day by day', () => {
    // Day 1 (4 March) allows 3, day 2 allows 5; then no cap: 3 + 5 + 2.
    const warmups = [{ since: '2026-03-04', schedule: [3, 5], reason: 'young' as const }];
    const e = estimateDuration({ ...base, pace: pace(), warmups });
    expect(e).toEqual({ firstMs: at(4, 10), endMs: at(6, 0, 1), durationMs: at(6, 0, 1) - at(4, 10), days: 3 });
    // Without it, all ten go today.
    expect(estimateDuration({ ...base, pace: pace() })?.days).toBe(1);
  });

  it('takes the smaller of the warm-up and the campaign cap, per account', () => {
    // Account 1 warms up (2 on day 1, then the campaign cap of 4), account 2 has the cap alone: 6, then 8 a day.
    const warmups = [{ since: '2026-03-04', schedule: [2, 40], reason: 'marked' as const }, null];
    const e = estimateDuration({ ...base, accounts: 2, pace: pace({ dailyCapPerAccount: 4 }), warmups });
    expect(e?.days).toBe(2);
    expect(e?.endMs).toBe(at(5, 0, 3));
  });

  it('waits for a warm-up day big enough for one customer’s parts', () => {
    const warmups = [{ since: '2026-03-04', schedule: [2, 6], reason: 'young' as const }];
    const e = estimateDuration({ ...base, customers: 2, parts: 3, pace: pace(), warmups });
    expect(e).toMatchObject({ firstMs: at(5, 0), endMs: at(5, 0, 1), days: 1 });
  });

  it('says never when nothing could go', () => {
    expect(estimateDuration({ ...base, parts: 6, pace: pace({ dailyCapPerAccount: 5 }) })).toBeNull();
    expect(estimateDuration({ ...base, pace: pace({ workingHours: { enabled: true, days: [], start: '09:00', end: '17:00' } }) })).toBeNull();
    expect(estimateDuration({ ...base, customers: 0, pace: pace() })).toBeNull();
    expect(estimateDuration({ ...base, accounts: 0, pace: pace() })).toBeNull();
  });

  it('is quick for a big audience with the real presets (one turn per working stretch, not per customer)', () => {
    const started = performance.now();
    // 20 000 customers × 2 parts, one account at Normal (400 messages a day): 100 days.
    const e = estimateDuration({ ...base, customers: 20_000, parts: 2, accounts: 1, pace: paceFromPreset('normal') });
    expect(e?.days).toBe(100);
    expect(performance.now() - started).toBeLessThan(400);
  });
});

describe('saying it', () => {
  it('formats durations in plain words', () => {
    expect(formatDuration(20_000)).toBe('less than a minute');
    expect(formatDuration(25 * MIN)).toBe('25 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(formatDuration(130 * MIN)).toBe('2 h 10 min');
    expect(formatDuration(24 * 60 * MIN)).toBe('1 day');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN)).toBe('3 days 4 h');
  });

  it('says when it ends: today, tomorrow or the date', () => {
    const now = at(4, 14, 30);
    expect(formatEnd(at(4, 16, 40), now, ZONE)).toBe('ends today 16:40');
    expect(formatEnd(at(5, 9, 5), now, ZONE)).toBe('ends tomorrow 09:05');
    expect(formatEnd(at(7, 10, 5), now, ZONE)).toBe('ends Sat, Mar 7, 10:05');
  });

  it('gives the whole line', () => {
    const start = at(4, 14, 30);
    const e = estimateDuration({ ...base, customers: 131, startMs: start, pace: pace() });
    expect(e && describeEstimate(e, start, ZONE)).toBe('about 2 h 10 min, ends today 16:40');
    const quick = estimateDuration({ ...base, customers: 1, startMs: start, pace: pace() });
    expect(quick && describeEstimate(quick, start, ZONE)).toBe('less than a minute, ends today 14:30');
  });
});

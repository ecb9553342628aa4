import { describe, expect, it } from 'vitest';
import { dailyRates, percent, rateSummary } from './model';

const day = (sent: number, delivered: number, read: number) => ({ day: '2026-12-01T00:00:00.000Z', sent, delivered, read });

describe('percent', () => {
  it('rounds to whole percent and says 0 of nothing', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
  });
});

describe('rateSummary', () => {
  it('weighs each day by what it sent, not each day alike', () => {
    expect(rateSummary([day(100, 90, 50), day(1, 0, 0)])).toEqual({ sent: 101, delivered: 89, read: 50 });
    expect(rateSummary([])).toEqual({ sent: 0, delivered: 0, read: 0 });
  });
});

describe('dailyRates', () => {
  it('leaves a gap for a day without sends instead of drawing 0 %', () => {
    expect(dailyRates([day(10, 9, 4), day(0, 0, 0)])).toEqual({ delivered: [90, null], read: [40, null] });
  });
});

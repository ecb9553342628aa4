import { afterEach, describe, expect, it, vi } from 'vitest';
import { operatorRegion, weekDays, weekInfo, weekInfoFromTable, workingDays } from './week';

afterEach(() => vi.restoreAllMocks());

describe('weekInfo', () => {
  it('starts the week on Saturday in Persian, Monday in Turkish, Sunday in American English', () => {
    expect(weekInfo('fa')).toEqual({ firstDay: 6, weekend: [5] });
    expect(weekInfo('tr')).toEqual({ firstDay: 1, weekend: [6, 0] });
    expect(weekInfo('en')).toEqual({ firstDay: 0, weekend: [6, 0] });
  });

  it('follows the country for Arabic, as Intl says', () => {
    expect(weekInfo('ar')).toEqual({ firstDay: 6, weekend: [5, 6] }); // Egypt, where Arabic is spoken most
    expect(weekInfo('ar', 'SA')).toEqual({ firstDay: 0, weekend: [5, 6] });
    expect(weekInfo('ar', 'ma')).toEqual({ firstDay: 1, weekend: [6, 0] });
    expect(weekInfo('fa', 'AF')).toEqual({ firstDay: 6, weekend: [4, 5] });
    expect(weekInfo('en', 'GB').firstDay).toBe(1);
  });

  it('has a table that says what Intl says, for engines without week data', () => {
    const regions = 'AE AF BH DJ DZ EG IQ IR JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE TR AZ US GB DE FR IN IL CA BR JP PK'.split(' ');
    for (const r of regions) expect(weekInfoFromTable(r), r).toEqual(weekInfo('und', r));
  });

  it('falls back to the table when Intl.Locale has no week data', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const getter = Object.getOwnPropertyDescriptor(proto, 'weekInfo');
    const method = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
    try {
      if (getter) Object.defineProperty(proto, 'weekInfo', { configurable: true, get: () => undefined });
      if (method) Object.defineProperty(proto, 'getWeekInfo', { configurable: true, value: undefined });
      expect(weekInfo('fa')).toEqual({ firstDay: 6, weekend: [5] });
      expect(weekInfo('ar', 'SA')).toEqual({ firstDay: 0, weekend: [5, 6] });
      expect(weekInfo('tr')).toEqual({ firstDay: 1, weekend: [6, 0] });
    } finally {
      if (getter) Object.defineProperty(proto, 'weekInfo', getter);
      if (method) Object.defineProperty(proto, 'getWeekInfo', method);
    }
  });

  it('lists the week from its first day, and the working days without the weekend', () => {
    expect(weekDays(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
    expect(weekDays(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(workingDays(weekInfo('fa'))).toEqual([0, 1, 2, 3, 4, 6]);
    expect(workingDays(weekInfo('tr'))).toEqual([1, 2, 3, 4, 5]);
    expect(workingDays(weekInfo('ar', 'SA'))).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes the default country only where the language is spoken', () => {
    expect(operatorRegion('ar', 'SA')).toBe('SA');
    expect(operatorRegion('ar', 'ma')).toBe('MA');
    expect(operatorRegion('fa', 'AF')).toBe('AF');
    expect(operatorRegion('en', 'GB')).toBe('GB');
    expect(operatorRegion('fa', 'TR')).toBeNull();
    expect(operatorRegion('ar', 'TR')).toBeNull();
    expect(operatorRegion('tr', null)).toBeNull();
    expect(weekInfo('fa', operatorRegion('fa', 'TR')).firstDay).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { isValidCountry } from './phone';
import { countryFor, GENERAL_WEEK, regionOf, regionWeek, sortDays, timeZoneFor, weekOrder } from './regions';

describe('regionWeek', () => {
  it('gives each place its working week', () => {
    // Iran: Saturday to Wednesday (Thursday short or off, Friday off), weeks from Saturday.
    expect(regionWeek('IR')).toEqual({ workingDays: [6, 0, 1, 2, 3], weekStart: 6 });
    // Türkiye: Monday to Friday (Saturday is the operator's to add).
    expect(regionWeek('TR')).toEqual({ workingDays: [1, 2, 3, 4, 5], weekStart: 1 });
    // Saudi Arabia: Sunday to Thursday, weeks from Sunday; Egypt works the same days from Saturday.
    expect(regionWeek('SA')).toEqual({ workingDays: [0, 1, 2, 3, 4], weekStart: 0 });
    expect(regionWeek('eg')).toEqual({ workingDays: [0, 1, 2, 3, 4], weekStart: 6 });
    expect(regionWeek('AE')).toEqual({ workingDays: [1, 2, 3, 4, 5], weekStart: 1 });
  });

  it('keeps the general week (Monday to Saturday) anywhere else, as a copy', () => {
    expect(regionWeek('DE')).toEqual({ workingDays: [1, 2, 3, 4, 5, 6], weekStart: 1 });
    regionWeek('DE').workingDays.push(0);
    regionWeek('IR').workingDays.push(4);
    expect(GENERAL_WEEK.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(regionWeek('IR').workingDays).toEqual([6, 0, 1, 2, 3]);
  });
});

describe('weekOrder / sortDays', () => {
  it('lists the days from the first day of the week', () => {
    expect(weekOrder(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
    expect(weekOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sortDays([4, 3, 6, 3, 0], 6)).toEqual([6, 0, 3, 4]);
    expect(sortDays([0, 6, 1], 1)).toEqual([1, 6, 0]);
  });
});

describe('countryFor', () => {
  const is = isValidCountry;
  it('takes the region of the computer’s locale in that language', () => {
    expect(countryFor('ar', ['ar-EG', 'en-US'], is)).toBe('EG');
    expect(countryFor('fa', ['fa-AF'], is)).toBe('AF');
    expect(countryFor('en', ['en-GB'], is)).toBe('GB');
  });

  it('else where the language is most spoken, else the computer’s region', () => {
    expect(countryFor('fa', ['fa'], is)).toBe('IR');
    expect(countryFor('fa', ['en-US'], is)).toBe('IR');
    expect(countryFor('tr', [], is)).toBe('TR');
    expect(countryFor('ar', ['ar'], is)).toBe('SA');
    expect(countryFor('en', ['de-DE', 'en'], is)).toBe('DE');
    expect(countryFor('en', ['en'], is)).toBeNull();
  });

  it('reads the region past a script and stops at an extension', () => {
    expect(regionOf('ar-Arab-EG')).toBe('EG');
    expect(regionOf('fa-IR-u-ca-persian')).toBe('IR');
    expect(regionOf('en-u-ca-gregory')).toBeNull();
    expect(regionOf('zh_TW')).toBe('TW');
  });
});

describe('timeZoneFor', () => {
  it('keeps the computer’s zone when it is the country’s, else takes the country’s main one', () => {
    expect(timeZoneFor('IR', 'UTC')).toBe('Asia/Tehran');
    expect(timeZoneFor('IR', 'Asia/Tehran')).toBe('Asia/Tehran');
    expect(timeZoneFor('TR', 'Europe/Berlin')).toBe('Europe/Istanbul');
    expect(timeZoneFor('US', 'America/Chicago')).toBe('America/Chicago');
    expect(timeZoneFor('US', 'Europe/Paris')).toBe('America/New_York');
  });

  it('uses the zones the engine knows, and the computer’s zone for a country it knows nothing of', () => {
    expect(timeZoneFor('DE', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(timeZoneFor('DE', 'Asia/Tokyo', () => ['Europe/Berlin', 'Europe/Busingen'])).toBe('Europe/Berlin');
    expect(timeZoneFor('DE', 'Europe/Busingen', () => ['Europe/Berlin', 'Europe/Busingen'])).toBe('Europe/Busingen');
  });
});

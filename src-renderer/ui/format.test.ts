import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '#shared/i18n';
import { formatDay, formatFull, formatWhen, isolate, isolatePhone } from './format';

const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

// The renderer's locale is 'en'. `\s` stands for the space before AM/PM, which newer ICU versions
// write as a narrow no-break space.
describe('formatWhen', () => {
  const now = new Date('2026-03-05T20:00:00Z');

  it('shows only the time, to the second, for today', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatWhen('2026-03-05T14:05:09Z', now)).toMatch(/^02:05:09\sPM$/);
  });

  it('shows the day without the year earlier this year', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatWhen('2026-03-03T14:05:09Z', now)).toMatch(/^Mar 3, 02:05\sPM$/);
  });

  it('shows the year for earlier years', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatWhen('2025-12-31T23:59:00Z', now)).toMatch(/^Dec 31, 2025, 11:59\sPM$/);
  });

  it('decides “today” in the computer’s own time zone', () => {
    // Noon UTC on 5 March is 21:00 in Tokyo; 15:30 UTC the same day is already 6 March there.
    const noon = new Date('2026-03-05T12:00:00Z');
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(formatWhen('2026-03-05T15:30:00Z', noon)).toMatch(/^Mar 6, 12:30\sAM$/);
    vi.stubEnv('TZ', 'UTC');
    expect(formatWhen('2026-03-05T15:30:00Z', noon)).toMatch(/^03:30:00\sPM$/);
  });

  it('counts “this year” in the calendar shown', () => {
    vi.stubEnv('TZ', 'UTC');
    try {
      setLocale('fa');
      // 20 March 2026 is still 1404 in the Persian calendar; 5 March 2026 too, so no year is written.
      expect(formatWhen('2026-03-20T10:00:00Z', now)).not.toContain('۱۴۰۴');
      // 21 March 2026 is 1 Farvardin 1405: another year.
      expect(formatWhen('2026-03-21T10:00:00Z', now)).toContain('۱۴۰۵');
    } finally {
      setLocale('en');
    }
  });

  it('gives back text that is not a date', () => {
    expect(formatWhen('', now)).toBe('');
    expect(formatWhen('yesterday', now)).toBe('yesterday');
  });
});

describe('formatFull / formatDay', () => {
  it('writes the full date and time for a tooltip', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatFull('2026-03-03T14:05:09Z')).toMatch(/^Tuesday, March 3, 2026 at 2:05:09\sPM$/);
  });

  it('writes the day alone, in the computer’s zone', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatDay('2026-03-03T20:00:00Z')).toBe('Mar 3, 2026');
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(formatDay('2026-03-03T20:00:00Z')).toBe('Mar 4, 2026');
  });

  it('gives back text that is not a date', () => {
    expect(formatFull('soon')).toBe('soon');
    expect(formatDay('2026-02-30T25:00:00Z')).toBe('2026-02-30T25:00:00Z');
  });
});

describe('isolate', () => {
  it.each(['علی', 'שלום', 'Ali علی', 'ܫܠܡܐ', 'ﷺ', 'رضا 09121234567'])('wraps right-to-left text %j', (text) => {
    expect(isolate(text)).toBe(`${FSI}${text}${PDI}`);
  });

  it.each(['', 'Ali', 'Çağrı Yılmaz', '😀 👍🏽', '+98 912 123 4567', 'Привет'])('leaves %j as it is', (text) => {
    expect(isolate(text)).toBe(text);
  });
});

describe('isolatePhone', () => {
  // isolatePhone reads the page's direction; plain Node has no page, so a stand-in is given.
  const page = (dir: string) => vi.stubGlobal('document', { documentElement: { dir } });

  it('keeps a number left-to-right on a right-to-left page', () => {
    page('rtl');
    expect(isolatePhone('+98 912 123 4567')).toBe(`${LRI}+98 912 123 4567${PDI}`);
  });

  it('leaves the number alone on a left-to-right page', () => {
    page('ltr');
    expect(isolatePhone('+98 912 123 4567')).toBe('+98 912 123 4567');
    page('');
    expect(isolatePhone('+90 532')).toBe('+90 532');
  });
});

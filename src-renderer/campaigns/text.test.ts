import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES, RECIPIENT_STATUSES, type CampaignCounts } from '#shared/campaigns';
import { paceFromPreset, type Pace } from '#shared/pace';
import {
  capEstimate,
  capPartsNote,
  describeHours,
  describePace,
  doneTotal,
  formatEta,
  formatInZone,
  formatRange,
  formatRate,
  progressOf,
  recipientStatusLabel,
  sentTotal,
  statusLabel,
} from './text';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** The joiners formatRange puts around the dash and before the unit, so the range never wraps. */
const DASH = '\u2060–\u2060';
const NBSP = '\u00a0';

describe('status labels', () => {
  it('names every campaign status', () => {
    expect(CAMPAIGN_STATUSES.map(statusLabel)).toEqual(['Not started', 'Scheduled', 'Running', 'Paused', 'Completed', 'Cancelled', 'Failed']);
  });

  it('names every recipient status', () => {
    expect(RECIPIENT_STATUSES.map(recipientStatusLabel)).toEqual([
      'Waiting',
      'Sending',
      'Sent',
      'Delivered',
      'Read',
      'Failed',
      'Skipped',
      'Unknown',
    ]);
  });
});

describe('formatRange', () => {
  it('writes a range of seconds or minutes on one unbreakable line', () => {
    expect(formatRange(12_000, 30_000, 's')).toBe(`12${DASH}30${NBSP}s`);
    expect(formatRange(2 * MIN, 5 * MIN, 'min')).toBe(`2${DASH}5${NBSP}min`);
    expect(formatRange(2 * MIN, 5 * MIN, 'min')).not.toMatch(/ /);
  });

  it('keeps one decimal', () => {
    expect(formatRange(1_500, 2_549, 's')).toBe(`1.5${DASH}2.5${NBSP}s`);
    expect(formatRange(90_000, 150_000, 'min')).toBe(`1.5${DASH}2.5${NBSP}min`);
  });

  it('writes one number when both ends read the same', () => {
    expect(formatRange(30_000, 30_000, 's')).toBe(`30${NBSP}s`);
    expect(formatRange(12_010, 12_040, 's')).toBe(`12${NBSP}s`);
  });
});

describe('formatEta', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [MIN, 'about 1 min'],
    [25 * MIN, 'about 25 min'],
    [59 * MIN + 29_000, 'about 59 min'],
    // Rounds to 60 minutes: reads as a whole hour, never "60 min".
    [59 * MIN + 31_000, 'about 1 h'],
    [2 * HOUR + 10 * MIN, 'about 2 h 10 min'],
    [47 * HOUR + 59 * MIN, 'about 47 h 59 min'],
    [48 * HOUR, 'about 2 days'],
    [60 * HOUR, 'about 3 days'],
    [10 * 24 * HOUR, 'about 10 days'],
  ])('%d ms reads %j', (ms, text) => {
    expect(formatEta(ms)).toBe(text);
  });
});

describe('formatRate', () => {
  it('writes the rate with at most one decimal', () => {
    expect(formatRate(12.345)).toBe('12.3 messages a minute');
    expect(formatRate(1234.56)).toBe('1,234.6 messages a minute');
    expect(formatRate(0)).toBe('0 messages a minute');
  });

  // Was a bug: the rate is handed to the catalogue as text, so the sentence has no singular.
  it('says “1 message a minute” for a rate of one', () => {
    expect(formatRate(1)).toBe('1 message a minute');
  });
});

describe('describePace', () => {
  it('says each rule of a preset', () => {
    expect(describePace(paceFromPreset('normal'))).toEqual([
      `One message every 12${DASH}30${NBSP}s`,
      `A 2${DASH}5${NBSP}min break after every 40 messages`,
      'At most 400 messages a day per account',
      'Shows “typing…” first',
    ]);
    expect(describePace(paceFromPreset('careful'))).toEqual([
      `One message every 30${DASH}60${NBSP}s`,
      `A 5${DASH}10${NBSP}min break after every 20 messages`,
      'At most 150 messages a day per account',
      'Shows “typing…” first',
      'Checks each number first',
    ]);
  });

  it('says when there are no breaks and no limit', () => {
    const pace: Pace = { ...paceFromPreset('fast'), preset: 'custom', pauseEvery: 0, dailyCapPerAccount: 0, minDelayMs: 5_000, maxDelayMs: 5_000 };
    expect(describePace(pace)).toEqual([`One message every 5${NBSP}s`, 'No breaks', 'No daily limit']);
  });

  it('uses the singular for a limit of one', () => {
    expect(describePace({ ...paceFromPreset('fast'), dailyCapPerAccount: 1 })[2]).toBe('At most 1 message a day per account');
  });
});

describe('capPartsNote / capEstimate', () => {
  it('explains that the daily limit counts messages', () => {
    expect(capPartsNote(1)).toBe('Counts messages, not people: this draft is a single message, so each customer uses 1.');
    expect(capPartsNote(3)).toBe('Counts messages, not people: a customer getting this 3-part draft uses 3.');
  });

  it('is null without a limit or without parts', () => {
    expect(capEstimate(0, 2)).toBeNull();
    expect(capEstimate(150, 0)).toBeNull();
    expect(capEstimate(-5, 1)).toBeNull();
  });

  it('says how many customers a day the limit lets through, rounding down', () => {
    expect(capEstimate(150, 2)).toBe('Per account: 150 messages a day ≈ 75 customers a day with this 2-part draft');
    expect(capEstimate(151, 2)).toBe('Per account: 151 messages a day ≈ 75 customers a day with this 2-part draft');
    expect(capEstimate(3, 2)).toBe('Per account: 3 messages a day ≈ 1 customer a day with this 2-part draft');
    expect(capEstimate(150, 1)).toBe('Per account: 150 messages a day = 150 customers a day (this draft is a single message)');
    expect(capEstimate(1, 1)).toBe('Per account: 1 message a day = 1 customer a day (this draft is a single message)');
  });

  it('warns when the limit is below the number of parts', () => {
    expect(capEstimate(1, 3)).toBe(
      'The daily limit of 1 message per account is smaller than this draft’s 3 parts, so no customer could ever get the whole message. Raise the limit or send fewer parts.',
    );
  });
});

describe('describeHours', () => {
  it('says the working hours and the zone they are read in', () => {
    expect(describeHours(paceFromPreset('normal'), 'Europe/Istanbul')).toBe('Mon–Sat, 09:00–20:00 (Europe/Istanbul time)');
  });

  it('says “any time” when working hours are off', () => {
    const pace = paceFromPreset('normal');
    pace.workingHours.enabled = false;
    expect(describeHours(pace, 'Europe/Istanbul')).toBe('Any day, any time');
  });
});

describe('counts and progress', () => {
  const counts: CampaignCounts = { queued: 3, sending: 1, sent: 4, delivered: 5, read: 6, failed: 2, skipped: 7, unknown: 1, total: 29 };
  const none: CampaignCounts = { queued: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, unknown: 0, total: 0 };

  it('counts delivered and read messages as sent', () => {
    expect(sentTotal(counts)).toBe(15);
    expect(sentTotal(none)).toBe(0);
  });

  it('counts as done whoever has nothing left to send: sent, failed or skipped', () => {
    expect(doneTotal(counts)).toBe(24);
  });

  it('shows the progress of a campaign', () => {
    expect(progressOf(counts, 'running')).toEqual({ done: 24, total: 29, label: '24 of 29 done' });
    expect(progressOf(none, 'draft')).toEqual({ done: 0, total: 0, label: '0 of 0 done' });
    expect(progressOf({ ...none, sent: 1200, total: 1200 }, 'completed').label).toBe('1,200 of 1,200 done');
  });

  it('does not count people skipped on cancelling as reached', () => {
    expect(progressOf(counts, 'cancelled')).toEqual({ done: 17, total: 29, label: 'Cancelled after 17 of 29' });
    const cancelledEarly = { ...none, sent: 2, skipped: 10, total: 12 };
    expect(progressOf(cancelledEarly, 'cancelled').label).toBe('Cancelled after 2 of 12');
  });
});

describe('formatInZone', () => {
  const at = '2026-03-05T06:00:00Z';

  it('reads the time in the given zone and names the zone when it is not this computer’s', () => {
    // \s: newer ICU versions put a narrow no-break space before AM/PM.
    expect(formatInZone(at, 'Europe/Istanbul', 'UTC')).toMatch(/^Mar 5, 09:00\sAM \(Europe\/Istanbul\)$/);
    expect(formatInZone(at, 'America/New_York', 'UTC')).toMatch(/^Mar 5, 01:00\sAM \(America\/New_York\)$/);
  });

  it('leaves the zone out when it is this computer’s', () => {
    expect(formatInZone(at, 'Europe/Istanbul', 'Europe/Istanbul')).toMatch(/^Mar 5, 09:00\sAM$/);
  });

  it('gives back what it cannot read', () => {
    expect(formatInZone('not a date', 'UTC', 'UTC')).toBe('not a date');
    expect(formatInZone(at, 'Mars/Base', 'UTC')).toBe(at);
  });
});

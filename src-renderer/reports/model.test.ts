import { describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaigns';
import type { CampaignReport, ReportFunnel } from '#shared/reports';
import {
  accountName,
  chartColumns,
  delayWords,
  exclusionLabel,
  filterChips,
  formatDelay,
  formatRate,
  funnelSteps,
  missingNotes,
  nextSort,
  peak,
  replyWindowChoices,
  sideFigures,
  suggestedGroupName,
  windowLabel,
} from './model';

const funnel = (over: Partial<ReportFunnel> = {}): ReportFunnel => ({
  recipients: 200,
  sent: 180,
  delivered: 171,
  read: 90,
  replied: 9,
  optedOut: 2,
  failed: 15,
  skipped: 5,
  unknown: 0,
  pending: 0,
  excluded: 12,
  ...over,
});

describe('formatRate', () => {
  it('is a whole percentage, with one decimal under 10 %, and a dash when nothing to divide by', () => {
    expect(formatRate(171, 180)).toBe('95%');
    expect(formatRate(1, 300)).toBe('0.3%');
    expect(formatRate(0, 10)).toBe('0%');
    expect(formatRate(5, 0)).toBe('–');
  });
});

describe('delays in words', () => {
  it('says seconds, minutes, hours and days', () => {
    expect(formatDelay(400)).toBe('0.4 s');
    expect(formatDelay(4_200)).toBe('4 s');
    expect(formatDelay(125_000)).toBe('2 min');
    expect(formatDelay(65 * 60_000)).toBe('1 h 5 min');
    expect(formatDelay(3 * 3_600_000)).toBe('3 h');
    expect(formatDelay(3 * 86_400_000)).toBe('3 days');
  });

  it('gives the median and p90 as a person would', () => {
    expect(delayWords('delivered', { count: 40, medianMs: 4_000, p90Ms: 31_000 })).toBe('Half were delivered within 4 s, 9 in 10 within 31 s.');
    expect(delayWords('read', { count: 3, medianMs: 120_000, p90Ms: 7_200_000 })).toBe('Half were read within 2 min, 9 in 10 within 2 h.');
  });

  it('says when there is one, or none', () => {
    expect(delayWords('read', { count: 1, medianMs: 5_000, p90Ms: 5_000 })).toBe('The one read took 5 s.');
    expect(delayWords('delivered', null)).toBe('None delivered yet.');
    expect(delayWords('read', { count: 0, medianMs: 0, p90Ms: 0 })).toBe('None read yet.');
  });
});

describe('the funnel', () => {
  it('rates each step against the one before it (replied against sent)', () => {
    const steps = funnelSteps(funnel());
    expect(steps.map((s) => [s.id, s.count, s.of, s.rate])).toEqual([
      ['recipients', 200, null, ''],
      ['sent', 180, 'recipients', '90%'],
      ['delivered', 171, 'sent', '95%'],
      ['read', 90, 'delivered', '53%'],
      ['replied', 9, 'sent', '5%'],
    ]);
    expect(steps[1]!.share).toBeCloseTo(0.9);
  });

  it('has no bars and no rates for an empty campaign', () => {
    const steps = funnelSteps(funnel({ recipients: 0, sent: 0, delivered: 0, read: 0, replied: 0 }));
    expect(steps.every((s) => s.share === 0)).toBe(true);
    expect(steps[1]!.rate).toBe('–');
  });

  it('shows in-doubt and not-sent outcomes only when there are some; excluded against everyone considered', () => {
    expect(sideFigures(funnel()).map((s) => s.id)).toEqual(['optedOut', 'failed', 'skipped', 'excluded']);
    const running = sideFigures(funnel({ pending: 20, unknown: 1, skipped: 0 }));
    expect(running.map((s) => s.id)).toEqual(['optedOut', 'failed', 'unknown', 'pending', 'excluded']);
    expect(sideFigures(funnel()).find((s) => s.id === 'excluded')!.rate).toBe(formatRate(12, 212));
  });

  it('offers filter chips with the counts it knows; waiting and in doubt only when some are', () => {
    const chips = filterChips(funnel());
    expect(chips.map((c) => c.filter)).toEqual(['all', 'sent', 'delivered', 'read', 'replied', 'optedOut', 'failed', 'skipped', 'excluded']);
    expect(chips.find((c) => c.filter === 'failed')!.count).toBe(15);
    expect(chips.find((c) => c.filter === 'read')!.count).toBeNull();
    expect(filterChips(funnel({ pending: 3 })).map((c) => c.filter)).toContain('pending');
  });
});

describe('the reply window', () => {
  it('offers 24 h, 3 days and 7 days, and keeps another current one in order', () => {
    expect(replyWindowChoices(72)).toEqual([24, 72, 168]);
    expect(replyWindowChoices(48)).toEqual([24, 48, 72, 168]);
    expect(windowLabel(24)).toBe('24 hours');
    expect(windowLabel(1)).toBe('1 hour');
    expect(windowLabel(72)).toBe('3 days');
    expect(windowLabel(36)).toBe('36 hours');
  });
});

describe('the chart', () => {
  const series = {
    bucket: 'hour' as const,
    timezone: 'Europe/Istanbul',
    points: [
      { at: '2026-12-03T10:00:00.000Z', sent: 5, delivered: 4, read: 2, failed: 1 },
      { at: '2026-12-03T09:00:00.000Z', sent: 9, delivered: 9, read: 6, failed: 0 },
    ],
  };
  it('gives the columns in time order, the gaps filled with 0 and an empty bucket each side', () => {
    const cols = chartColumns({
      ...series,
      points: [...series.points, { at: '2026-12-03T12:00:00.000Z', sent: 1, delivered: 1, read: 0, failed: 0 }],
    });
    const h = (hour: number) => Date.parse(`2026-12-03T${String(hour).padStart(2, '0')}:00:00.000Z`);
    expect(cols.times).toEqual([h(8), h(9), h(10), h(11), h(12), h(13)]);
    expect(cols.sent).toEqual([0, 9, 5, 0, 1, 0]);
    expect(cols.failed).toEqual([0, 0, 1, 0, 0, 0]);
  });
  it('puts one bucket between two empty ones, and nothing for no points', () => {
    const one = chartColumns({ ...series, bucket: 'day', points: [series.points[0]!] });
    expect(one.times).toEqual([Date.parse('2026-12-02T10:00:00.000Z'), Date.parse('2026-12-03T10:00:00.000Z'), Date.parse('2026-12-04T10:00:00.000Z')]);
    expect(one.sent).toEqual([0, 5, 0]);
    expect(chartColumns({ ...series, points: [] }).times).toEqual([]);
  });
  it('finds the busiest bucket, or none when nothing was sent', () => {
    expect(peak(series)).toEqual({ at: '2026-12-03T09:00:00.000Z', sent: 9 });
    expect(peak({ ...series, points: [] })).toBeNull();
  });
});

describe('the recipients table', () => {
  it('flips the direction on the same header; times start newest first, names A to Z', () => {
    expect(nextSort({ sort: 'name', descending: false }, 'name')).toEqual({ sort: 'name', descending: true });
    expect(nextSort({ sort: 'name', descending: true }, 'sentAt')).toEqual({ sort: 'sentAt', descending: true });
    expect(nextSort({ sort: 'sentAt', descending: true }, 'phone')).toEqual({ sort: 'phone', descending: false });
  });

  it('suggests a group name from the filter or the reason, at most 100 characters', () => {
    expect(suggestedGroupName('Spring VIP', 'failed', null)).toBe('Spring VIP – failed');
    expect(suggestedGroupName('Spring VIP', 'all', 'Not on WhatsApp')).toBe('Spring VIP – Not on WhatsApp');
    expect(suggestedGroupName('x'.repeat(120), 'read', null)).toHaveLength(100);
    // Never half an emoji at the cut.
    expect(suggestedGroupName(`${'x'.repeat(99)}🎉`, 'read', null)).toBe('x'.repeat(99));
  });

  it("names the sending account, or says it was removed", () => {
    const per = [{ accountId: 1, label: 'Shop phone', sent: 1, delivered: 1, read: 0, failed: 0 }, { accountId: 2, label: null, sent: 1, delivered: 0, read: 0, failed: 0 }];
    expect(accountName(1, per, [])).toBe('Shop phone');
    expect(accountName(3, per, [{ id: 3, label: 'Office' }])).toBe('Office');
    expect(accountName(2, per, [])).toBe('Removed account #2');
    expect(accountName(null, per, [])).toBe('');
  });
});

describe('what no longer exists', () => {
  const report = (over: Partial<CampaignReport>, campaign: Partial<Campaign> = {}): CampaignReport =>
    ({
      campaign: { name: 'Spring VIP', draftName: 'Spring sale', accountIds: [1], ...campaign } as Campaign,
      draftDeleted: false,
      perAccount: [{ accountId: 1, label: 'Shop phone', sent: 1, delivered: 1, read: 1, failed: 0 }],
      ...over,
    }) as CampaignReport;

  it('says nothing when the draft and the accounts are there', () => {
    expect(missingNotes(report({}), [{ id: 1 }])).toEqual([]);
  });
  it('says the draft was deleted, naming it', () => {
    expect(missingNotes(report({ draftDeleted: true }), [{ id: 1 }])).toEqual([
      'The draft “Spring sale” has been deleted since; the message it sent is kept with the campaign.',
    ]);
  });
  it('says how many sending accounts were removed', () => {
    expect(missingNotes(report({}, { accountIds: [1, 2] }), [{ id: 1 }])).toEqual(['1 account that sent this campaign has been removed since.']);
    expect(missingNotes(report({}), [])).toEqual(['1 account that sent this campaign has been removed since.']);
    expect(missingNotes(report({ perAccount: [{ accountId: 1, label: null, sent: 1, delivered: 0, read: 0, failed: 0 }] }), null)).toHaveLength(1);
  });
  it('does not call accounts removed before the accounts are loaded', () => {
    expect(missingNotes(report({}, { accountIds: [1, 2] }), null)).toEqual([]);
  });
});

describe('exclusion reasons', () => {
  it('are said in words; an unknown one stays as it came', () => {
    expect(exclusionLabel('blacklist')).toBe('On the blacklist');
    expect(exclusionLabel('duplicates')).toBe('Listed more than once (got it once)');
    expect(exclusionLabel('Some other reason')).toBe('Some other reason');
  });
});

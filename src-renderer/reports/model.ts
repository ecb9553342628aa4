/**
 * The campaign report in words and numbers: rates, the funnel's steps, delays said as a person
 * would ("half were delivered within 4 s, 9 in 10 within 31 s"), the chart's columns, the reply
 * windows offered, the filter chips and the sort of the recipients table. Pure: no store, no DOM.
 */
import type { AccountFigures, CampaignReport, DelayFigures, ReportFilter, ReportFunnel, ReportSeries, ReportSort } from '#shared/reports';
import { getLocale, t } from '#shared/i18n';
import { cutText } from '#shared/text';
import { REPORTS_DELAY, REPORTS_DELAY_NONE, REPORTS_DELAY_ONE, REPORTS_EXCLUDED_REASON, REPORTS_FILTER } from '#shared/i18n/keys';

/** "83 %" (whole numbers from 10 % up, one decimal below); "–" when there is nothing to divide by. */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const ratio = part / whole;
  const digits = ratio > 0 && ratio < 0.1 ? 1 : 0;
  return ratio.toLocaleString(getLocale(), { style: 'percent', maximumFractionDigits: digits });
}

function num(n: number): string {
  return n.toLocaleString(getLocale(), { maximumFractionDigits: 1 });
}

/** A delay, short: "0.4 s", "4 s", "2 min", "1 h 5 min", "2 days". */
export function formatDelay(ms: number): string {
  if (ms < 1000) return t('reports.delay.s', { n: num(Math.max(0, ms) / 1000) });
  if (ms < 60_000) return t('reports.delay.s', { n: Math.round(ms / 1000) });
  if (ms < 3_600_000) return t('reports.delay.min', { n: Math.round(ms / 60_000) });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? t('reports.delay.h', { n: h }) : t('reports.delay.hMin', { h, m });
  }
  return t('reports.delay.days', { n: Math.round(minutes / 1440), count: Math.round(minutes / 1440) });
}

/** "Half were delivered within 4 s, 9 in 10 within 31 s." (or that none were yet). */
export function delayWords(kind: 'delivered' | 'read', figures: DelayFigures): string {
  if (!figures || figures.count === 0) return t(REPORTS_DELAY_NONE[kind]);
  if (figures.count === 1) return t(REPORTS_DELAY_ONE[kind], { median: formatDelay(figures.medianMs) });
  return t(REPORTS_DELAY[kind], { median: formatDelay(figures.medianMs), p90: formatDelay(figures.p90Ms) });
}

export type FunnelStep = {
  id: 'recipients' | 'sent' | 'delivered' | 'read' | 'replied';
  count: number;
  /** The step it is a share of (null for the first). */
  of: FunnelStep['id'] | null;
  rate: string;
  /** Share of the first step, 0…1, for the bar's length. */
  share: number;
};

/** recipients → sent → delivered → read → replied, each with its rate of the step before (replied: of sent). */
export function funnelSteps(f: ReportFunnel): FunnelStep[] {
  const share = (n: number) => (f.recipients > 0 ? Math.min(1, n / f.recipients) : 0);
  return [
    { id: 'recipients', count: f.recipients, of: null, rate: '', share: f.recipients > 0 ? 1 : 0 },
    { id: 'sent', count: f.sent, of: 'recipients', rate: formatRate(f.sent, f.recipients), share: share(f.sent) },
    { id: 'delivered', count: f.delivered, of: 'sent', rate: formatRate(f.delivered, f.sent), share: share(f.delivered) },
    { id: 'read', count: f.read, of: 'delivered', rate: formatRate(f.read, f.delivered), share: share(f.read) },
    { id: 'replied', count: f.replied, of: 'sent', rate: formatRate(f.replied, f.sent), share: share(f.replied) },
  ];
}

export type SideFigure = { id: 'optedOut' | 'failed' | 'skipped' | 'unknown' | 'pending' | 'excluded'; count: number; rate: string; filter: ReportFilter };

/** The outcomes beside the funnel; unknown and pending only when there are some. */
export function sideFigures(f: ReportFunnel): SideFigure[] {
  const all: SideFigure[] = [
    { id: 'optedOut', count: f.optedOut, rate: formatRate(f.optedOut, f.sent), filter: 'optedOut' },
    { id: 'failed', count: f.failed, rate: formatRate(f.failed, f.recipients), filter: 'failed' },
    { id: 'skipped', count: f.skipped, rate: formatRate(f.skipped, f.recipients), filter: 'skipped' },
    { id: 'unknown', count: f.unknown, rate: formatRate(f.unknown, f.recipients), filter: 'unknown' },
    { id: 'pending', count: f.pending, rate: formatRate(f.pending, f.recipients), filter: 'pending' },
    { id: 'excluded', count: f.excluded, rate: formatRate(f.excluded, f.recipients + f.excluded), filter: 'excluded' },
  ];
  return all.filter((s) => s.count > 0 || s.id === 'failed' || s.id === 'optedOut' || s.id === 'excluded');
}

/** The reply windows offered (hours); the report's own is added when it is another. */
export const REPLY_WINDOWS = [24, 72, 168] as const;

export function replyWindowChoices(current: number): number[] {
  const list: number[] = [...REPLY_WINDOWS];
  return list.includes(current) ? list : [...list, current].sort((a, b) => a - b);
}

/** "24 hours", "3 days", "7 days", "36 hours". */
export function windowLabel(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return t('reports.window.days', { n: hours / 24 });
  return t('reports.window.hours', { n: hours, count: hours });
}

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;
/** Empty buckets filled in between points, at most (a year of hours). */
const MAX_FILLED = 9_000;

/**
 * The chart's columns: times in ms and one series per outcome, in time order, with the empty
 * buckets between points filled with 0 and one empty bucket on each side, so a campaign that sent
 * in one hour still shows as one bar on a scale that starts at 0 (not a lone bar on a range of years).
 */
export function chartColumns(series: ReportSeries): { times: number[]; sent: number[]; delivered: number[]; read: number[]; failed: number[] } {
  const points = [...series.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const cols = { times: [] as number[], sent: [] as number[], delivered: [] as number[], read: [] as number[], failed: [] as number[] };
  if (points.length === 0) return cols;
  const step = BUCKET_MS[series.bucket];
  const empty = (at: number) => {
    cols.times.push(at);
    cols.sent.push(0);
    cols.delivered.push(0);
    cols.read.push(0);
    cols.failed.push(0);
  };
  let filled = 0;
  let previous: number | null = null;
  for (const p of points) {
    const at = Date.parse(p.at);
    if (previous === null) empty(at - step);
    else for (let t = previous + step; t < at - step / 2 && filled < MAX_FILLED; t += step, filled++) empty(t);
    cols.times.push(at);
    cols.sent.push(p.sent);
    cols.delivered.push(p.delivered);
    cols.read.push(p.read);
    cols.failed.push(p.failed);
    previous = at;
  }
  if (previous !== null) empty(previous + step);
  return cols;
}

/** The busiest bucket, for the sentence under the chart (null when nothing was sent). */
export function peak(series: ReportSeries): { at: string; sent: number } | null {
  let best: { at: string; sent: number } | null = null;
  for (const p of series.points) if (p.sent > 0 && (!best || p.sent > best.sent)) best = { at: p.at, sent: p.sent };
  return best;
}

/** The filter chips over the recipients table, in the order shown; counts where the funnel knows them. */
export type Chip = { filter: ReportFilter; count: number | null };

export function filterChips(f: ReportFunnel): Chip[] {
  const chips: Chip[] = [
    { filter: 'all', count: f.recipients },
    { filter: 'pending', count: f.pending },
    { filter: 'sent', count: null },
    { filter: 'delivered', count: null },
    { filter: 'read', count: null },
    { filter: 'replied', count: f.replied },
    { filter: 'optedOut', count: f.optedOut },
    { filter: 'failed', count: f.failed },
    { filter: 'skipped', count: f.skipped },
    { filter: 'unknown', count: f.unknown },
    { filter: 'excluded', count: f.excluded },
  ];
  // Waiting and in-doubt rows only while there are some.
  return chips.filter((c) => !((c.filter === 'pending' || c.filter === 'unknown') && c.count === 0));
}

export function filterLabel(filter: ReportFilter): string {
  return t(REPORTS_FILTER[filter]);
}

/** Clicking a header: the same column flips its direction; another starts ascending (times: newest first). */
export function nextSort(current: { sort: ReportSort; descending: boolean }, column: ReportSort): { sort: ReportSort; descending: boolean } {
  if (current.sort === column) return { sort: column, descending: !current.descending };
  const time = column === 'sentAt' || column === 'deliveredAt' || column === 'readAt' || column === 'repliedAt';
  return { sort: column, descending: time };
}

/** A name for the group made from the table's current filter: "Spring VIP – failed". */
export function suggestedGroupName(campaignName: string, filter: ReportFilter, reason: string | null): string {
  const what = reason ?? filterLabel(filter).toLocaleLowerCase(getLocale());
  return cutText(`${campaignName} – ${what}`, 100);
}

/** An account's name in the report: its label, or that it was removed. */
export function accountName(accountId: number | null, perAccount: readonly AccountFigures[], current: readonly { id: number; label: string }[]): string {
  if (accountId === null) return '';
  const known = perAccount.find((a) => a.accountId === accountId)?.label ?? current.find((a) => a.id === accountId)?.label;
  return known ?? t('reports.account.removed', { id: accountId });
}

/**
 * What no longer exists since the campaign ran: its draft, some of its accounts. `current` is the
 * accounts list, or null while it is not loaded (then only what the report itself says counts).
 */
export function missingNotes(report: CampaignReport, current: readonly { id: number }[] | null): string[] {
  const notes: string[] = [];
  if (report.draftDeleted) notes.push(t('reports.missing.draft', { name: report.campaign.draftName }));
  const ids = new Set([...report.campaign.accountIds, ...report.perAccount.map((a) => a.accountId)]);
  const gone = [...ids].filter(
    (id) => (current !== null && !current.some((a) => a.id === id)) || report.perAccount.some((a) => a.accountId === id && a.label === null),
  );
  if (gone.length > 0) notes.push(t('reports.missing.accounts', { count: gone.length }));
  return notes;
}

const EXCLUSION_KEYS = ['blacklist', 'graylist', 'notOnWhatsApp', 'recentlyMessaged', 'duplicates', 'invalid'] as const;

/** Why someone was left out, in words ("On the blacklist"); a reason the app does not know stays as it is. */
export function exclusionLabel(reason: string): string {
  return (EXCLUSION_KEYS as readonly string[]).includes(reason) ? t(REPORTS_EXCLUDED_REASON[reason as (typeof EXCLUSION_KEYS)[number]]) : reason;
}

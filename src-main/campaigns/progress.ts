/**
 * Live progress, as pure arithmetic: rate over the last minutes, time left at the pace (plus the
 * wait the queue is in), and times worded in the campaign's zone. No database, no clock of its own.
 */
import type { CampaignCounts, CampaignProgress, CampaignStatus } from '#shared/campaigns';
import { wallDate, wallTime, weekdayName } from '#shared/dates';
import { getLocale } from '#shared/i18n';
import { isValidTimeZone, zonedParts, type Pace } from '#shared/pace';

/** "15:00" today, "Tue 09:00" within a week, else "2026-01-31 09:00", in `timezone`. */
export function formatAt(ms: number, timezone: string, now: number): string {
  const zone = isValidTimeZone(timezone) ? timezone : 'UTC';
  const p = zonedParts(ms, zone);
  const time = wallTime(p.hour, p.minute);
  const today = zonedParts(now, zone);
  if (p.year === today.year && p.month === today.month && p.day === today.day) return time;
  if (ms > now && ms - now < 6 * 86_400_000) return `${weekdayName(p.weekday, getLocale())} ${time}`;
  return `${wallDate(p.year, p.month, p.day)} ${time}`;
}

/** What a runner knows that the database does not: its recent send times and what it waits for. */
export type RunnerView = {
  pace: Pace;
  /** Start times of recent sends (ms). */
  sendTimes: readonly number[];
  waiting: string | null;
  nextAt: number | null;
  sendingAccount: number | null;
};

/** Messages per minute between the first and the latest send of the last five minutes. */
export function ratePerMinute(sendTimes: readonly number[], now: number): number {
  const times = sendTimes.filter((at) => at >= now - 5 * 60_000);
  const spanMs = times.length >= 2 ? Math.max(now, times.at(-1)!) - times[0]! : 0;
  return spanMs > 0 ? Math.round(((times.length - 1) / spanMs) * 60_000 * 10) / 10 : 0;
}

/** Time left: the wait the queue is in, then every remaining customer at the pace's average. */
export function etaMs(pace: Pace, counts: CampaignCounts, nextAt: number | null, now: number): number {
  const perMessage =
    (pace.minDelayMs + pace.maxDelayMs) / 2 + (pace.pauseEvery > 0 ? (pace.pauseMinMs + pace.pauseMaxMs) / 2 / pace.pauseEvery : 0);
  const left = counts.queued + counts.sending;
  const waitMs = nextAt !== null && nextAt > now ? nextAt - now : 0;
  return left === 0 ? 0 : Math.round(waitMs + left * Math.max(perMessage, 1));
}

export function progressOf(
  id: number,
  status: CampaignStatus,
  statusReason: string | null,
  counts: CampaignCounts,
  runner: RunnerView | null,
  now: number,
): CampaignProgress {
  return {
    campaignId: id,
    status,
    statusReason,
    counts,
    ratePerMinute: runner ? ratePerMinute(runner.sendTimes, now) : 0,
    etaMs: runner ? etaMs(runner.pace, counts, runner.nextAt, now) : null,
    sendingAccountId: runner?.sendingAccount ?? null,
    waiting: runner?.waiting ?? null,
    nextAt: runner?.nextAt != null ? new Date(runner.nextAt).toISOString() : null,
  };
}

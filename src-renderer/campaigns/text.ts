/** Campaign numbers and settings in plain words. */
import type { CampaignCounts, CampaignStatus, RecipientStatus } from '#shared/campaigns';
import { formatDate } from '#shared/dates';
import { getLocale, t } from '#shared/i18n';
import { describeWorkingHours, type Pace } from '#shared/pace';
import { CAMPAIGNS_RSTATUS, CAMPAIGNS_STATUS, CAMPAIGNS_UNIT } from '#shared/i18n/keys';

export function statusLabel(status: CampaignStatus): string {
  return t(CAMPAIGNS_STATUS[status]);
}

export function recipientStatusLabel(status: RecipientStatus): string {
  return t(CAMPAIGNS_RSTATUS[status]);
}

function num(n: number, digits = 1): string {
  return n.toLocaleString(getLocale(), { maximumFractionDigits: digits });
}

/** A range of durations: "12–30 s", "2–5 min". */
export function formatRange(minMs: number, maxMs: number, unit: 's' | 'min'): string {
  const div = unit === 's' ? 1000 : 60_000;
  const a = num(minMs / div);
  const b = num(maxMs / div);
  // Kept on one line: "30–60 s" never breaks after the dash or before the unit.
  return t(CAMPAIGNS_UNIT[unit], { n: a === b ? a : `${a}\u2060–\u2060${b}` }).replace(/ /g, '\u00a0');
}

/** "less than a minute", "about 25 min", "about 2 h 10 min", "about 3 days". */
export function formatEta(ms: number): string {
  if (ms < 60_000) return t('campaigns.eta.underMinute');
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('campaigns.eta.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? t('campaigns.eta.hours', { hours }) : t('campaigns.eta.hoursMinutes', { hours, minutes: rest });
  }
  return t('campaigns.eta.days', { days: Math.round(hours / 24) });
}

export function formatRate(perMinute: number): string {
  return t('campaigns.rate', { rate: num(perMinute), count: perMinute });
}

/** One line per rule of a pace. */
export function describePace(pace: Pace): string[] {
  const lines = [t('campaigns.pace.says.delay', { range: formatRange(pace.minDelayMs, pace.maxDelayMs, 's') })];
  lines.push(
    pace.pauseEvery > 0
      ? t('campaigns.pace.says.break', { count: pace.pauseEvery, range: formatRange(pace.pauseMinMs, pace.pauseMaxMs, 'min') })
      : t('campaigns.pace.says.noBreak'),
  );
  lines.push(
    pace.dailyCapPerAccount > 0
      ? t('campaigns.pace.says.cap', { count: pace.dailyCapPerAccount })
      : t('campaigns.pace.says.noCap'),
  );
  if (pace.typing) lines.push(t('campaigns.pace.says.typing'));
  if (pace.checkNumberFirst) lines.push(t('campaigns.pace.says.check'));
  return lines;
}

/** The daily limit counts messages: what one customer uses of it with a draft of `parts` parts. */
export function capPartsNote(parts: number): string {
  return parts > 1 ? t('campaigns.pace.capParts', { parts }) : t('campaigns.pace.capOnePart');
}

/** "150 messages a day ≈ 75 customers a day with this 2-part draft" (per account); null without a limit. */
export function capEstimate(cap: number, parts: number): string | null {
  if (cap <= 0 || parts <= 0) return null;
  if (cap < parts) return t('cq.err.capBelowParts', { cap, parts });
  const people = Math.floor(cap / parts);
  return parts === 1 ? t('campaigns.review.capPeopleOne', { cap }) : t('campaigns.review.capPeople', { cap, people, parts });
}

export function describeHours(pace: Pace, timezone: string): string {
  return pace.workingHours.enabled
    ? t('campaigns.hours.says', { hours: describeWorkingHours(pace.workingHours), zone: timezone })
    : t('campaigns.hours.anyTime');
}

/** Messages that left the phone (delivered and read ones were sent too). */
export function sentTotal(c: CampaignCounts): number {
  return c.sent + c.delivered + c.read;
}

/** Recipients whose fate is settled (nothing left to send them). */
export function doneTotal(c: CampaignCounts): number {
  return c.sent + c.delivered + c.read + c.failed + c.skipped;
}

/**
 * The progress bar's numbers and words. A cancelled campaign counts only what was tried before it
 * stopped (the people it skipped on cancelling were never reached), so it never reads "12 of 12 done".
 */
export function progressOf(c: CampaignCounts, status: CampaignStatus): { done: number; total: number; label: string } {
  if (status === 'cancelled') {
    const tried = c.sent + c.delivered + c.read + c.failed;
    return { done: tried, total: c.total, label: t('campaigns.progress.cancelled', { done: tried, total: c.total }) };
  }
  const done = doneTotal(c);
  return { done, total: c.total, label: t('campaigns.progress.done', { done, total: c.total }) };
}

/** A date and time as read in `timeZone` ("5 Mar, 09:00"), with the zone when it isn't this computer's. */
export function formatInZone(iso: string, timeZone: string, localZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let text: string;
  try {
    text = formatDate(d, getLocale(), { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  } catch {
    return iso;
  }
  return timeZone === localZone ? text : `${text} (${timeZone})`;
}

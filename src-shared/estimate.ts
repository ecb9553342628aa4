/**
 * How long a campaign will take at its pace, working hours and daily cap: "about 2 h 10 min, ends
 * today 16:40". Pure arithmetic on the pace functions the queue itself uses (pace.ts), with the
 * average delay in place of the random one, so it is an estimate, said as one.
 *
 * The model is the queue's: one campaign sends one customer at a time, waiting a delay between
 * customers (a batch pause replaces every Nth delay), only inside working hours; each account may
 * send `dailyCapPerAccount` messages (parts, not people) per local day, so a customer getting a
 * 3-part message uses 3. A new number's warm-up (src-shared/warmup.ts) lowers its account's cap
 * on the schedule's days, so those days send less. Messages the accounts already sent today are not
 * known here.
 */
import { formatDate } from './dates';
import { getLocale, t } from './i18n';
import { nextLocalMidnight, nextWorkingTime, startOfLocalDay, workingWindowEnd, type Pace } from './pace';
import { warmupDayOf, type WarmupPlan } from './warmup';

export type DurationEstimate = {
  /** When the first message goes (the start, or the next working time after it). */
  firstMs: number;
  /** When the last message goes. */
  endMs: number;
  /** From the start asked for to the last message. */
  durationMs: number;
  /** Local days with at least one message. */
  days: number;
};

export type EstimateInput = {
  pace: Pace;
  /** Customers who will get the message. */
  customers: number;
  /** Parts per customer (each counts toward the daily cap). */
  parts: number;
  /** Accounts sending (the cap is per account). */
  accounts: number;
  /** When it starts (ms). */
  startMs: number;
  timeZone: string;
  /** Each sending account's warm-up, if any (null or missing: none); its cap is the smaller one on those days. */
  warmups?: readonly (WarmupPlan | null)[];
};

/** The average wait between two customers, batch pauses spread over their batch. */
export function averageGapMs(pace: Pace): number {
  const delay = (Math.max(0, pace.minDelayMs) + Math.max(0, pace.maxDelayMs)) / 2;
  const every = Math.floor(Math.max(0, pace.pauseEvery));
  if (every <= 0) return delay;
  const pause = (Math.max(0, pace.pauseMinMs) + Math.max(0, pace.pauseMaxMs)) / 2;
  return ((every - 1) * delay + pause) / every;
}

/**
 * When the last of `customers` would go, or null when it never can (working hours with no day, a
 * cap smaller than one customer's parts, no account). Zero customers: null too.
 */
export function estimateDuration(input: EstimateInput): DurationEstimate | null {
  const { pace, timeZone, startMs } = input;
  const customers = Math.floor(input.customers);
  const parts = Math.max(1, Math.floor(input.parts));
  if (customers <= 0 || input.accounts <= 0) return null;
  const cap = Math.floor(Math.max(0, pace.dailyCapPerAccount));
  const perDayAfter = cap > 0 ? input.accounts * Math.floor(cap / parts) : Infinity;
  if (perDayAfter <= 0) return null;
  const warmups = (input.warmups ?? []).slice(0, input.accounts).filter((w): w is WarmupPlan => w !== null);
  /** Customers all accounts can take on the local day of `ms` (a customer's parts go on one day). */
  const perDayOn = (ms: number): number => {
    if (warmups.length === 0) return perDayAfter;
    const plain = input.accounts - warmups.length;
    let total = cap > 0 ? plain * Math.floor(cap / parts) : plain > 0 ? Infinity : 0;
    for (const w of warmups) {
      const today = warmupDayOf(w, ms, timeZone);
      const limit = Math.min(cap > 0 ? cap : Infinity, today ? today.cap : Infinity);
      total += limit === Infinity ? Infinity : Math.floor(limit / parts);
    }
    return total;
  };
  const gap = Math.max(averageGapMs(pace), 1);

  let remaining = customers;
  let at = startMs;
  let firstMs: number | null = null;
  let lastMs = startMs;
  let day = NaN;
  let sentToday = 0;
  let perDay = perDayAfter;
  let days = 0;
  // Each turn fills one stretch (a working window within one local day) as far as the cap lets it.
  for (let turn = 0; remaining > 0; turn++) {
    if (turn > 100_000) return null;
    at = nextWorkingTime(at, pace.workingHours, timeZone);
    if (!Number.isFinite(at)) return null;
    const today = startOfLocalDay(at, timeZone);
    if (today !== day) {
      day = today;
      sentToday = 0;
      perDay = perDayOn(at);
    }
    const midnight = nextLocalMidnight(at, timeZone);
    const stretchEnd = Math.min(workingWindowEnd(at, pace.workingHours, timeZone), midnight);
    const capLeft = perDay - sentToday;
    if (capLeft <= 0) {
      at = midnight;
      continue;
    }
    const fit = Math.floor((stretchEnd - at - 1) / gap) + 1;
    const n = Math.min(remaining, capLeft, Math.max(0, fit));
    if (n <= 0) {
      at = stretchEnd;
      continue;
    }
    if (sentToday === 0) days++;
    firstMs ??= at;
    lastMs = at + (n - 1) * gap;
    remaining -= n;
    sentToday += n;
    at = lastMs + gap;
    if (sentToday >= perDay) at = Math.max(at, midnight);
  }
  return { firstMs: firstMs ?? startMs, endMs: Math.round(lastMs), durationMs: Math.round(lastMs - startMs), days };
}

/** "less than a minute", "25 min", "2 h 10 min", "3 days 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('estimate.lessThanMinute');
  if (minutes < 60) return t('estimate.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? t('estimate.hours', { hours }) : t('estimate.hoursMinutes', { hours, minutes: rest });
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? t('estimate.days', { days }) : t('estimate.daysHours', { days, hours: restHours });
}

/** "today 16:40", "tomorrow 09:12", or "Thu 5 Dec, 10:05", in `timeZone`, from `nowMs`'s day. */
export function formatEnd(endMs: number, nowMs: number, timeZone: string): string {
  const time = formatDate(endMs, getLocale(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const today = startOfLocalDay(nowMs, timeZone);
  const endDay = startOfLocalDay(endMs, timeZone);
  if (endDay === today) return t('estimate.endsToday', { time });
  if (endDay === startOfLocalDay(nextLocalMidnight(nowMs, timeZone), timeZone)) return t('estimate.endsTomorrow', { time });
  const date = formatDate(endMs, getLocale(), { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  return t('estimate.endsOn', { date, time });
}

/** The whole line: "about 2 h 10 min, ends today 16:40". */
export function describeEstimate(estimate: DurationEstimate, nowMs: number, timeZone: string): string {
  const end = formatEnd(estimate.endMs, nowMs, timeZone);
  if (estimate.durationMs < 30_000) return t('estimate.lineShort', { end });
  return t('estimate.line', { duration: formatDuration(estimate.durationMs), end });
}

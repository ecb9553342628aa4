/**
 * Warm-up arithmetic: which day of its schedule a new number is on, in the operator's time zone,
 * and that day's cap. Pure, so the queue (src-main/safety/warmup.ts), the figures and the review's
 * estimate count days the same way. Days are calendar days in the zone (a DST day of 23 or 25 hours
 * is one day), like the daily cap's.
 */
import { asciiDigits } from './phone';
import { wallDate } from './dates';
import { zonedParts } from './pace';
import type { SafetySettings } from './safety';

type WarmupSettings = SafetySettings['warmup'];

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date "YYYY-MM-DD". */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return Math.floor(at.getTime() / DAY_MS);
}

function dateOfDayNumber(n: number): string {
  const at = new Date(n * DAY_MS);
  return wallDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** The calendar date of the instant `ms` in `zone`, "YYYY-MM-DD". */
export function localDate(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return wallDate(p.year, p.month, p.day);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Where an account's warm-up counts from: day 1 is `since`. */
export type WarmupPlan = {
  since: string;
  schedule: readonly number[];
  /** First linked recently (automatic) or marked as a new number by the operator. */
  reason: 'young' | 'marked';
};

/**
 * The warm-up an account is under, whatever the day: from its first ready day (in `zone`) while
 * automatic warm-up is on, or from the day the operator marked it new. Both: the later start (the
 * smaller caps) wins. Null when neither applies.
 */
export function warmupPlanOf(warmup: WarmupSettings, firstReadyAt: string | null, zone: string): WarmupPlan | null {
  const first = warmup.auto && firstReadyAt !== null && Number.isFinite(Date.parse(firstReadyAt)) ? localDate(Date.parse(firstReadyAt), zone) : null;
  const marked = warmup.newNumberSince;
  if (first === null && marked === null) return null;
  const useMarked = marked !== null && (first === null || marked >= first);
  return { since: useMarked ? marked : first!, schedule: warmup.schedule, reason: useMarked ? 'marked' : 'young' };
}

export type WarmupToday = {
  /** Day 1, 2, … of the schedule. */
  day: number;
  /** The schedule's length. */
  of: number;
  /** Messages this account may hand to WhatsApp today, across every campaign and test send. */
  cap: number;
  since: string;
  /** The first day the schedule no longer applies. */
  endsOn: string;
  reason: WarmupPlan['reason'];
};

/** A plan's day on the local day of `ms` (a start after it, the zone having moved, counts as day 1), or null once it is over. */
export function warmupDayOf(plan: WarmupPlan, ms: number, zone: string): WarmupToday | null {
  const day = Math.max(1, dayNumber(localDate(ms, zone)) - dayNumber(plan.since) + 1);
  if (day > plan.schedule.length) return null;
  return {
    day,
    of: plan.schedule.length,
    cap: plan.schedule[day - 1]!,
    since: plan.since,
    endsOn: addDays(plan.since, plan.schedule.length),
    reason: plan.reason,
  };
}

/** The warm-up cap on the local day of `ms`, or null when no warm-up applies that day. */
export function warmupCapOn(warmup: WarmupSettings, firstReadyAt: string | null, ms: number, zone: string): WarmupToday | null {
  const plan = warmupPlanOf(warmup, firstReadyAt, zone);
  return plan ? warmupDayOf(plan, ms, zone) : null;
}

/**
 * A schedule typed as "20, 40, 80" (any digits, "۲۰، ۴۰، ۸۰" too): the caps, or what is wrong in plain
 * words. Each day must allow at least as many as the day before (the stored settings insist on it too).
 */
export function parseSchedule(text: string): { schedule: number[] } | { error: string; at?: number } {
  // Commas and semicolons (ASCII or Arabic) or spaces separate the days; digits may be Persian
  // or Arabic-Indic.
  const pieces = asciiDigits(text).split(/[,;\u060C\u061B\s]+/u).filter((p) => p !== '');
  if (pieces.length === 0) return { error: 'empty' };
  if (pieces.length > 90) return { error: 'tooLong' };
  const schedule: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (!/^\d+$/.test(piece)) return { error: 'notNumber', at: i + 1 };
    const n = Number(piece);
    if (n < 1 || n > 100_000) return { error: 'range', at: i + 1 };
    if (i > 0 && n < schedule[i - 1]!) return { error: 'decreasing', at: i + 1 };
    schedule.push(n);
  }
  return { schedule };
}

/**
 * Keeping an account's number alive: the unanswered-message budget (WhatsApp limits how many people
 * an account may message each month who never answer; it does not publish the number), a warm-up
 * schedule for new numbers, and breakers that pause an account on spam signals. Plain data for IPC;
 * the settings are stored per account and checked with zod at the boundary.
 */
import { z } from 'zod';
import { says } from './validation';

/** A conservative guess (WhatsApp does not publish its limit): people per calendar month. */
export const DEFAULT_MONTHLY_BUDGET = 500;
/** Warn at this share of the budget; pause at all of it. */
export const BUDGET_WARN_SHARE = 0.8;
/** Daily caps of a new number's first days; after the last day the campaign's own cap applies. */
export const DEFAULT_WARMUP_SCHEDULE: readonly number[] = [20, 40, 80, 120, 160, 200, 250];

export const SafetySettingsSchema = z.object({
  /** People this account may message in a calendar month who have not answered (the budget). */
  monthlyBudget: z.number().int().min(1).max(1_000_000),
  warmup: z.object({
    /** Warm up automatically while the account is younger (first linked) than the schedule. */
    auto: z.boolean(),
    /** The operator marked the number as new on this day (YYYY-MM-DD, their time zone); null: not marked. */
    newNumberSince: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    /** The daily cap of day 1, 2, 3…; each at least the day before's. */
    schedule: z
      .array(z.number().int().min(1).max(100_000))
      .min(1)
      .max(90)
      .refine((s) => s.every((v, i) => i === 0 || v >= s[i - 1]!), says('val.warmupOrder')),
  }),
  breaker: z.object({
    /** The last this many sends of the account are looked at. */
    window: z.number().int().min(20).max(1000),
    /** Pause when at least this share (%) of them answered with an opt-out. */
    optOutPct: z.number().min(0.5).max(100),
    /** Pause when at least this share (%) was never delivered (one tick) after an hour. */
    undeliveredPct: z.number().min(1).max(100),
    /** Pause when at least this share (%) failed. */
    failedPct: z.number().min(1).max(100),
  }),
});
export type SafetySettings = z.infer<typeof SafetySettingsSchema>;

export const DEFAULT_SAFETY_SETTINGS: SafetySettings = {
  monthlyBudget: DEFAULT_MONTHLY_BUDGET,
  warmup: { auto: true, newNumberSince: null, schedule: [...DEFAULT_WARMUP_SCHEDULE] },
  breaker: { window: 100, optOutPct: 5, undeliveredPct: 30, failedPct: 20 },
};

/**
 * The defaults of an account on a driver: a demo phone cannot be banned, so it does not warm up by
 * itself (a newcomer's first campaign is not held to 20 a day); it can still be marked a new number.
 */
export function defaultSafetyFor(driver: 'wweb' | 'simulator'): SafetySettings {
  const d = DEFAULT_SAFETY_SETTINGS;
  return {
    monthlyBudget: d.monthlyBudget,
    warmup: { ...d.warmup, schedule: [...d.warmup.schedule], auto: driver !== 'simulator' },
    breaker: { ...d.breaker },
  };
}

/** A change to some of an account's safety settings (the rest is kept). */
export const SafetyPatchSchema = z.object({
  monthlyBudget: SafetySettingsSchema.shape.monthlyBudget.optional(),
  warmup: SafetySettingsSchema.shape.warmup.optional(),
  breaker: SafetySettingsSchema.shape.breaker.optional(),
});
export type SafetyPatch = z.infer<typeof SafetyPatchSchema>;

/** Where a budget stands: under 80 %, from 80 %, or used up (the account's campaigns pause). */
export type BudgetLevel = 'ok' | 'warn' | 'full';

export type BudgetFigures = {
  budget: number;
  /** People messaged this calendar month (the operator's time zone) who have not answered since. */
  month: number;
  /** The same over the last 30 days, shown beside it. */
  rolling30: number;
  left: number;
  level: BudgetLevel;
  /** First day of the month counted (YYYY-MM-DD). */
  monthStart: string;
};

/**
 * What a campaign's audience may use of an account's budget this month: at most `use` people (those
 * kept by the exclusions, not yet counted this month on the account, never heard from on it), of
 * the `left` the account has. With several accounts the runner spreads people over them, so each
 * figure is an upper bound for that account.
 */
export type BudgetUse = { accountId: number; use: number; left: number; budget: number };

export type WarmupFigures = {
  /** The warm-up applies today. */
  active: boolean;
  /** Day 1, 2, … of the warm-up (null when not active). */
  day: number | null;
  /** The schedule's length: "day 2 of 7" (null when not active). */
  of: number | null;
  /** Day 1 of the warm-up (YYYY-MM-DD; null when not active), for the review's estimate. */
  since: string | null;
  /** Today's cap from the schedule (null when not active). */
  capToday: number | null;
  /** Messages already sent today on this account (the ledger), for "35 of 40 today". */
  sentToday: number;
  /** The first day the schedule no longer applies (YYYY-MM-DD; null when not active). */
  endsOn: string | null;
  /** Why it applies: first linked recently, or marked as a new number. */
  reason: 'young' | 'marked' | null;
};

/** Which spam signal tripped a breaker. */
export type BreakerKind = 'optOut' | 'undelivered' | 'failed';

/** Sends judged before a breaker may trip (1 opt-out of 3 sends is no signal). */
export const BREAKER_MIN_SENDS = 20;
/** A message still without a second tick this long after it was sent counts as never delivered. */
export const BREAKER_UNDELIVERED_AFTER_MS = 60 * 60_000;

export type BreakerTrip = {
  kind: BreakerKind;
  /** How many of `of` (opted out, never delivered, failed). */
  count: number;
  of: number;
  /** count / of, in %, rounded to one decimal. */
  pct: number;
  /** The setting's threshold (%). */
  limit: number;
};

export type BreakerFigures = {
  /** Sends looked at (at most the window): messages sent and sends that failed, after `since`. */
  sends: number;
  /** Of those, recipients who answered with an opt-out word after our message. */
  optOuts: number;
  /** Of the last `window` messages sent at least an hour ago (`matured`), those still without a second tick. */
  undelivered: number;
  failed: number;
  /** The last messages (at most the window) sent at least an hour ago: delivery is judged on these. */
  matured: number;
  /** The window setting (the last this many sends). */
  window: number;
  /** Sends needed before anything is judged. */
  minSends: number;
  /** Only sends after this are judged (ISO; the last resume after a trip), or null. */
  since: string | null;
  /** The breaker that tripped, or null. */
  trip: BreakerTrip | null;
  /** The breaker that tripped, in plain words, or null. */
  tripped: string | null;
};

export type AccountSafety = {
  accountId: number;
  /** When the account was first ready in Pigeon (ISO; null: never linked). */
  firstReadyAt: string | null;
  settings: SafetySettings;
  budget: BudgetFigures;
  warmup: WarmupFigures;
  breaker: BreakerFigures;
};

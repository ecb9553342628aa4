/**
 * Warm-up of a new number: its figures for the screens, and the cap the runner applies across all
 * campaigns (and test sends) through the send ledger, on the operator's local day like the daily cap.
 * The days themselves are counted in src-shared/warmup.ts.
 */
import { startOfLocalDay } from '#shared/pace';
import type { SafetySettings, WarmupFigures } from '#shared/safety';
import { warmupCapOn, type WarmupToday } from '#shared/warmup';
import type { Sqlite } from '#main/kernel/db';
import { readSafety } from './settings';

const statements = new WeakMap<Sqlite, { get(...params: unknown[]): unknown }>();

/** Messages `accountId` handed to WhatsApp since `from` (ms), every campaign and test send. */
export function sentSince(q: Sqlite, accountId: number, from: number): number {
  let st = statements.get(q);
  if (!st) {
    st = q.prepare(`SELECT count(*) FROM send_ledger WHERE account_id = ? AND at >= ?`).pluck();
    statements.set(q, st);
  }
  return st.get(accountId, from) as number;
}

export function warmupFigures(q: Sqlite, accountId: number, settings: SafetySettings, firstReadyAt: string | null, now: number, zone: string): WarmupFigures {
  const today = warmupCapOn(settings.warmup, firstReadyAt, now, zone);
  const sentToday = sentSince(q, accountId, startOfLocalDay(now, zone));
  if (!today) return { active: false, day: null, of: null, since: null, capToday: null, sentToday, endsOn: null, reason: null };
  return { active: true, day: today.day, of: today.of, since: today.since, capToday: today.cap, sentToday, endsOn: today.endsOn, reason: today.reason };
}

/**
 * The warm-up cap of `accountId` today, read from the database now (settings and first ready day
 * on the attached book), or null when none applies. `q` is the queue file with the book as `book`.
 */
export function warmupToday(q: Sqlite, accountId: number, now: number, zone: string): WarmupToday | null {
  const stored = readSafety(q, accountId, 'book.');
  return stored ? warmupCapOn(stored.settings.warmup, stored.firstReadyAt, now, zone) : null;
}

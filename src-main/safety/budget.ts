/**
 * The unanswered-message budget: per account, the people a campaign messaged in a window who
 * never wrote to that account (neither first nor since), counted on `budget_people` (see
 * budget-migration.ts). The database is the only truth: every read first brings the "wrote to us"
 * marks up to date from the book's inbox, then counts on one index.
 */
import { wallDate } from '#shared/dates';
import { zonedParts, zonedTimeToUtc } from '#shared/pace';
import { BUDGET_WARN_SHARE, type BudgetFigures, type BudgetLevel, type SafetySettings } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

const DAY = 86_400_000;
export const ROLLING_DAYS = 30;

/** The first instant of the calendar month containing `now` in `zone`, and its date. */
export function monthStartOf(now: number, zone: string): { at: number; date: string } {
  const p = zonedParts(now, zone);
  return { at: zonedTimeToUtc({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0 }, zone), date: wallDate(p.year, p.month, 1) };
}

export function budgetLevel(used: number, budget: number): BudgetLevel {
  if (used >= budget) return 'full';
  return used >= Math.ceil(budget * BUDGET_WARN_SHARE) ? 'warn' : 'ok';
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Sqlite, Statements>();

function prepare(q: Sqlite) {
  return {
    seen: q.prepare(`SELECT incoming_id FROM budget_seen WHERE account_id = ?`).pluck(),
    maxIncoming: q.prepare(`SELECT coalesce(max(id), 0) FROM book.incoming_messages`).pluck(),
    hasFresh: q.prepare(`SELECT 1 FROM budget_people INDEXED BY budget_people_fresh WHERE account_id = ? AND fresh = 1 LIMIT 1`).pluck(),
    // People the account heard from since the last look (the inbox's ids only grow).
    answeredSince: q.prepare(
      `UPDATE budget_people SET answered = 1
       WHERE account_id = @account AND answered = 0 AND phone IN (
         SELECT from_phone FROM book.incoming_messages WHERE id > @from AND id <= @to AND +account_id = @account)`,
    ),
    // Rows the triggers wrote since the last look: did this person ever write to the account?
    checkFresh: q.prepare(
      `UPDATE budget_people INDEXED BY budget_people_fresh SET fresh = 0, answered = answered OR EXISTS (
         SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = budget_people.phone AND i.account_id = budget_people.account_id)
       WHERE account_id = ? AND fresh = 1`,
    ),
    setSeen: q.prepare(
      `INSERT INTO budget_seen (account_id, incoming_id) VALUES (?, ?)
       ON CONFLICT (account_id) DO UPDATE SET incoming_id = excluded.incoming_id`,
    ),
    count: q.prepare(`SELECT count(*) FROM budget_people WHERE account_id = ? AND answered = 0 AND last_at >= ?`).pluck(),
    freshCount: q.prepare(`SELECT count(*) FROM (SELECT 1 FROM budget_people INDEXED BY budget_people_fresh WHERE account_id = ? AND fresh = 1 LIMIT ?)`).pluck(),
    // Read-only corrections to \`count\` while marks are not up to date: fresh rows of people who
    // wrote to us, and checked rows of people who wrote since the last look.
    freshAnswered: q.prepare(
      `SELECT count(*) FROM budget_people p INDEXED BY budget_people_fresh WHERE p.account_id = @account AND p.fresh = 1 AND p.answered = 0 AND p.last_at >= @since
         AND EXISTS (SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = p.phone AND i.account_id = @account)`,
    ).pluck(),
    newAnswered: q.prepare(
      `SELECT count(DISTINCT p.phone) FROM book.incoming_messages n
         CROSS JOIN budget_people p ON p.account_id = @account AND p.phone = n.from_phone
       WHERE n.id > @seen AND +n.account_id = @account AND p.fresh = 0 AND p.answered = 0 AND p.last_at >= @since`,
    ).pluck(),
    person: q.prepare(`SELECT last_at, answered FROM budget_people WHERE account_id = ? AND phone = ?`),
    wrote: q.prepare(`SELECT 1 FROM book.incoming_messages WHERE from_phone = ? AND account_id = ? LIMIT 1`).pluck(),
    warned: q.prepare(
      `INSERT INTO budget_seen (account_id, warned_month) VALUES (@account, @month)
       ON CONFLICT (account_id) DO UPDATE SET warned_month = excluded.warned_month
       WHERE warned_month IS NOT excluded.warned_month`,
    ),
  };
}

function statements(q: Sqlite): Statements {
  let st = cache.get(q);
  if (!st) {
    st = prepare(q);
    cache.set(q, st);
  }
  return st;
}

/** Brings the account's "wrote to us" marks up to date with the inbox (writes only when needed). */
export function refreshAnswered(q: Sqlite, accountId: number): void {
  const st = statements(q);
  const seen = (st.seen.get(accountId) as number | undefined) ?? 0;
  const top = st.maxIncoming.get() as number;
  const fresh = st.hasFresh.get(accountId) !== undefined;
  if (top === seen && !fresh) return;
  q.transaction(() => {
    if (top > seen) st.answeredSince.run({ account: accountId, from: seen, to: top });
    if (fresh) st.checkFresh.run(accountId);
    if (top !== seen) st.setSeen.run(accountId, top);
  })();
}

/** People messaged on the account since `since` (ms) who have not written to it. */
export function unansweredSince(q: Sqlite, accountId: number, since: number): number {
  return statements(q).count.get(accountId, since) as number;
}

/** Rows written since the last refresh above which the runner's check refreshes (writes) first. */
const FRESH_LIMIT = 200;

/**
 * The same count as `refreshAnswered` then `unansweredSince`, without writing while few marks are
 * out of date (the runner asks before every new person: no extra synced commit each time).
 */
export function unansweredSinceLive(q: Sqlite, accountId: number, since: number): number {
  const st = statements(q);
  if ((st.freshCount.get(accountId, FRESH_LIMIT + 1) as number) > FRESH_LIMIT) refreshAnswered(q, accountId);
  const seen = (st.seen.get(accountId) as number | undefined) ?? 0;
  const base = st.count.get(accountId, since) as number;
  const fresh = st.freshAnswered.get({ account: accountId, since }) as number;
  const newly = st.newAnswered.get({ account: accountId, since, seen }) as number;
  return base - fresh - newly;
}

/** Where the account's budget stands at `now` (months in the operator's zone `zone`). */
export function budgetFigures(q: Sqlite, accountId: number, settings: SafetySettings, now: number, zone: string): BudgetFigures {
  refreshAnswered(q, accountId);
  const start = monthStartOf(now, zone);
  const month = unansweredSince(q, accountId, start.at);
  const rolling30 = unansweredSince(q, accountId, now - ROLLING_DAYS * DAY);
  const budget = settings.monthlyBudget;
  return { budget, month, rolling30, left: Math.max(0, budget - month), level: budgetLevel(month, budget), monthStart: start.date };
}

/**
 * 1 when a campaign message to `phone` now would use the budget: not messaged yet this month (from
 * `monthStart`) and never heard from on this account. Right whether the marks are up to date or not.
 */
export function budgetCost(q: Sqlite, accountId: number, phone: string, monthStart: number): 0 | 1 {
  const st = statements(q);
  const row = st.person.get(accountId, phone) as { last_at: number; answered: number } | undefined;
  if (row?.answered === 1) return 0;
  if (row && row.last_at >= monthStart) return 0;
  return st.wrote.get(phone, accountId) === undefined ? 1 : 0;
}

/** Marks the month's 80 % warning as given; true only the first time for that month. */
export function claimWarning(q: Sqlite, accountId: number, monthStartDate: string): boolean {
  return statements(q).warned.run({ account: accountId, month: monthStartDate }).changes > 0;
}

/**
 * Breakers on spam signals (issue 16): within an account's last `window` sends, the share of people
 * who answered with an opt-out word, of messages still without a second tick an hour after they
 * went out (people who block a number stop its messages there), and of failed sends. When one
 * crosses its threshold (after at least BREAKER_MIN_SENDS sends), the account's campaigns pause.
 *
 * The database is the only truth: the figures are read from the queue file (recipients, the
 * opt-out journal) every time, so a restart forgets nothing. Resuming after a trip records a
 * "reset at" for the account (breaker_resets): from then on only later sends are judged, so the
 * same old window does not trip again at once.
 */
import {
  BREAKER_MIN_SENDS,
  BREAKER_UNDELIVERED_AFTER_MS,
  type BreakerFigures,
  type BreakerKind,
  type BreakerTrip,
  type SafetySettings,
} from '#shared/safety';
import { t } from '#shared/i18n';
import type { Migration } from '#main/db/migrations/types';
import type { Sqlite } from '#main/kernel/db';
import { readSafety } from './settings';

/** The queue file's migration: when each account's breaker was last reset, and an index for failed sends. */
export function breakerResetsMigration(version: number): Migration {
  return {
    version,
    name: 'breakers: reset after resume, failed sends per account',
    up(db) {
      db.exec(`
        -- Resuming after a breaker tripped: only sends after this time (ms) are judged again.
        CREATE TABLE breaker_resets (
          account_id INTEGER PRIMARY KEY,
          reset_at INTEGER NOT NULL
        ) STRICT;
        -- Sends that failed before anything left (no sent_at), per account by time: the breaker's
        -- window reads the newest of them (sends that went out use recipients_account_sent).
        CREATE INDEX recipients_account_failed_unsent ON recipients (account_id, updated_at)
          WHERE sent_at IS NULL AND status = 'failed';
      `);
    },
  };
}

type Counts = { sends: number; optOuts: number; undelivered: number; failed: number; matured: number };

/**
 * The window: the newest `window` sends of the account after `since` (sent, or failed before
 * sending, each walked by an index; a number that is not on WhatsApp or not valid is the list's
 * problem, not a signal about the account, as for the five-failures pause); opt-outs by phone in the journal after our send. Delivery is
 * judged on its own window: the newest `window` messages sent at least an hour before now (at a
 * brisk pace the newest sends are all younger than that, and could never be judged).
 */
export const BREAKER_WINDOW_SQL = `
  WITH sent AS (
    SELECT phone, status, sent_at AS at FROM recipients
    WHERE account_id = @accountId AND sent_at IS NOT NULL AND sent_at > @since
    ORDER BY sent_at DESC LIMIT @window
  ), unsent AS (
    SELECT phone, status, updated_at AS at FROM recipients
    WHERE account_id = @accountId AND sent_at IS NULL AND status = 'failed' AND updated_at > @since
      AND reason NOT IN (@notOnWhatsApp, @invalid)
    ORDER BY updated_at DESC LIMIT @window
  ), win AS (
    SELECT * FROM (SELECT * FROM sent UNION ALL SELECT * FROM unsent) ORDER BY at DESC LIMIT @window
  ), matured AS (
    SELECT status, delivered_at, read_at FROM recipients
    WHERE account_id = @accountId AND sent_at IS NOT NULL AND sent_at > @since AND sent_at <= @maturedBefore
    ORDER BY sent_at DESC LIMIT @window
  )
  SELECT
    (SELECT count(*) FROM win) AS sends,
    (SELECT coalesce(sum(status = 'failed'), 0) FROM win) AS failed,
    (SELECT coalesce(sum(EXISTS (
      SELECT 1 FROM opt_outs o WHERE o.phone = win.phone AND o.received_at >= strftime('%Y-%m-%dT%H:%M:%fZ', win.at / 1000.0, 'unixepoch')
    )), 0) FROM win) AS optOuts,
    (SELECT count(*) FROM matured WHERE status <> 'failed') AS matured,
    (SELECT count(*) FROM matured WHERE status <> 'failed' AND delivered_at IS NULL AND read_at IS NULL) AS undelivered`;

const statements = new WeakMap<Sqlite, ReturnType<typeof prepare>>();
function prepare(q: Sqlite) {
  return {
    window: q.prepare(BREAKER_WINDOW_SQL),
    resetAt: q.prepare(`SELECT reset_at FROM breaker_resets WHERE account_id = ?`).pluck(),
    reset: q.prepare(`INSERT INTO breaker_resets (account_id, reset_at) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET reset_at = excluded.reset_at`),
    label: q.prepare(`SELECT label FROM book.accounts WHERE id = ?`).pluck(),
  };
}
function st(q: Sqlite) {
  let s = statements.get(q);
  if (!s) {
    s = prepare(q);
    statements.set(q, s);
  }
  return s;
}

/** count / of in %, to one decimal. */
export function sharePct(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count * 1000) / of) / 10;
}

/**
 * Which breaker trips on these counts, if any: opt-outs and failures among the sends, undelivered
 * among the sends old enough to tell; each judged only from `minSends` of its own base.
 *
 * The limit is a share of the whole window ("5 % of the last 100 sends" is 5 people), also while
 * fewer sends than the window have been made: a trip then means the window could no longer end
 * below the limit. One STOP among the first 20 sends (5 %) is noise, not a spike; five are not.
 */
export function judge(counts: Counts, limits: SafetySettings['breaker'], minSends = BREAKER_MIN_SENDS): BreakerTrip | null {
  const checks: [BreakerKind, number, number, number][] = [
    ['optOut', counts.optOuts, counts.sends, limits.optOutPct],
    ['undelivered', counts.undelivered, counts.matured, limits.undeliveredPct],
    ['failed', counts.failed, counts.sends, limits.failedPct],
  ];
  for (const [kind, count, of, limit] of checks) {
    if (of < minSends || count === 0) continue;
    // Compared exactly (count / window ≥ limit %; `of` is at most the window), not on a rounded share.
    if (count * 100 >= limit * Math.max(of, limits.window)) return { kind, count, of, pct: sharePct(count, of), limit };
  }
  return null;
}

/** The trip in plain words, with its figures. */
export function tripReason(trip: BreakerTrip, label: string): string {
  const params = { count: trip.count, of: trip.of, pct: trip.pct, limit: trip.limit, label };
  switch (trip.kind) {
    case 'optOut':
      return t('breaker.reason.optOut', params);
    case 'undelivered':
      return t('breaker.reason.undelivered', params);
    case 'failed':
      return t('breaker.reason.failed', params);
  }
}

/** When the account's breaker was last reset (ms), or null. */
export function breakerResetAt(q: Sqlite, accountId: number): number | null {
  const at = st(q).resetAt.get(accountId) as number | undefined;
  return at ?? null;
}

/** Only sends after `now` are judged from here on (a resume after a trip). */
export function resetBreaker(q: Sqlite, accountId: number, now: number): void {
  st(q).reset.run(accountId, now);
}

/** The account's breaker figures now (the queue file, with the book attached as `book`). */
export function breakerFigures(q: Sqlite, accountId: number, settings: SafetySettings, now: number): BreakerFigures {
  const s = st(q);
  const since = breakerResetAt(q, accountId);
  const { window } = settings.breaker;
  const row = s.window.get({
    accountId,
    since: since ?? -1,
    window,
    maturedBefore: now - BREAKER_UNDELIVERED_AFTER_MS,
    notOnWhatsApp: t('cq.reason.notOnWhatsApp'),
    invalid: t('cq.reason.invalid'),
  }) as Counts;
  const counts: Counts = { sends: row.sends, optOuts: row.optOuts, undelivered: row.undelivered, failed: row.failed, matured: row.matured };
  const trip = judge(counts, settings.breaker);
  const label = (s.label.get(accountId) as string | undefined) ?? `#${accountId}`;
  return {
    ...counts,
    window,
    minSends: BREAKER_MIN_SENDS,
    since: since === null ? null : new Date(since).toISOString(),
    trip,
    tripped: trip ? tripReason(trip, label) : null,
  };
}

/** The figures with the account's own settings (null: no such account). */
export function accountBreaker(q: Sqlite, accountId: number, now: number): BreakerFigures | null {
  const stored = readSafety(q, accountId, 'book.');
  return stored ? breakerFigures(q, accountId, stored.settings, now) : null;
}

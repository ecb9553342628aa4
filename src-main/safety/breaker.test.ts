/**
 * The breakers' arithmetic on the real schema: the window (the newest N sends, sent or failed),
 * each threshold, the minimum number of sends, the reset after a resume, and a restart (a new
 * connection on the same files) that forgets nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_SETTINGS, type SafetySettings } from '#shared/safety';
import { closeStore, openStore, type Store } from '#main/db/connection';
import { openQueueDb } from '#main/campaigns/queue-db';
import type { Sqlite } from '#main/kernel/db';
import { accountBreaker, BREAKER_WINDOW_SQL, breakerFigures, judge, resetBreaker } from './breaker';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

let dir: string;
let store: Store;
let q: Sqlite;
let nextPhone = 1;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-breaker-'));
  store = openStore(dir);
  q = openQueueDb(dir, store.file);
  store.sqlite
    .prepare(`INSERT INTO accounts (id, label, driver, seed, created_at) VALUES (1, 'Shop', 'simulator', 1, '2026-01-01T00:00:00Z'), (2, 'Second', 'simulator', 2, '2026-01-01T00:00:00Z')`)
    .run();
  q.prepare(
    `INSERT INTO campaigns (id, name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
     VALUES (1, 'Offer', 'running', 'Offer', '[]', '{}', '{}', '[1,2]', '{}', 'UTC', '{}', 0)`,
  ).run();
});
afterEach(async () => {
  q.close();
  await closeStore(store);
  fs.rmSync(dir, { recursive: true, force: true });
});

type Send = { at: number; account?: number; status?: string; delivered?: boolean; optOutAfterMs?: number | null; failedBefore?: boolean; reason?: string };

/** Writes recipient rows as the queue leaves them; an opt-out in the journal `optOutAfterMs` after the send. */
function sends(list: Send[]): string[] {
  const phones: string[] = [];
  for (const s of list) {
    const phone = `+90532${String(nextPhone++).padStart(7, '0')}`;
    phones.push(phone);
    const status = s.failedBefore ? 'failed' : (s.status ?? (s.delivered ? 'delivered' : 'sent'));
    q.prepare(
      `INSERT INTO recipients (campaign_id, phone, name, fields, status, account_id, sent_at, delivered_at, updated_at, reason)
       VALUES (1, ?, '', '[]', ?, ?, ?, ?, ?, ?)`,
    ).run(phone, status, s.account ?? 1, s.failedBefore ? null : s.at, s.delivered ? s.at + 1000 : null, s.at, s.reason ?? (status === 'failed' ? 'Gave up after 3 tries' : null));
    if (s.optOutAfterMs != null) optOut(phone, s.at + s.optOutAfterMs);
  }
  return phones;
}

let optOutId = 0;
function optOut(phone: string, at: number): void {
  q.prepare(
    `INSERT INTO opt_outs (account_id, account_label, wa_message_id, phone, word, body, received_at) VALUES (1, 'Shop', ?, ?, 'STOP', 'STOP', ?)`,
  ).run(`in-${++optOutId}`, phone, new Date(at).toISOString());
}

/** n delivered sends one minute apart from `from`. */
const delivered = (n: number, from: number, extra: Partial<Send> = {}): Send[] =>
  Array.from({ length: n }, (_, i) => ({ at: from + i * 60_000, delivered: true, ...extra }));

const settings = (breaker: Partial<SafetySettings['breaker']> = {}): SafetySettings => ({
  ...DEFAULT_SAFETY_SETTINGS,
  breaker: { ...DEFAULT_SAFETY_SETTINGS.breaker, ...breaker },
});

describe('judging the counts', () => {
  const limits = DEFAULT_SAFETY_SETTINGS.breaker;
  it('needs the minimum number of sends first (1 opt-out of 3 is no signal), and the limit’s share of the whole window', () => {
    expect(judge({ sends: 3, optOuts: 1, undelivered: 0, failed: 0, matured: 3 }, limits)).toBeNull();
    expect(judge({ sends: 3, optOuts: 3, undelivered: 0, failed: 0, matured: 3 }, limits)).toBeNull();
    expect(judge({ sends: 19, optOuts: 5, undelivered: 0, failed: 0, matured: 19 }, limits)).toBeNull();
    // One STOP in the first 20 sends (5 %) is noise: 5 % of a 100-send window is 5 people.
    expect(judge({ sends: 20, optOuts: 1, undelivered: 0, failed: 0, matured: 20 }, limits)).toBeNull();
    expect(judge({ sends: 40, optOuts: 4, undelivered: 0, failed: 0, matured: 40 }, limits)).toBeNull();
    expect(judge({ sends: 20, optOuts: 5, undelivered: 0, failed: 0, matured: 20 }, limits)).toMatchObject({ kind: 'optOut', count: 5, of: 20, pct: 25 });
    // A smaller window needs fewer: 5 % of 20 sends is one person.
    expect(judge({ sends: 20, optOuts: 1, undelivered: 0, failed: 0, matured: 20 }, { ...limits, window: 20 })).toMatchObject({ kind: 'optOut', pct: 5 });
  });
  it('trips at the threshold exactly, not below it', () => {
    expect(judge({ sends: 100, optOuts: 4, undelivered: 0, failed: 0, matured: 100 }, limits)).toBeNull();
    expect(judge({ sends: 100, optOuts: 5, undelivered: 0, failed: 0, matured: 100 }, limits)).toMatchObject({ kind: 'optOut', count: 5, of: 100, limit: 5 });
    expect(judge({ sends: 100, optOuts: 0, undelivered: 29, failed: 19, matured: 100 }, limits)).toBeNull();
    expect(judge({ sends: 100, optOuts: 0, undelivered: 0, failed: 20, matured: 100 }, limits)).toMatchObject({ kind: 'failed', pct: 20 });
  });
  it('judges undelivered among the sends old enough to tell', () => {
    // 30 of the 40 sends an hour old are undelivered: 75 % of those, 30 % of the window.
    expect(judge({ sends: 100, optOuts: 0, undelivered: 30, failed: 0, matured: 40 }, limits)).toMatchObject({ kind: 'undelivered', of: 40, pct: 75 });
    expect(judge({ sends: 100, optOuts: 0, undelivered: 29, failed: 0, matured: 40 }, limits)).toBeNull();
    // Too few old enough yet.
    expect(judge({ sends: 100, optOuts: 0, undelivered: 10, failed: 0, matured: 10 }, limits)).toBeNull();
  });
});

describe('the window of an account', () => {
  it('counts opt-outs after our send, by phone, in the last N sends only', () => {
    const now = T0 + 5 * HOUR;
    // 4 old opt-outs, then 100 clean sends: the old ones are out of the window.
    sends(delivered(4, T0, { optOutAfterMs: 30_000 }));
    sends(delivered(100, T0 + HOUR));
    let f = breakerFigures(q, 1, settings(), now);
    expect(f).toMatchObject({ sends: 100, optOuts: 0, trip: null, tripped: null });
    // A STOP from someone in the window, but before our message: not an answer to it.
    const [early] = sends([{ at: T0 + 3 * HOUR, delivered: true }]);
    optOut(early!, T0 + 3 * HOUR - 60_000);
    f = breakerFigures(q, 1, settings(), now);
    expect(f.optOuts).toBe(0);
    // Six answered with STOP after our message: 6 of the last 100.
    sends(delivered(6, T0 + 4 * HOUR, { optOutAfterMs: 5_000 }));
    f = breakerFigures(q, 1, settings(), now);
    expect(f).toMatchObject({ sends: 100, optOuts: 6, trip: { kind: 'optOut', count: 6, of: 100, pct: 6, limit: 5 } });
    expect(f.tripped).toBe('Paused: 6 of the last 100 people messaged from “Shop” opted out (6 %; the limit is 5 %). Check the message and who it goes to before resuming.');
    // Another account's sends are not in this account's window.
    expect(breakerFigures(q, 2, settings(), now)).toMatchObject({ sends: 0, trip: null });
    // A smaller window sees fewer.
    expect(breakerFigures(q, 1, settings({ window: 20 }), now)).toMatchObject({ sends: 20, optOuts: 6, trip: { pct: 30 } });
  });

  it('counts a message as undelivered only an hour after it went out', () => {
    const list: Send[] = Array.from({ length: 40 }, (_, i) => ({ at: T0 + i * 60_000, delivered: i % 2 === 0 }));
    sends(list);
    // Just after the last send: only the first sends are an hour old, too few to judge.
    let f = breakerFigures(q, 1, settings({ window: 20 }), T0 + 40 * 60_000);
    expect(f).toMatchObject({ sends: 20, matured: 0, undelivered: 0, trip: null });
    f = breakerFigures(q, 1, settings({ window: 20 }), T0 + HOUR + 19 * 60_000);
    expect(f).toMatchObject({ matured: 20, undelivered: 10, trip: { kind: 'undelivered', of: 20, pct: 50 } });
    expect(f.tripped).toMatch(/10 of the last 20 messages from “Shop” were still not delivered after an hour \(50 %; the limit is 30 %\)/);
  });

  it('judges delivery on the last N messages at least an hour old, even when the newest N are all younger', () => {
    // 200 sends in 100 minutes: the newest 100 are all younger than an hour.
    sends(Array.from({ length: 200 }, (_, i) => ({ at: T0 + i * 30_000, delivered: i % 5 < 2 })));
    const f = breakerFigures(q, 1, settings(), T0 + 100 * 60_000 - 1);
    expect(f).toMatchObject({ sends: 100, matured: 80, undelivered: 48, trip: { kind: 'undelivered', count: 48, of: 80, pct: 60 } });
    // A smaller window looks at fewer old messages.
    expect(breakerFigures(q, 1, settings({ window: 20 }), T0 + 100 * 60_000 - 1)).toMatchObject({ matured: 20, undelivered: 12 });
  });

  it('counts failures, those that failed before leaving (no sent_at) too, newest first', () => {
    sends(delivered(80, T0));
    sends(Array.from({ length: 10 }, (_, i) => ({ at: T0 + HOUR + i, failedBefore: true })));
    sends(Array.from({ length: 10 }, (_, i) => ({ at: T0 + HOUR + 100 + i, status: 'failed' })));
    const f = breakerFigures(q, 1, settings(), T0 + HOUR + 1000);
    expect(f).toMatchObject({ sends: 100, failed: 20, trip: { kind: 'failed', count: 20, of: 100 } });
    expect(f.tripped).toBe('Paused: 20 of the last 100 sends on “Shop” failed (20 %; the limit is 20 %).');
    // Numbers not on WhatsApp (or not valid) say something about the list, not the account.
    sends(Array.from({ length: 30 }, (_, i) => ({ at: T0 + HOUR + 200 + i, failedBefore: true, reason: i % 2 ? 'Not on WhatsApp.' : 'Not a valid phone number for WhatsApp.' })));
    expect(breakerFigures(q, 1, settings(), T0 + HOUR + 1000)).toMatchObject({ sends: 100, failed: 20 });
    // Older failures drop out of the window as newer sends arrive.
    sends(delivered(50, T0 + 2 * HOUR));
    expect(breakerFigures(q, 1, settings(), T0 + 3 * HOUR)).toMatchObject({ sends: 100, failed: 20 - 0, trip: { kind: 'failed' } });
    sends(delivered(50, T0 + 4 * HOUR));
    expect(breakerFigures(q, 1, settings(), T0 + 5 * HOUR)).toMatchObject({ sends: 100, failed: 0, trip: null });
  });

  it('after a reset judges only later sends, and a restart keeps both the trip and the reset', async () => {
    sends(delivered(30, T0, { optOutAfterMs: null }));
    sends(delivered(5, T0 + HOUR, { optOutAfterMs: 10_000 }));
    const now = T0 + 2 * HOUR;
    expect(accountBreaker(q, 1, now)?.trip).toMatchObject({ kind: 'optOut', count: 5, of: 35 });

    // A restart: new connections on the same files still see it tripped (nothing kept in memory).
    q.close();
    await closeStore(store);
    store = openStore(dir);
    q = openQueueDb(dir, store.file);
    expect(accountBreaker(q, 1, now)?.trip).toMatchObject({ kind: 'optOut', count: 5 });

    // Resumed: a fresh count, which does not trip on the same old window.
    resetBreaker(q, 1, now);
    let f = accountBreaker(q, 1, now)!;
    expect(f).toMatchObject({ sends: 0, optOuts: 0, trip: null, since: new Date(now).toISOString() });
    // Late STOPs to messages sent before the resume do not count either.
    optOut('+905320000001', now + 1000);
    // Only sends after the resume, judged from the minimum again.
    sends(delivered(19, now + 60_000, { optOutAfterMs: 1000 }));
    expect(accountBreaker(q, 1, now + 2 * HOUR)).toMatchObject({ sends: 19, optOuts: 19, trip: null });
    sends(delivered(1, now + HOUR));
    f = accountBreaker(q, 1, now + 2 * HOUR)!;
    expect(f.trip).toMatchObject({ kind: 'optOut', count: 19, of: 20 });

    // The reset survives a restart too.
    q.close();
    await closeStore(store);
    store = openStore(dir);
    q = openQueueDb(dir, store.file);
    expect(accountBreaker(q, 1, now + 2 * HOUR)).toMatchObject({ sends: 20, since: new Date(now).toISOString() });
  });

  it('reads the window through indexes (it runs before every send)', () => {
    const plan = (q.prepare(`EXPLAIN QUERY PLAN ${BREAKER_WINDOW_SQL}`).all({ accountId: 1, since: 0, window: 100, maturedBefore: 0, notOnWhatsApp: 'a', invalid: 'b' }) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH recipients USING INDEX recipients_account_sent \(account_id=\? AND sent_at>\?\)/);
    expect(plan).toMatch(/SEARCH recipients USING INDEX recipients_account_sent \(account_id=\? AND sent_at>\? AND sent_at<\?\)/);
    expect(plan).toMatch(/SEARCH recipients USING INDEX recipients_account_failed_unsent \(account_id=\? AND updated_at>\?\)/);
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX opt_outs_phone \(phone=\?\)/);
    expect(plan).not.toMatch(/SCAN recipients|SCAN o\b/);
  });
});

/**
 * The unanswered-message budget's count: people a campaign messaged on an account in a window who
 * never wrote to that account. Written straight into a real queue file and book (the way the
 * sender and the inbox write them), counted by budgetFigures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_SETTINGS, type SafetySettings } from '#shared/safety';
import { callCore, testCore } from '#main/test-support/core';
import { budgetFigures, monthStartOf, unansweredSinceLive } from './budget';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const DAY = 86_400_000;
const settings = (monthlyBudget: number): SafetySettings => ({ ...DEFAULT_SAFETY_SETTINGS, monthlyBudget });

async function setUp() {
  const opened = await testCore({ connectAccounts: false, startQueue: false });
  cleanup = opened.cleanup;
  const c = opened.core;
  const shop = await callCore(c, 'accounts.create', { label: 'Shop', driver: 'simulator' });
  const other = await callCore(c, 'accounts.create', { label: 'Other', driver: 'simulator' });
  const newCampaign = () => Number(
    c.queueDb
      .prepare(
        `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
         VALUES ('C', 'completed', 'D', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', 0)`,
      )
      .run().lastInsertRowid,
  );
  let n = 0;
  // One campaign per message (a campaign messages a person once).
  /** A campaign message (or a test send: campaign null) to `phone` through `account` at `at`. */
  const send = (account: number, phone: string, at: number, viaCampaign = true) => {
    const campaign = newCampaign();
    const rid = Number(
      c.queueDb
        .prepare(
          `INSERT INTO recipients (campaign_id, phone, name, fields, status, account_id, part, sent_at, updated_at)
           VALUES (?, ?, '', '{}', 'sent', ?, 1, ?, ?)`,
        )
        .run(campaign, phone, account, at, at).lastInsertRowid,
    );
    c.queueDb
      .prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, ?, ?, 0)`)
      .run(account, at, viaCampaign ? campaign : null, viaCampaign ? rid : null);
    return rid;
  };
  const receive = (account: number, phone: string, at: number) =>
    c.store.sqlite
      .prepare(
        `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out)
         VALUES (?, 'x', ?, ?, 'hi', ?, 0)`,
      )
      .run(account, `in-${n++}`, phone, new Date(at).toISOString());
  const figures = (account: number, now: number, zone = 'UTC', budget = 500) => budgetFigures(c.queueDb, account, settings(budget), now, zone);
  return { c, shop: shop.id, other: other.id, send, receive, figures };
}

describe('the unanswered-message budget', () => {
  it('counts distinct people messaged this month who have not answered; an answer takes them off', async () => {
    const { shop, send, receive, figures } = await setUp();
    const now = Date.UTC(2026, 4, 20, 12);
    send(shop, '+905321000001', now - 3 * DAY);
    send(shop, '+905321000001', now - 2 * DAY); // the same person again: still one
    send(shop, '+905321000002', now - 2 * DAY);
    send(shop, '+905321000003', now - DAY);
    expect(figures(shop, now)).toMatchObject({ budget: 500, month: 3, rolling30: 3, left: 497, level: 'ok', monthStart: '2026-05-01' });
    receive(shop, '+905321000002', now - DAY); // answered after our message
    expect(figures(shop, now)).toMatchObject({ month: 2, rolling30: 2, left: 498 });
    send(shop, '+905321000002', now - 1000); // answered before: messaging again costs nothing
    expect(figures(shop, now).month).toBe(2);
  });

  it('never counts people who wrote to us first, test sends, or another account’s replies', async () => {
    const { shop, other, send, receive, figures } = await setUp();
    const now = Date.UTC(2026, 4, 20, 12);
    receive(shop, '+905321000010', now - 40 * DAY); // wrote to Shop first
    send(shop, '+905321000010', now - DAY);
    send(shop, '+905321000011', now - DAY, false); // a test send
    send(shop, '+905321000012', now - DAY);
    receive(other, '+905321000012', now - 1000); // answered the other account: still counts on Shop
    send(other, '+905321000013', now - DAY);
    expect(figures(shop, now)).toMatchObject({ month: 1, rolling30: 1 });
    expect(figures(other, now)).toMatchObject({ month: 1, rolling30: 1 });
  });

  it('starts the month at local midnight of the 1st in the operator’s zone, and rolls 30 days beside it', async () => {
    const { shop, send, figures } = await setUp();
    const zone = 'Asia/Tokyo'; // UTC+9: 1 June 00:00 local is 31 May 15:00 UTC
    const june1 = Date.UTC(2026, 4, 31, 15);
    expect(monthStartOf(june1 + 5 * DAY, zone)).toEqual({ at: june1, date: '2026-06-01' });
    send(shop, '+905321000020', june1 - 1); // 31 May 23:59:59 in Tokyo: May
    send(shop, '+905321000021', june1); // June
    send(shop, '+905321000022', june1 - 20 * DAY); // May, within 30 days
    send(shop, '+905321000023', june1 - 40 * DAY); // long ago
    const now = june1 + 5 * DAY;
    expect(figures(shop, now, zone)).toMatchObject({ month: 1, rolling30: 3, monthStart: '2026-06-01' });
    // In UTC the same instants are all in May (June starts 9 hours later).
    expect(figures(shop, june1 + 3_600_000, 'UTC')).toMatchObject({ month: 3, monthStart: '2026-05-01' });
  });

  it('shows amber from 80 % and full at the budget; deleting the campaign gives nothing back', async () => {
    const { c, shop, send, figures } = await setUp();
    const now = Date.UTC(2026, 4, 20, 12);
    for (let i = 0; i < 4; i++) send(shop, `+90532100003${i}`, now - DAY);
    expect(figures(shop, now, 'UTC', 5)).toMatchObject({ level: 'warn', left: 1 });
    send(shop, '+905321000039', now - DAY);
    expect(figures(shop, now, 'UTC', 5)).toMatchObject({ level: 'full', left: 0, month: 5 });
    c.queueDb.prepare(`DELETE FROM campaigns`).run();
    expect(figures(shop, now, 'UTC', 5).month).toBe(5);
  });

  it('forgets a send proven never to have left (its ledger entry removed)', async () => {
    const { c, shop, send, figures } = await setUp();
    const now = Date.UTC(2026, 4, 20, 12);
    send(shop, '+905321000040', now - DAY);
    const rid = send(shop, '+905321000041', now - DAY);
    expect(figures(shop, now).month).toBe(2);
    c.queueDb.prepare(`DELETE FROM send_ledger WHERE recipient_id = ?`).run(rid);
    expect(figures(shop, now).month).toBe(1);
  });

  it('counts the same without writing (the runner’s check) as after the marks are brought up to date', async () => {
    const { c, shop, send, receive, figures } = await setUp();
    const now = Date.UTC(2026, 4, 20, 12);
    const since = monthStartOf(now, 'UTC').at;
    const live = () => unansweredSinceLive(c.queueDb, shop, since);
    receive(shop, '+905321000050', now - 40 * DAY); // wrote first, long ago
    send(shop, '+905321000050', now - 3 * DAY); // fresh, wrote first: not counted
    send(shop, '+905321000051', now - 3 * DAY); // fresh, counted
    expect(live()).toBe(1);
    expect(figures(shop, now).month).toBe(1); // marks now up to date
    send(shop, '+905321000052', now - 2 * DAY);
    receive(shop, '+905321000051', now - DAY); // answered after the last look
    receive(shop, '+905321000052', now - DAY); // a fresh row that answered
    send(shop, '+905321000053', now - DAY);
    expect(live()).toBe(1);
    expect(figures(shop, now).month).toBe(1);
    expect(live()).toBe(1);
  });

  it('reads the count on its covering index and looks the new replies up by person (query plans)', async () => {
    const { c } = await setUp();
    const plan = (sql: string) =>
      (c.queueDb.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ account: 1, since: 0, seen: 0 }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT count(*) FROM budget_people WHERE account_id = @account AND answered = 0 AND last_at >= @since`)).toMatch(
      /SEARCH budget_people USING COVERING INDEX budget_people_open/,
    );
    // Driven by the replies since the last look (few), each finding its person by primary key.
    const newly = plan(
      `SELECT count(DISTINCT p.phone) FROM book.incoming_messages n
         CROSS JOIN budget_people p ON p.account_id = @account AND p.phone = n.from_phone
       WHERE n.id > @seen AND +n.account_id = @account AND p.fresh = 0 AND p.answered = 0 AND p.last_at >= @since`,
    );
    expect(newly).toMatch(/SEARCH n USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(newly).toMatch(/SEARCH p USING PRIMARY KEY \(account_id=\? AND phone=\?\)/);
    const fresh = plan(
      `SELECT count(*) FROM budget_people p INDEXED BY budget_people_fresh WHERE p.account_id = @account AND p.fresh = 1 AND p.answered = 0 AND p.last_at >= @since
         AND EXISTS (SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = p.phone AND i.account_id = @account)`,
    );
    expect(fresh).toMatch(/budget_people_fresh/);
    const update = plan(
      `UPDATE budget_people SET answered = 1 WHERE account_id = @account AND answered = 0 AND phone IN (
         SELECT from_phone FROM book.incoming_messages WHERE id > @seen AND id <= @since AND +account_id = @account)`,
    );
    expect(update).toMatch(/SEARCH budget_people USING PRIMARY KEY \(account_id=\? AND phone=\?\)/);
    expect(update).toMatch(/SEARCH book.incoming_messages USING INTEGER PRIMARY KEY/);
  });
});

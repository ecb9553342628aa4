/**
 * The unanswered-message budget holds on the demo phone: a campaign to 8 people on an account with
 * a budget of 5 reaches 5 and pauses with the reason; WhatsApp's side (the demo phone's durable
 * log) agrees; the 80 % warning is logged once; and a restart does not give the budget back.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '#main/core/core';
import { openTestCore, testCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { until } from '#main/test-support/until';
import { budgetFigures } from '#main/safety/budget';
import { readSafety } from '#main/safety/settings';
import { readDeliveryLog, simulatorStory } from '#main/whatsapp/simulator/simulator-driver';

const SPEED = 200;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function ready(core: Core, id: number) {
  await until(() => core.accounts.get(id).state === 'ready', 'ready');
}

/** Account events with this code (written when the book may be written: waited for). */
const events = (core: Core, accountId: number, code: string) =>
  core.store.sqlite.prepare(`SELECT message FROM account_events WHERE account_id = ? AND code = ?`).all(accountId, code) as { message: string }[];

describe('the unanswered-message budget on the demo phone', () => {
  it('stops after 5 new people with a budget of 5, pauses with the reason, and a restart keeps the count', async () => {
    const opened = await testCore({ simulatorSpeed: SPEED });
    let core = opened.core;
    cleanups.push(async () => {
      await core.close();
      await opened.cleanup().catch(() => undefined);
    });
    const h = core.handlers;
    const account = await h['accounts.create']({ label: 'Shop', driver: 'simulator' });
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
    await ready(core, account.id);
    await h['safety.set']({ accountId: account.id, patch: { monthlyBudget: 5 } });

    // Eight people on WhatsApp (not ending in 0) who will not answer (their demo-phone story).
    const seed = (core.store.sqlite.prepare(`SELECT seed FROM accounts WHERE id = ?`).get(account.id) as { seed: number }).seed;
    const phones: string[] = [];
    for (let n = 905322400001; phones.length < 8; n++) {
      const phone = `+${n}`;
      if (!phone.endsWith('0') && simulatorStory(seed, phone, 1).reply === null) phones.push(phone);
    }
    const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello' }] });
    const campaign = await h['campaigns.create']({
      name: 'Offer',
      draftId: draft.id,
      audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: phones.join('\n') },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [account.id],
      pace: customPace({ minDelayMs: 0, maxDelayMs: 5 }),
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    await h['campaigns.start']({ id: campaign.id });
    await until(() => core.campaigns.get(campaign.id).status === 'paused', 'paused by the budget');

    const paused = core.campaigns.get(campaign.id);
    expect(paused.statusReason).toMatch(/“Shop” has messaged 5 of its 5 people this month who have not answered/);
    const log = readDeliveryLog(path.join(opened.dataDir, 'simulator'), account.id);
    expect(new Set(log.map((r) => r.to)).size).toBe(5);
    expect(log).toHaveLength(5);
    expect(paused.counts.queued).toBe(3);
    await until(() => events(core, account.id, 'budget.full').length === 1 || undefined, 'the pause logged');
    expect(events(core, account.id, 'budget.warning')).toHaveLength(1); // at 4 of 5, once
    expect(events(core, account.id, 'budget.warning')[0]!.message).toMatch(/4 of its 5/);
    const settings = readSafety(core.queueDb, account.id, 'book.')!.settings;
    expect(budgetFigures(core.queueDb, account.id, settings, Date.now(), 'UTC')).toMatchObject({ month: 5, left: 0, level: 'full' });

    // A restart: the count is in the database, so resuming pauses again before anyone else is sent to.
    await core.close();
    core = await openTestCore(opened.dataDir, { simulatorSpeed: SPEED });
    await ready(core, account.id);
    await core.handlers['campaigns.resume']({ id: campaign.id });
    await until(() => core.campaigns.get(campaign.id).status === 'paused', 'paused again');
    expect(readDeliveryLog(path.join(opened.dataDir, 'simulator'), account.id)).toHaveLength(5);
    expect(events(core, account.id, 'budget.warning')).toHaveLength(1); // not said twice in a month

    // A bigger budget: the rest go, and the people already counted cost nothing more.
    await core.handlers['safety.set']({ accountId: account.id, patch: { monthlyBudget: 8 } });
    await core.handlers['campaigns.resume']({ id: campaign.id });
    await until(() => core.campaigns.get(campaign.id).status === 'completed', 'completed');
    const all = readDeliveryLog(path.join(opened.dataDir, 'simulator'), account.id);
    expect(new Set(all.map((r) => r.to)).size).toBe(8);
  });
});

describe('what a campaign may use of the budget', () => {
  it('counts the audience’s people not yet counted this month and never heard from, per account', async () => {
    const opened = await testCore({ connectAccounts: false, startQueue: false });
    cleanups.push(opened.cleanup);
    const { core } = opened;
    const h = core.handlers;
    const shop = await h['accounts.create']({ label: 'Shop', driver: 'simulator' });
    const other = await h['accounts.create']({ label: 'Other', driver: 'simulator' });
    await h['safety.set']({ accountId: shop.id, patch: { monthlyBudget: 10 } });
    const phones = ['+905322600001', '+905322600002', '+905322600003', '+905322600004'];
    // Shop heard from the first; Shop messaged the second this month (one of its 10 used).
    core.store.sqlite
      .prepare(
        `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out)
         VALUES (?, 'Shop', 'in-1', ?, 'hi', '2026-01-01T10:00:00.000Z', 0)`,
      )
      .run(shop.id, phones[0]);
    const campaign = Number(
      core.queueDb
        .prepare(
          `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
           VALUES ('C', 'completed', 'D', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', 0)`,
        )
        .run().lastInsertRowid,
    );
    const rid = core.queueDb
      .prepare(`INSERT INTO recipients (campaign_id, phone, name, fields, status, account_id, part, sent_at, updated_at) VALUES (?, ?, '', '{}', 'sent', ?, 1, ?, ?)`)
      .run(campaign, phones[1], shop.id, Date.now(), Date.now()).lastInsertRowid;
    core.queueDb.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, ?, ?, 0)`).run(shop.id, Date.now(), campaign, rid);
    // The last is on the blacklist: not in the audience.
    await h['suppressions.addNumbers']({ kind: 'black', numbers: [phones[3]!], reason: '' });
    const use = await h['campaigns.budgetUse']({
      audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: phones.join('\n') },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [shop.id, other.id],
    });
    expect(use).toEqual([
      { accountId: shop.id, use: 1, left: 9, budget: 10 },
      { accountId: other.id, use: 3, left: 500, budget: 500 },
    ]);
  });
});

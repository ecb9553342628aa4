/**
 * The breakers end to end on the demo phone, on a fake clock: a campaign whose recipients reply
 * STOP at 10 %, and one whose messages stay undelivered at 50 %, are paused by the breaker with
 * the figures in plain words, counted against the demo phone's durable log; resuming starts a
 * fresh count that does not trip again on the same old window; a restart keeps the pause.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '#main/core/core';
import { FakeClock } from '#main/kernel/clock';
import { openTestCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { createDriverFactory } from '#main/whatsapp/factory';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';

const SEED = 1_234_567;
const SECOND = 1000;
const HOUR = 3_600_000;

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function open(dir: string, clock: FakeClock): Promise<Core> {
  const real = createDriverFactory({ dataDir: dir, clock, browserPath: () => '' });
  // A fixed seed, so the story (who replies STOP, which messages stay at one tick) repeats.
  return openTestCore(dir, { clock, createDriver: (account) => real({ ...account, seed: SEED }) });
}

async function setUp(people: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-breaker-sim-'));
  const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  let core = await open(dir, clock);
  cleanup = async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const h = () => core.handlers;
  const group = await h()['groups.create']({ name: 'Customers' });
  const ids: number[] = [];
  // Numbers that are all on WhatsApp (none ends in 0 on the demo phone).
  for (let i = 0; i < people; i++) {
    const phone = `+9053211${String(10_000 + i * 3 + 1).padStart(5, '0')}`;
    ids.push((await h()['contacts.create']({ phone: phone.endsWith('0') ? phone.slice(0, -1) + '7' : phone, name: `C${i}`, fields: [], tags: [], note: '' })).id);
  }
  await h()['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  const account = await h()['accounts.create']({ label: 'Shop', driver: 'simulator' });
  await h()['accounts.connect']({ id: account.id, method: 'qr' });
  expect(await clock.advanceUntil(() => core.accounts.get(account.id).state === 'ready', 60 * SECOND, 500)).toBe(true);
  const draft = await h()['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello {{name}}, 20% off this week' }] });
  const campaign = await h()['campaigns.create']({
    name: 'Spike',
    draftId: draft.id,
    audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
    accountIds: [account.id],
    pace: customPace({ minDelayMs: 20 * SECOND, maxDelayMs: 40 * SECOND }),
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  });
  return {
    dir,
    clock,
    core: () => core,
    accountId: account.id,
    campaignId: campaign.id,
    log: () => readDeliveryLog(path.join(dir, 'simulator'), account.id),
    async reopen() {
      await core.close();
      core = await open(dir, clock);
    },
  };
}

describe('a breaker on the demo phone', () => {
  it('pauses a campaign whose recipients reply STOP at 10 %, with the figures; resuming counts afresh', async () => {
    const t = await setUp(120);
    const h = () => t.core().handlers;
    await h()['accounts.simulate']({ id: t.accountId, action: { kind: 'optOutRate', percent: 10 } });
    await h()['campaigns.start']({ id: t.campaignId });
    const paused = () => t.core().campaigns.get(t.campaignId).status === 'paused';
    expect(await t.clock.advanceUntil(paused, 2 * HOUR, 5 * SECOND)).toBe(true);

    const c = t.core().campaigns.get(t.campaignId);
    const figures = (await h()['safety.get']({ accountId: t.accountId })).breaker;
    expect(figures.trip?.kind).toBe('optOut');
    expect(c.statusReason).toBe(figures.tripped);
    expect(c.statusReason).toMatch(/^Paused: \d+ of the last \d+ people messaged from “Shop” opted out \(\d+(\.\d)? %; the limit is 5 %\)/);
    // Judged only from 20 sends on, and at the limit or over.
    expect(figures.sends).toBeGreaterThanOrEqual(20);
    expect(figures.optOuts * 100).toBeGreaterThanOrEqual(3 * figures.sends);

    // The demo phone's durable log agrees: every send it received is in the window, and each
    // opt-out counted is a person in the log who was told to reply STOP (or did so by chance).
    const log = t.log();
    expect(log.length).toBe(figures.sends);
    const journal = t.core().queueDb.prepare(`SELECT phone FROM opt_outs`).pluck().all() as string[];
    expect(journal.length).toBe(figures.optOuts);
    const faulted = new Set(log.filter((r) => r.fault === 'optOut').map((r) => r.to));
    expect(faulted.size).toBeGreaterThan(0);
    for (const phone of journal) expect(log.some((r) => r.to === phone)).toBe(true);

    // Paused means paused: nothing more reaches WhatsApp, and a restart keeps it so.
    await t.clock.advance(10 * 60 * SECOND);
    expect(t.log().length).toBe(log.length);
    await t.reopen();
    await t.clock.advance(5 * 60 * SECOND);
    expect(t.core().campaigns.get(t.campaignId).status).toBe('paused');
    expect((await h()['safety.get']({ accountId: t.accountId })).breaker.trip?.kind).toBe('optOut');
    expect(t.log().length).toBe(log.length);

    // Resumed (the operator confirmed): a fresh count; the same old window does not trip again.
    await h()['accounts.simulate']({ id: t.accountId, action: { kind: 'optOutRate', percent: 0 } });
    await h()['campaigns.resume']({ id: t.campaignId });
    const after = (await h()['safety.get']({ accountId: t.accountId })).breaker;
    expect(after).toMatchObject({ sends: 0, trip: null });
    expect(after.since).not.toBeNull();
    // Fewer than 20 new sends are never judged, whatever the old window held. (Waits until the
    // queue has recorded every send the phone's log has: the log line comes first.)
    const sentRows = () =>
      t.core().queueDb.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck().get(t.campaignId) as number;
    expect(await t.clock.advanceUntil(() => t.log().length >= log.length + 10 && sentRows() === t.log().length, HOUR, 5 * SECOND)).toBe(true);
    const fresh = t.log().length - log.length;
    expect(fresh).toBeLessThan(20);
    expect(t.core().campaigns.get(t.campaignId).status).toBe('running');
    expect((await h()['safety.get']({ accountId: t.accountId })).breaker).toMatchObject({ sends: fresh, trip: null });
  });

  it('pauses a campaign whose messages stay undelivered at 50 %, once they are an hour old', async () => {
    const t = await setUp(300);
    const h = () => t.core().handlers;
    // This one watches delivery alone (a single natural STOP in 20 sends would be 5 %).
    await h()['safety.set']({ accountId: t.accountId, patch: { breaker: { window: 100, optOutPct: 100, undeliveredPct: 30, failedPct: 20 } } });
    await h()['accounts.simulate']({ id: t.accountId, action: { kind: 'undeliveredRate', percent: 50 } });
    await h()['campaigns.start']({ id: t.campaignId });
    // Within the first hour nothing can be judged yet: still running.
    await t.clock.advance(50 * 60 * SECOND);
    expect(t.core().campaigns.get(t.campaignId).status).toBe('running');
    const paused = () => t.core().campaigns.get(t.campaignId).status === 'paused';
    expect(await t.clock.advanceUntil(paused, 2 * HOUR, 5 * SECOND)).toBe(true);

    const c = t.core().campaigns.get(t.campaignId);
    const figures = (await h()['safety.get']({ accountId: t.accountId })).breaker;
    expect(figures.trip?.kind).toBe('undelivered');
    // The reason gives the figures at the moment of the trip; the card's live figures may have
    // moved on since (another message turned an hour old), so the reason is checked on its own.
    const reason = /^Paused: (\d+) of the last (\d+) messages from “Shop” were still not delivered after an hour \((\d+(?:\.\d)?) %; the limit is 30 %\)/.exec(c.statusReason ?? '');
    expect(reason, c.statusReason ?? 'no reason').not.toBeNull();
    const [count, of, pct] = [Number(reason?.[1]), Number(reason?.[2]), Number(reason?.[3])];
    expect(of).toBeGreaterThanOrEqual(20);
    expect(of).toBeLessThanOrEqual(figures.matured);
    expect(count * 100).toBeGreaterThanOrEqual(30 * Math.max(of, 100)); // the limit was really reached
    expect(pct).toBe(Math.round((count * 1000) / of) / 10);
    expect(figures.matured).toBeGreaterThanOrEqual(20);

    // Counted from the log: the messages the demo phone left at one tick that are an hour old.
    const log = t.log();
    expect(figures.sends).toBe(Math.min(100, log.length));
    const hourAgo = t.clock.now() - HOUR;
    const old = log.filter((r) => Date.parse(r.at) <= hourAgo).slice(-100);
    expect(figures.matured).toBe(old.length);
    expect(figures.undelivered).toBe(old.filter((r) => r.fault === 'undelivered').length);
  });
});

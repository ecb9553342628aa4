/**
 * A real small campaign on the demo phone (sped up), then its report: the funnel, the per-account
 * figures and the recipients agree with the rows and with the demo phone's durable log and its
 * seeded stories (who reads, who replies, who writes STOP).
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { CampaignReport } from '#shared/reports';
import { callCore, testCore } from '#main/test-support/core';
import { withoutSafetyBrakes } from '#main/test-support/safety-brakes';
import { customPace } from '#main/test-support/pace';
import { until } from '#main/test-support/until';
import { readDeliveryLog, simulatorStory } from '#main/whatsapp/simulator/simulator-driver';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

const phonesOf = (n: number, start = 905321110001) => Array.from({ length: n }, (_, i) => `+${start + i}`);

describe('the report of a campaign on the demo phone', () => {
  it('agrees with the rows, the demo phone’s log and its stories', async () => {
    opened = await testCore({ simulatorSpeed: 200 });
    const { core, dataDir } = opened;
    const h = core.handlers;
    const phones = phonesOf(30);
    const group = await h['groups.create']({ name: 'Customers' });
    const ids: number[] = [];
    for (const [i, phone] of phones.entries()) {
      ids.push((await h['contacts.create']({ phone, name: `Customer ${String(i).padStart(2, '0')}`, fields: [], tags: [], note: '' })).id);
    }
    await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
    await h['suppressions.addNumbers']({ kind: 'black', numbers: [phones[1]!], reason: '' });
    // Each demo account draws its own seed: take one whose stories for these numbers include
    // a few replies (the stories are pure, so this is known before anything is sent).
    const seedOf = (id: number) => core.store.sqlite.prepare(`SELECT seed FROM accounts WHERE id = ?`).pluck().get(id) as number;
    let account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
    const repliesFor = (id: number) => phones.filter((p, i) => i !== 1 && simulatorStory(seedOf(id), p, 1).reply !== null).length;
    for (let tries = 0; tries < 50 && repliesFor(account.id) < 3; tries++) {
      await h['accounts.remove']({ id: account.id });
      account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
    }
    withoutSafetyBrakes(core, account.id);
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
    await until(() => core.accounts.get(account.id).state === 'ready', 'ready');
    const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello {{name}}' }] });
    const created = await h['campaigns.create']({
      name: 'Demo offer',
      draftId: draft.id,
      audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: 24 },
      accountIds: [account.id],
      pace: customPace({ minDelayMs: 0, maxDelayMs: 5 }),
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    await h['campaigns.start']({ id: created.id });
    await until(async () => (await h['campaigns.get']({ id: created.id })).status === 'completed', 'completed', 30_000);

    // What the demo phone will do with each message it got (its stories are seeded and pure).
    const seed = core.store.sqlite.prepare(`SELECT seed FROM accounts WHERE id = ?`).pluck().get(account.id) as number;
    const log = readDeliveryLog(path.join(dataDir, 'simulator'), account.id);
    const stories = log.map((r) => simulatorStory(seed, r.to, 1));
    const readers = stories.filter((s) => s.readAfterMs !== null).length;
    const repliers = stories.filter((s) => s.reply !== null).length;
    const stoppers = stories.filter((s) => s.reply?.optOut).length;
    expect(log.length).toBeGreaterThan(20);
    expect(repliers).toBeGreaterThan(0); // the seed was chosen for it: replies to count

    // Every story plays out (acks and replies arrive), then the report tells it as it happened.
    const report = await until(
      async () => {
        const r = await callCore(core, 'reports.get', { id: created.id });
        return r.funnel.read === readers && r.funnel.replied === repliers && r.funnel.optedOut === stoppers ? r : null;
      },
      'every ack and reply',
      30_000,
    );
    const q = core.queueDb;
    const count = (where: string) => q.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND ${where}`).pluck().get(created.id);
    const offWhatsApp = phones.filter((p, i) => p.endsWith('0') && i !== 1);
    expect(report.funnel).toEqual<CampaignReport['funnel']>({
      recipients: 29,
      sent: log.length,
      delivered: log.length, // the demo phone delivers everything it takes
      read: readers,
      replied: repliers,
      optedOut: stoppers,
      failed: offWhatsApp.length,
      skipped: 0,
      unknown: 0,
      pending: 0,
      excluded: 1,
    });
    expect(log.length).toBe(29 - offWhatsApp.length);
    expect(count(`status IN ('sent', 'delivered', 'read')`)).toBe(log.length);
    expect(report.perAccount).toEqual([{ accountId: account.id, label: 'Demo', sent: log.length, delivered: log.length, read: readers, failed: offWhatsApp.length }]);
    expect(report.failures).toEqual([{ reason: 'Not on WhatsApp.', count: offWhatsApp.length }]);
    expect(report.excludedReasons).toEqual([{ reason: 'blacklist', count: 1 }]);
    expect(report.deliveredDelay?.count).toBe(log.length);
    expect(report.readDelay?.count).toBe(readers);
    expect(report.deliveredDelay!.medianMs).toBeLessThanOrEqual(report.deliveredDelay!.p90Ms);

    // The recipients: the ones who read are exactly the log's readers; the excluded one is listed.
    const selection = (filter: string) => ({ filter, reason: null, accountId: null, search: '' }) as never;
    const readRows = await callCore(core, 'reports.recipients', { id: created.id, selection: selection('read'), limit: 500 });
    expect(new Set(readRows.rows.map((r) => r.phone))).toEqual(new Set(log.filter((_, i) => stories[i]!.readAfterMs !== null).map((r) => r.to)));
    const replied = await callCore(core, 'reports.recipients', { id: created.id, selection: selection('replied'), sort: 'repliedAt' });
    expect(new Set(replied.rows.map((r) => r.phone))).toEqual(new Set(log.filter((_, i) => stories[i]!.reply !== null).map((r) => r.to)));
    expect(replied.rows.every((r) => r.repliedAt !== null && r.readAt !== null && r.repliedAt >= r.readAt)).toBe(true);
    const excluded = await callCore(core, 'reports.recipients', { id: created.id, selection: selection('excluded') });
    expect(excluded.rows.map((r) => [r.phone, r.reason])).toEqual([[phones[1], 'blacklist']]);
    const series = await callCore(core, 'reports.series', { id: created.id, bucket: 'day' });
    expect(series.points.reduce((sum, p) => sum + p.sent, 0)).toBe(log.length);
  });
});

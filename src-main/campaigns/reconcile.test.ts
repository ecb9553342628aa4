/**
 * Rows a crash left `sending`, on a driver that cannot prove a message never left (WhatsApp Web):
 * found in the chat → sent, not re-sent; not found or can't tell → "unknown" for the operator,
 * who can send them again or drop them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { paceFromPreset } from '#shared/pace';
import type { Core } from '#main/core/core';
import type { SentMessageInfo } from '#main/whatsapp/driver';
import { openTestCore } from '#main/test-support/core';
import { fakeDriverFactory, type FakeDriver } from '#main/test-support/fake-driver';
import { until } from '#main/test-support/until';
import { QUEUE_FILE } from './queue-db';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const PHONES = ['+905321190001', '+905321190002', '+905321190003'];

/** A campaign built (its account never connected), then a crash left its first row `sending`. */
async function crashedCampaign(): Promise<{ dataDir: string; campaignId: number; accountId: number; sendingAt: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-reconcile-'));
  dirs.push(dataDir);
  const { factory } = fakeDriverFactory();
  const core = await openTestCore(dataDir, { createDriver: factory });
  const h = core.handlers;
  const group = await h['groups.create']({ name: 'G' });
  const ids: number[] = [];
  for (const phone of PHONES) ids.push((await h['contacts.create']({ phone, name: 'Ayşe', fields: [], tags: [], note: '' })).id);
  await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
  const draft = await h['drafts.create']({ name: 'D', parts: [{ kind: 'text', text: 'Merhaba {{name}}' }] });
  const c = await h['campaigns.create']({
    name: 'C',
    draftId: draft.id,
    audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: [account.id],
    pace: { ...paceFromPreset('fast'), preset: 'custom', minDelayMs: 0, maxDelayMs: 0, pauseEvery: 0, typing: false, workingHours: { enabled: false, days: [1], start: '09:00', end: '18:00' } },
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  });
  await h['campaigns.start']({ id: c.id });
  await core.close();
  const sendingAt = Date.now() - 1_000;
  const q = new BetterSqlite3(path.join(dataDir, QUEUE_FILE));
  q.prepare(`UPDATE recipients SET status = 'sending', account_id = ?, sending_at = ?, attempts = 1 WHERE phone = ?`).run(account.id, sendingAt, PHONES[0]);
  q.close();
  return { dataDir, campaignId: c.id, accountId: account.id, sendingAt };
}

/** Opens the core again with a fake WhatsApp Web whose chat history is `history`, and links it. */
async function reopen(dataDir: string, accountId: number, history: (to: string) => SentMessageInfo[] | null) {
  const { factory, drivers } = fakeDriverFactory((driver) => {
    driver.sentMessagesTo = (to: string) => Promise.resolve(history(to));
  });
  const core = await openTestCore(dataDir, { createDriver: factory });
  cores.push(core);
  await core.handlers['accounts.connect']({ id: accountId, method: 'qr' });
  await until(() => drivers.length > 0, 'a driver');
  const driver = drivers.at(-1) as FakeDriver;
  driver.state('authenticating');
  driver.fire('ready', { phone: '+447700900123', displayName: 'Shop phone' });
  return { core, driver };
}

describe('reconciling after a crash on WhatsApp Web', () => {
  it('marks a message found in the chat as sent and never sends it again', async () => {
    const { dataDir, campaignId, accountId, sendingAt } = await crashedCampaign();
    const { core, driver } = await reopen(dataDir, accountId, (to) =>
      to === PHONES[0] ? [{ kind: 'text', messageId: 'wa-1', to, body: 'Merhaba Ayşe', timestamp: sendingAt + 300, ack: 'server' }] : [],
    );
    await until(() => core.campaigns.get(campaignId).status === 'completed', 'completed');
    expect(driver.sent.map((s) => s.to)).toEqual([PHONES[1], PHONES[2]]);
    expect(core.campaigns.get(campaignId).counts).toMatchObject({ sent: 3, unknown: 0 });
  });

  it('shows a message it cannot find as unknown; "send again" sends it once, "drop" fails it', async () => {
    const { dataDir, campaignId, accountId } = await crashedCampaign();
    // An older message with the same text does not count: it was sent before this try began.
    const { core, driver } = await reopen(dataDir, accountId, (to) => [
      { kind: 'text', messageId: 'old', to, body: 'Merhaba Ayşe', timestamp: Date.now() - 3_600_000, ack: 'read' },
    ]);
    await until(() => core.campaigns.get(campaignId).status === 'completed', 'completed');
    expect(driver.sent.map((s) => s.to)).toEqual([PHONES[1], PHONES[2]]);
    const unknown = core.campaigns.recipients({ id: campaignId, status: 'unknown', search: '', offset: 0, limit: 10 });
    expect(unknown.rows.map((r) => r.phone)).toEqual([PHONES[0]]);
    expect(unknown.rows[0]?.reason).toMatch(/can’t confirm whether it arrived/);

    expect(core.campaigns.resolveUnknown(campaignId, 'resend')).toEqual({ changed: 1 });
    await until(() => driver.sent.length === 3 && core.campaigns.get(campaignId).status === 'completed', 'sent again');
    expect(driver.sent.map((s) => s.to)).toEqual([PHONES[1], PHONES[2], PHONES[0]]);
    expect(core.campaigns.get(campaignId).counts).toMatchObject({ sent: 3, unknown: 0 });
  });

  it('drops an unknown row when the operator says so', async () => {
    const { dataDir, campaignId, accountId } = await crashedCampaign();
    const { core, driver } = await reopen(dataDir, accountId, () => null);
    await until(() => core.campaigns.get(campaignId).counts.unknown === 1 && core.campaigns.get(campaignId).status === 'completed', 'unknown');
    expect(core.campaigns.resolveUnknown(campaignId, 'drop')).toEqual({ changed: 1 });
    const failed = core.campaigns.recipients({ id: campaignId, status: 'failed', search: '', offset: 0, limit: 10 });
    expect(failed.rows.map((r) => [r.phone, r.reason])).toEqual([[PHONES[0], 'Dropped by you after an interrupted send.']]);
    expect(driver.sent.map((s) => s.to)).not.toContain(PHONES[0]);
  });
});

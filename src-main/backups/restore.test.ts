/**
 * Restoring a backup on the real core (the built worker): the data comes back; a file that is not
 * a sound backup of this Pigeon is refused and nothing changes; a kill after any rename of the swap
 * ends, at the next open, in the restored data and never in a mix; and what happened on WhatsApp
 * since the backup stays true (STOP replies, sends, the daily count): nobody is messaged twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignProgress } from '#shared/campaigns';
import { emptyQuery } from '#shared/filters';
import type { Core } from '#main/core/core';
import { openTestCore, testCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { until } from '#main/test-support/until';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';
import { LATEST_SCHEMA } from './before-update';
import { MANIFEST_FILE } from './manifest';
import { applyPendingRestore, carryOver, checkBackup, commitRestore, RESTORE_FOLDER, stageRestore } from './restore';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

async function contactNames(core: Core): Promise<string[]> {
  const list = await core.handlers['contacts.list']({ query: emptyQuery(), sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 1000, withTotal: true });
  return list.rows.map((r) => r.name);
}

async function addContacts(core: Core, prefix: string, n: number, from = 0): Promise<number[]> {
  const ids: number[] = [];
  for (let i = from; i < from + n; i++) {
    const phone = `+90532${prefix === 'Old' ? '2' : '3'}${String(i).padStart(6, '0')}`;
    ids.push((await core.handlers['contacts.create']({ phone, name: `${prefix} ${i}`, fields: [], tags: [], note: '' })).id);
  }
  return ids;
}

function backupFolder(dataDir: string, id: string): string {
  return path.join(dataDir, 'backups', id);
}

describe('restoring a backup', () => {
  it('brings back deleted contacts, after backing up the data it replaces, on the same core object', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { core } = opened;
    const ids = await addContacts(core, 'Old', 5);
    await core.handlers['groups.create']({ name: 'VIP' });
    const backup = await core.handlers['backups.create']({});
    await core.handlers['contacts.delete']({ selection: { kind: 'ids', ids: ids.slice(0, 3) } });
    await addContacts(core, 'New', 2);
    expect(await contactNames(core)).toEqual(['New 0', 'New 1', 'Old 3', 'Old 4']);

    const restoredEvents: string[] = [];
    core.bus.subscribe((e, p) => e === 'backups.restored' && restoredEvents.push((p as { backupId: string }).backupId));
    const info = await core.handlers['backups.restore']({ id: backup.id });
    expect(info.id).toBe(backup.id);

    // The same handlers now answer from the restored data.
    expect(await contactNames(core)).toEqual(['Old 0', 'Old 1', 'Old 2', 'Old 3', 'Old 4']);
    expect((await core.handlers['groups.list']({})).map((g) => g.name)).toEqual(['VIP']);
    expect(restoredEvents).toEqual([backup.id]);
    const state = await core.handlers['backups.list']({});
    expect(state.lastRestore?.backupId).toBe(backup.id);
    expect(state.restoring).toBeNull();
    // The data it replaced was backed up first, and can be restored in turn.
    const before = state.backups.find((b) => b.reason === 'before-restore');
    expect(before?.counts.contacts).toBe(4);
    await core.handlers['backups.restore']({ id: before!.id });
    expect(await contactNames(core)).toEqual(['New 0', 'New 1', 'Old 3', 'Old 4']);
    expect(fs.existsSync(path.join(opened.dataDir, RESTORE_FOLDER))).toBe(false);
  });

  it.each([
    ['a folder without a manifest', (folder: string) => fs.rmSync(path.join(folder, MANIFEST_FILE)), /not a Pigeon backup/],
    ['a backup from a newer Pigeon', (folder: string) => editManifest(folder, (m) => ({ ...m, schema: { ...(m.schema as object), book: LATEST_SCHEMA.book + 1 }, appVersion: '9.0.0' })), /newer Pigeon \(9\.0\.0\)/],
    ['a truncated database', (folder: string) => fs.truncateSync(path.join(folder, 'pigeon.sqlite3'), 4096), /damaged/],
    ['a database with one byte changed', (folder: string) => flipByte(path.join(folder, 'pigeon.sqlite3')), /damaged/],
    ['a missing database', (folder: string) => fs.rmSync(path.join(folder, 'campaigns.sqlite3')), /incomplete: campaigns\.sqlite3 is missing/],
  ])('refuses %s and changes nothing', async (_what, spoil, message) => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { core, dataDir } = opened;
    await addContacts(core, 'Old', 3);
    const backup = await core.handlers['backups.create']({});
    await addContacts(core, 'New', 1);
    spoil(backupFolder(dataDir, backup.id));
    await expect(core.handlers['backups.restore']({ id: backup.id })).rejects.toThrow(message);
    expect(await contactNames(core)).toEqual(['New 0', 'Old 0', 'Old 1', 'Old 2']);
    expect(fs.existsSync(path.join(dataDir, RESTORE_FOLDER))).toBe(false);
    // No backup of the current data was needed: nothing was about to change.
    expect((await core.handlers['backups.list']({})).backups.map((b) => b.reason)).not.toContain('before-restore');
  });

  it('a database whose checksum was forged to match is still refused by its integrity check', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { core, dataDir } = opened;
    await addContacts(core, 'Old', 50);
    const backup = await core.handlers['backups.create']({});
    const folder = backupFolder(dataDir, backup.id);
    const file = path.join(folder, 'pigeon.sqlite3');
    // Scribble over a whole page (the second), then make the manifest agree with it.
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(file, bytes);
    const { sha256Of } = await import('./write');
    editManifest(folder, (m) => ({
      ...m,
      files: (m.files as { path: string; bytes: number; sha256: string }[]).map((f) => (f.path === 'pigeon.sqlite3' ? { ...f, sha256: sha256Of(file) } : f)),
    }));
    expect(() => checkBackup(folder, LATEST_SCHEMA)).not.toThrow(); // the manifest alone is fooled
    await expect(core.handlers['backups.restore']({ id: backup.id })).rejects.toThrow(/damaged/);
    expect(await contactNames(core)).toHaveLength(50);
  });

  it('a kill after any rename of the swap ends in the restored data at the next open, never in a mix', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { dataDir } = opened;
    let core: Core = opened.core;
    await addContacts(core, 'Old', 3);
    const backup = await core.handlers['backups.create']({});
    await core.handlers['backups.configure']({ keep: 100 });
    const folder = backupFolder(dataDir, backup.id);
    let steps = 0;
    for (let killAt = 1; ; killAt++) {
      // The data as it is before each try: four contacts and a draft the backup does not have.
      await addContacts(core, 'New', 1, killAt);
      await core.handlers['drafts.create']({ name: `After ${killAt}`, parts: [{ kind: 'text', text: 'Hi' }] });
      // And in the send queue's file: a campaign (ended) the backup does not have either.
      core.queueDb
        .prepare(
          `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
           VALUES ('After', 'cancelled', 'After', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', ?)`,
        )
        .run(Date.now());
      await core.close();
      const info = stageRestore({ from: folder, dataDir, latest: LATEST_SCHEMA });
      commitRestore(dataDir, info);
      let moves = 0;
      let killed = false;
      try {
        applyPendingRestore(dataDir, () => {
          if (++moves === killAt) throw new Error('killed');
        });
      } catch {
        killed = true;
      }
      steps = Math.max(steps, moves);
      core = await openTestCore(dataDir, { startQueue: false, connectAccounts: false });
      opened = { ...opened, core };
      expect(await contactNames(core)).toEqual(['Old 0', 'Old 1', 'Old 2']);
      expect((await core.handlers['drafts.list']({})).length).toBe(0);
      expect(core.queueDb.prepare(`SELECT count(*) FROM campaigns`).pluck().get()).toBe(0);
      expect(core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(fs.existsSync(path.join(dataDir, RESTORE_FOLDER))).toBe(false);
      if (!killed) break;
    }
    expect(steps).toBeGreaterThanOrEqual(2); // both databases moved: each step was cut once
  });

  it('a kill before the commit leaves the current data: the staging is dropped at the next open', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { dataDir } = opened;
    await addContacts(opened.core, 'Old', 2);
    const backup = await opened.core.handlers['backups.create']({});
    await addContacts(opened.core, 'New', 1);
    await opened.core.close();
    stageRestore({ from: backupFolder(dataDir, backup.id), dataDir, latest: LATEST_SCHEMA });
    const core = await openTestCore(dataDir, { startQueue: false, connectAccounts: false });
    opened = { ...opened, core };
    expect(await contactNames(core)).toEqual(['New 0', 'Old 0', 'Old 1']);
    expect(fs.existsSync(path.join(dataDir, RESTORE_FOLDER))).toBe(false);
  });
});

describe('what happened on WhatsApp since the backup stays true', () => {
  it('a campaign half sent at the backup comes back paused with what it sent since, and resuming never sends twice; STOP replies stay', async () => {
    opened = await testCore({ simulatorSpeed: 200 });
    const { core, dataDir } = opened;
    const h = core.handlers;
    const progress = new Map<number, CampaignProgress>();
    core.bus.subscribe((e, p) => e === 'campaigns.progress' && progress.set((p as CampaignProgress).campaignId, p as CampaignProgress));
    const phones = Array.from({ length: 12 }, (_, i) => `+${905321130001 + i}`);
    const group = await h['groups.create']({ name: 'Customers' });
    const ids: number[] = [];
    for (const phone of phones) ids.push((await h['contacts.create']({ phone, name: 'C', fields: [], tags: [], note: '' })).id);
    await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
    const account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
    await until(() => core.accounts.get(account.id).state === 'ready', 'ready');
    const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello' }] });
    const created = await h['campaigns.create']({
      name: 'Offer',
      draftId: draft.id,
      audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: 0 },
      accountIds: [account.id],
      pace: customPace({ minDelayMs: 150, maxDelayMs: 200 }),
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    const sent = () => core.queueDb.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck().get(created.id) as number;
    const ledger = () => core.queueDb.prepare(`SELECT count(*) FROM send_ledger`).pluck().get() as number;

    await h['campaigns.start']({ id: created.id });
    await until(() => sent() >= 3, 'three sent');
    const backup = await h['backups.create']({});
    await until(() => sent() >= 7, 'seven sent');
    await h['campaigns.pause']({ id: created.id });
    await until(() => progress.get(created.id)?.status === 'paused', 'paused');
    await new Promise((r) => setTimeout(r, 300)); // a send in flight lands
    const sentBefore = sent();
    const ledgerBefore = ledger();
    // Someone messaged after the backup says STOP.
    await h['accounts.simulate']({ id: account.id, action: { kind: 'receive', from: phones[0]!, text: 'STOP' } });
    await until(async () => (await h['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 })).total === 1, 'blacklisted');

    await h['backups.restore']({ id: backup.id });

    const sentAfterRestore = sent();
    const ledgerAfterRestore = ledger();
    const campaign = await h['campaigns.get']({ id: created.id });
    expect(campaign.status).toBe('paused');

    // Resume: only the ones never messaged get a message.
    await until(() => core.accounts.get(account.id).state === 'ready', 'ready again');
    await h['campaigns.resume']({ id: created.id });
    await until(() => progress.get(created.id)?.status === 'completed', 'completed');
    // What the demo phone's WhatsApp received, across the restore: each customer exactly once.
    const received = new Map<string, number>();
    for (const r of readDeliveryLog(path.join(dataDir, 'simulator'), account.id)) received.set(r.to, (received.get(r.to) ?? 0) + 1);
    expect([...received.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(received.size).toBe(sent());
    // And the day's count (the cap) holds every one of them.
    expect(ledger()).toBe(received.size);
    // What the restore said it brought over, and the one who said STOP.
    const state = await h['backups.list']({});
    expect(state.lastRestore?.carried.optOuts).toBe(1);
    expect(state.lastRestore?.carried.sends).toBeGreaterThan(0);
    expect(state.lastRestore?.carried.recipients).toBeGreaterThan(0);
    const black = await h['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 });
    // (The demo phone's own customers may also reply STOP to what was sent after the resume,
    // as real ones do, when the machine is slow enough for their replies to land before now.)
    expect(black.rows.map((r) => r.phone)).toContain(phones[0]);
    expect(sentAfterRestore).toBe(sentBefore);
    expect(ledgerAfterRestore).toBe(ledgerBefore);

    expect(fs.existsSync(path.join(dataDir, RESTORE_FOLDER))).toBe(false);
  });

  it('bringing it over twice (a kill before the clean-up) adds nothing the second time', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { core, dataDir } = opened;
    const q = core.queueDb;
    q.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (1, 1000, NULL, NULL, NULL)`).run();
    // The previous data: one more send and one STOP.
    const prevDir = path.join(dataDir, RESTORE_FOLDER, 'previous');
    fs.mkdirSync(prevDir, { recursive: true });
    await q.backup(path.join(prevDir, 'campaigns.sqlite3'));
    const prev = new BetterSqlite3(path.join(prevDir, 'campaigns.sqlite3'));
    prev.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (1, 2000, 5, 5, 0)`).run();
    prev.prepare(`INSERT INTO opt_outs (account_id, account_label, wa_message_id, phone, word, body, received_at) VALUES (1, 'A', 'w1', '+905321110000', 'STOP', 'STOP', '2026-12-04T00:00:00.000Z')`).run();
    prev.close();
    expect(carryOver(q, dataDir, 'paused')).toEqual({ optOuts: 1, sends: 1, recipients: 0, paused: 0 });
    expect(carryOver(q, dataDir, 'paused')).toEqual({ optOuts: 0, sends: 0, recipients: 0, paused: 0 });
    expect(q.prepare(`SELECT count(*) FROM send_ledger`).pluck().get()).toBe(2);
  });
});

function editManifest(folder: string, change: (m: Record<string, unknown>) => Record<string, unknown>): void {
  const file = path.join(folder, MANIFEST_FILE);
  fs.writeFileSync(file, JSON.stringify(change(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)));
}

function flipByte(file: string): void {
  const bytes = fs.readFileSync(file);
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
}

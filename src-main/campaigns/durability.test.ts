/**
 * What must survive a crash: the queue file's commits (synchronous=FULL), an opt-out whose
 * blacklist write could not happen yet, and the delivery receipts that arrived while Pigeon was
 * not running.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '#main/kernel/clock';
import type { Core } from '#main/core/core';
import { DATABASE_FILE } from '#main/db/connection';
import { openTestCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import type { Harness } from '#main/test-support/queue-harness';
import { queueHarness } from '#main/test-support/queue-harness';
import { until } from '#main/test-support/until';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the queue file', () => {
  it('commits with synchronous=FULL, so a power cut cannot roll back a “sending” mark', async () => {
    const h = await queueHarness({ phones: ['+905322110001'] });
    cleanups.push(() => h.cleanup());
    expect(h.core.queueDb.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(h.core.queueDb.pragma('journal_mode', { simple: true })).toBe('wal');
    // Building an audience writes its chunks unsynced, then puts FULL back for every send.
    const id = await h.campaign([{ kind: 'text', text: 'Hello' }]);
    await h.core.handlers['campaigns.start']({ id });
    expect(h.core.queueDb.pragma('synchronous', { simple: true })).toBe(2);
  });
});

describe('an opt-out', () => {
  it('is kept when the blacklist cannot be written at once, applies meanwhile, and lands on the next start', async () => {
    const phone = '+905322120001';
    let h: Harness = await queueHarness({ phones: [phone, '+905322120002'] });
    cleanups.push(() => h.cleanup());
    // The contact book refuses the blacklist write (a full disk, say) when the STOP arrives.
    h.core.store.sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON suppressions BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    h.driver(h.accountIds[0]!).fire('message', { id: 'in-stop-1', from: phone, body: 'STOP', type: 'text', timestamp: Date.now() });
    await new Promise((r) => setTimeout(r, 200));
    // Meanwhile a campaign already leaves that customer out.
    const id = await h.campaign([{ kind: 'text', text: 'Hello' }]);
    await h.core.handlers['campaigns.start']({ id });
    await until(() => h.core.campaigns.get(id).status === 'completed', 'completed');
    expect(h.sent.map((s) => s.to)).toEqual(['+905322120002']);

    await h.close();
    const book = new BetterSqlite3(path.join(h.dataDir, DATABASE_FILE));
    book.exec('DROP TRIGGER refuse');
    book.close();
    h = await h.reopen();
    const black = await until(async () => {
      const list = await h.core.handlers['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 });
      return list.total > 0 && list;
    }, 'the blacklist entry');
    expect(black.rows.map((r) => r.phone)).toEqual([phone]);
    const inbox = await h.core.handlers['inbox.list']({ accountId: null, optOutOnly: true, offset: 0, limit: 10 });
    expect(inbox.rows.map((r) => r.fromPhone)).toEqual([phone]);
  });
});

describe('delivery receipts after a crash', () => {
  it('are read back from the phone when the account reconnects', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-acks-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    let core: Core = await openTestCore(dataDir, { clock });
    const h = core.handlers;
    const account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    expect(await clock.advanceUntil(() => core.accounts.get(account.id).state === 'qr', 10_000)).toBe(true);
    await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
    expect(await clock.advanceUntil(() => core.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
    const draft = await h['drafts.create']({ name: 'D', parts: [{ kind: 'text', text: 'Hello' }] });
    const c = await h['campaigns.create']({
      name: 'C',
      draftId: draft.id,
      audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: ['+905322130001', '+905322130002', '+905322130003', '+905322130004'].join('\n') },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [account.id],
      pace: customPace({ minDelayMs: 0, maxDelayMs: 0 }),
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    await h['campaigns.start']({ id: c.id });
    // Pigeon stops as soon as the last message went out: its receipts have not come yet.
    expect(await clock.advanceUntil(() => core.campaigns.get(c.id).status === 'completed', 60_000, 5)).toBe(true);
    expect(core.campaigns.get(c.id).counts.sent).toBeGreaterThan(0);
    await core.close();
    await clock.advance(2_000);
    core = await openTestCore(dataDir, { clock });
    const reopened = core;
    cleanups.push(() => reopened.close());
    expect(await clock.advanceUntil(() => reopened.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
    // Those that arrived while Pigeon was closed are read back; those still to come arrive.
    expect(await clock.advanceUntil(() => reopened.campaigns.get(c.id).counts.sent === 0, 60_000, 100)).toBe(true);
    const counts = reopened.campaigns.get(c.id).counts;
    expect(counts.delivered + counts.read).toBe(4);
  });
});

/** Smart lists on campaign outcome, checked against the queue file's rows they summarise. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SmartFilter } from '#shared/filters';
import { emptyFilter, emptyQuery } from '#shared/filters';
import { callCore, testCore } from '#main/test-support/core';
import { seedHistory } from '#main/bench/history';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('smart lists on campaign outcome', () => {
  it('received X, read, replied, failed, never messaged, messaged within N days', async () => {
    const t = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = t.cleanup;
    for (let i = 0; i < 60; i++) await callCore(t.core, 'contacts.create', { name: `P${i}`, phone: `+90 532 100 ${String(1000 + i)}` });
    const now = Date.now();
    const h = await seedHistory(t.core, { campaigns: 4, perCampaign: 40, seed: 5, now });
    const q = t.core.queueDb;
    const book = t.core.store.sqlite;
    const phonesOf = (sqlText: string, ...params: unknown[]) => new Set(q.prepare(sqlText).pluck().all(...params) as string[]);
    const inBook = (phones: Set<string>) => (book.prepare('SELECT phone FROM contacts').pluck().all() as string[]).filter((p) => phones.has(p)).length;

    const listCount = async (campaign: NonNullable<SmartFilter['campaign']>) => {
      const list = await callCore(t.core, 'lists.create', { name: `L${Math.random()}`, filter: { ...emptyFilter(), campaign } });
      return (await callCore(t.core, 'contacts.count', { query: { ...emptyQuery(), listId: list.id } })).total;
    };
    const x = h.campaignIds[1]!;
    const sentX = phonesOf('SELECT phone FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL', x);
    expect(sentX.size).toBeGreaterThan(0);
    expect(await listCount({ outcome: 'received', campaignId: x, withinDays: null })).toBe(inBook(sentX));
    const read = phonesOf('SELECT phone FROM recipients WHERE read_at IS NOT NULL AND sent_at IS NOT NULL');
    expect(await listCount({ outcome: 'read', campaignId: null, withinDays: null })).toBe(inBook(read));
    const failed = phonesOf(`SELECT phone FROM recipients WHERE status = 'failed'`);
    expect(failed.size).toBeGreaterThan(0);
    expect(await listCount({ outcome: 'failed', campaignId: null, withinDays: null })).toBe(inBook(failed));
    const failedX = phonesOf(`SELECT phone FROM recipients WHERE status = 'failed' AND campaign_id = ?`, x);
    expect(await listCount({ outcome: 'failed', campaignId: x, withinDays: null })).toBe(inBook(failedX));
    const ever = phonesOf('SELECT phone FROM recipients WHERE sent_at IS NOT NULL');
    expect(await listCount({ outcome: 'never', campaignId: null, withinDays: null })).toBe(60 - inBook(ever));
    const recent = phonesOf('SELECT phone FROM recipients WHERE sent_at >= ?', now - 30 * 86_400_000);
    expect(await listCount({ outcome: 'received', campaignId: null, withinDays: 30 })).toBe(inBook(recent));
    // Replied: an incoming message at or after one of our messages to that number.
    const incoming = book.prepare('SELECT from_phone AS phone, received_at AS at FROM incoming_messages').all() as { phone: string; at: string }[];
    const sentRows = q.prepare('SELECT phone, sent_at FROM recipients WHERE sent_at IS NOT NULL').all() as { phone: string; sent_at: number }[];
    const replied = new Set(sentRows.filter((r) => incoming.some((m) => m.phone === r.phone && Date.parse(m.at) >= r.sent_at)).map((r) => r.phone));
    expect(await listCount({ outcome: 'replied', campaignId: null, withinDays: null })).toBe(inBook(replied));
  });
});

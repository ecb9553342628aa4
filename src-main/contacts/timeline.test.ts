import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '#shared/timeline';
import { callCore, testCore } from '#main/test-support/core';
import { seedHistory } from '#main/bench/history';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const sortedDesc = (items: TimelineItem[]) => items.every((it, i) => i === 0 || items[i - 1]!.at >= it.at);

describe('a contact’s timeline', () => {
  it('merges campaign messages, replies and list changes (with who made them), newest first, paged', async () => {
    const t = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = t.cleanup;
    for (let i = 0; i < 40; i++) await callCore(t.core, 'contacts.create', { name: `Person ${i}`, phone: `+90 532 100 ${String(1000 + i)}` });
    const h = await seedHistory(t.core, { campaigns: 4, perCampaign: 30, seed: 3 });
    const phone = h.busiestContact.phone;
    const contact = t.core.store.sqlite.prepare('SELECT id FROM contacts WHERE phone = ?').get(phone) as { id: number };

    // Changes from now on: by hand (blacklist, move to gray, remove), a note, a check.
    await callCore(t.core, 'suppressions.addNumbers', { kind: 'black', numbers: [phone], reason: 'asked' });
    await callCore(t.core, 'suppressions.move', { phones: [phone], to: 'gray' });
    await callCore(t.core, 'suppressions.remove', { phones: [phone] });
    await callCore(t.core, 'contacts.update', { id: contact.id, patch: { note: 'Prefers mornings' } });
    // An opt-out reply (as the account layer stores it) blacklists "by reply".
    const { storeIncoming } = await import('#main/accounts/repo');
    await storeIncoming(
      t.core.store.db,
      { accountId: h.accountIds[0]!, accountLabel: 'Shop', waMessageId: 'in-1', fromPhone: phone, body: 'STOP', receivedAt: new Date(Date.now() + 1000).toISOString(), optOut: true },
      'Replied STOP',
    );

    const page = await callCore(t.core, 'contacts.timeline', { phone, offset: 0, limit: 200 });
    const messages = page.items.filter((i) => i.kind === 'message');
    const expected = t.core.queueDb.prepare('SELECT count(*) FROM recipients WHERE phone = ?').pluck().get(phone);
    expect(messages.length).toBe(expected);
    expect(messages.length).toBe(h.busiestContact.campaigns);
    for (const m of messages) {
      const row = t.core.queueDb.prepare('SELECT status, delivered_at FROM recipients WHERE phone = ? AND campaign_id = ?').get(phone, m.campaignId) as { status: string; delivered_at: number | null };
      expect(m.status).toBe(row.status);
      expect(m.deliveredAt).toBe(row.delivered_at === null ? null : new Date(row.delivered_at).toISOString());
    }
    expect(sortedDesc(page.items)).toBe(true);
    const events = page.items.flatMap((i) => (i.kind === 'event' ? [`${i.event}:${i.source}`] : []));
    expect(events).toEqual(expect.arrayContaining(['black:hand', 'gray:hand', 'unlisted:hand', 'note:', 'black:reply']));
    expect(page.items[0]).toMatchObject({ kind: 'event', event: 'black', source: 'reply' });
    expect(page.items.some((i) => i.kind === 'reply' && i.body === 'STOP' && i.optOut)).toBe(true);

    // Pages put together are the whole timeline, nothing twice.
    const all: TimelineItem[] = [];
    for (let offset = 0; ; offset += 3) {
      const p = await callCore(t.core, 'contacts.timeline', { phone, offset, limit: 3 });
      all.push(...p.items);
      if (!p.hasMore) break;
    }
    expect(all).toEqual(page.items);
  });

  it('an imported blacklist entry reads "import"; an unknown sender has an empty timeline', async () => {
    const t = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = t.cleanup;
    t.core.store.sqlite.prepare(`INSERT INTO suppressions (phone, kind, reason, source, created_at) VALUES ('+905321234567', 'black', '', 'import:list.xlsx', '2026-01-01T00:00:00.000Z')`).run();
    const page = await callCore(t.core, 'contacts.timeline', { phone: '+905321234567' });
    expect(page.items).toEqual([{ kind: 'event', at: '2026-01-01T00:00:00.000Z', event: 'black', source: 'import', detail: '' }]);
    expect((await callCore(t.core, 'contacts.timeline', { phone: '+905329999999' })).items).toEqual([]);
  });
});

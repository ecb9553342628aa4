import { afterEach, describe, expect, it } from 'vitest';
import { PACE_PRESETS } from '#shared/pace';
import { seedHistory } from '#main/bench/history';
import { callCore, testCore } from '#main/test-support/core';
import { dayStarts, OVERVIEW_DAYS } from './overview';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const ZONE = 'Asia/Tehran';

describe('dayStarts', () => {
  it('gives consecutive local midnights, 23 or 25 hours apart across a DST change', () => {
    const starts = dayStarts(Date.UTC(2026, 2, 31, 12), 'Europe/London', 4);
    expect(starts.map((s) => new Date(s).toISOString())).toEqual([
      '2026-03-28T00:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
      '2026-03-30T23:00:00.000Z',
    ]);
  });
});

describe('overview.get', () => {
  it('counts each local day of the last 30 from the recipients, and today per account from the ledger', async () => {
    const t = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = t.cleanup;
    await callCore(t.core, 'settings.update', { timezone: ZONE });
    for (let i = 0; i < 60; i++) await callCore(t.core, 'contacts.create', { name: `P${i}`, phone: `+90 532 200 ${String(1000 + i)}` });
    // 40 campaigns over the last year: the newest ones fall in the last 30 days.
    const now = Date.now();
    await seedHistory(t.core, { campaigns: 40, perCampaign: 50, seed: 11, now });

    const o = await callCore(t.core, 'overview.get', {});
    expect(o.timezone).toBe(ZONE);
    expect(o.days).toHaveLength(OVERVIEW_DAYS);

    // The same figures, counted in JS from the raw rows.
    const starts = dayStarts(now, ZONE, OVERVIEW_DAYS);
    const rows = t.core.queueDb.prepare(`SELECT sent_at, delivered_at, read_at FROM recipients WHERE sent_at IS NOT NULL`).all() as {
      sent_at: number;
      delivered_at: number | null;
      read_at: number | null;
    }[];
    const expected = starts.map((lo, i) => {
      const hi = starts[i + 1] ?? Infinity;
      const day = rows.filter((r) => r.sent_at >= lo && r.sent_at < hi);
      return {
        day: new Date(lo).toISOString(),
        sent: day.length,
        delivered: day.filter((r) => r.delivered_at !== null || r.read_at !== null).length,
        read: day.filter((r) => r.read_at !== null).length,
      };
    });
    expect(o.days).toEqual(expected);
    expect(expected.reduce((n, d) => n + d.sent, 0)).toBeGreaterThan(0);

    // Today: ledger entries since local midnight, per account.
    const ledger = t.core.queueDb.prepare(`SELECT account_id, at FROM send_ledger`).all() as { account_id: number; at: number }[];
    const today = starts.at(-1)!;
    for (const a of o.accounts) expect(a.sentToday).toBe(ledger.filter((l) => l.account_id === a.accountId && l.at >= today).length);
    expect(o.sentToday).toBe(ledger.filter((l) => l.at >= today).length);
    // No campaign is running or scheduled: no cap binds.
    expect(o.campaigns).toEqual([]);
    expect(o.accounts.every((a) => a.cap === null && a.capLeft === null)).toBe(true);

    // The newest replies first, opt-outs apart.
    expect(o.replies.length).toBeGreaterThan(0);
    expect(o.replies.length).toBeLessThanOrEqual(6);
    expect(o.optOuts.every((m) => m.optOut)).toBe(true);
    const ids = o.replies.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    // A scheduled campaign on one account with a cap of 150: three sends today leave 147.
    const shop = o.accounts[0]!;
    for (let i = 0; i < 3; i++) t.core.queueDb.prepare(`INSERT INTO send_ledger (account_id, at) VALUES (?, ?)`).run(shop.accountId, now - 1000);
    const draft = await callCore(t.core, 'drafts.create', { name: 'Later', parts: [{ kind: 'text', text: 'Hi' }] });
    const later = await callCore(t.core, 'campaigns.create', {
      name: 'Later',
      draftId: draft.id,
      audience: { groupIds: [], listIds: [], contactIds: [1, 2], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [shop.accountId],
      pace: PACE_PRESETS.careful,
      timezone: ZONE,
      schedule: { kind: 'at', at: new Date(now + 3_600_000).toISOString() },
    });
    await callCore(t.core, 'campaigns.start', { id: later.id });
    const after = await callCore(t.core, 'overview.get', {});
    expect(PACE_PRESETS.careful.dailyCapPerAccount).toBe(150);
    expect(after.accounts.find((a) => a.accountId === shop.accountId)).toMatchObject({ sentToday: 3, cap: 150, capLeft: 147 });
    expect(after.accounts.find((a) => a.accountId !== shop.accountId)).toMatchObject({ cap: null, capLeft: null });
    expect(after.campaigns).toMatchObject([{ id: later.id, status: 'scheduled', dueAt: new Date(now + 3_600_000).toISOString() }]);
  });
});

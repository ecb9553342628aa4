import { afterEach, describe, expect, it } from 'vitest';
import { callCore, testCore } from '#main/test-support/core';
import { seedHistory } from './history';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('seedHistory', () => {
  it('writes finished campaigns whose rows, ledger and replies agree, the same for the same seed', async () => {
    const t = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = t.cleanup;
    for (let i = 0; i < 40; i++) {
      await callCore(t.core, 'contacts.create', { name: `Person ${i}`, phone: `+90 532 100 ${String(1000 + i)}` });
    }
    const h = await seedHistory(t.core, { campaigns: 3, perCampaign: 30, seed: 3, now: Date.UTC(2026, 5, 1) });
    const q = t.core.queueDb;
    expect(h.rows).toBe(90);
    expect(q.prepare(`SELECT count(*) FROM recipients`).pluck().get()).toBe(90);
    expect(q.prepare(`SELECT count(*) FROM send_ledger`).pluck().get()).toBe(h.sent);
    expect(q.prepare(`SELECT count(*) FROM recipients WHERE sent_at IS NOT NULL`).pluck().get()).toBe(h.sent);
    expect(q.prepare(`SELECT count(*) FROM campaigns WHERE status = 'completed'`).pluck().get()).toBe(3);
    // Acks never precede the send; reads never precede delivery.
    expect(q.prepare(`SELECT count(*) FROM recipients WHERE delivered_at < sent_at OR read_at < delivered_at`).pluck().get()).toBe(0);
    const campaign = await t.core.handlers['campaigns.get']({ id: h.campaignIds[0]! });
    expect(campaign.status).toBe('completed');
    // Windows overlap, so some contact is in more than one campaign.
    expect(h.busiestContact.campaigns).toBeGreaterThan(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { seedHistory } from '#main/bench/history';
import { callCore, testCore } from '#main/test-support/core';
import type { Core } from '#main/core/core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function history(): Promise<{ core: Core; ids: number[]; unstarted: number }> {
  const t = await testCore({ connectAccounts: false, startQueue: false });
  cleanup = t.cleanup;
  for (let i = 0; i < 40; i++) await callCore(t.core, 'contacts.create', { name: `P ${i}`, phone: `+90 532 100 ${String(1000 + i)}` });
  const h = await seedHistory(t.core, { campaigns: 3, perCampaign: 30, seed: 5, now: Date.UTC(2026, 5, 1) });
  const draft = await callCore(t.core, 'drafts.create', { name: 'Spring sale', parts: [{ kind: 'text', text: 'Hi' }] });
  const unstarted = await callCore(t.core, 'campaigns.create', {
    name: 'Not yet',
    draftId: draft.id,
    audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: h.accountIds,
    pace: (await callCore(t.core, 'campaigns.get', { id: h.campaignIds[0]! })).pace,
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  });
  return { core: t.core, ids: h.campaignIds, unstarted: unstarted.id };
}

describe('campaigns.history', () => {
  it('gives each campaign the figures its recipient rows hold', async () => {
    const { core, ids } = await history();
    const rows = await callCore(core, 'campaigns.history', {});
    expect(rows).toHaveLength(4);
    for (const id of ids) {
      const row = rows.find((r) => r.id === id)!;
      const count = (where: string) =>
        core.queueDb.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND ${where}`).pluck().get(id) as number;
      const sent = count(`status IN ('sent','delivered','read')`);
      expect(row.figures).toEqual({
        recipients: 30,
        sent,
        delivered: count(`status IN ('delivered','read')`),
        read: count(`status = 'read'`),
        failed: count(`status = 'failed'`),
        deliveredRate: count(`status IN ('delivered','read')`) / sent,
        readRate: count(`status = 'read'`) / sent,
      });
    }
    const unstarted = rows.find((r) => r.name === 'Not yet')!;
    expect(unstarted.figures.recipients).toBe(0);
    expect(unstarted.figures.deliveredRate).toBeNull();
  });

  it('searches the name and the message name, filters by status and date, and sorts', async () => {
    const { core, ids } = await history();
    expect((await callCore(core, 'campaigns.history', { search: 'history 02' })).map((r) => r.id)).toEqual([ids[1]]);
    expect((await callCore(core, 'campaigns.history', { search: 'spring' })).map((r) => r.name)).toEqual(['Not yet']);
    // % and _ are letters, not wildcards.
    expect(await callCore(core, 'campaigns.history', { search: '%' })).toEqual([]);
    expect((await callCore(core, 'campaigns.history', { statuses: ['draft'] })).map((r) => r.name)).toEqual(['Not yet']);
    expect(await callCore(core, 'campaigns.history', { statuses: ['completed'] })).toHaveLength(3);

    const byName = await callCore(core, 'campaigns.history', { sort: 'name', descending: false });
    expect(byName.map((r) => r.name)).toEqual(['History 01', 'History 02', 'History 03', 'Not yet']);
    const byRate = await callCore(core, 'campaigns.history', { sort: 'deliveredRate', descending: true });
    const rates = byRate.map((r) => r.figures.deliveredRate);
    expect(rates.at(-1)).toBeNull(); // sent nothing: last
    const known = rates.slice(0, -1) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const byStarted = await callCore(core, 'campaigns.history', { sort: 'started', descending: false });
    expect(byStarted.map((r) => r.id)).toEqual([ids[0], ids[1], ids[2], byStarted[3]!.id]);
    expect(byStarted[3]!.startedAt).toBeNull();

    const all = await callCore(core, 'campaigns.history', {});
    const created = all.map((r) => Date.parse(r.createdAt)).sort((a, b) => a - b);
    const from = new Date(created[0]! + 1).toISOString();
    expect((await callCore(core, 'campaigns.history', { from })).length).toBe(created.filter((c) => c >= created[0]! + 1).length);
    expect(await callCore(core, 'campaigns.history', { to: new Date(created[0]!).toISOString() })).toEqual([]);
  });

  it('archives and unarchives a finished campaign; archived ones only with Show archived', async () => {
    const { core, ids } = await history();
    const archived = await callCore(core, 'campaigns.archive', { id: ids[0]!, archived: true });
    expect(archived.id).toBe(ids[0]);
    expect((await callCore(core, 'campaigns.history', {})).map((r) => r.id)).not.toContain(ids[0]);
    const shown = await callCore(core, 'campaigns.history', { includeArchived: true });
    expect(shown.find((r) => r.id === ids[0])!.archived).toBe(true);
    // Searching does not bring archived campaigns back unless asked.
    expect(await callCore(core, 'campaigns.history', { search: 'History 01' })).toEqual([]);
    await callCore(core, 'campaigns.archive', { id: ids[0]!, archived: false });
    expect((await callCore(core, 'campaigns.history', {})).map((r) => r.id)).toContain(ids[0]);
    // The archive survives in the file.
    expect(core.queueDb.prepare(`SELECT archived FROM campaigns WHERE id = ?`).pluck().get(ids[1]!)).toBe(0);
  });

  it('renames a finished campaign and refuses to rename or archive one that is not finished', async () => {
    const { core, ids, unstarted } = await history();
    const renamed = await callCore(core, 'campaigns.rename', { id: ids[2]!, name: '  December promo ' });
    expect(renamed.name).toBe('December promo');
    expect((await callCore(core, 'campaigns.history', { search: 'december' })).map((r) => r.id)).toEqual([ids[2]]);

    core.queueDb.prepare(`UPDATE campaigns SET status = 'running' WHERE id = ?`).run(ids[1]!);
    await expect(callCore(core, 'campaigns.archive', { id: ids[1]!, archived: true })).rejects.toThrow(
      'Only a finished campaign (completed, cancelled or failed) can be archived.',
    );
    await expect(callCore(core, 'campaigns.rename', { id: ids[1]!, name: 'x' })).rejects.toThrow(/Only a finished campaign can be renamed/);
    await expect(callCore(core, 'campaigns.archive', { id: unstarted, archived: true })).rejects.toThrow(/Only a finished campaign/);
    expect(core.queueDb.prepare(`SELECT name, archived FROM campaigns WHERE id = ?`).get(ids[1]!)).toEqual({ name: 'History 02', archived: 0 });
  });
});

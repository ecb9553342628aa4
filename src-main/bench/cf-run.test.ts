import { it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { emptyFilter, emptyQuery, type SmartFilter } from '#shared/filters';
import { testCore } from '#main/test-support/core';
import { seedHistory } from './history';
it('measure', async () => {
  const t = await testCore({ connectAccounts: false, startQueue: false });
  const insert = t.core.store.sqlite.prepare(`INSERT INTO contacts (phone, name, created_at, updated_at) VALUES (?, ?, ?, ?)`);
  const now = new Date().toISOString();
  t.core.store.sqlite.transaction(() => { for (let i = 0; i < 100_000; i++) insert.run(`+90532${String(1_000_000 + i)}`, `P${i}`, now, now); })();
  const h = await seedHistory(t.core, { campaigns: 10, perCampaign: 20_000 });
  console.log(`# ${h.rows} rows, ${h.replies} replies, 100000 contacts`);
  const cases: [string, NonNullable<SmartFilter['campaign']>][] = [
    ['received X', { outcome: 'received', campaignId: h.campaignIds[3]!, withinDays: null }],
    ['read', { outcome: 'read', campaignId: null, withinDays: null }],
    ['replied', { outcome: 'replied', campaignId: null, withinDays: null }],
    ['failed', { outcome: 'failed', campaignId: null, withinDays: null }],
    ['failed X', { outcome: 'failed', campaignId: h.campaignIds[3]!, withinDays: null }],
    ['never', { outcome: 'never', campaignId: null, withinDays: null }],
    ['within 30 days', { outcome: 'received', campaignId: null, withinDays: 30 }],
  ];
  for (const [name, campaign] of cases) {
    const list = await t.core.handlers['lists.create']({ name, filter: { ...emptyFilter(), campaign } });
    const times: number[] = []; let total = 0; let first = 0;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      total = (await t.core.handlers['contacts.count']({ query: { ...emptyQuery(), listId: list.id } })).total;
      const s2 = performance.now();
      await t.core.handlers['contacts.list']({ query: { ...emptyQuery(), listId: list.id }, sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, withTotal: false });
      first = performance.now() - s2;
      times.push(s2 - s);
    }
    times.sort((a, b) => a - b);
    console.log(`smartlist_${name.replace(/ /g, '_')}: count ${times[2]!.toFixed(1)} ms (${total} contacts), first page ${first.toFixed(1)} ms`);
  }
  await t.cleanup();
}, 600_000);

/**
 * `contact_timeline_1m_ms`: the first page of the timeline of the contact with the most campaigns,
 * over the seeded 1 000 000-row history (50 campaigns × 20 000 recipients), through the handler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core, CoreOptions } from '#main/core/core';
import { seedHistory } from './history';

export type TimelineBenchContext = {
  tmp: string;
  open: (dir: string, extra?: Partial<CoreOptions>) => Promise<Core>;
  report: (name: string, value: number, unit: string, op: '<=' | '>=', target: number) => void;
  median: (values: number[]) => number;
  campaigns?: number;
  perCampaign?: number;
};

export async function contactTimeline(ctx: TimelineBenchContext): Promise<void> {
  const campaigns = ctx.campaigns ?? Number(process.env.BENCH_HISTORY_CAMPAIGNS ?? 50);
  const perCampaign = ctx.perCampaign ?? Number(process.env.BENCH_HISTORY_PER_CAMPAIGN ?? 20_000);
  const dir = path.join(ctx.tmp, 'timeline');
  fs.mkdirSync(dir, { recursive: true });
  const core = await ctx.open(dir, { connectAccounts: false, startQueue: false });
  try {
    const insert = core.store.sqlite.prepare(`INSERT INTO contacts (phone, name, created_at, updated_at) VALUES (?, ?, ?, ?)`);
    const now = new Date().toISOString();
    core.store.sqlite.transaction(() => {
      for (let i = 0; i < perCampaign * 2; i++) insert.run(`+90532${String(1_000_000 + i)}`, `Person ${i}`, now, now);
    })();
    const h = await seedHistory(core, { campaigns, perCampaign });
    const phone = h.busiestContact.phone;
    const times: number[] = [];
    let items = 0;
    for (let round = 0; round < 30; round++) {
      const start = performance.now();
      const page = await core.handlers['contacts.timeline']({ phone, offset: 0, limit: 50 });
      times.push(performance.now() - start);
      items = page.items.length;
    }
    console.log(
      `# timeline: ${h.rows} recipient rows (${campaigns} campaigns × ${perCampaign}), ${h.replies} replies; contact in ${h.busiestContact.campaigns} campaigns, ${items} items on the first page`,
    );
    ctx.report('contact_timeline_1m_ms', ctx.median(times), 'ms', '<=', 20);
  } finally {
    await core.close();
  }
}

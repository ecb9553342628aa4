/**
 * `contact_timeline_1m_ms`: the first page of the timeline of the contact with the most campaigns,
 * over the seeded 1 000 000-row history (50 campaigns × 20 000 recipients), through the handler.
 */
import { performance } from 'node:perf_hooks';
import type { HistoryBenchContext } from './history';

export async function contactTimeline(ctx: HistoryBenchContext): Promise<void> {
  const h = ctx.history;
  const phone = h.busiestContact.phone;
  const times: number[] = [];
  let items = 0;
  for (let round = 0; round < 30; round++) {
    const start = performance.now();
    const page = await ctx.core.handlers['contacts.timeline']({ phone, offset: 0, limit: 50 });
    times.push(performance.now() - start);
    items = page.items.length;
  }
  console.log(`# timeline: ${h.rows} recipient rows, ${h.replies} replies; contact in ${h.busiestContact.campaigns} campaigns, ${items} items on the first page`);
  ctx.report('contact_timeline_1m_ms', ctx.median(times), 'ms', '<=', 20);
}

/** dashboard_open_1m_ms: the Overview's figures, end to end, over the seeded 1 000 000-row history. */
import type { HistoryBenchContext } from './history';

export async function dashboardOpen(ctx: HistoryBenchContext): Promise<void> {
  const times: number[] = [];
  let days = 0;
  for (let round = 0; round < Math.max(ctx.rounds, 5) + 1; round++) {
    const start = performance.now();
    const o = await ctx.core.handlers['overview.get']({});
    const ms = performance.now() - start;
    if (round > 0) times.push(ms); // the first call warms the page cache
    days = o.days.filter((d) => d.sent > 0).length;
  }
  console.log(`# overview: median ${ctx.median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ${days} of the last 30 days have sends`);
  ctx.report('dashboard_open_1m_ms', ctx.median(times), 'ms', '<=', 150);
}

/**
 * report_open_100k_ms: opening a 100 000-recipient campaign's report — the summary, funnel,
 * delays and per-account figures (reports.get) and the first page of recipients
 * (reports.recipients, name order) — on a seeded history over the bench's 100k book.
 */
import { performance } from 'node:perf_hooks';
import type { QueueBenchContext } from './queue-bench';
import { seedHistory } from './history';

export async function reportOpen(ctx: QueueBenchContext): Promise<void> {
  const core = await ctx.open(ctx.bookDir, { connectAccounts: false, startQueue: false });
  try {
    const history = await seedHistory(core, { campaigns: 1, perCampaign: ctx.n, seed: 11 });
    const id = history.campaignIds[0]!;
    const h = core.handlers;
    const selection = { filter: 'all', reason: null, accountId: null, search: '' } as const;
    const times: number[] = [];
    let total = 0;
    for (let round = 0; round < Math.max(ctx.rounds, 5); round++) {
      const start = performance.now();
      const report = await h['reports.get']({ id, replyWindowHours: 72 });
      const page = await h['reports.recipients']({ id, selection, replyWindowHours: 72, sort: 'name', descending: false, offset: 0, limit: 100 });
      times.push(performance.now() - start);
      total = report.funnel.recipients;
      if (page.rows.length !== 100 || page.total !== ctx.n) throw new Error(`report page: ${page.rows.length} rows of ${page.total}`);
    }
    if (total !== ctx.n) throw new Error(`report funnel counted ${total} recipients, expected ${ctx.n}`);
    console.log(`# report open: first ${times[0]!.toFixed(1)} ms, median ${ctx.median(times).toFixed(1)} ms`);
    ctx.report('report_open_100k_ms', ctx.median(times), 'ms', '<=', 100);
  } finally {
    await core.close();
  }
}

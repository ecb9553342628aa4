/**
 * `usage_year_1m_ms`: a year of usage per account per day (usage.year) over the seeded history of
 * 50 campaigns × 20 000 recipients = 1 000 000 rows (≈ 950 000 ledger entries on two accounts).
 * The history spans the last 360 days, so it touches two calendar years: each round asks for both
 * and the slower one counts.
 */
import { performance } from 'node:perf_hooks';
import type { HistoryBenchContext } from './history';

export async function usageYear1m(ctx: HistoryBenchContext): Promise<void> {
  const { core, history: h } = ctx;
  const now = Date.now();
  const years = [new Date(now).getUTCFullYear() - 1, new Date(now).getUTCFullYear()];
  const times: number[] = [];
  let counted = 0;
  for (let round = 0; round < Math.max(5, ctx.rounds); round++) {
    let slowest = 0;
    counted = 0;
    for (const year of years) {
      const start = performance.now();
      const usage = await core.handlers['usage.year']({ year });
      slowest = Math.max(slowest, performance.now() - start);
      for (const a of usage.accounts) counted += a.total;
    }
    times.push(slowest);
  }
  if (counted !== h.sent) throw new Error(`usage counted ${counted} messages, the ledger holds ${h.sent}`);
  console.log(`  (history: ${h.campaignIds.length} campaigns, ${h.rows} recipient rows, ${h.sent} ledger entries, ${h.accountIds.length} accounts)`);
  ctx.report('usage_year_1m_ms', ctx.median(times), 'ms', '<=', 50);
}

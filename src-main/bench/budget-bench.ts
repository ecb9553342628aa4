/**
 * `budget_1m_ms`: an account's unanswered-message budget (this month and the last 30 days) over
 * the seeded history of 1 000 000 recipient rows (≈ 950 000 ledger entries on two accounts), as
 * the safety figures and the runner's check read it: the inbox caught up, then two counts. Each
 * round first sends one more campaign message and receives one more reply, so the catch-up has
 * work to do. The first read after the history was written (every person new to the budget) is
 * printed apart: it happens once, after the upgrade.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SAFETY_SETTINGS } from '#shared/safety';
import { budgetFigures } from '#main/safety/budget';
import type { HistoryBenchContext } from './history';

export function budget1m(ctx: HistoryBenchContext): void {
  const { core, history: h } = ctx;
  const q = core.queueDb;
  const zone = 'Europe/Istanbul';
  const now = Date.now();
  const first = performance.now();
  for (const id of h.accountIds) budgetFigures(q, id, DEFAULT_SAFETY_SETTINGS, now, zone);
  console.log(`  (budget: first read after the history was written ${(performance.now() - first).toFixed(0)} ms for ${h.accountIds.length} accounts)`);

  const recipient = q.prepare(`SELECT id, phone FROM recipients WHERE account_id = ? AND sent_at IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET ?`);
  const ledger = q.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, ?, ?, 0)`);
  const reply = core.store.sqlite.prepare(
    `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out) VALUES (?, 'Shop', ?, ?, 'ok', ?, 0)`,
  );
  const campaignId = h.campaignIds.at(-1)!;
  const times: number[] = [];
  const figures: number[] = [];
  for (let round = 0; round < Math.max(10, ctx.rounds); round++) {
    const account = h.accountIds[round % h.accountIds.length]!;
    const r = recipient.get(account, round * 7) as { id: number; phone: string };
    ledger.run(account, now, campaignId, r.id);
    reply.run(account, `bench-budget-${round}`, r.phone, new Date(now).toISOString());
    const start = performance.now();
    const f = budgetFigures(q, account, DEFAULT_SAFETY_SETTINGS, now, zone);
    times.push(performance.now() - start);
    figures.push(f.month, f.rolling30);
  }
  console.log(`  (budget: this month / last 30 days per account, last round: ${figures.slice(-2).join(' / ')})`);
  ctx.report('budget_1m_ms', ctx.median(times), 'ms', '<=', 50);
}

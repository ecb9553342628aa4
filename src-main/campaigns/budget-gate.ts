/**
 * The unanswered-message budget at the moment of sending: before a customer's first part, a person
 * who would newly count (not messaged on this account this month, never heard from) is sent to only
 * while the account has budget left; otherwise its campaigns pause with the reason, like a block.
 * Read from the database every time (the only truth), so a restart loses nothing.
 */
import { t } from '#shared/i18n';
import { DEFAULT_SAFETY_SETTINGS, type BudgetUse } from '#shared/safety';
import { budgetFigures, budgetLevel, budgetCost, claimWarning, monthStartOf, unansweredSinceLive } from '#main/safety/budget';
import type { Sqlite } from '#main/kernel/db';
import { candWindows, withAudience, type BuildInput, type Prepared } from './audience';
import { readSafety } from '#main/safety/settings';
import { recordEvent } from '#main/accounts/repo';
import type { QueueHost } from './context';

/** True when the first part to `phone` may go through `accountId` now; false: paused. */
export function budgetAllows(host: QueueHost, accountId: number, phone: string): boolean {
  const { q } = host.deps;
  const stored = readSafety(q, accountId, 'book.');
  if (!stored) return true; // the account is gone: the runner deals with that
  const budget = stored.settings.monthlyBudget;
  const now = host.now();
  const month = monthStartOf(now, host.deps.accountTimezone());
  const cost = budgetCost(q, accountId, phone, month.at);
  if (cost === 0) return true;
  const used = unansweredSinceLive(q, accountId, month.at);
  const label = host.label(accountId);
  if (used >= budget) {
    log(host, accountId, 'error', 'budget.full', t('budget.log.full', { label, used, budget }));
    host.pauseAccount(accountId, t('budget.status.full', { label, used, budget }));
    host.deps.bus.emit('safety.changed', { accountId });
    return false;
  }
  // This message makes it cross 80 %: said once a month, in the account's event log.
  if (budgetLevel(used + 1, budget) !== 'ok' && claimWarning(q, accountId, month.date)) {
    log(host, accountId, 'warning', 'budget.warning', t('budget.log.warning', { label, used: used + 1, budget }));
    host.deps.bus.emit('safety.changed', { accountId });
  }
  return true;
}

function log(host: QueueHost, accountId: number, level: 'warning' | 'error', code: string, message: string): void {
  void recordEvent(host.deps, {
    accountId,
    accountLabel: host.label(accountId),
    at: new Date(host.now()).toISOString(),
    level,
    code,
    message,
  });
}

/**
 * Per account: people of the audience (after its exclusions) who would newly count this month on
 * it (not messaged on it since the month began, never heard from on it), and what it has left.
 */
export async function audienceBudgetUse(q: Sqlite, input: BuildInput, prepared: Prepared, accountIds: number[], zone: string): Promise<BudgetUse[]> {
  const now = input.now;
  const month = monthStartOf(now, zone);
  const lefts = accountIds.map((accountId) => {
    const f = budgetFigures(q, accountId, readSafety(q, accountId, 'book.')?.settings ?? DEFAULT_SAFETY_SETTINGS, now, zone);
    return { accountId, left: f.left, budget: f.budget };
  });
  const uses = await withAudience(q, input, prepared, async () => {
    const count = q
      .prepare(
        `SELECT count(*) FROM cand WHERE excl IS NULL AND rowid > @from AND rowid <= @to
           AND NOT EXISTS (SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = cand.phone AND i.account_id = @account)
           AND NOT EXISTS (SELECT 1 FROM budget_people p WHERE p.account_id = @account AND p.phone = cand.phone AND p.last_at >= @since)`,
      )
      .pluck();
    const use = accountIds.map(() => 0);
    for await (const { from, to } of candWindows(q)) {
      accountIds.forEach((accountId, i) => (use[i]! += count.get({ account: accountId, since: month.at, from, to }) as number));
    }
    return use;
  });
  return lefts.map((l, i) => ({ ...l, use: uses[i] ?? 0 }));
}

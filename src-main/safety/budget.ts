import type { BudgetFigures, SafetySettings } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

/**
 * PLACEHOLDER (safety-base branch): the budget helper replaces this with the real count. Until
 * then it answers neutral figures (the breaker branch needs `safety.get` to answer for its screens).
 */
export function budgetFigures(_q: Sqlite, _accountId: number, settings: SafetySettings, _now: number, _zone: string): BudgetFigures {
  return { budget: settings.monthlyBudget, month: 0, rolling30: 0, left: settings.monthlyBudget, level: 'ok', monthStart: '1970-01-01' };
}

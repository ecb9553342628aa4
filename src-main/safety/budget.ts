import type { BudgetFigures, SafetySettings } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

/** PLACEHOLDER (safety-base branch): the budget helper replaces this with the real count. */
export function budgetFigures(_q: Sqlite, _accountId: number, settings: SafetySettings, _now: number, _zone: string): BudgetFigures {
  throw new Error(`budget not built yet (${settings.monthlyBudget})`);
}

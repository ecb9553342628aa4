/** The Overview's line for an account's unanswered-message budget (beside today's sends and cap). */
import { useEffect } from 'react';
import { BudgetFigure } from './BudgetFigure';
import { followSafety, useSafety } from './store';

export function OverviewBudget({ accountId }: { accountId: number }) {
  const budget = useSafety((s) => s.byAccount[accountId]?.budget);
  useEffect(() => followSafety(), []);
  if (!budget) return null;
  return (
    <div className="ov-line">
      <BudgetFigure budget={budget} testId="ov-account-budget" />
    </div>
  );
}

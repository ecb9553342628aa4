/** The account card's line for its unanswered-message budget, and the way to its safety settings. */
import { useEffect, useState } from 'react';
import type { Account } from '#shared/accounts';
import { t } from '#shared/i18n';
import { BudgetFigure } from '#renderer/safety/BudgetFigure';
import { followSafety, useSafety } from '#renderer/safety/store';
import { SafetySettingsDialog } from './SafetySettingsDialog';

export function BudgetLine({ account }: { account: Account }) {
  const safety = useSafety((s) => s.byAccount[account.id]);
  const [open, setOpen] = useState(false);
  useEffect(() => followSafety(), []);
  if (!safety) return null;
  return (
    <div className="budget-line" data-testid="account-budget">
      <BudgetFigure budget={safety.budget} testId="account-budget-figure" />
      <button type="button" className="link small" onClick={() => setOpen(true)} data-testid="safety-open">
        {t('safety.open')}
      </button>
      {open && <SafetySettingsDialog safety={safety} label={account.label} onClose={() => setOpen(false)} />}
    </div>
  );
}

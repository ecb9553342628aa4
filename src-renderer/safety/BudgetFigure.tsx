/** An account's unanswered-message budget in one line: this month, the last 30 days, what is left; amber from 80 %. */
import { t } from '#shared/i18n';
import type { BudgetFigures } from '#shared/safety';
import './safety-budget.css';

export function BudgetFigure({ budget: b, testId }: { budget: BudgetFigures; testId?: string }) {
  return (
    <span className={`budget-figure small budget-${b.level}`} title={t('budget.line.help')} data-testid={testId} data-level={b.level}>
      <span className="budget-main">
        <span className="budget-used">{t('budget.line', { used: b.month, budget: b.budget })}</span>{' '}
        <span className="muted">· {t('budget.line.rolling', { rolling: b.rolling30 })}</span>
        {b.level !== 'full' && <span className="muted"> · {t('budget.line.left', { left: b.left })}</span>}
      </span>
      {b.level === 'full' && <span className="budget-full-note">{t('budget.line.full')}</span>}
    </span>
  );
}

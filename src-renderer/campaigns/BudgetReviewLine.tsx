/**
 * The review's line on the unanswered-message budget: per sending account, the most this campaign
 * may use of what is left this month (its people not yet counted there and never heard from there).
 * With several accounts the runner spreads people over them; each line is that account's upper bound.
 */
import { useEffect, useState } from 'react';
import { t } from '#shared/i18n';
import type { BudgetUse } from '#shared/safety';
import { useAccounts } from '#renderer/accounts/store';
import { api } from '#renderer/ui/api';
import { audienceOf, exclusionsOf, type CampaignForm } from './model';
import '#renderer/safety/safety-budget.css';

export function BudgetReviewLine({ form }: { form: CampaignForm }) {
  const accounts = useAccounts((s) => s.accounts);
  const request = { audience: audienceOf(form), exclusions: exclusionsOf(form), accountIds: form.accountIds };
  const key = JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; uses: BudgetUse[] } | null>(null);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      api.campaigns.budgetUse(JSON.parse(key) as typeof request).then(
        (uses) => alive && setAnswer({ key, uses }),
        () => alive && setAnswer({ key, uses: [] }),
      );
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key]); // `key` stands for the request
  if (form.accountIds.length === 0) return null;
  if (!answer || answer.key !== key) return <span className="budget-review muted small">{t('budget.review.loading')}</span>;
  return (
    <>
      {answer.uses.map((u) => {
        const label = accounts.find((a) => a.id === u.accountId)?.label ?? `#${u.accountId}`;
        const over = u.use > u.left;
        const text =
          u.use === 0
            ? t('budget.review.none', { left: u.left, label })
            : over
              ? t('budget.review.over', { use: u.use, left: u.left, label })
              : t('budget.review', { use: u.use, left: u.left, label });
        return (
          <span key={u.accountId} className={`budget-review small${over ? ' budget-warn' : ''}`} data-testid="review-budget">
            {text}
          </span>
        );
      })}
    </>
  );
}

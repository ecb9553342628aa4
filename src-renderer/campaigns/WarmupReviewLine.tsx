/** At the review: the chosen accounts that are warming up, and today's cap on each (across campaigns). */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { useAccounts } from '#renderer/accounts/store';
import { followSafety, useSafety } from '#renderer/safety/store';

export function WarmupReviewLine({ accountIds }: { accountIds: readonly number[] }) {
  useEffect(() => followSafety(), []);
  const byAccount = useSafety((s) => s.byAccount);
  const accounts = useAccounts((s) => s.accounts);
  const warming = accounts
    .filter((a) => accountIds.includes(a.id))
    .flatMap((a) => {
      const w = byAccount[a.id]?.warmup;
      return w?.active && w.day !== null && w.capToday !== null ? [{ label: a.label, w: { ...w, day: w.day, capToday: w.capToday } }] : [];
    });
  if (warming.length === 0) return null;
  return (
    <span data-testid="review-warmup">
      {warming.map(({ label, w }) => (
        <span key={label} className="cmp-estimate">
          {t('warmup.review', { label: `“${label}”`, day: w.day, of: w.of ?? w.day, cap: w.capToday, sent: w.sentToday })}
        </span>
      ))}
      <span className="cmp-estimate">{t('warmup.review.estimate')}</span>
    </span>
  );
}

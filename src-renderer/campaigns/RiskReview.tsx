/**
 * The review step's risk rating: low / medium / high, then every factor looked at with its own
 * level, what we saw and what to change. The worst factors come first.
 */
import { useEffect, useMemo } from 'react';
import { t } from '#shared/i18n';
import type { DraftPart } from '#shared/campaigns';
import type { Pace } from '#shared/pace';
import { rateRisk, type RiskAccount } from '#shared/risk';
import type { Account } from '#shared/accounts';
import { followSafety, useSafety } from '#renderer/safety/store';
import { RISK_LEVEL, RISK_SUMMARY, RISK_TAG } from '#shared/i18n/keys';

type Props = {
  pace: Pace;
  parts: readonly DraftPart[];
  accounts: readonly Account[];
  audience: { total: number; neverMessaged: number; notChecked: number; answered: number } | null;
  now: number;
};

const DAY = 86_400_000;

export function RiskReview({ pace, parts, accounts, audience, now }: Props) {
  useEffect(() => followSafety(), []);
  const safety = useSafety((s) => s.byAccount);
  const review = useMemo(() => {
    // An account whose figures are not loaded yet is left out rather than guessed at.
    const known: RiskAccount[] = accounts.flatMap((a) => {
      const s = safety[a.id];
      if (!s) return [];
      return [
        {
          label: a.label,
          ageDays: s.firstReadyAt === null ? null : Math.max(0, Math.floor((now - Date.parse(s.firstReadyAt)) / DAY)),
          warmingUp: s.warmup.active,
          budgetLeft: s.budget.left,
        },
      ];
    });
    return rateRisk({ pace, parts, audience, accounts: known });
  }, [pace, parts, accounts, audience, safety, now]);

  return (
    <div className={`cmp-risk-review risk-${review.level}`} data-testid="review-risk" data-level={review.level}>
      <p className="cmp-risk-head">
        <strong data-testid="review-risk-level">{t(RISK_LEVEL[review.level])}</strong> {t(RISK_SUMMARY[review.level])}
      </p>
      {audience === null && <p className="muted small">{t('risk.waiting')}</p>}
      <ul className="cmp-risk-factors">
        {review.factors.map((f, i) => (
          <li key={`${f.code}-${i}`} className={`risk-${f.level}`} data-code={f.code} data-level={f.level}>
            <span className="cmp-risk-tag">{t(RISK_TAG[f.level])}</span>
            <span>
              {f.text}
              {f.fix && <span className="cmp-risk-fix"> {t('risk.fix', { fix: f.fix })}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

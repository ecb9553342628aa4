/** The account card's line when the account's breaker on spam signals tripped: why, with the figures. */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { Icon } from '#renderer/ui/Icon';
import { followSafety, useSafety } from '#renderer/safety/store';
import '#renderer/safety/breaker.css';

export function BreakerLine({ accountId }: { accountId: number }) {
  useEffect(() => followSafety(), []);
  const breaker = useSafety((s) => s.byAccount[accountId]?.breaker);
  if (!breaker?.tripped) return null;
  return (
    <div className="breaker-line small" role="status" data-testid="breaker-line">
      <Icon name="warning" size={14} />
      <div>
        <p>
          <strong>{t('breaker.line.tripped')}</strong> — {breaker.tripped}
        </p>
        <p>
          {t('breaker.line.figures', {
            sends: breaker.sends,
            optOuts: breaker.optOuts,
            undelivered: breaker.undelivered,
            matured: breaker.matured,
            failed: breaker.failed,
          })}
        </p>
      </div>
    </div>
  );
}

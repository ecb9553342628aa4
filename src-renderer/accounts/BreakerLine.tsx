/** The account card's line when the account's breaker on spam signals tripped: why, with the figures. */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { Icon } from '#renderer/ui/Icon';
import { followSafety, useSafety } from '#renderer/safety/store';
import '#renderer/safety/breaker.css';

export function BreakerLine({ accountId }: { accountId: number }) {
  useEffect(() => followSafety(), []);
  const breaker = useSafety((s) => s.byAccount[accountId]?.breaker);
  const trip = breaker?.trip;
  if (!trip) return null;
  const params = { count: trip.count, of: trip.of, pct: trip.pct, limit: trip.limit };
  const what =
    trip.kind === 'optOut' ? t('breaker.line.optOut', params) : trip.kind === 'undelivered' ? t('breaker.line.undelivered', params) : t('breaker.line.failed', params);
  return (
    <div className="breaker-line small" role="status" data-testid="breaker-line">
      <Icon name="warning" size={14} />
      <div>
        <p>
          <strong>{t('breaker.line.tripped')}</strong> {what}
        </p>
        <p>{t('breaker.line.paused')}</p>
      </div>
    </div>
  );
}

/** On the account card: "Warm-up day 2 of 7: 35 of 40 today", while a warm-up applies. */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { followSafety, useSafety } from '#renderer/safety/store';
import { formatWallDay } from '#renderer/ui/format';

export function WarmupLine({ accountId }: { accountId: number }) {
  useEffect(() => followSafety(), []);
  const safety = useSafety((s) => s.byAccount[accountId]);
  const w = safety?.warmup;
  return (
    <>
      {w?.active && w.day !== null && w.capToday !== null && (
        <p className={w.sentToday >= w.capToday ? 'banner warn small' : 'muted small'} data-testid="warmup-line">
          <strong>{t('warmup.card', { day: w.day, of: w.of ?? w.day, sent: w.sentToday, cap: w.capToday })}</strong>
          {' · '}
          {t(w.reason === 'marked' ? 'warmup.card.marked' : 'warmup.card.young', { date: w.endsOn ? formatWallDay(w.endsOn) : '' })}
        </p>
      )}
    </>
  );
}

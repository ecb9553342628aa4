/** An account's breaker figures as a small table: each signal, its share of the window and its limit. */
import type { BreakerFigures, SafetySettings } from '#shared/safety';
import { formatNumber, t } from '#shared/i18n';
import { formatFull } from '#renderer/ui/format';

const pct = (count: number, of: number) => (of === 0 ? 0 : Math.round((count * 1000) / of) / 10);

export function BreakerFiguresTable({ figures, limits }: { figures: BreakerFigures; limits: SafetySettings['breaker'] }) {
  const rows = [
    { key: 'optOut', label: t('breaker.figures.optOuts'), count: figures.optOuts, of: figures.sends, limit: limits.optOutPct },
    { key: 'undelivered', label: t('breaker.figures.undelivered'), count: figures.undelivered, of: figures.matured, limit: limits.undeliveredPct },
    { key: 'failed', label: t('breaker.figures.failed'), count: figures.failed, of: figures.sends, limit: limits.failedPct },
  ] as const;
  return (
    <>
      <table className="simple-table breaker-figures" data-testid="breaker-figures">
        <tbody>
          <tr>
            <td>{t('breaker.figures.sends')}</td>
            <td>{formatNumber(figures.sends)}</td>
            <td />
          </tr>
          {rows.map((r) => (
            <tr key={r.key} className={figures.trip?.kind === r.key ? 'over' : undefined}>
              <td>{r.label}</td>
              <td>{r.of === 0 && r.key === 'undelivered' ? t('breaker.figures.notYet') : t('breaker.figures.of', { count: r.count, of: r.of, pct: pct(r.count, r.of) })}</td>
              <td>{t('breaker.figures.limit', { limit: r.limit })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {figures.since && <p className="muted small">{t('breaker.figures.since', { when: formatFull(figures.since) })}</p>}
    </>
  );
}

/** Sent · delivered · read · failed · skipped, as compact figures. */
import type { CampaignCounts } from '#shared/campaigns';
import { formatNumber, t } from '#shared/i18n';
import { sentTotal } from './text';

export function CountsLine({ counts }: { counts: CampaignCounts }) {
  const items: { key: string; n: number; label: string }[] = [
    { key: 'sent', n: sentTotal(counts), label: t('campaigns.count.sent') },
    { key: 'delivered', n: counts.delivered + counts.read, label: t('campaigns.count.delivered') },
    { key: 'read', n: counts.read, label: t('campaigns.count.read') },
    { key: 'failed', n: counts.failed, label: t('campaigns.count.failed') },
    { key: 'skipped', n: counts.skipped, label: t('campaigns.count.skipped') },
  ];
  if (counts.unknown > 0) items.push({ key: 'unknown', n: counts.unknown, label: t('campaigns.count.unknown') });
  return (
    <ul className="cmp-counts small" aria-label={t('campaigns.count.title')}>
      {items.map((item) => (
        <li key={item.key} className={`cmp-c-${item.key}`} data-testid={`count-${item.key}`} data-value={item.n}>
          <b>{formatNumber(item.n)}</b> {item.label}
        </li>
      ))}
    </ul>
  );
}

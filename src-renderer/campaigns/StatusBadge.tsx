/** A campaign's state as a coloured badge with an icon, so it never rests on colour alone. */
import type { CampaignStatus } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { Icon, type IconName } from '#renderer/ui/Icon';
import { statusLabel } from './text';

const ICON: Record<Exclude<CampaignStatus, 'running'>, IconName> = {
  draft: 'minus',
  scheduled: 'clock',
  paused: 'minus',
  completed: 'ok',
  cancelled: 'block',
  failed: 'error',
};

/** `preparing`: running, but its recipients are still being prepared (nothing sent yet). */
export function StatusBadge({ status, preparing = false }: { status: CampaignStatus; preparing?: boolean }) {
  const isPreparing = preparing && status === 'running';
  return (
    <span
      className={isPreparing ? 'cmp-status running preparing' : `cmp-status ${status}`}
      data-testid="campaign-status"
      data-status={status}
      data-preparing={isPreparing || undefined}
    >
      {status === 'running' ? <span className="cmp-dot" aria-hidden /> : <Icon name={ICON[status]} size={13} />}
      {isPreparing ? t('campaigns.status.preparing') : statusLabel(status)}
    </span>
  );
}

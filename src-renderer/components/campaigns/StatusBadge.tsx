/** A campaign's state as a coloured badge with an icon, so it never rests on colour alone. */
import type { CampaignStatus } from '../../../src-shared/campaigns';
import { Icon, type IconName } from '../Icon';
import { statusLabel } from './text';

const ICON: Record<Exclude<CampaignStatus, 'running'>, IconName> = {
  draft: 'minus',
  scheduled: 'clock',
  paused: 'minus',
  completed: 'ok',
  cancelled: 'block',
  failed: 'error',
};

export function StatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={`cmp-status ${status}`} data-testid="campaign-status" data-status={status}>
      {status === 'running' ? <span className="cmp-dot" aria-hidden /> : <Icon name={ICON[status]} size={13} />}
      {statusLabel(status)}
    </span>
  );
}

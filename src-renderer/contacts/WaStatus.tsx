/** A contact's last WhatsApp check: on it, not on it, or not checked; with an icon, not colour alone. */
import type { WaStatus } from '#shared/accounts';
import { t } from '#shared/i18n';
import { formatDay, formatFull } from '#renderer/ui/format';
import { Icon } from '#renderer/ui/Icon';
import { WA_STATUS, WA_STATUS_SHORT } from '#shared/i18n/keys';

export function WaStatusMark(props: { status: WaStatus | null; checkedAt: string | null; long?: boolean }) {
  const { status, checkedAt } = props;
  const checked = checkedAt ? t('waStatus.checked', { date: formatDay(checkedAt) }) : '';
  if (status === null) {
    return (
      <span className={props.long ? 'wa-status unknown long' : 'wa-status unknown'} title={t('waStatus.unknown')} data-wa="unknown">
        {props.long ? (
          <>
            <Icon name="question" size={13} />
            {t('waStatus.unknown')}
          </>
        ) : (
          <span aria-label={t('waStatus.unknown')}>—</span>
        )}
      </span>
    );
  }
  return (
    <span className={`wa-status ${status}${props.long ? ' long' : ''}`} title={checkedAt ? `${t(WA_STATUS[status])} · ${formatFull(checkedAt)}` : undefined} data-wa={status}>
      <Icon name={status === 'yes' ? 'check' : 'cross'} size={13} />
      {props.long ? t(WA_STATUS[status]) : t(WA_STATUS_SHORT[status])}
      {props.long && checked && <span className="checked-at"> · {checked}</span>}
    </span>
  );
}

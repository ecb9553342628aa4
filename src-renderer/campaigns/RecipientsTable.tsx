/**
 * Who a campaign is for and what happened to each: filtered by status, searched by name or number,
 * a page at a time, read again as the campaign's counts move.
 */
import { useEffect, useId, useState } from 'react';
import { RECIPIENT_STATUSES, type CampaignCounts, type Recipient, type RecipientStatus } from '#shared/campaigns';
import { formatNumber, t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { errorMessage } from '#renderer/ui/api';
import { campaigns } from './store';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useAccounts } from '#renderer/accounts/store';
import { ErrorText } from '#renderer/ui/ErrorText';
import { recipientStatusLabel } from './text';

const PAGE = 50;
type Filter = RecipientStatus | 'all';

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  return (
    <span className={`cmp-r ${status}`} data-testid="recipient-status" data-status={status}>
      {recipientStatusLabel(status)}
    </span>
  );
}

/** When it went out, or when it last changed; nothing while it still waits its turn. */
function When({ recipient: r }: { recipient: Recipient }) {
  if (r.status === 'queued' && r.attempts === 0) return null;
  const iso = r.sentAt ?? r.updatedAt;
  return (
    <time dateTime={iso} title={formatFull(iso)}>
      {formatWhen(iso)}
    </time>
  );
}

/** The search as typed, and as asked (a moment after the typing stops). */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function RecipientsTable({ campaignId, counts, initialFilter = 'all' }: { campaignId: number; counts: CampaignCounts; initialFilter?: Filter }) {
  const id = useId();
  const accounts = useAccounts((s) => s.accounts);
  const [filter, setFilter] = useState<Filter>(initialFilter);
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed, 300);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: Recipient[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The counts change as messages go out: read the page shown again.
  const moved = JSON.stringify(counts);

  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      campaigns.recipients({ id: campaignId, status: filter, search, offset, limit: PAGE }).then(
        (answer) => {
          if (!alive) return;
          setPage(answer);
          setError(null);
        },
        (e: unknown) => alive && setError(errorMessage(e)),
      );
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [campaignId, filter, search, offset, moved]);

  const label = (accountId: number | null) => (accountId === null ? '' : (accounts.find((a) => a.id === accountId)?.label ?? `#${accountId}`));
  const total = page?.total ?? 0;
  const shown = page?.rows ?? [];
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + PAGE, total);

  return (
    <section className="cmp-recipients" aria-labelledby={`${id}-title`} data-testid="recipients">
      <div className="row">
        <h2 id={`${id}-title`} className="grow cmp-h2">
          {t('campaigns.recipients.title')}
        </h2>
        <select
          aria-label={t('campaigns.recipients.filter')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setOffset(0);
          }}
          data-testid="recipients-filter"
        >
          <option value="all">{t('campaigns.recipients.all', { count: counts.total })}</option>
          {RECIPIENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {recipientStatusLabel(s)} ({formatNumber(counts[s])})
            </option>
          ))}
        </select>
        <input
          type="search"
          value={typed}
          placeholder={t('campaigns.recipients.search')}
          aria-label={t('campaigns.recipients.search')}
          onChange={(e) => {
            setTyped(e.target.value);
            setOffset(0);
          }}
          data-testid="recipients-search"
        />
      </div>
      <ErrorText error={error} />
      <div className="panel flush">
        <table className="simple-table cmp-rtable">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.recipients.name')}</th>
              <th scope="col">{t('campaigns.recipients.phone')}</th>
              <th scope="col">{t('campaigns.recipients.status')}</th>
              <th scope="col">{t('campaigns.recipients.reason')}</th>
              <th scope="col">{t('campaigns.recipients.account')}</th>
              <th scope="col">{t('campaigns.recipients.when')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="recipient-row" className={`cmp-rrow ${r.status}`}>
                <td>
                  <bdi>{r.name}</bdi>
                </td>
                <td className="phone nowrap">{formatPhoneInternational(r.phone)}</td>
                <td className="nowrap">
                  <RecipientStatusBadge status={r.status} />
                  {r.attempts > 1 && <span className="muted small"> {t('campaigns.recipients.attempts', { count: r.attempts })}</span>}
                </td>
                <td className="small wrap" data-testid="recipient-reason">
                  {r.reason}
                </td>
                <td className="small">
                  <bdi>{label(r.accountId)}</bdi>
                </td>
                <td className="small nowrap">
                  <When recipient={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && shown.length === 0 && (
          <p className="empty small">{typed || filter !== 'all' ? t('campaigns.recipients.noneMatch') : t('campaigns.recipients.none')}</p>
        )}
      </div>
      <div className="row">
        <span className="muted small grow" data-testid="recipients-range">
          {t('campaigns.recipients.range', { from, to, total })}
        </span>
        <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))} disabled={offset === 0}>
          {t('campaigns.recipients.prev')}
        </button>
        <button type="button" onClick={() => setOffset(offset + PAGE)} disabled={offset + PAGE >= total}>
          {t('campaigns.recipients.next')}
        </button>
      </div>
    </section>
  );
}

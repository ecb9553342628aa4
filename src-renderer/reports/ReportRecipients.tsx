/**
 * The report's recipients, virtualised (pages of 100 read as they scroll into view): filter chips,
 * a reason picked from the failures, search, sort by clicking a header, every step's time (with the
 * date when not today) and the sending account; "Create a group from these" on what is shown.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState } from 'react';
import { formatNumber, t, type MessageKey } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import type { CampaignReport, ReportRecipient, ReportSort } from '#shared/reports';
import { useAccounts } from '#renderer/accounts/store';
import { RecipientStatusBadge } from '#renderer/campaigns/RecipientsTable';
import { ErrorText } from '#renderer/ui/ErrorText';
import { FormDialog } from '#renderer/ui/FormDialog';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { usePages } from '#renderer/ui/usePages';
import { accountName, exclusionLabel, filterChips, filterLabel, suggestedGroupName } from './model';
import { reports, useReport } from './store';

const ROW_HEIGHT = 40;

/** A column and the sorts its header offers (the first: name, then phone, under it in each row). */
type Column = { sorts: { id: ReportSort; label: MessageKey }[]; width: string };

const COLUMNS: Column[] = [
  { sorts: [{ id: 'name', label: 'reports.col.name' }, { id: 'phone', label: 'reports.col.phone' }], width: 'minmax(150px, 2fr)' },
  { sorts: [{ id: 'status', label: 'reports.col.status' }], width: 'minmax(120px, 1.5fr)' },
  { sorts: [{ id: 'sentAt', label: 'reports.col.sentAt' }], width: '98px' },
  { sorts: [{ id: 'deliveredAt', label: 'reports.col.deliveredAt' }], width: '98px' },
  { sorts: [{ id: 'readAt', label: 'reports.col.readAt' }], width: '98px' },
  { sorts: [{ id: 'repliedAt', label: 'reports.col.repliedAt' }], width: '98px' },
  { sorts: [{ id: 'account', label: 'reports.col.account' }], width: 'minmax(90px, 1fr)' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">–</span>;
  return (
    <time dateTime={iso} title={formatFull(iso)}>
      {formatWhen(iso)}
    </time>
  );
}

function Status({ row }: { row: ReportRecipient }) {
  const reason = row.reason && row.status === 'excluded' ? exclusionLabel(row.reason) : row.reason;
  return (
    <>
      {row.status === 'excluded' ? (
        <span className="cmp-r excluded" data-testid="recipient-status" data-status="excluded">
          {t('reports.status.excluded')}
        </span>
      ) : (
        <RecipientStatusBadge status={row.status} />
      )}
      {reason && (
        <span className="muted small rpt-row-reason" title={reason} data-testid="recipient-reason">
          {' '}
          {reason}
        </span>
      )}
    </>
  );
}

/** The search as typed, given to the store a moment after the typing stops. */
function SearchBox() {
  const stored = useReport((s) => s.selection.search);
  const [typed, setTyped] = useState(stored);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed !== useReport.getState().selection.search) reports.setSearch(typed);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <input
      type="search"
      value={typed}
      placeholder={t('reports.search')}
      aria-label={t('reports.search')}
      onChange={(e) => setTyped(e.target.value)}
      data-testid="report-search"
    />
  );
}

function ToGroupDialog({ campaignName, count, onClose }: { campaignName: string; count: number; onClose: () => void }) {
  const selection = useReport((s) => s.selection);
  const [name, setName] = useState(() => suggestedGroupName(campaignName, selection.filter, selection.reason && selection.filter === 'excluded' ? exclusionLabel(selection.reason) : selection.reason));
  const id = useId();
  return (
    <FormDialog
      title={t('reports.toGroup.title', { count })}
      onClose={onClose}
      onSubmit={() => reports.toGroup(name.trim())}
      submitLabel={t('reports.toGroup.submit')}
      submitDisabled={name.trim() === ''}
      submitTestId="report-group-submit"
      testId="report-group-dialog"
    >
      <label htmlFor={id}>{t('reports.toGroup.name')}</label>
      <input id={id} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus data-testid="report-group-name" />
    </FormDialog>
  );
}

export function ReportRecipients({ report }: { report: CampaignReport }) {
  const id = useId();
  const selection = useReport((s) => s.selection);
  const sort = useReport((s) => s.sort);
  const descending = useReport((s) => s.descending);
  const version = useReport((s) => s.version);
  const windowHours = useReport((s) => s.replyWindowHours);
  const accounts = useAccounts((s) => s.accounts);
  const [grouping, setGrouping] = useState(false);
  // A new filter or sort starts over; new figures (`version`, live) read the pages again in place.
  const key = JSON.stringify([report.campaign.id, selection, sort, descending, windowHours]);
  const { total, error, rowAt, ensure } = usePages<ReportRecipient>((offset, limit) => reports.recipients(offset, limit), key, version);

  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [first, last, count, ensure]);

  return (
    <section className="rpt-recipients" aria-labelledby={`${id}-t`} data-testid="report-recipients">
      <div className="row">
        <h2 id={`${id}-t`} className="rpt-h2">
          {t('reports.recipients.title')}
        </h2>
        <span className="muted small grow" data-testid="report-count" data-value={total ?? ''}>
          {total === null ? t('common.loading') : t('reports.recipients.count', { count: total })}
        </span>
        <SearchBox />
        <button type="button" onClick={() => setGrouping(true)} disabled={!total} data-testid="report-to-group">
          {t('reports.toGroup')}
        </button>
      </div>
      <div className="rpt-chips" role="group" aria-label={t('reports.filter.label')}>
        {filterChips(report.funnel).map((c) => (
          <button
            key={c.filter}
            type="button"
            className={selection.filter === c.filter ? 'rpt-chip on' : 'rpt-chip'}
            aria-pressed={selection.filter === c.filter}
            onClick={() => reports.setFilter(c.filter)}
            data-testid={`chip-${c.filter}`}
          >
            {filterLabel(c.filter)}
            {c.count !== null && <span className="rpt-chip-count">{formatNumber(c.count)}</span>}
          </button>
        ))}
        {selection.reason !== null && (
          <span className="rpt-chip on reason" data-testid="report-reason">
            <bdi>{t('reports.filter.reason', { reason: selection.filter === 'excluded' ? exclusionLabel(selection.reason) : selection.reason })}</bdi>
            <button type="button" className="rpt-chip-x" onClick={reports.clearReason} aria-label={t('reports.filter.clearReason')}>
              ×
            </button>
          </span>
        )}
      </div>
      <ErrorText error={error} />
      <div className="rpt-table-scroll">
        <div className="table rpt-table" role="grid" aria-rowcount={count} aria-labelledby={`${id}-t`}>
          <div className="table-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
            {COLUMNS.map((c) => {
              const active = c.sorts.some((o) => o.id === sort);
              return (
                <span key={c.sorts[0]!.id} role="columnheader" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
                  {c.sorts.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && <span className="muted"> · </span>}
                      <button type="button" className="sort" onClick={() => reports.sortBy(o.id)} data-testid={`rsort-${o.id}`}>
                        {t(o.label)}
                        {sort === o.id ? (descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </span>
                  ))}
                </span>
              );
            })}
          </div>
          <div className="table-body rpt-table-body" ref={scrollRef} tabIndex={0} data-testid="report-table">
            {total === 0 && <p className="empty small">{t('reports.recipients.none')}</p>}
            <div style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    className="table-row"
                    data-testid={row ? 'report-row' : 'report-row-loading'}
                    data-status={row?.status}
                    style={{ position: 'absolute', insetBlockStart: item.start, insetInlineStart: 0, inlineSize: '100%', blockSize: ROW_HEIGHT, gridTemplateColumns: TEMPLATE }}
                  >
                    {row ? (
                      <>
                        <span role="gridcell" className="rpt-who">
                          <span dir="auto" title={row.name} data-testid="report-name">
                            {row.name || <span className="muted">—</span>}
                          </span>
                          <span className="phone muted small" data-testid="report-phone">
                            {formatPhoneInternational(row.phone)}
                          </span>
                        </span>
                        <span role="gridcell">
                          <Status row={row} />
                        </span>
                        <span role="gridcell" className="small">
                          <When iso={row.sentAt} />
                        </span>
                        <span role="gridcell" className="small">
                          <When iso={row.deliveredAt} />
                        </span>
                        <span role="gridcell" className="small">
                          <When iso={row.readAt} />
                        </span>
                        <span role="gridcell" className="small">
                          <When iso={row.repliedAt} />
                        </span>
                        <span role="gridcell" className="small" title={accountName(row.accountId, report.perAccount, accounts)}>
                          <bdi>{accountName(row.accountId, report.perAccount, accounts)}</bdi>
                        </span>
                      </>
                    ) : (
                      <span className="muted" style={{ gridColumn: '1 / -1' }}>
                        {t('common.loading')}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {grouping && <ToGroupDialog campaignName={report.campaign.name} count={count} onClose={() => setGrouping(false)} />}
    </section>
  );
}

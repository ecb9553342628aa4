/** The history's search, status filter, sort, date range and "Show archived" above the campaigns list. */
import { useId, useState } from 'react';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '#shared/campaigns';
import { HISTORY_SORTS, FINISHED_STATUSES, type HistoryRow, type HistorySort } from '#shared/history';
import { formatNumber, t } from '#shared/i18n';
import { DateField } from '#renderer/ui/DateField';
import { FormDialog } from '#renderer/ui/FormDialog';
import { archiveCampaign, renameCampaign, setHistoryQuery, useHistory } from './store';
import { CQ_STATUS_WORD, HISTORY_SORT } from '#shared/i18n/keys';

/** A local date (YYYY-MM-DD) as the ISO instant of its local midnight (the day after, for "to"). */
function localDay(value: string, after: boolean): string | null {
  if (value === '') return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (after ? 1 : 0)).toISOString();
}

function dayOf(iso: string | null, before: boolean): string {
  if (iso === null) return '';
  const d = new Date(Date.parse(iso) - (before ? 1 : 0));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function HistoryBar() {
  const q = useHistory((s) => s.query);
  const id = useId();
  const status = q.statuses[0] ?? '';
  return (
    <div className="history-bar" data-testid="history-bar">
      <input
        type="search"
        className="history-search"
        placeholder={t('history.search')}
        aria-label={t('history.search')}
        value={q.search}
        onChange={(e) => setHistoryQuery({ search: e.target.value })}
      />
      <select aria-label={t('history.statusFilter')} value={status} onChange={(e) => setHistoryQuery({ statuses: e.target.value ? [e.target.value as CampaignStatus] : [] })}>
        <option value="">{t('history.status.all')}</option>
        {CAMPAIGN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(CQ_STATUS_WORD[s])}
          </option>
        ))}
      </select>
      <label className="history-field">
        {t('history.sort')}{' '}
        <select value={q.sort} onChange={(e) => setHistoryQuery({ sort: e.target.value as HistorySort })}>
          {HISTORY_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(HISTORY_SORT[s])}
            </option>
          ))}
        </select>
      </label>
      <label className="history-field">
        <input type="checkbox" checked={q.descending} onChange={(e) => setHistoryQuery({ descending: e.target.checked })} /> {t('history.descending')}
      </label>
      <span className="history-field">
        <label htmlFor={`${id}-from`}>{t('history.from')}</label>
        <DateField
          id={`${id}-from`}
          value={dayOf(q.from, false)}
          max={dayOf(q.to, true) || undefined}
          onChange={(day) => day !== null && setHistoryQuery({ from: localDay(day, false) })}
          testId="history-from"
        />
      </span>
      <span className="history-field">
        <label htmlFor={`${id}-to`}>{t('history.to')}</label>
        <DateField
          id={`${id}-to`}
          value={dayOf(q.to, true)}
          min={dayOf(q.from, false) || undefined}
          onChange={(day) => day !== null && setHistoryQuery({ to: localDay(day, true) })}
          testId="history-to"
        />
      </span>
      <label className="history-field">
        <input type="checkbox" data-testid="history-archived" checked={q.includeArchived} onChange={(e) => setHistoryQuery({ includeArchived: e.target.checked })} />{' '}
        {t('history.showArchived')}
      </label>
    </div>
  );
}

const pct = (rate: number | null) => (rate === null ? '–' : formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 }));

/** A row's key figures and, once it is finished, Rename and Archive / Unarchive. */
export function HistoryFiguresLine({ row }: { row: HistoryRow }) {
  const f = row.figures;
  const finished = FINISHED_STATUSES.includes(row.status);
  const [renaming, setRenaming] = useState(false);
  return (
    <div className="history-figures">
      <span className="muted small" data-testid="history-figures">
        {row.archived && <strong>{t('history.archived')} · </strong>}
        {t('history.figures', {
          recipients: f.recipients,
          sent: f.sent,
          delivered: f.delivered,
          deliveredRate: pct(f.deliveredRate),
          read: f.read,
          readRate: pct(f.readRate),
          failed: f.failed,
        })}
      </span>
      {finished && (
        <span className="history-actions">
          <button type="button" className="link small" onClick={() => setRenaming(true)}>
            {t('common.rename')}
          </button>
          <button type="button" className="link small" onClick={() => void archiveCampaign(row.id, !row.archived)}>
            {row.archived ? t('history.unarchive') : t('history.archive')}
          </button>
        </span>
      )}
      {renaming && <RenameCampaignDialog row={row} onClose={() => setRenaming(false)} />}
    </div>
  );
}

function RenameCampaignDialog({ row, onClose }: { row: HistoryRow; onClose: () => void }) {
  const [name, setName] = useState(row.name);
  return (
    <FormDialog
      title={t('history.renameTitle', { name: row.name })}
      onClose={onClose}
      onSubmit={() => (name.trim() === row.name ? Promise.resolve() : renameCampaign(row.id, name))}
      validate={() => (name.trim() === '' ? t('history.nameRequired') : null)}
      submitLabel={t('common.rename')}
      testId="campaign-rename-dialog"
    >
      <label className="field">
        <span>{t('history.renamePrompt')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} dir="auto" autoFocus />
      </label>
    </FormDialog>
  );
}

/** The accounts' event log: newest first, filtered by account and level, live, older entries on demand. */
import { create } from 'zustand';
import type { AccountEvent, LogLevel } from '#shared/accounts';
import { t } from '#shared/i18n';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { usePagedLiveList } from '#renderer/ui/usePagedLiveList';
import { accounts as accountActions, useAccounts } from './store';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Icon, type IconName } from '#renderer/ui/Icon';
import { PagedListFooter } from '#renderer/ui/PagedListFooter';
import { AccountFilter } from './AccountFilter';
import { ACTIVITY_LEVEL } from '#shared/i18n/keys';

type LevelFilter = 'all' | 'warning' | 'error';

const LEVEL_ICON: Record<LogLevel, IconName> = { info: 'info', warning: 'warning', error: 'error' };

/** The filters outlive the tab, so looking at the accounts and back keeps them. */
const useLogFilter = create<{ accountId: number | null; level: LevelFilter }>(() => ({ accountId: null, level: 'all' }));
const setAccountId = (accountId: number | null) => useLogFilter.setState({ accountId });
const setLevel = (level: LevelFilter) => useLogFilter.setState({ level });

function matches(e: AccountEvent, accountId: number | null, level: LevelFilter): boolean {
  if (accountId !== null && e.accountId !== accountId) return false;
  if (level === 'error') return e.level === 'error';
  if (level === 'warning') return e.level !== 'info';
  return true;
}

function LevelBadge({ level }: { level: LogLevel }) {
  return (
    <span className={`level ${level}`}>
      <Icon name={LEVEL_ICON[level]} size={14} />
      {t(ACTIVITY_LEVEL[level])}
    </span>
  );
}

export function ActivityLog() {
  const accounts = useAccounts((s) => s.accounts);
  const loaded = useAccounts((s) => s.loaded);
  const filter = useLogFilter();
  const { level } = filter;
  // A filter on an account that was removed since shows every account again.
  const accountId = filter.accountId !== null && loaded && !accounts.some((a) => a.id === filter.accountId) ? null : filter.accountId;
  const list = usePagedLiveList({
    filterKey: `${accountId}:${level}`,
    read: (offset, limit) => accountActions.events({ accountId, level, offset, limit }),
    event: 'accounts.log',
    matches: (e) => matches(e, accountId, level),
  });
  const { rows, error, loading } = list;
  return (
    <section className="activity" aria-labelledby="activity-title" data-testid="activity-log">
      <div className="row">
        <h2 id="activity-title" className="grow" style={{ margin: 0 }}>
          {t('activity.title')}
        </h2>
        <AccountFilter value={accountId} onChange={setAccountId} />
        <select aria-label={t('activity.filter.level')} value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
          <option value="all">{t('activity.filter.levelAll')}</option>
          <option value="warning">{t('activity.filter.levelWarning')}</option>
          <option value="error">{t('activity.filter.levelError')}</option>
        </select>
      </div>
      <ErrorText error={error} banner />
      {rows.length === 0 ? (
        <p className="empty">{loading ? t('common.loading') : accountId === null && level === 'all' ? t('activity.empty') : t('activity.noMatch')}</p>
      ) : (
        <div className="panel flush" style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
          <table className="simple-table log-table" data-testid="activity-table">
            <thead>
              <tr>
                <th style={{ inlineSize: 150 }}>{t('activity.col.time')}</th>
                <th style={{ inlineSize: 160 }}>{t('activity.col.account')}</th>
                <th style={{ inlineSize: 110 }}>{t('activity.col.level')}</th>
                <th>{t('activity.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="activity-row" className={`log-${r.level}`}>
                  <td className="nowrap" title={formatFull(r.at)}>
                    {formatWhen(r.at)}
                  </td>
                  <td>{r.accountLabel === null ? <span className="muted">{t('activity.noAccount')}</span> : <bdi>{r.accountLabel}</bdi>}</td>
                  <td>
                    <LevelBadge level={r.level} />
                  </td>
                  <td dir="auto" className="wrap">
                    {r.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PagedListFooter list={list} />
    </section>
  );
}

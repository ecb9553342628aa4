/** The accounts' event log: newest first, filtered by account and level, live, older entries on demand. */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { AccountEvent, LogLevel } from '../../../src-shared/accounts';
import { t } from '../../../src-shared/i18n';
import { api, errorMessage, onEvent } from '../../api';
import { formatFull, formatWhen } from '../../format';
import { useAccounts } from '../../stores/accounts';
import { Icon, type IconName } from '../Icon';

const PAGE = 50;
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

export function LevelBadge({ level }: { level: LogLevel }) {
  return (
    <span className={`level ${level}`}>
      <Icon name={LEVEL_ICON[level]} size={14} />
      {t(`activity.level.${level}`)}
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
  const [rows, setRows] = useState<AccountEvent[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filterKey = `${accountId}:${level}`;
  const [loadedKey, setLoadedKey] = useState<string | null>(null);

  // A new filter starts again from the newest entries; entries logged meanwhile come by event.
  useEffect(() => {
    let alive = true;
    api.accounts.events({ accountId, level, offset: 0, limit: PAGE }).then(
      (page) => {
        if (!alive) return;
        setRows(page.rows);
        setTotal(page.total);
        setError(null);
        setLoadedKey(`${accountId}:${level}`);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(errorMessage(e));
        setLoadedKey(`${accountId}:${level}`);
      },
    );
    const off = onEvent('accounts.log', (e) => {
      if (!alive || !matches(e, accountId, level)) return;
      setRows((rs) => (rs.some((r) => r.id === e.id) ? rs : [e, ...rs]));
      setTotal((n) => (n === null ? n : n + 1));
    });
    return () => {
      alive = false;
      off();
    };
  }, [accountId, level]);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await api.accounts.events({ accountId, level, offset: rows.length, limit: PAGE });
      setRows((rs) => {
        const seen = new Set(rs.map((r) => r.id));
        return [...rs, ...page.rows.filter((r) => !seen.has(r.id))];
      });
      setTotal(page.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const loading = loadedKey !== filterKey;
  return (
    <section className="activity" aria-labelledby="activity-title" data-testid="activity-log">
      <div className="row">
        <h2 id="activity-title" className="grow" style={{ margin: 0 }}>
          {t('activity.title')}
        </h2>
        <select className="filter-select" aria-label={t('activity.filter.account')} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('activity.filter.allAccounts')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <select aria-label={t('activity.filter.level')} value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
          <option value="all">{t('activity.filter.levelAll')}</option>
          <option value="warning">{t('activity.filter.levelWarning')}</option>
          <option value="error">{t('activity.filter.levelError')}</option>
        </select>
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
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
      {total !== null && rows.length > 0 && (
        <div className="row">
          <span className="muted small">{t('activity.showing', { shown: rows.length, total })}</span>
          {rows.length < total && (
            <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? t('common.loading') : t('activity.loadMore')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Messages people sent to the linked accounts, newest first; opt-outs are marked (and blacklisted). */
import { useEffect, useState } from 'react';
import type { IncomingMessage } from '../../src-shared/accounts';
import { t } from '../../src-shared/i18n';
import { formatPhoneInternational } from '../../src-shared/phone';
import { api, errorMessage, onEvent } from '../api';
import { Icon } from '../components/Icon';
import { formatFull, formatWhen } from '../format';
import { useAccounts } from '../stores/accounts';
import { useContactsView } from '../stores/contacts-view';
import { useInbox } from '../stores/inbox';
import { useNav } from '../stores/nav';

const PAGE = 50;

export function InboxPage() {
  const accounts = useAccounts((s) => s.accounts);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [optOutOnly, setOptOutOnly] = useState(false);
  const [rows, setRows] = useState<IncomingMessage[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const filterKey = `${accountId}:${optOutOnly}`;
  const [loadedKey, setLoadedKey] = useState<string | null>(null);

  // Opening the inbox reads what came in; while it is open, new messages are read as they arrive.
  useEffect(() => {
    useInbox.getState().markRead();
    return () => useInbox.getState().markRead();
  }, []);

  useEffect(() => {
    let alive = true;
    const key = `${accountId}:${optOutOnly}`;
    api.inbox.list({ accountId, optOutOnly, offset: 0, limit: PAGE }).then(
      (page) => {
        if (!alive) return;
        setRows(page.rows);
        setTotal(page.total);
        setError(null);
        setLoadedKey(key);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(errorMessage(e));
        setLoadedKey(key);
      },
    );
    const off = onEvent('inbox.received', (m) => {
      if (!alive) return;
      if ((accountId !== null && m.accountId !== accountId) || (optOutOnly && !m.optOut)) return;
      setRows((rs) => (rs.some((r) => r.id === m.id) ? rs : [m, ...rs]));
      setTotal((n) => (n === null ? n : n + 1));
    });
    return () => {
      alive = false;
      off();
    };
  }, [accountId, optOutOnly]);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await api.inbox.list({ accountId, optOutOnly, offset: rows.length, limit: PAGE });
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
  const filtered = accountId !== null || optOutOnly;
  return (
    <section className="page" aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        {total !== null && <span className="badge gray">{total.toLocaleString()}</span>}
        <span className="spacer" />
      </div>
      <p className="muted">{t('inbox.help')}</p>
      <div className="row">
        <select className="filter-select" aria-label={t('activity.filter.account')} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('activity.filter.allAccounts')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={optOutOnly} onChange={(e) => setOptOutOnly(e.target.checked)} />
          {t('inbox.optOutOnly')}
        </label>
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty" data-testid="inbox-empty">
          {loading ? t('common.loading') : filtered ? t('inbox.noMatch') : t('inbox.empty')}
        </p>
      ) : (
        <div className="panel flush" style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
          <table className="simple-table inbox-table" data-testid="inbox-table">
            <thead>
              <tr>
                <th style={{ inlineSize: 140 }}>{t('inbox.col.time')}</th>
                <th style={{ inlineSize: 150 }}>{t('inbox.col.account')}</th>
                <th style={{ inlineSize: 220 }}>{t('inbox.col.from')}</th>
                <th>{t('inbox.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <MessageRow key={m.id} message={m} />
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

function openContact(id: number) {
  useContactsView.getState().openDetail(id);
  useNav.getState().go('contacts');
}

function MessageRow({ message: m }: { message: IncomingMessage }) {
  const contactId = m.contactId;
  return (
    <tr data-testid="inbox-row" className={m.optOut ? 'optout' : undefined}>
      <td className="nowrap" title={formatFull(m.receivedAt)}>
        {formatWhen(m.receivedAt)}
      </td>
      <td>{m.accountLabel === null ? <span className="muted">{t('activity.noAccount')}</span> : <bdi>{m.accountLabel}</bdi>}</td>
      <td>
        <div className="phone">{formatPhoneInternational(m.fromPhone)}</div>
        {contactId !== null ? (
          <button type="button" className="link small" dir="auto" onClick={() => openContact(contactId)} title={t('inbox.openContact')}>
            {m.contactName || t('inbox.unnamedContact')}
          </button>
        ) : (
          <span className="muted small">{t('inbox.notAContact')}</span>
        )}
        {m.optOut && (
          <div>
            <span className="optout-badge" data-testid="optout-badge">
              <Icon name="block" size={13} />
              {t('inbox.optOutBadge')}
            </span>
          </div>
        )}
      </td>
      <td>
        <div className="message-text" dir="auto">
          {m.body}
        </div>
      </td>
    </tr>
  );
}

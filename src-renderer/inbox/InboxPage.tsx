/** Messages people sent to the linked accounts, newest first; opt-outs are marked (and blacklisted). */
import { useEffect, useState } from 'react';
import type { IncomingMessage } from '#shared/accounts';
import { formatNumber, t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { AccountFilter } from '#renderer/accounts/AccountFilter';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Icon } from '#renderer/ui/Icon';
import { PagedListFooter } from '#renderer/ui/PagedListFooter';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { usePagedLiveList } from '#renderer/ui/usePagedLiveList';
import { useContactsView } from '#renderer/contacts/view';
import { readInbox, useInbox } from './store';
import { useNav } from '#renderer/ui/nav';
import { contacts } from '#renderer/contacts/store';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import '#renderer/contacts/timeline.css';

export function InboxPage() {
  const [accountId, setAccountId] = useState<number | null>(null);
  const [optOutOnly, setOptOutOnly] = useState(false);

  // Opening the inbox reads what came in; while it is open, new messages are not counted as new
  // (stores/inbox.ts).
  useEffect(() => useInbox.getState().markRead(), []);

  const list = usePagedLiveList({
    filterKey: `${accountId}:${optOutOnly}`,
    read: (offset, limit) => readInbox({ accountId, optOutOnly, offset, limit }),
    event: 'inbox.received',
    matches: (m) => (accountId === null || m.accountId === accountId) && (!optOutOnly || m.optOut),
  });
  const { rows, total, error, loading } = list;
  const filtered = accountId !== null || optOutOnly;
  return (
    <section className="page" aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        {total !== null && <span className="badge gray">{formatNumber(total)}</span>}
        <span className="spacer" />
      </div>
      <p className="muted">{t('inbox.help')}</p>
      <div className="row">
        <AccountFilter value={accountId} onChange={setAccountId} />
        <label className="check">
          <input type="checkbox" checked={optOutOnly} onChange={(e) => setOptOutOnly(e.target.checked)} />
          {t('inbox.optOutOnly')}
        </label>
      </div>
      <ErrorText error={error} banner />
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
      <PagedListFooter list={list} />
    </section>
  );
}

function openContact(id: number) {
  useContactsView.getState().openDetail(id);
  useNav.getState().go('contacts');
}

/** Open the sender's timeline (their contact panel), blacklist or graylist them, or add them as a contact. */
function SenderActions({ message: m }: { message: IncomingMessage }) {
  const { run, busy } = useBusyAction({ failures: 'toast' });
  const [listed, setListed] = useState<'black' | 'gray' | null>(m.optOut ? 'black' : null);
  const contactId = m.contactId;
  const list = (kind: 'black' | 'gray') =>
    run(async () => {
      await contacts.setListing(m.fromPhone, kind);
      setListed(kind);
    });
  const add = () =>
    run(async () => {
      const c = await contacts.addSender(m.fromPhone);
      openContact(c.id);
    });
  return (
    <div className="inbox-actions small">
      {contactId !== null ? (
        <button type="button" className="link" data-testid="inbox-timeline" onClick={() => openContact(contactId)}>
          {t('inbox.timeline')}
        </button>
      ) : (
        <button type="button" className="link" data-testid="inbox-add-contact" disabled={busy} onClick={() => void add()}>
          {t('inbox.addContact')}
        </button>
      )}
      {listed === null || listed === 'gray' ? (
        <button type="button" className="link" data-testid="inbox-blacklist" disabled={busy} onClick={() => void list('black')}>
          {t('inbox.blacklist')}
        </button>
      ) : null}
      {listed === null ? (
        <button type="button" className="link" data-testid="inbox-graylist" disabled={busy} onClick={() => void list('gray')}>
          {t('inbox.graylist')}
        </button>
      ) : null}
      {listed !== null && !m.optOut && (
        <span className="muted" data-testid="inbox-listed">
          {t(listed === 'black' ? 'inbox.listed.black' : 'inbox.listed.gray')}
        </span>
      )}
    </div>
  );
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
        <SenderActions message={m} />
      </td>
    </tr>
  );
}

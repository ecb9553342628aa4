/**
 * "Send a test…": one draft's message to a number the operator types, through a ready account,
 * outside every campaign; the status line follows it (Sending… / Sent / Delivered / Read / Failed).
 */
import { useEffect, useMemo, useState } from 'react';
import { t } from '#shared/i18n';
import type { TestSend } from '#shared/test-sends';
import { isReady, useAccounts } from '#renderer/accounts/store';
import { ContactPicker, type PreviewContact } from '#renderer/drafts/ContactPicker';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { testSends, useTestSend } from './store';
import './test-sends.css';
import { TS_STATUS } from '#shared/i18n/keys';

function statusLine(test: TestSend): string {
  return test.status === 'failed' ? t('ts.status.failed', { reason: test.error ?? '' }) : t(TS_STATUS[test.status]);
}

export function TestSendDialog({ draftId, onClose }: { draftId: number; onClose: () => void }) {
  const accounts = useAccounts((s) => s.accounts);
  const ready = useMemo(() => accounts.filter(isReady), [accounts]);
  const [picked, setAccountId] = useState<number | null>(null);
  // The picked account while it stays ready, else the first ready one.
  const accountId = ready.find((a) => a.id === picked)?.id ?? ready[0]?.id ?? null;
  const [phone, setPhone] = useState('');
  const [contact, setContact] = useState<PreviewContact | null>(null);
  const current = useTestSend((s) => s.current);
  const { busy, error, run } = useBusyAction();

  useEffect(() => testSends.reset(), []);
  // The number typed last time for this account.
  useEffect(() => {
    if (accountId === null) return;
    let alive = true;
    testSends
      .lastPhone(accountId)
      .then((p) => alive && p !== null && setPhone(p))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [accountId]);

  const send = () => {
    if (accountId === null || busy) return;
    void run(() => testSends.send({ draftId, accountId, phone, contactId: contact?.id ?? null }));
  };
  const none: PreviewContact = { id: null, name: t('ts.contactNone'), phone: '', fields: [] };

  return (
    <Dialog
      title={t('ts.title')}
      onClose={onClose}
      testId="test-send-dialog"
      footer={
        <>
          {current && (
            <span className={`ts-status ts-${current.status}`} role="status" data-testid="test-send-status">
              {statusLine(current)}
            </span>
          )}
          <button type="button" onClick={onClose}>
            {t('ts.close')}
          </button>
          <button type="submit" form="test-send-form" className="primary" disabled={busy || accountId === null || phone.trim() === ''} data-testid="test-send-submit">
            {t('ts.send')}
          </button>
        </>
      }
    >
      <form
        id="test-send-form"
        className="ts-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <p className="muted small">{t('ts.intro')}</p>
        {ready.length === 0 ? (
          <p className="banner warn" data-testid="test-send-no-accounts">
            {t('ts.noAccounts')}
          </p>
        ) : (
          <label className="field">
            <span>{t('ts.account')}</span>
            <select value={accountId ?? ''} onChange={(e) => setAccountId(Number(e.target.value))} data-testid="test-send-account">
              {ready.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                  {a.phone ? ` (${a.phone})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('ts.phone')}</span>
          <input
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="+90 532 123 45 67"
            maxLength={40}
            autoFocus
            data-testid="test-send-phone"
          />
          <span className="muted small">{t('ts.phoneHint')}</span>
        </label>
        <div className="field">
          <span className="ts-label">{t('ts.contact')}</span>
          <div className="ts-contact">
            <ContactPicker contact={contact ?? none} onPick={setContact} noneLabel={t('ts.contactNone')} />
            {contact && (
              <button type="button" className="link" onClick={() => setContact(null)}>
                {t('ts.contactClear')}
              </button>
            )}
          </div>
        </div>
        <ErrorText error={error} />
      </form>
    </Dialog>
  );
}

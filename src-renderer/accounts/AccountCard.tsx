/** One WhatsApp account: its state, how to link it, and what can be done with it now. */
import { useState, type FormEvent } from 'react';
import type { Account, AccountState } from '#shared/accounts';
import { t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { formatDay, formatFull, formatWhen } from '#renderer/ui/format';
import { accounts } from './store';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Icon } from '#renderer/ui/Icon';
import { RenameForm } from '#renderer/ui/RenameForm';
import { DemoPhonePanel } from './DemoPhonePanel';
import { BreakerLine } from './BreakerLine';
import { StateBadge } from './StateBadge';
import { BudgetLine } from './BudgetLine';
import { WarmupLine } from './WarmupLine';

/** States from which Connect starts (or restarts) the client. */
const CAN_CONNECT: readonly AccountState[] = ['disconnected', 'failed', 'loggedOut', 'blocked'];
/** States in which the client runs (or is trying to), so Disconnect stops it. */
const RUNNING: readonly AccountState[] = ['starting', 'qr', 'pairing', 'authenticating', 'reconnecting', 'ready'];
const LINKING: readonly AccountState[] = ['starting', 'qr', 'pairing', 'authenticating'];

export function AccountCard({ account }: { account: Account }) {
  const [renaming, setRenaming] = useState(false);
  const [askPhone, setAskPhone] = useState(false);
  const { busy, error, run, confirmAndRun } = useConfirmDelete({ failures: 'keep' });

  const connect = (method: 'qr' | 'code', phone?: string) => run(() => accounts.connect(account.id, method, phone));
  const disconnect = () => run(() => accounts.disconnect(account.id));
  const unlink = () =>
    confirmAndRun(
      { title: t('accounts.unlink.title', { label: account.label }), body: t('accounts.unlink.body'), confirmLabel: t('accounts.unlink') },
      () => accounts.unlink(account),
    );
  const remove = () =>
    confirmAndRun(
      {
        title: t('accounts.remove.title', { label: account.label }),
        body: t(account.linked ? 'accounts.remove.bodyLinked' : 'accounts.remove.body'),
        confirmLabel: t('accounts.remove'),
      },
      () => accounts.remove(account),
    );

  const { state } = account;
  const canConnect = CAN_CONNECT.includes(state);
  const demo = account.driver === 'simulator';

  return (
    <article className="card account-card" data-testid="account-card" aria-label={account.label}>
      <header className="account-head">
        {renaming ? (
          <RenameForm
            className="grow"
            name={account.label}
            label={t('accounts.add.label')}
            maxLength={240}
            dir="auto"
            onSave={(label) => accounts.rename(account.id, label)}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <>
            <h3 className="grow">
              <bdi>{account.label}</bdi>
            </h3>
            <span className="tag">{t(demo ? 'wa.driver.simulator' : 'wa.driver.wweb')}</span>
            <StateBadge account={account} />
          </>
        )}
      </header>

      <StateBody account={account} />
      <BreakerLine accountId={account.id} />
      <BudgetLine account={account} />
      <WarmupLine accountId={account.id} />

      {account.note && (
        <p className="account-note small">
          <Icon name="info" size={14} />
          <span>{account.note}</span>
        </p>
      )}

      {canConnect && askPhone && (
        <PairByPhoneForm busy={busy} onCancel={() => setAskPhone(false)} onSubmit={(phone) => void connect('code', phone).then((ok) => ok && setAskPhone(false))} />
      )}

      <ErrorText error={error} />

      <div className="row">
        {canConnect && account.linked && (
          <button type="button" className="primary" disabled={busy} onClick={() => void connect('qr')}>
            {t('accounts.reconnect')}
          </button>
        )}
        {canConnect && !account.linked && !askPhone && (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void connect('qr')}>
              {t('accounts.linkQr')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAskPhone(true)}>
              {t('accounts.linkPhone')}
            </button>
          </>
        )}
        {RUNNING.includes(state) && (
          <button type="button" disabled={busy} onClick={() => void disconnect()}>
            {LINKING.includes(state) && !account.linked ? t('accounts.stopLinking') : t('accounts.disconnect')}
          </button>
        )}
        {account.linked && (
          <button type="button" disabled={busy} onClick={() => void unlink()}>
            {t('accounts.unlink')}
          </button>
        )}
        <span className="grow" />
        <button type="button" className="link" disabled={busy || renaming} onClick={() => setRenaming(true)}>
          {t('common.rename')}
        </button>
        <button type="button" className="link danger-link" disabled={busy} onClick={() => void remove()}>
          {t('accounts.remove')}
        </button>
      </div>

      <p className="muted small">
        <span title={formatFull(account.createdAt)}>{t('accounts.addedOn', { date: formatDay(account.createdAt) })}</span>
        {account.lastReadyAt && (
          <>
            {' · '}
            <span title={formatFull(account.lastReadyAt)}>{t('accounts.lastReady', { when: formatWhen(account.lastReadyAt) })}</span>
          </>
        )}
      </p>

      {demo && <DemoPhonePanel account={account} />}
    </article>
  );
}

/** What the state means for the user, and what to do: QR code, pairing code, own number, reason. */
function StateBody({ account }: { account: Account }) {
  const demo = account.driver === 'simulator';
  switch (account.state) {
    case 'qr':
      return (
        <div className="link-box">
          {account.qrSvg ? (
            <img
              className="qr"
              src={'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(account.qrSvg)}
              alt={t('accounts.qr.alt', { label: account.label })}
              width={220}
              height={220}
            />
          ) : (
            <div className="qr qr-wait">{t('common.loading')}</div>
          )}
          <div>
            <p>
              <strong>{t('accounts.qr.title')}</strong>
            </p>
            <ol className="steps-list">
              <li>{t('accounts.qr.step1')}</li>
              <li>{t('accounts.qr.step2')}</li>
              <li>{t('accounts.qr.step3')}</li>
            </ol>
            <p className="muted small">{t(demo ? 'accounts.qr.demoNote' : 'accounts.qr.note')}</p>
          </div>
        </div>
      );
    case 'pairing':
      return (
        <div className="link-box">
          <div>
            <p className="muted small">{t('accounts.pairing.title')}</p>
            <p className="pairing-code" data-testid="pairing-code" dir="ltr">
              {account.pairingCode ?? '…'}
            </p>
          </div>
          <ol className="steps-list">
            <li>{t('accounts.pairing.step1')}</li>
            <li>{t('accounts.pairing.step2')}</li>
            <li>{t('accounts.pairing.step3')}</li>
          </ol>
        </div>
      );
    case 'ready':
      return (
        <p className="account-identity" data-testid="account-identity">
          {t('accounts.connectedAs')}{' '}
          <strong className="phone">{account.phone ? formatPhoneInternational(account.phone) : '—'}</strong>
          {account.displayName && (
            <>
              {' '}
              <span className="muted" dir="auto">
                ({account.displayName})
              </span>
            </>
          )}
        </p>
      );
    case 'starting':
      return <p className="muted">{t(demo ? 'accounts.starting.demo' : 'accounts.starting.real')}</p>;
    case 'authenticating':
      return <p className="muted">{t('accounts.authenticating')}</p>;
    case 'reconnecting':
      return <p className="banner warn">{account.stateDetail ?? t('accounts.state.reconnecting')}</p>;
    case 'blocked':
      return (
        <div className="banner error">
          <p>{account.stateDetail ?? t('accounts.blocked.default')}</p>
          <p className="small">{t('accounts.blocked.help')}</p>
        </div>
      );
    case 'failed':
      return <p className="banner error">{account.stateDetail ?? t('accounts.failed.default')}</p>;
    case 'loggedOut':
      return <p className="muted">{t('accounts.loggedOut.help')}</p>;
    case 'disconnected':
      return <p className="muted">{t(account.linked ? 'accounts.disconnected.linked' : demo ? 'accounts.disconnected.demo' : 'accounts.disconnected.real')}</p>;
  }
}

function PairByPhoneForm(props: { busy: boolean; onSubmit: (phone: string) => void; onCancel: () => void }) {
  const [phone, setPhone] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (phone.trim() !== '') props.onSubmit(phone.trim());
  };
  return (
    <form className="panel inset" onSubmit={submit} aria-label={t('accounts.linkPhone')}>
      <label className="field">
        <span>{t('accounts.pairPhone.label')}</span>
        <input
          className="phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="+90 532 123 45 67"
          autoFocus
          maxLength={64}
        />
      </label>
      <p className="muted small">{t('accounts.pairPhone.help')}</p>
      <div className="row">
        <button type="submit" className="primary" disabled={props.busy || phone.trim() === ''}>
          {t('accounts.pairPhone.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

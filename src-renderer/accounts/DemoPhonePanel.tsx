/**
 * The demo account's pretend phone: make it scan, drop, get blocked, fail sends, lose the
 * confirmation of sends that arrived, answer STOP or leave messages undelivered at a rate, or
 * receive a message.
 */
import { useState, type FormEvent } from 'react';
import type { Account } from '#shared/accounts';
import type { MethodInput } from '#shared/contract';
import { t } from '#shared/i18n';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { accounts } from './store';
import { ErrorText } from '#renderer/ui/ErrorText';
import { DemoFaultForm } from './DemoFaultForm';

type Action = MethodInput<'accounts.simulate'>['action'];

export function DemoPhonePanel({ account }: { account: Account }) {
  const [open, setOpen] = useState(true);
  const [from, setFrom] = useState('');
  const [text, setText] = useState('');
  const { busy, error, run } = useBusyAction();
  const ready = account.state === 'ready';

  const simulate = (action: Action, done?: string): Promise<boolean> =>
    run(() => accounts.simulate(account.id, action, done));

  const receive = async (e: FormEvent) => {
    e.preventDefault();
    if (from.trim() === '' || text.trim() === '') return;
    if (await simulate({ kind: 'receive', from: from.trim(), text })) setText('');
  };

  return (
    <details className="demo-phone" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="demo-phone">
      <summary>{t('demo.title')}</summary>
      <p className="muted small">{t('demo.help')}</p>
      <div className="row">
        <button type="button" disabled={busy || account.state !== 'qr'} onClick={() => void simulate({ kind: 'scan' })}>
          {t('demo.scan')}
        </button>
        <button type="button" disabled={busy || !ready} onClick={() => void simulate({ kind: 'disconnect' })}>
          {t('demo.disconnect')}
        </button>
        <button type="button" disabled={busy || !ready} onClick={() => void simulate({ kind: 'block' })}>
          {t('demo.block')}
        </button>
      </div>
      <DemoFaultForm
        lead={t('demo.failSends.label')}
        countLabel={t('demo.failSends.count')}
        submit={t('demo.failSends.submit')}
        help={t('demo.failSends.help')}
        disabled={busy || !ready}
        onSubmit={(count) => void simulate({ kind: 'failSends', count }, t('demo.failSends.done', { count }))}
        testId="demo-fail-sends"
      />
      <DemoFaultForm
        lead={t('demo.loseConfirmations.label')}
        countLabel={t('demo.loseConfirmations.count')}
        submit={t('demo.loseConfirmations.submit')}
        help={t('demo.loseConfirmations.help')}
        disabled={busy || !ready}
        onSubmit={(count) => void simulate({ kind: 'loseConfirmations', count }, t('demo.loseConfirmations.done', { count }))}
        testId="demo-lose-confirmations"
      />
      <DemoFaultForm
        lead={t('demo.optOutRate.label')}
        countLabel={t('demo.optOutRate.count')}
        submit={t('demo.optOutRate.submit')}
        help={t('demo.optOutRate.help')}
        disabled={busy || !ready}
        min={0}
        max={100}
        initial={10}
        onSubmit={(percent) => void simulate({ kind: 'optOutRate', percent }, t('demo.optOutRate.done', { count: percent }))}
        testId="demo-opt-out-rate"
      />
      <DemoFaultForm
        lead={t('demo.undeliveredRate.label')}
        countLabel={t('demo.undeliveredRate.count')}
        submit={t('demo.undeliveredRate.submit')}
        help={t('demo.undeliveredRate.help')}
        disabled={busy || !ready}
        min={0}
        max={100}
        initial={50}
        onSubmit={(percent) => void simulate({ kind: 'undeliveredRate', percent }, t('demo.undeliveredRate.done', { count: percent }))}
        testId="demo-undelivered-rate"
      />
      <form onSubmit={(e) => void receive(e)} aria-label={t('demo.receive.title')}>
        <h4>{t('demo.receive.title')}</h4>
        <div className="row">
          <label className="field grow" style={{ minInlineSize: 150 }}>
            <span>{t('demo.receive.from')}</span>
            <input className="phone" type="tel" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="+90 532 123 45 67" maxLength={64} />
          </label>
          <label className="field grow" style={{ minInlineSize: 150 }}>
            <span>{t('demo.receive.text')}</span>
            <input value={text} onChange={(e) => setText(e.target.value)} dir="auto" maxLength={4096} placeholder={t('demo.receive.placeholder')} />
          </label>
        </div>
        <button type="submit" disabled={busy || !ready || from.trim() === '' || text.trim() === ''}>
          {t('demo.receive.submit')}
        </button>
      </form>
      <ErrorText error={error} />
    </details>
  );
}

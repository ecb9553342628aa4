/** Adds an account: a name for it and which kind (a demo phone to try things, or a real WhatsApp). */
import { useId, useState, type FormEvent } from 'react';
import type { DriverKind } from '#shared/accounts';
import { t } from '#shared/i18n';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { accounts } from './store';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';

export function AddAccountDialog(props: { initialKind: DriverKind; onClose: () => void }) {
  const formId = useId();
  const [label, setLabel] = useState('');
  const [driver, setDriver] = useState<DriverKind>(props.initialKind);
  const { busy, error, run } = useBusyAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const name = label.trim() || t(driver === 'simulator' ? 'accounts.add.defaultDemo' : 'accounts.add.defaultReal');
    if (await run(() => accounts.create(name, driver))) props.onClose();
  };

  return (
    <Dialog
      title={t('accounts.add.title')}
      onClose={props.onClose}
      testId="add-account-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="primary" disabled={busy}>
            {t('accounts.add.submit')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)}>
        <fieldset className="choice-list">
          <legend className="muted small">{t('accounts.add.kind')}</legend>
          <label className={driver === 'simulator' ? 'choice selected' : 'choice'}>
            <input type="radio" name="driver" checked={driver === 'simulator'} onChange={() => setDriver('simulator')} />
            <span>
              <strong>{t('wa.driver.simulator')}</strong>
              <span className="muted small">{t('accounts.add.demoHelp')}</span>
            </span>
          </label>
          <label className={driver === 'wweb' ? 'choice selected' : 'choice'}>
            <input type="radio" name="driver" checked={driver === 'wweb'} onChange={() => setDriver('wweb')} />
            <span>
              <strong>{t('wa.driver.wweb')}</strong>
              <span className="muted small">{t('accounts.add.realHelp')}</span>
            </span>
          </label>
        </fieldset>
        <label className="field">
          <span>{t('accounts.add.label')}</span>
          <input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t(driver === 'simulator' ? 'accounts.add.defaultDemo' : 'accounts.add.labelPlaceholder')}
            maxLength={240}
            dir="auto"
            autoFocus
          />
        </label>
        <ErrorText error={error} />
      </form>
    </Dialog>
  );
}

/** Adds an account: a name for it and which kind (a demo phone to try things, or a real WhatsApp). */
import { useState } from 'react';
import type { DriverKind } from '#shared/accounts';
import { t } from '#shared/i18n';
import { FormDialog } from '#renderer/ui/FormDialog';
import { accounts } from './store';

export function AddAccountDialog(props: { initialKind: DriverKind; onClose: () => void }) {
  const [label, setLabel] = useState('');
  const [driver, setDriver] = useState<DriverKind>(props.initialKind);

  const create = () => {
    const name = label.trim() || t(driver === 'simulator' ? 'accounts.add.defaultDemo' : 'accounts.add.defaultReal');
    return accounts.create(name, driver);
  };

  return (
    <FormDialog
      title={t('accounts.add.title')}
      onClose={props.onClose}
      onSubmit={create}
      submitLabel={t('accounts.add.submit')}
      testId="add-account-dialog"
    >
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
    </FormDialog>
  );
}

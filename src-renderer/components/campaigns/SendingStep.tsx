/** Step 3: the accounts that send, and how fast. */
import { t } from '../../../src-shared/i18n';
import { AccountPicker } from './AccountPicker';
import type { CampaignForm } from './model';
import { PaceEditor } from './PaceEditor';

export function SendingStep({ form, onChange }: { form: CampaignForm; onChange: (patch: Partial<CampaignForm>) => void }) {
  return (
    <>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.accounts.title')}</legend>
        <AccountPicker value={form.accountIds} onChange={(accountIds) => onChange({ accountIds })} />
      </fieldset>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.pace.title')}</legend>
        <p className="muted small">{t('campaigns.pace.help')}</p>
        <PaceEditor name="campaign-pace" value={form.pace} onChange={(pace) => onChange({ pace })} />
      </fieldset>
    </>
  );
}

/** Step 3: the accounts that send, and how fast. */
import { t } from '#shared/i18n';
import { useDrafts } from '#renderer/drafts/store';
import { AccountPicker } from './AccountPicker';
import type { CampaignForm } from './model';
import { PaceEditor } from './PaceEditor';

export function SendingStep({ form, onChange }: { form: CampaignForm; onChange: (patch: Partial<CampaignForm>) => void }) {
  const parts = useDrafts((s) => s.drafts.find((d) => d.id === form.draftId)?.parts.length);
  return (
    <>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.accounts.title')}</legend>
        <AccountPicker value={form.accountIds} onChange={(accountIds) => onChange({ accountIds })} />
      </fieldset>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.pace.title')}</legend>
        <p className="muted small">{t('campaigns.pace.help')}</p>
        <PaceEditor name="campaign-pace" value={form.pace} onChange={(pace) => onChange({ pace })} parts={parts} />
      </fieldset>
    </>
  );
}

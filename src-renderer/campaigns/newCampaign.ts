/**
 * Opening the form for a new campaign: from the Campaigns page, or from the Contacts page with the
 * people selected there as its audience.
 */
import { t } from '#shared/i18n';
import { ContactQuerySchema, type SelectionInput } from '#shared/filters';
import { useAccounts } from '#renderer/accounts/store';
import { openEditor, useCampaigns } from './store';
import { useDrafts } from '#renderer/drafts/store';
import { useSettings } from '#renderer/settings/store';
import { confirm } from '#renderer/ui/confirm';
import { newForm, type AudiencePreset } from './model';

/**
 * Opens a new, empty form (with `audience` filled in when given). A form open with changes not
 * saved is only replaced after asking; false when the user keeps it.
 */
export async function startNewCampaign(audience?: AudiencePreset): Promise<boolean> {
  const { view } = useCampaigns.getState();
  if (view.kind === 'edit' && view.editor.dirty) {
    const ok = await confirm({
      title: t('campaigns.form.leave.title'),
      body: t('campaigns.form.leave.body'),
      confirmLabel: t('campaigns.form.leave.confirm'),
    });
    if (!ok) return false;
  }
  const { accounts } = useAccounts.getState();
  const { drafts } = useDrafts.getState();
  const { settings } = useSettings.getState();
  const place = settings ? { place: { timezone: settings.timezone, workingDays: settings.workingDays } } : {};
  openEditor({ id: null, form: newForm({ accounts, drafts, now: Date.now(), ...(audience ? { audience } : {}), ...place }), step: 'message', dirty: false });
  return true;
}

/** The audience a Contacts page selection gives: its ids, or everyone its search/filter matches. */
export function audienceFromSelection(selection: SelectionInput): AudiencePreset {
  return selection.kind === 'ids' ? { contactIds: [...selection.ids] } : { query: ContactQuerySchema.parse(selection.query) };
}

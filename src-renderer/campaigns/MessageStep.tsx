/** Step 1: the campaign's name and the draft it sends. */
import { useId } from 'react';
import { t } from '#shared/i18n';
import { useDrafts } from '#renderer/drafts/store';
import { useNav } from '#renderer/ui/nav';
import { DraftSummary } from './DraftSummary';
import type { CampaignForm } from './model';

export function MessageStep({ form, onChange }: { form: CampaignForm; onChange: (patch: Partial<CampaignForm>) => void }) {
  const id = useId();
  const drafts = useDrafts((s) => s.drafts);
  const draftsLoaded = useDrafts((s) => s.loaded);
  const draft = drafts.find((d) => d.id === form.draftId);
  const pickDraft = (value: string) => {
    const next = drafts.find((d) => String(d.id) === value);
    const previous = drafts.find((d) => d.id === form.draftId);
    // A name still blank (or still the old draft's name) follows the draft.
    const followName = form.name.trim() === '' || form.name === previous?.name;
    onChange({ draftId: next ? next.id : null, ...(next && followName ? { name: next.name } : {}) });
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-draft`}>{t('campaigns.form.draft')}</label>
        {draftsLoaded && drafts.length === 0 ? (
          <div className="banner warn" data-testid="campaign-no-drafts">
            <p>{t('campaigns.draft.none')}</p>
            <button type="button" className="primary" onClick={() => useNav.getState().go('drafts')}>
              {t('campaigns.draft.goDrafts')}
            </button>
          </div>
        ) : (
          <select
            id={`${id}-draft`}
            value={form.draftId ?? ''}
            onChange={(e) => pickDraft(e.target.value)}
            data-testid="campaign-draft"
          >
            <option value="">{t('campaigns.draft.choose')}</option>
            {drafts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
        {form.draftId !== null && draftsLoaded && !draft && <p className="error-text small">{t('campaigns.draft.gone')}</p>}
        {draft && <DraftSummary parts={draft.parts} />}
        {drafts.length > 0 && (
          <span className="muted small">
            {t('campaigns.draft.help')}{' '}
            <button type="button" className="link" onClick={() => useNav.getState().go('drafts')}>
              {t('campaigns.draft.open')}
            </button>
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('campaigns.form.name')}</label>
        <input
          id={`${id}-name`}
          value={form.name}
          maxLength={100}
          dir="auto"
          placeholder={t('campaigns.form.namePlaceholder')}
          onChange={(e) => onChange({ name: e.target.value })}
          data-testid="campaign-name"
        />
      </div>
    </>
  );
}

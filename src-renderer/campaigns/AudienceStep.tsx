/** Step 2: who gets it (people picked on the Contacts page, groups, smart lists, pasted numbers) and who is left out. */
import { useId } from 'react';
import { t} from '#shared/i18n';
import { Icon } from '#renderer/ui/Icon';
import { AudienceCount } from './AudiencePreviewPanel';
import { NumberField } from './NumberField';
import type { CampaignForm } from './model';
import { contactsLabel, describeQuery, queryLabel, useQueryCount } from './selection';
import type { PreviewState } from './useAudiencePreview';
import { useGroups } from '#renderer/groups/store';
import { useLists } from '#renderer/lists/store';

type Props = { form: CampaignForm; onChange: (patch: Partial<CampaignForm>) => void; preview: PreviewState };

function toggled(ids: number[], id: number, on: boolean): number[] {
  return on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id);
}

/** Non-empty lines of the pasted text (main splits on commas and semicolons too). */
function pastedCount(text: string): number {
  return text.split(/[\n,;]+/).filter((line) => line.trim() !== '').length;
}

export function AudienceStep({ form, onChange, preview }: Props) {
  const id = useId();
  const groups = useGroups((s) => s.groups);
  const lists = useLists((s) => s.lists);
  const pasted = pastedCount(form.pasted);
  return (
    <>
      <PickedOnContacts form={form} onChange={onChange} />
      <div className="cmp-columns">
        <fieldset className="cmp-box">
          <legend>{t('campaigns.audience.groups')}</legend>
          {groups.length === 0 ? (
            <p className="muted small">{t('campaigns.audience.noGroups')}</p>
          ) : (
            <ul className="cmp-pick-list" data-testid="campaign-groups">
              {groups.map((g) => (
                <li key={g.id}>
                  <label className="check">
                    <input type="checkbox" checked={form.groupIds.includes(g.id)} onChange={(e) => onChange({ groupIds: toggled(form.groupIds, g.id, e.target.checked) })} />
                    <bdi className="grow">{g.name}</bdi>
                    <span className="muted small">{t('groups.members', { count: g.memberCount })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset className="cmp-box">
          <legend>{t('campaigns.audience.lists')}</legend>
          {lists.length === 0 ? (
            <p className="muted small">{t('campaigns.audience.noLists')}</p>
          ) : (
            <ul className="cmp-pick-list" data-testid="campaign-lists">
              {lists.map((l) => (
                <li key={l.id}>
                  <label className="check">
                    <input type="checkbox" checked={form.listIds.includes(l.id)} onChange={(e) => onChange({ listIds: toggled(form.listIds, l.id, e.target.checked) })} />
                    <bdi className="grow">{l.name}</bdi>
                    <span className="muted small">{t('contacts.count', { count: l.count })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pasted`}>{t('campaigns.audience.pasted')}</label>
        <textarea
          id={`${id}-pasted`}
          rows={4}
          dir="ltr"
          value={form.pasted}
          placeholder={'+90 532 111 00 01\n+90 532 111 00 02'}
          aria-describedby={`${id}-pasted-help`}
          onChange={(e) => onChange({ pasted: e.target.value })}
          data-testid="campaign-pasted"
        />
        <span id={`${id}-pasted-help`} className="muted small">
          {t('campaigns.audience.pastedHelp')}
          {pasted > 0 && <strong> · {t('campaigns.audience.pastedCount', { count: pasted })}</strong>}
        </span>
      </div>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.exclusions.title')}</legend>
        <p className="cmp-always small">
          <Icon name="block" size={14} /> {t('campaigns.exclusions.blacklist')}
        </p>
        <label className="check">
          <input type="checkbox" checked={form.includeGraylist} onChange={(e) => onChange({ includeGraylist: e.target.checked })} data-testid="exclude-graylist" />
          {t('campaigns.exclusions.graylist')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.skipNotOnWhatsApp} onChange={(e) => onChange({ skipNotOnWhatsApp: e.target.checked })} data-testid="exclude-not-on-whatsapp" />
          {t('campaigns.exclusions.notOnWhatsApp')}
        </label>
        <div className="check cmp-line">
          <input
            id={`${id}-recent`}
            type="checkbox"
            checked={form.skipRecent}
            onChange={(e) => onChange({ skipRecent: e.target.checked })}
            data-testid="exclude-recent"
          />
          <label htmlFor={`${id}-recent`}>{t('campaigns.exclusions.recent')}</label>
          <NumberField
            label={t('campaigns.exclusions.recentHours')}
            value={form.recentHours}
            integer
            min={1}
            max={24 * 365}
            disabled={!form.skipRecent}
            unit={t('campaigns.unit.hours')}
            onChange={(recentHours) => onChange({ recentHours })}
            testId="exclude-recent-hours"
          />
        </div>
      </fieldset>
      <fieldset className="cmp-box">
        <legend>{t('audience.order.title')}</legend>
        <label className="check">
          <input type="checkbox" checked={form.warmFirst === true} onChange={(e) => onChange({ warmFirst: e.target.checked })} data-testid="audience-warm-first" />
          {t('audience.order.warmFirst')}
        </label>
        <p className="muted small">{t('audience.order.warmFirst.hint')}</p>
      </fieldset>
      <AudienceCount state={preview} />
    </>
  );
}

/** The selection brought from the Contacts page, each a line that can be removed (or a tip when none). */
function PickedOnContacts({ form, onChange }: Pick<Props, 'form' | 'onChange'>) {
  const groups = useGroups((s) => s.groups);
  const lists = useLists((s) => s.lists);
  const queryCount = useQueryCount(form.query);
  const items: { key: string; text: string; remove: () => void }[] = [];
  if (form.contactIds.length > 0) {
    items.push({ key: 'ids', text: contactsLabel(form.contactIds.length), remove: () => onChange({ contactIds: [] }) });
  }
  if (form.query) {
    const text = queryLabel(describeQuery(form.query, groups, lists), queryCount);
    items.push({ key: 'query', text, remove: () => onChange({ query: null }) });
  }
  if (items.length === 0) return <p className="muted small cmp-pick-hint">{t('campaigns.audience.pickHint')}</p>;
  return (
    <fieldset className="cmp-box">
      <legend>{t('campaigns.audience.picked')}</legend>
      <ul className="cmp-picked" data-testid="audience-picked">
        {items.map((item) => (
          <li key={item.key} className="cmp-picked-item" data-testid="audience-picked-item">
            <Icon name="check" size={14} />
            <bdi className="grow">{item.text}</bdi>
            <button
              type="button"
              className="link"
              onClick={item.remove}
              aria-label={t('campaigns.audience.removeWhat', { what: item.text })}
              data-testid="audience-picked-remove"
            >
              {t('campaigns.audience.remove')}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small cmp-picked-help">{t('campaigns.audience.pickedHelp')}</p>
    </fieldset>
  );
}

/** Smart lists: saved filters with live counts, a filter builder, and a jump to the matching contacts. */
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { readNumber } from '#shared/digits';
import { emptyFilter, emptyQuery, type FieldCondition, type SmartFilter } from '#shared/filters';
import { formatNumber, t } from '#shared/i18n';
import { CheckButton } from '#renderer/checks/CheckButton';
import { useContactFacts } from '#renderer/contacts/store';
import { useContactsView } from '#renderer/contacts/view';
import { useGroups } from '#renderer/groups/store';
import { useCampaigns } from '#renderer/campaigns/store';
import { errorMessage } from '#renderer/ui/api';
import { DateField } from '#renderer/ui/DateField';
import { FormDialog } from '#renderer/ui/FormDialog';
import { formatWallDay } from '#renderer/ui/format';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';
import { useNav } from '#renderer/ui/nav';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { lists as listActions, useLists, type ListWithCount } from './store';
import { LISTS_GROUP_MATCH, LISTS_OP, LISTS_OUTCOME, LISTS_TAG_MATCH, WA_STATUS } from '#shared/i18n/keys';

/** The editor is closed, open for a new list, or open on an existing one. */
type Editing = null | 'new' | ListWithCount;

const OPS: FieldCondition['op'][] = ['equals', 'notEquals', 'contains', 'isEmpty', 'isNotEmpty'];
const opNeedsValue = (op: FieldCondition['op']) => op !== 'isEmpty' && op !== 'isNotEmpty';

export function ListsPage() {
  const { lists, loading } = useLists();
  useEffect(() => void listActions.load(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const close = useCallback(() => setEditing(null), []);
  return (
    <section className="page" aria-labelledby="lists-title">
      <div className="page-head">
        <h1 id="lists-title">{t('lists.title')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="list-new">
          {t('lists.new')}
        </button>
      </div>
      <p className="muted">{t('lists.help')}</p>
      {lists.length === 0 ? (
        <p className="empty">{loading ? t('common.loading') : t('lists.empty')}</p>
      ) : (
        <div className="cards" data-testid="lists">
          {lists.map((list) => (
            <ListCard key={list.id} list={list} onEdit={() => setEditing(list)} />
          ))}
        </div>
      )}
      {editing !== null && <ListEditor list={editing === 'new' ? null : editing} onClose={close} />}
    </section>
  );
}

function ListCard({ list, onEdit }: { list: ListWithCount; onEdit: () => void }) {
  const { busy, confirmAndRun } = useConfirmDelete();
  const show = () => {
    useContactsView.getState().showList(list.id);
    useNav.getState().go('contacts');
  };
  const remove = () =>
    confirmAndRun(
      { title: t('lists.confirmDelete.title', { name: list.name }), body: t('lists.confirmDelete.body'), confirmLabel: t('common.delete') },
      () => listActions.remove(list),
    );
  return (
    <article className="card" data-testid="list-card" aria-label={list.name}>
      <h3>{list.name}</h3>
      <span className="muted">{t('contacts.count', { count: list.count })}</span>
      <FilterSummary filter={list.filter} />
      <div className="row">
        <button type="button" className="primary" onClick={show}>
          {t('lists.open')}
        </button>
        <CheckButton
          query={{ ...emptyQuery(), listId: list.id }}
          count={list.count}
          description={t('checks.scope.list', { count: list.count, name: list.name })}
        />
        <button type="button" onClick={onEdit} disabled={busy}>
          {t('lists.edit')}
        </button>
        <button type="button" onClick={() => void remove()} disabled={busy}>
          {t('common.delete')}
        </button>
      </div>
    </article>
  );
}

/** A few short lines saying what a list's filter asks for. */
function FilterSummary({ filter }: { filter: SmartFilter }) {
  const groups = useGroups((s) => s.groups);
  const groupName = (id: number) => groups.find((g) => g.id === id)?.name ?? `#${id}`;
  const lines: { label: string; text: string }[] = [];
  if (filter.groupIds.length > 0) {
    lines.push({
      label: t('lists.inGroups'),
      text: `${filter.groupIds.map(groupName).join(', ')} (${t(LISTS_GROUP_MATCH[filter.groupMatch])})`,
    });
  }
  if (filter.tags.length > 0) {
    lines.push({ label: t('lists.withTags'), text: `${filter.tags.join(', ')} (${t(LISTS_TAG_MATCH[filter.tagMatch])})` });
  }
  for (const c of filter.fields) {
    const op = t(LISTS_OP[c.op]);
    lines.push({ label: c.key, text: opNeedsValue(c.op) ? `${op} “${c.value}”` : op });
  }
  if (filter.createdFrom) lines.push({ label: t('lists.createdFrom'), text: formatWallDay(filter.createdFrom) });
  if (filter.createdTo) lines.push({ label: t('lists.createdTo'), text: formatWallDay(filter.createdTo) });
  if (filter.whatsapp !== 'any') lines.push({ label: t('contacts.col.whatsapp'), text: t(WA_STATUS[filter.whatsapp]) });
  if (filter.campaign) lines.push({ label: t('lists.outcome'), text: outcomeText(filter.campaign) });
  if (lines.length === 0) return null;
  return (
    <ul className="muted small" style={{ margin: 0, paddingInlineStart: 18 }}>
      {lines.map((line, i) => (
        <li key={i}>
          {line.label}: {line.text}
        </li>
      ))}
    </ul>
  );
}

type Outcome = NonNullable<SmartFilter['campaign']>;
const OUTCOMES: Outcome['outcome'][] = ['received', 'read', 'replied', 'failed', 'never'];

function outcomeText(c: Outcome): string {
  const name = c.campaignId === null ? t('lists.outcome.anyCampaign') : (useCampaigns.getState().campaigns.find((k) => k.id === c.campaignId)?.name ?? `#${c.campaignId}`);
  const parts = [t(LISTS_OUTCOME[c.outcome]), name];
  if (c.withinDays !== null) parts.push(t('lists.outcome.withinDays', { days: c.withinDays }));
  return parts.join(' · ');
}

/** Campaign outcome: received / read / replied / failed / never messaged, for one campaign or any, within N days. */
function OutcomePicker(props: { value: Outcome | undefined; onChange: (v: Outcome | undefined) => void }) {
  const all = useCampaigns((s) => s.campaigns);
  const started = all.filter((c) => c.status !== 'draft' && c.status !== 'scheduled');
  useEffect(() => {
    void useCampaigns.getState().refresh();
  }, []);
  const v = props.value;
  const set = (p: Partial<Outcome>) => props.onChange({ outcome: 'received', campaignId: null, withinDays: null, ...v, ...p });
  return (
    <div className="row" data-testid="list-outcome">
      <label className="field">
        <span>{t('lists.outcome')}</span>
        <select
          value={v?.outcome ?? ''}
          onChange={(e) => (e.target.value === '' ? props.onChange(undefined) : set({ outcome: e.target.value as Outcome['outcome'] }))}
          data-testid="list-outcome-kind"
        >
          <option value="">{t('lists.outcome.any')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(LISTS_OUTCOME[o])}
            </option>
          ))}
        </select>
      </label>
      {v && (
        <>
          <label className="field">
            <span>{t('lists.outcome.campaign')}</span>
            <select value={v.campaignId ?? ''} onChange={(e) => set({ campaignId: e.target.value === '' ? null : Number(e.target.value) })} data-testid="list-outcome-campaign">
              <option value="">{t('lists.outcome.anyCampaign')}</option>
              {started.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('lists.outcome.days')}</span>
            <NumberInput
              integer
              min={1}
              max={3650}
              style={{ inlineSize: 90 }}
              value={v.withinDays === null ? '' : numberText(v.withinDays)}
              placeholder={t('lists.outcome.anyTime')}
              onChange={(text) => {
                const n = readNumber(text);
                if (text.trim() === '') set({ withinDays: null });
                else if (n !== null) set({ withinDays: Math.min(3650, Math.max(1, Math.round(n))) });
              }}
              data-testid="list-outcome-days"
            />
          </label>
        </>
      )}
    </div>
  );
}

type Condition = FieldCondition & { uid: number };
let nextUid = 1;
const withUid = (c: FieldCondition): Condition => ({ ...c, uid: nextUid++ });

/** The filter a dialog edits, without its field conditions (kept apart so each row has a stable key). */
type BaseFilter = Omit<SmartFilter, 'fields'>;

function ListEditor({ list, onClose }: { list: ListWithCount | null; onClose: () => void }) {
  const [name, setName] = useState(list?.name ?? '');
  const ids = useId();
  const [base, setBase] = useState<BaseFilter>(() => {
    const f = list?.filter ?? emptyFilter();
    return {
      groupIds: f.groupIds,
      groupMatch: f.groupMatch,
      tags: f.tags,
      tagMatch: f.tagMatch,
      createdFrom: f.createdFrom,
      createdTo: f.createdTo,
      whatsapp: f.whatsapp,
      ...(f.campaign ? { campaign: f.campaign } : {}),
    };
  });
  const [conditions, setConditions] = useState<Condition[]>(() => (list?.filter.fields ?? []).map(withUid));

  const filter = useMemo<SmartFilter>(
    () => ({
      ...base,
      fields: conditions
        .filter((c) => c.key.trim() !== '')
        .map((c) => ({ key: c.key.trim(), op: c.op, value: opNeedsValue(c.op) ? c.value : '' })),
    }),
    [base, conditions],
  );

  const patch = (p: Partial<BaseFilter>) => setBase((b) => ({ ...b, ...p }));
  const updateCondition = (uid: number, p: Partial<FieldCondition>) =>
    setConditions((cs) => cs.map((c) => (c.uid === uid ? { ...c, ...p } : c)));

  return (
    <FormDialog
      title={list ? t('lists.editTitle') : t('lists.new')}
      onClose={onClose}
      wide
      testId="list-editor"
      footerStart={
        <>
          <MatchCount filter={filter} />
          <span className="grow" />
        </>
      }
      validate={() => (name.trim() === '' ? t('lists.nameRequired') : null)}
      onSubmit={() => listActions.save(list?.id ?? null, name, filter)}
      submitLabel={t('common.save')}
      busyLabel={t('common.loading')}
    >
      {({ error }) => (
        <>
          <label className="field">
            <span>{t('lists.name')}</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={400}
              autoFocus
              aria-invalid={error ? true : undefined}
              data-testid="list-name"
            />
          </label>
          <GroupPicker base={base} onChange={patch} />
          <TagPicker base={base} onChange={patch} />
          <ConditionsEditor
            conditions={conditions}
            onAdd={() => setConditions((cs) => [...cs, withUid({ key: '', op: 'equals', value: '' })])}
            onChange={updateCondition}
            onRemove={(uid) => setConditions((cs) => cs.filter((c) => c.uid !== uid))}
          />
          <OutcomePicker value={base.campaign} onChange={(campaign) => setBase(({ campaign: _old, ...b }) => (campaign ? { ...b, campaign } : b))} />
          <div className="row">
            <label className="field">
              <span>{t('lists.whatsapp')}</span>
              <select value={base.whatsapp} onChange={(e) => patch({ whatsapp: e.target.value as BaseFilter['whatsapp'] })} data-testid="list-whatsapp">
                <option value="any">{t('lists.whatsapp.any')}</option>
                <option value="yes">{t('waStatus.yes')}</option>
                <option value="no">{t('waStatus.no')}</option>
                <option value="unknown">{t('waStatus.unknown')}</option>
              </select>
            </label>
            <div className="field">
              <label htmlFor={`${ids}-from`}>{t('lists.createdFrom')}</label>
              <DateField
                id={`${ids}-from`}
                value={base.createdFrom ?? ''}
                max={base.createdTo ?? undefined}
                onChange={(day) => day !== null && patch({ createdFrom: day || null })}
                testId="list-created-from"
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-to`}>{t('lists.createdTo')}</label>
              <DateField
                id={`${ids}-to`}
                value={base.createdTo ?? ''}
                min={base.createdFrom ?? undefined}
                onChange={(day) => day !== null && patch({ createdTo: day || null })}
                testId="list-created-to"
              />
            </div>
          </div>
        </>
      )}
    </FormDialog>
  );
}

/** The number of contacts the filter matches right now, re-counted shortly after each change. */
function MatchCount({ filter }: { filter: SmartFilter }) {
  const key = JSON.stringify(filter);
  const [result, setResult] = useState<{ key: string; total: number | null; error: string | null } | null>(null);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      const parsed = JSON.parse(key) as SmartFilter;
      listActions.count(parsed).then(
        (total) => {
          if (alive) setResult({ key, total, error: null });
        },
        (e: unknown) => {
          if (alive) setResult({ key, total: null, error: errorMessage(e) });
        },
      );
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key]);
  const stale = result?.key !== key;
  let text: string;
  if (!result) text = t('lists.counting');
  else if (result.error !== null) text = result.error;
  else text = t('lists.matches', { count: result.total ?? 0 });
  return (
    <span
      className={result?.error ? 'error-text' : 'muted'}
      style={{ opacity: stale && result ? 0.6 : 1, alignSelf: 'center' }}
      role="status"
      aria-live="polite"
      data-testid="list-match-count"
    >
      {text}
    </span>
  );
}

function Fieldset(props: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="panel" style={{ marginBlockEnd: 10 }}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

const scrollBox = { maxBlockSize: 180, overflow: 'auto' } as const;

function toggle<T>(values: T[], value: T, on: boolean): T[] {
  return on ? (values.includes(value) ? values : [...values, value]) : values.filter((v) => v !== value);
}

function MatchSelect(props: { value: 'any' | 'all'; label: string; kind: 'group' | 'tag'; onChange: (v: 'any' | 'all') => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value === 'all' ? 'all' : 'any')}>
      <option value="any">{t(props.kind === 'group' ? 'lists.groupMatch.any' : 'lists.tagMatch.any')}</option>
      <option value="all">{t(props.kind === 'group' ? 'lists.groupMatch.all' : 'lists.tagMatch.all')}</option>
    </select>
  );
}

function GroupPicker({ base, onChange }: { base: BaseFilter; onChange: (p: Partial<BaseFilter>) => void }) {
  const groups = useGroups((s) => s.groups);
  // Ids of groups deleted since the list was saved still show, so they can be unticked.
  const known = new Set(groups.map((g) => g.id));
  const options = [
    ...groups.map((g) => ({ id: g.id, name: g.name })),
    ...base.groupIds.filter((id) => !known.has(id)).map((id) => ({ id, name: `#${id}` })),
  ];
  return (
    <Fieldset
      legend={
        <span className="row">
          {t('lists.inGroups')}
          <MatchSelect
            kind="group"
            label={t('lists.inGroups')}
            value={base.groupMatch}
            onChange={(groupMatch) => onChange({ groupMatch })}
          />
        </span>
      }
    >
      {options.length === 0 ? (
        <p className="muted">{t('lists.noGroups')}</p>
      ) : (
        <div style={scrollBox}>
          {options.map((g) => (
            <label key={g.id} className="check">
              <input
                type="checkbox"
                checked={base.groupIds.includes(g.id)}
                onChange={(e) => onChange({ groupIds: toggle(base.groupIds, g.id, e.target.checked) })}
              />
              {g.name}
            </label>
          ))}
        </div>
      )}
    </Fieldset>
  );
}

function TagPicker({ base, onChange }: { base: BaseFilter; onChange: (p: Partial<BaseFilter>) => void }) {
  const tags = useContactFacts((s) => s.tags);
  const known = new Set(tags.map((x) => x.tag));
  const options: { tag: string; count: number | null }[] = [
    ...tags.map((x) => ({ tag: x.tag, count: x.count })),
    ...base.tags.filter((tag) => !known.has(tag)).map((tag) => ({ tag, count: null })),
  ];
  return (
    <Fieldset
      legend={
        <span className="row">
          {t('lists.withTags')}
          <MatchSelect kind="tag" label={t('lists.withTags')} value={base.tagMatch} onChange={(tagMatch) => onChange({ tagMatch })} />
        </span>
      }
    >
      {options.length === 0 ? (
        <p className="muted">{t('lists.noTags')}</p>
      ) : (
        <div style={scrollBox}>
          {options.map((x) => (
            <label key={x.tag} className="check">
              <input
                type="checkbox"
                checked={base.tags.includes(x.tag)}
                onChange={(e) => onChange({ tags: toggle(base.tags, x.tag, e.target.checked) })}
              />
              <span className="tag">{x.tag}</span>
              {x.count !== null && <span className="muted small">{formatNumber(x.count)}</span>}
            </label>
          ))}
        </div>
      )}
    </Fieldset>
  );
}

function ConditionsEditor(props: {
  conditions: Condition[];
  onAdd: () => void;
  onChange: (uid: number, p: Partial<FieldCondition>) => void;
  onRemove: (uid: number) => void;
}) {
  const fieldKeys = useContactFacts((s) => s.fieldKeys);
  const listId = useId();
  return (
    <Fieldset legend={t('lists.fieldConditions')}>
      <datalist id={listId}>
        {fieldKeys.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {props.conditions.map((c) => (
        <div key={c.uid} className="row" style={{ marginBlockEnd: 6 }} data-testid="list-condition">
          <input
            list={listId}
            value={c.key}
            onChange={(e) => props.onChange(c.uid, { key: e.target.value })}
            placeholder={t('lists.fieldKey')}
            aria-label={t('lists.fieldKey')}
            maxLength={64}
          />
          <select
            value={c.op}
            aria-label={t('lists.operator')}
            onChange={(e) => {
              const op = OPS.find((o) => o === e.target.value);
              if (op) props.onChange(c.uid, { op });
            }}
          >
            {OPS.map((op) => (
              <option key={op} value={op}>
                {t(LISTS_OP[op])}
              </option>
            ))}
          </select>
          {opNeedsValue(c.op) && (
            <input
              className="grow"
              value={c.value}
              onChange={(e) => props.onChange(c.uid, { value: e.target.value })}
              placeholder={t('lists.fieldValue')}
              aria-label={t('lists.fieldValue')}
              maxLength={500}
            />
          )}
          <button type="button" className="icon" aria-label={t('lists.removeCondition')} title={t('lists.removeCondition')} onClick={() => props.onRemove(c.uid)}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={props.onAdd} disabled={props.conditions.length >= 20}>
        {t('lists.addCondition')}
      </button>
    </Fieldset>
  );
}

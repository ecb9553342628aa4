/** The side panel: view and edit one contact, or write a new one. */
import { useEffect, useState, type FormEvent } from 'react';
import type { ContactDetail as Detail, FieldPairs } from '#shared/domain';
import { t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { formatDateTime } from '#renderer/ui/format';
import { splitTags } from '#shared/text';
import { useGroups } from '#renderer/groups/store';
import { errorMessage } from '#renderer/ui/api';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { contacts } from './store';
import { WaStatusMark } from './WaStatus';
import { ContactTimeline } from './ContactTimeline';
import './timeline.css';

type Draft = { phone: string; name: string; tags: string; note: string; fields: FieldPairs };

const emptyDraft = (): Draft => ({ phone: '', name: '', tags: '', note: '', fields: [] });

function toDraft(c: Detail): Draft {
  return { phone: formatPhoneInternational(c.phone), name: c.name, tags: c.tags.join(', '), note: c.note, fields: c.fields };
}

/** Blacklist / graylist / neither, for this one person (by hand). */
function ListToggles(props: { contact: Detail; onChanged: () => void }) {
  const { run, busy } = useBusyAction({ failures: 'toast' });
  const current = props.contact.suppression;
  const set = (kind: 'black' | 'gray' | null) =>
    run(async () => {
      if (kind === current) return;
      await contacts.setListing(props.contact.phone, kind);
      props.onChanged();
    });
  return (
    <div className="row small" style={{ marginBlockEnd: 8 }}>
      <span className="muted">{t('timeline.list.label')}:</span>
      <div className="listing" role="group" aria-label={t('timeline.list.label')} data-testid="detail-listing">
        <button type="button" aria-pressed={current === null} disabled={busy} onClick={() => void set(null)}>
          {t('timeline.list.none')}
        </button>
        <button type="button" aria-pressed={current === 'gray'} disabled={busy} onClick={() => void set('gray')}>
          {t('timeline.list.gray')}
        </button>
        <button type="button" aria-pressed={current === 'black'} disabled={busy} onClick={() => void set('black')}>
          {t('timeline.list.black')}
        </button>
      </div>
    </div>
  );
}

/** The contact's groups: remove with ×, add from the list of the others. */
function ContactGroups(props: { contact: Detail; onChanged: (c: Detail) => void }) {
  const groups = useGroups((s) => s.groups);
  const { contact } = props;
  const others = groups.filter((g) => !contact.groups.some((m) => m.id === g.id));
  const { run } = useBusyAction({ failures: 'toast' });
  const change = (groupId: number, action: 'add' | 'remove') =>
    run(async () => props.onChanged(await contacts.setGroupMember(contact.id, groupId, action === 'add')));
  return (
    <div className="row" style={{ marginBlockEnd: 8 }} data-testid="detail-groups">
      {contact.groups.length === 0 && <span className="muted">{t('detail.noGroups')}</span>}
      {contact.groups.map((g) => (
        <span key={g.id} className="tag">
          {g.name}
          <button type="button" className="icon" aria-label={t('detail.removeFromGroup', { group: g.name })} onClick={() => void change(g.id, 'remove')}>
            ×
          </button>
        </span>
      ))}
      {others.length > 0 && (
        <select
          aria-label={t('detail.addToGroup')}
          value=""
          onChange={(e) => e.target.value !== '' && void change(Number(e.target.value), 'add')}
          data-testid="detail-add-group"
        >
          <option value="">{t('detail.addToGroup')}</option>
          {others.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

export function ContactDetail(props: { id: number | 'new'; onClose: () => void; onSaved: (id: number) => void }) {
  const [contact, setContact] = useState<Detail | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const { busy, error, setError, run } = useBusyAction();
  const { confirmAndRun } = useConfirmDelete();
  const [version, setVersion] = useState(0);
  const { id } = props;
  const reload = () => {
    if (id === 'new') return;
    void contacts.get(id).then((c) => {
      setContact(c);
      setVersion((v) => v + 1);
    }, (e: unknown) => setError(errorMessage(e)));
  };

  // The parent remounts this panel for each contact (key), so state starts fresh; this only loads.
  useEffect(() => {
    if (id === 'new') return;
    let alive = true;
    contacts
      .get(id)
      .then((c) => {
        if (!alive) return;
        setContact(c);
        setDraft(toDraft(c));
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [id, setError]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const payload = {
      phone: draft.phone,
      name: draft.name,
      note: draft.note,
      tags: splitTags(draft.tags),
      fields: draft.fields.filter(([k]) => k.trim() !== ''),
    };
    await run(async () => {
      const saved = await contacts.save(id, payload);
      setContact(saved);
      setDraft(toDraft(saved));
      setVersion((v) => v + 1);
      props.onSaved(saved.id);
    });
  };

  const remove = async () => {
    if (!contact) return;
    const question = { title: t('contacts.confirmDelete.title', { count: 1 }), body: t('contacts.confirmDelete.body'), confirmLabel: t('common.delete') };
    if (await confirmAndRun(question, () => contacts.removeOne(contact.id))) props.onClose();
  };

  const setField = (index: number, part: 0 | 1, value: string) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((pair, i) => (i === index ? (part === 0 ? [value, pair[1]] : [pair[0], value]) : pair)),
    }));

  return (
    <aside className="panel detail" aria-label={t('detail.title')} data-testid="contact-detail">
      <form onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
        <div className="row">
          <h2 className="grow">{id === 'new' ? t('contacts.new') : contact?.name || t('detail.title')}</h2>
          <button type="button" className="icon" aria-label={t('common.close')} onClick={props.onClose}>
            ×
          </button>
        </div>
        {contact?.suppression && (
          <p className={`banner ${contact.suppression === 'black' ? 'error' : 'warn'}`}>
            {t(contact.suppression === 'black' ? 'detail.status.black' : 'detail.status.gray', { reason: contact.suppressionReason || '—' })}
          </p>
        )}
        <label className="field">
          <span>{t('detail.phone')}</span>
          <input className="phone" data-testid="detail-phone" value={draft.phone} required onChange={(e) => setDraft({ ...draft, phone: e.target.value })} autoFocus={id === 'new'} />
        </label>
        {contact && (
          <p className="small" data-testid="detail-whatsapp">
            <span className="muted">{t('contacts.col.whatsapp')}:</span> <WaStatusMark status={contact.waStatus} checkedAt={contact.waCheckedAt} long />
          </p>
        )}
        {contact && <ListToggles contact={contact} onChanged={reload} />}
        <label className="field">
          <span>{t('detail.name')}</span>
          <input dir="auto" data-testid="detail-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('detail.tags')}</span>
          <input dir="auto" data-testid="detail-tags" value={draft.tags} onChange={(e) => setDraft({ ...draft, tags: e.target.value })} />
        </label>
        <h3>{t('detail.fields')}</h3>
        {draft.fields.map(([key, value], i) => (
          <div className="row" key={i} style={{ marginBlockEnd: 6 }}>
            <input aria-label={t('detail.fieldName')} placeholder={t('detail.fieldName')} value={key} style={{ inlineSize: 110 }} onChange={(e) => setField(i, 0, e.target.value)} />
            <input aria-label={t('detail.fieldValue')} placeholder={t('detail.fieldValue')} dir="auto" className="grow" value={value} onChange={(e) => setField(i, 1, e.target.value)} />
            <button type="button" className="icon" aria-label={t('common.remove')} onClick={() => setDraft((d) => ({ ...d, fields: d.fields.filter((_, j) => j !== i) }))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link" onClick={() => setDraft((d) => ({ ...d, fields: [...d.fields, ['', '']] }))}>
          + {t('detail.addField')}
        </button>
        <label className="field" style={{ marginBlockStart: 10 }}>
          <span>{t('detail.note')}</span>
          <textarea dir="auto" rows={3} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        </label>
        {contact && (
          <>
            <h3>{t('detail.groups')}</h3>
            <ContactGroups contact={contact} onChanged={(c) => setContact(c)} />
            <p className="muted small">
              {t('detail.source')}: {contact.source === 'manual' || contact.source === null ? t('detail.manual') : contact.source}
              <br />
              {t('detail.created')}: {formatDateTime(contact.createdAt)} · {t('detail.updated')}: {formatDateTime(contact.updatedAt)}
            </p>
          </>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="detail-error">
            {error}
          </p>
        )}
        <div className="row" style={{ marginBlockStart: 12 }}>
          <button type="submit" className="primary" disabled={busy} data-testid="detail-save">
            {t('common.save')}
          </button>
          {contact && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('common.delete')}
            </button>
          )}
        </div>
        {contact && <ContactTimeline phone={contact.phone} version={version} />}
      </form>
    </aside>
  );
}

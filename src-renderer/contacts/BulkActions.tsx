/** What can be done to the selected contacts, each with a dialog where a choice is needed. */
import { useState } from 'react';
import type { SelectionInput } from '../../src-shared/filters';
import { t, tn } from '../../src-shared/i18n';
import { api, errorMessage } from '../ui/api';
import { useCatalog } from '../groups/store';
import { useNav } from '../ui/nav';
import { audienceFromSelection, startNewCampaign } from '../campaigns/newCampaign';
import { useChecks } from '../checks/store';
import { toast } from '../ui/toasts';
import { confirm } from '../ui/confirm';
import { Dialog } from '../ui/Dialog';

type Open = null | 'group' | 'tag' | 'black' | 'gray';

export function BulkActions(props: {
  count: number;
  selection: SelectionInput;
  currentGroupId: number | null;
  onDone: (clearSelection: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const groups = useCatalog((s) => s.groups);
  const { selection, count } = props;
  const currentGroup = groups.find((g) => g.id === props.currentGroupId) ?? null;

  const run = async (action: () => Promise<string>, clear = false) => {
    try {
      toast.success(await action());
      props.onDone(clear);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  const remove = async () => {
    const ok = await confirm({
      title: t('contacts.confirmDelete.title', { count }),
      body: t('contacts.confirmDelete.body'),
      confirmLabel: t('common.delete'),
    });
    if (ok) await run(async () => tn('contacts.deleted', (await api.contacts.delete({ selection })).deleted), true);
  };

  return (
    <div className="bulkbar" data-testid="bulk-actions">
      <button type="button" onClick={() => setOpen('group')} data-testid="bulk-add-group">
        {t('contacts.bulk.addToGroup')}
      </button>
      {currentGroup && (
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const { removed } = await api.groups.removeMembers({ groupId: currentGroup.id, selection });
              return t('contacts.removedFromGroup', { count: removed, group: currentGroup.name });
            }, true)
          }
        >
          {t('contacts.bulk.removeFromGroup')}
        </button>
      )}
      <button type="button" onClick={() => setOpen('tag')} data-testid="bulk-tag">
        {t('contacts.bulk.tag')}
      </button>
      <button
        type="button"
        onClick={() => useChecks.getState().openStart({ selection, count, description: t('checks.scope.selection', { count }) })}
        data-testid="bulk-check"
      >
        {t('contacts.bulk.check')}
      </button>
      <button type="button" onClick={() => setOpen('black')} data-testid="bulk-blacklist">
        {t('contacts.bulk.blacklist')}
      </button>
      <button type="button" onClick={() => setOpen('gray')} data-testid="bulk-graylist">
        {t('contacts.bulk.graylist')}
      </button>
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const { removed } = await api.suppressions.removeContacts({ selection });
            return t('contacts.unsuppressed', { count: removed });
          })
        }
        data-testid="bulk-unsuppress"
      >
        {t('contacts.bulk.unsuppress')}
      </button>
      <button type="button" className="danger" onClick={() => void remove()} data-testid="bulk-delete">
        {t('contacts.bulk.delete')}
      </button>
      {open === 'group' && <GroupDialog onClose={() => setOpen(null)} selection={selection} onDone={() => props.onDone(false)} />}
      {open === 'tag' && <TagDialog onClose={() => setOpen(null)} selection={selection} onDone={() => props.onDone(false)} />}
      {(open === 'black' || open === 'gray') && (
        <SuppressDialog kind={open} onClose={() => setOpen(null)} selection={selection} onDone={() => props.onDone(false)} />
      )}
    </div>
  );
}

/** Opens the Campaigns page's form for a new campaign, with the selected people as its audience. */
export function NewCampaignButton({ selection }: { selection: SelectionInput }) {
  const newCampaign = async () => {
    try {
      if (await startNewCampaign(audienceFromSelection(selection))) useNav.getState().go('campaigns');
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  return (
    <button type="button" className="primary" onClick={() => void newCampaign()} title={t('campaigns.fromContacts.title')} data-testid="bulk-campaign">
      {t('campaigns.fromContacts.action')}
    </button>
  );
}

function GroupDialog(props: { selection: SelectionInput; onClose: () => void; onDone: () => void }) {
  const groups = useCatalog((s) => s.groups);
  const [groupId, setGroupId] = useState<number | ''>(groups[0]?.id ?? '');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      let id = groupId;
      let name = groups.find((g) => g.id === groupId)?.name ?? '';
      if (newName.trim() !== '') {
        const created = await api.groups.create({ name: newName });
        id = created.id;
        name = created.name;
      }
      if (id === '') return;
      const { added } = await api.groups.addMembers({ groupId: id, selection: props.selection });
      toast.success(t('contacts.addedToGroup', { count: added, group: name }));
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      title={t('contacts.bulk.addToGroup')}
      onClose={props.onClose}
      testId="group-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void submit()} disabled={groupId === '' && newName.trim() === ''} data-testid="group-dialog-ok">
            {t('common.add')}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <label className="field">
          <span>{t('contacts.chooseGroup')}</span>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value === '' ? '' : Number(e.target.value))} disabled={newName.trim() !== ''} data-testid="group-dialog-select">
            {groups.length === 0 && <option value="">{t('common.none')}</option>}
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.memberCount})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('contacts.newGroupName')}</span>
          <input value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="group-dialog-new" />
        </label>
        {error && <p className="error-text">{error}</p>}
      </form>
    </Dialog>
  );
}

function TagDialog(props: { selection: SelectionInput; onClose: () => void; onDone: () => void }) {
  const tags = useCatalog((s) => s.tags);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = async (mode: 'add' | 'remove') => {
    if (tag.trim() === '') return;
    try {
      const { updated } = await api.contacts.tag({ selection: props.selection, [mode]: [tag.trim()] });
      toast.success(t('contacts.tagged', { count: updated }));
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      title={t('contacts.bulk.tag')}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" onClick={() => void apply('remove')} disabled={tag.trim() === ''}>
            {t('contacts.tagRemove')}
          </button>
          <button type="button" className="primary" onClick={() => void apply('add')} disabled={tag.trim() === ''} data-testid="tag-dialog-add">
            {t('contacts.tagAdd')}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), void apply('add'))}>
        <label className="field">
          <span>{t('contacts.tagPrompt')}</span>
          <input list="known-tags" value={tag} onChange={(e) => setTag(e.target.value)} autoFocus data-testid="tag-dialog-input" />
          <datalist id="known-tags">
            {tags.map((x) => (
              <option key={x.tag} value={x.tag} />
            ))}
          </datalist>
        </label>
        {error && <p className="error-text">{error}</p>}
      </form>
    </Dialog>
  );
}

function SuppressDialog(props: { kind: 'black' | 'gray'; selection: SelectionInput; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const { added } = await api.suppressions.addContacts({ kind: props.kind, selection: props.selection, reason });
      toast.success(t(props.kind === 'black' ? 'contacts.suppressed.black' : 'contacts.suppressed.gray', { count: added }));
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      title={t(props.kind === 'black' ? 'contacts.bulk.blacklist' : 'contacts.bulk.graylist')}
      onClose={props.onClose}
      testId="suppress-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void submit()} data-testid="suppress-dialog-ok">
            {t('common.confirm')}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <p className="muted">{t(props.kind === 'black' ? 'suppr.black.help' : 'suppr.gray.help')}</p>
        <label className="field">
          <span>{t('contacts.reasonPrompt')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="suppress-dialog-reason" />
        </label>
        {error && <p className="error-text">{error}</p>}
      </form>
    </Dialog>
  );
}

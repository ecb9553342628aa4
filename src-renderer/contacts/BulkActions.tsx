/** What can be done to the selected contacts, each with a dialog where a choice is needed. */
import { useState } from 'react';
import type { SelectionInput } from '#shared/filters';
import { t } from '#shared/i18n';
import { audienceFromSelection, startNewCampaign } from '#renderer/campaigns/newCampaign';
import { useChecks } from '#renderer/checks/store';
import { groups as groupActions, useGroups } from '#renderer/groups/store';
import { suppressions } from '#renderer/suppressions/store';
import { FormDialog } from '#renderer/ui/FormDialog';
import { useNav } from '#renderer/ui/nav';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { contacts, useContactFacts } from './store';

type Open = null | 'group' | 'tag' | 'black' | 'gray';

export function BulkActions(props: {
  count: number;
  selection: SelectionInput;
  currentGroupId: number | null;
  onDone: (clearSelection: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const groups = useGroups((s) => s.groups);
  const { selection, count } = props;
  const currentGroup = groups.find((g) => g.id === props.currentGroupId) ?? null;
  const { run, confirmAndRun } = useConfirmDelete();

  const act = async (step: () => Promise<void>, clear = false) => {
    if (await run(step)) props.onDone(clear);
  };

  const remove = async () => {
    const question = { title: t('contacts.confirmDelete.title', { count }), body: t('contacts.confirmDelete.body'), confirmLabel: t('common.delete') };
    if (await confirmAndRun(question, () => contacts.remove(selection))) props.onDone(true);
  };

  return (
    <div className="bulkbar" data-testid="bulk-actions">
      <button type="button" onClick={() => setOpen('group')} data-testid="bulk-add-group">
        {t('contacts.bulk.addToGroup')}
      </button>
      {currentGroup && (
        <button
          type="button"
          onClick={() => void act(() => groupActions.removeMembers(currentGroup, selection), true)}
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
        onClick={() => void act(() => suppressions.removeContacts(selection))}
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
        <SuppressDialog kind={open} count={count} onClose={() => setOpen(null)} selection={selection} onDone={() => props.onDone(false)} />
      )}
    </div>
  );
}

/** Opens the Campaigns page's form for a new campaign, with the selected people as its audience. */
export function NewCampaignButton({ selection }: { selection: SelectionInput }) {
  const { run } = useBusyAction({ failures: 'toast' });
  const newCampaign = () =>
    run(async () => {
      if (await startNewCampaign(audienceFromSelection(selection))) useNav.getState().go('campaigns');
    });
  return (
    <button type="button" className="primary" onClick={() => void newCampaign()} title={t('campaigns.fromContacts.title')} data-testid="bulk-campaign">
      {t('campaigns.fromContacts.action')}
    </button>
  );
}

type DialogProps = { selection: SelectionInput; onClose: () => void; onDone: () => void };

function GroupDialog(props: DialogProps) {
  const groups = useGroups((s) => s.groups);
  const [groupId, setGroupId] = useState<number | ''>(groups[0]?.id ?? '');
  const [newName, setNewName] = useState('');
  const chosen = groups.find((g) => g.id === groupId);
  const submit = async () => {
    if (newName.trim() !== '') await groupActions.addMembers({ newName }, props.selection);
    else if (chosen) await groupActions.addMembers(chosen, props.selection);
    else return;
    props.onDone();
  };
  return (
    <FormDialog
      title={t('contacts.bulk.addToGroup')}
      onClose={props.onClose}
      testId="group-dialog"
      onSubmit={submit}
      submitLabel={t('common.add')}
      submitDisabled={groupId === '' && newName.trim() === ''}
      submitTestId="group-dialog-ok"
    >
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
    </FormDialog>
  );
}

function TagDialog(props: DialogProps) {
  const tags = useContactFacts((s) => s.tags);
  const [tag, setTag] = useState('');
  const empty = tag.trim() === '';
  const apply = async (mode: 'add' | 'remove') => {
    await contacts.tag(props.selection, mode, tag.trim());
    props.onDone();
  };
  return (
    <FormDialog
      title={t('contacts.bulk.tag')}
      onClose={props.onClose}
      onSubmit={() => apply('add')}
      submitLabel={t('contacts.tagAdd')}
      submitDisabled={empty}
      submitTestId="tag-dialog-add"
      other={{ label: t('contacts.tagRemove'), run: () => apply('remove'), disabled: empty }}
    >
      <label className="field">
        <span>{t('contacts.tagPrompt')}</span>
        <input list="known-tags" value={tag} onChange={(e) => setTag(e.target.value)} autoFocus data-testid="tag-dialog-input" />
        <datalist id="known-tags">
          {tags.map((x) => (
            <option key={x.tag} value={x.tag} />
          ))}
        </datalist>
      </label>
    </FormDialog>
  );
}

function SuppressDialog(props: DialogProps & { kind: 'black' | 'gray'; count: number }) {
  const [reason, setReason] = useState('');
  const submit = async () => {
    await suppressions.addContacts(props.kind, props.selection, reason);
    props.onDone();
  };
  return (
    <FormDialog
      title={t(props.kind === 'black' ? 'contacts.bulk.blacklist' : 'contacts.bulk.graylist')}
      onClose={props.onClose}
      testId="suppress-dialog"
      onSubmit={submit}
      submitLabel={
        props.kind === 'black' ? t('contacts.suppress.black.submit', { count: props.count }) : t('contacts.suppress.gray.submit', { count: props.count })
      }
      submitTestId="suppress-dialog-ok"
    >
      <p data-testid="suppress-dialog-count">
        {props.kind === 'black' ? t('contacts.suppress.black.count', { count: props.count }) : t('contacts.suppress.gray.count', { count: props.count })}
      </p>
      <p className="muted">{t(props.kind === 'black' ? 'suppr.black.help' : 'suppr.gray.help')}</p>
      <label className="field">
        <span>{t('contacts.reasonPrompt')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="suppress-dialog-reason" />
      </label>
    </FormDialog>
  );
}

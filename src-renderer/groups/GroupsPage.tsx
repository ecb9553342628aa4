/** Groups: create, rename, delete, and jump to a group's members on the contacts page. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Group } from '#shared/domain';
import { emptyFilter, emptyQuery } from '#shared/filters';
import { t} from '#shared/i18n';
import { CheckButton } from '#renderer/checks/CheckButton';
import { useContactsView } from '#renderer/contacts/view';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useNav } from '#renderer/ui/nav';
import { RenameForm } from '#renderer/ui/RenameForm';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { groups as groupActions, useGroups } from './store';

export function GroupsPage() {
  const { groups, loading } = useGroups();
  useEffect(() => void groupActions.load(), []);
  return (
    <section className="page" aria-labelledby="groups-title">
      <div className="page-head">
        <h1 id="groups-title">{t('groups.title')}</h1>
        <span className="spacer" />
      </div>
      <NewGroupForm />
      {groups.length === 0 ? (
        <p className="empty">{loading ? t('common.loading') : t('groups.empty')}</p>
      ) : (
        <div className="cards" data-testid="groups">
          {groups.map((group) => (
            <GroupCard key={group.id} group={group} />
          ))}
        </div>
      )}
    </section>
  );
}

function NewGroupForm() {
  const [name, setName] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || name.trim() === '') return;
    await run(async () => {
      await groupActions.create(name);
      setName('');
    });
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={t('groups.new')}>
      <div className="row">
        <input
          className="grow"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('groups.namePlaceholder')}
          aria-label={t('groups.namePlaceholder')}
          aria-invalid={error ? true : undefined}
          maxLength={400}
          data-testid="group-new-name"
        />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('groups.new')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}

function GroupCard({ group }: { group: Group }) {
  const [editing, setEditing] = useState(false);
  const { busy, confirmAndRun } = useConfirmDelete();
  const show = () => {
    useContactsView.getState().showGroup(group.id);
    useNav.getState().go('contacts');
  };
  const remove = () =>
    confirmAndRun(
      {
        title: t('groups.confirmDelete.title', { name: group.name }),
        body: t('groups.confirmDelete.body', { count: group.memberCount }),
        confirmLabel: t('common.delete'),
      },
      () => groupActions.remove(group),
    );
  return (
    <article className="card" data-testid="group-card" aria-label={group.name}>
      {editing ? (
        <RenameForm
          name={group.name}
          label={t('groups.namePlaceholder')}
          maxLength={400}
          testId="group-rename-input"
          onSave={(name) => groupActions.rename(group.id, name)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <h3>{group.name}</h3>
      )}
      <span className="muted">{t('groups.members', { count: group.memberCount })}</span>
      <div className="row">
        <button type="button" className="primary" onClick={show}>
          {t('groups.open')}
        </button>
        <CheckButton
          query={{ ...emptyQuery(), filter: { ...emptyFilter(), groupIds: [group.id] } }}
          count={group.memberCount}
          description={t('checks.scope.group', { count: group.memberCount, name: group.name })}
        />
        <button type="button" onClick={() => setEditing(true)} disabled={editing || busy}>
          {t('common.rename')}
        </button>
        <button type="button" onClick={() => void remove()} disabled={busy}>
          {t('common.delete')}
        </button>
      </div>
    </article>
  );
}

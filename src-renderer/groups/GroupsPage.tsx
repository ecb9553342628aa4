/** Groups: create, rename, delete, and jump to a group's members on the contacts page. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Group } from '../../src-shared/domain';
import { t, tn } from '../../src-shared/i18n';
import { api, errorMessage } from '../ui/api';
import { confirm } from '../ui/confirm';
import { ErrorText } from '../ui/ErrorText';
import { RenameForm } from '../ui/RenameForm';
import { emptyFilter, emptyQuery } from '../../src-shared/filters';
import { useCatalog } from './store';
import { useChecks } from '../checks/store';
import { useContactsView } from '../contacts/view';
import { useNav } from '../ui/nav';
import { toast } from '../ui/toasts';

/** Refreshes the groups once when the page opens; true until the first answer arrives. */
function useGroupsLoading(): boolean {
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    useCatalog
      .getState()
      .refreshGroups()
      .catch((e: unknown) => toast.error(errorMessage(e)))
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
    };
  }, []);
  return loading;
}

export function GroupsPage() {
  const groups = useCatalog((s) => s.groups);
  const loading = useGroupsLoading();
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || name.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const group = await api.groups.create({ name });
      toast.success(t('groups.created', { name: group.name }));
      setName('');
      await useCatalog.getState().refreshGroups();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
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
  const [busy, setBusy] = useState(false);
  const show = () => {
    useContactsView.getState().showGroup(group.id);
    useNav.getState().go('contacts');
  };
  const remove = async () => {
    const ok = await confirm({
      title: t('groups.confirmDelete.title', { name: group.name }),
      body: t('groups.confirmDelete.body', { count: group.memberCount }),
      confirmLabel: t('common.delete'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      await api.groups.delete({ id: group.id });
      toast.success(t('groups.deleted', { name: group.name }));
      await useCatalog.getState().refreshGroups();
    } catch (err) {
      toast.error(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <article className="card" data-testid="group-card" aria-label={group.name}>
      {editing ? (
        <RenameForm
          name={group.name}
          label={t('groups.namePlaceholder')}
          maxLength={400}
          testId="group-rename-input"
          onSave={async (name) => {
            await api.groups.rename({ id: group.id, name });
            await useCatalog.getState().refreshGroups();
          }}
          onDone={() => setEditing(false)}
        />
      ) : (
        <h3>{group.name}</h3>
      )}
      <span className="muted">{tn('groups.members', group.memberCount)}</span>
      <div className="row">
        <button type="button" className="primary" onClick={show}>
          {t('groups.open')}
        </button>
        <button
          type="button"
          disabled={group.memberCount === 0}
          onClick={() =>
            useChecks.getState().openStart({
              selection: { kind: 'query', query: { ...emptyQuery(), filter: { ...emptyFilter(), groupIds: [group.id] } } },
              count: group.memberCount,
              description: t('checks.scope.group', { count: group.memberCount, name: group.name }),
            })
          }
        >
          {t('contacts.bulk.check')}
        </button>
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

/**
 * Groups: the list (kept fresh by `groups.changed`) and every change to groups and their members.
 * Each action calls main, says what it did, and reads the groups again before it resolves.
 */
import { create } from 'zustand';
import type { Group } from '#shared/domain';
import type { SelectionInput } from '#shared/filters';
import { t } from '#shared/i18n';
import { useContactsView } from '#renderer/contacts/view';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

type GroupsState = {
  groups: Group[];
  /** True until the first answer after the Groups page asked for the groups. */
  loading: boolean;
};

export const useGroups = create<GroupsState>(() => ({ groups: [], loading: true }));

/** Reads the groups again; throws when main can't answer. */
export async function refreshGroups(): Promise<void> {
  const groups = await api.groups.list();
  useGroups.setState({ groups });
  // A filter on a group that was just deleted would show nobody: drop it.
  const view = useContactsView.getState();
  const kept = view.query.filter.groupIds.filter((id) => groups.some((g) => g.id === id));
  if (kept.length !== view.query.filter.groupIds.length) view.setQuery({ filter: { ...view.query.filter, groupIds: kept } });
}

/** The group to add people to: one that exists, or one to create under this name. */
export type GroupTarget = { id: number; name: string } | { newName: string };

export const groups = {
  /** Reads the groups when a page opens; a failure becomes a toast. */
  async load(): Promise<void> {
    useGroups.setState({ loading: true });
    try {
      await refreshGroups();
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      useGroups.setState({ loading: false });
    }
  },

  async create(name: string): Promise<Group> {
    const group = await api.groups.create({ name });
    toast.success(t('groups.created', { name: group.name }));
    await refreshGroups();
    return group;
  },

  async rename(id: number, name: string): Promise<void> {
    await api.groups.rename({ id, name });
    await refreshGroups();
  },

  async remove(group: Group): Promise<void> {
    await api.groups.delete({ id: group.id });
    toast.success(t('groups.deleted', { name: group.name }));
    await refreshGroups();
  },

  /** Adds people to a group (creating it first when it is new). */
  async addMembers(target: GroupTarget, selection: SelectionInput): Promise<void> {
    const group = 'newName' in target ? await api.groups.create({ name: target.newName }) : target;
    const { added } = await api.groups.addMembers({ groupId: group.id, selection });
    toast.success(t('contacts.addedToGroup', { count: added, group: group.name }));
    useContactsView.getState().bump();
  },

  async removeMembers(group: Pick<Group, 'id' | 'name'>, selection: SelectionInput): Promise<void> {
    const { removed, undo } = await api.groups.removeMembers({ groupId: group.id, selection });
    const bump = () => useContactsView.getState().bump();
    toast.success(
      t('contacts.removedFromGroup', { count: removed, group: group.name }),
      undo
        ? {
            label: t('contacts.undo'),
            run: () =>
              void api.groups.undoRemoveMembers({ undo }).then(
                (r) => {
                  if (r.expired) toast.info(t('groups.undo.expired'));
                  else toast.success(t('groups.undo.done', { count: r.restored, group: group.name }));
                  bump();
                },
                (error: unknown) => toast.error(error instanceof Error ? error.message : String(error)),
              ),
          }
        : undefined,
    );
    bump();
  },

};

let started = false;
/** Loads the groups once and follows `groups.changed`; call from the app root. */
export function startGroups(): void {
  if (started) return;
  started = true;
  const ignore = () => undefined;
  void refreshGroups().then(() => useGroups.setState({ loading: false }), ignore);
  onEvent('groups.changed', () => void refreshGroups().catch(ignore));
}

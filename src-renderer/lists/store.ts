/**
 * Smart lists with their live counts: kept fresh by `lists.changed` and `contacts.changed` (counts
 * move as contacts change). Saving and deleting go through here.
 */
import { create } from 'zustand';
import type { SmartList } from '#shared/domain';
import type { SmartFilter } from '#shared/filters';
import { t } from '#shared/i18n';
import { refreshFacts } from '#renderer/contacts/store';
import { useContactsView } from '#renderer/contacts/view';
import { refreshGroups } from '#renderer/groups/store';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

export type ListWithCount = SmartList & { count: number };

type ListsState = {
  lists: ListWithCount[];
  /** True until the first answer after the Smart lists page asked for the lists. */
  loading: boolean;
};

export const useLists = create<ListsState>(() => ({ lists: [], loading: true }));

/** Reads the lists again; throws when main can't answer. */
export async function refreshLists(): Promise<void> {
  const lists = await api.lists.list();
  useLists.setState({ lists });
  // The contacts page must not stay on a smart list that no longer exists.
  const view = useContactsView.getState();
  if (view.query.listId !== null && !lists.some((l) => l.id === view.query.listId)) view.setQuery({ listId: null });
}

export const lists = {
  /** Reads the lists, and the groups and tags their filters choose from, when the page opens. */
  async load(): Promise<void> {
    const fail = (e: unknown) => toast.error(errorMessage(e));
    useLists.setState({ loading: true });
    void refreshGroups().catch(fail);
    void refreshFacts().catch(fail);
    try {
      await refreshLists();
    } catch (e) {
      fail(e);
    } finally {
      useLists.setState({ loading: false });
    }
  },

  /** Creates a list (`id` null) or saves an existing one. */
  async save(id: number | null, name: string, filter: SmartFilter): Promise<void> {
    const saved = id === null ? await api.lists.create({ name, filter }) : await api.lists.update({ id, name, filter });
    toast.success(t('lists.saved', { name: saved.name }));
    await refreshLists();
  },

  async remove(list: SmartList): Promise<void> {
    await api.lists.delete({ id: list.id });
    toast.success(t('lists.deleted', { name: list.name }));
    await refreshLists();
  },

  /** How many contacts a filter matches now. */
  async count(filter: SmartFilter): Promise<number> {
    return (await api.contacts.count({ query: { filter } })).total;
  },
};

let started = false;
/** Loads the lists once and keeps them (and their counts) fresh; call from the app root. */
export function startLists(): void {
  if (started) return;
  started = true;
  const ignore = () => undefined;
  void refreshLists().then(() => useLists.setState({ loading: false }), ignore);
  onEvent('lists.changed', () => void refreshLists().catch(ignore));
  onEvent('contacts.changed', () => void refreshLists().catch(ignore));
}

/** Groups, smart lists, tags and settings: small lists many pages show, refreshed on change events. */
import { create } from 'zustand';
import type { Group, Settings, SmartList } from '../../src-shared/domain';
import { api, onEvent } from '../ui/api';
import { useContactsView } from '../contacts/view';

type CatalogState = {
  groups: Group[];
  lists: (SmartList & { count: number })[];
  tags: { tag: string; count: number }[];
  fieldKeys: string[];
  settings: Settings | null;
  refreshGroups: () => Promise<void>;
  refreshLists: () => Promise<void>;
  refreshTags: () => Promise<void>;
  refreshSettings: () => Promise<void>;
};

export const useCatalog = create<CatalogState>((set) => ({
  groups: [],
  lists: [],
  tags: [],
  fieldKeys: [],
  settings: null,
  async refreshGroups() {
    const groups = await api.groups.list();
    set({ groups });
    // A filter on a group that was just deleted would show nobody: drop it.
    const view = useContactsView.getState();
    const kept = view.query.filter.groupIds.filter((id) => groups.some((g) => g.id === id));
    if (kept.length !== view.query.filter.groupIds.length) view.setQuery({ filter: { ...view.query.filter, groupIds: kept } });
  },
  async refreshLists() {
    const lists = await api.lists.list();
    set({ lists });
    // The contacts page must not stay on a smart list that no longer exists.
    const view = useContactsView.getState();
    if (view.query.listId !== null && !lists.some((l) => l.id === view.query.listId)) view.setQuery({ listId: null });
  },
  async refreshTags() {
    const [tags, fieldKeys] = await Promise.all([api.contacts.tags(), api.contacts.fieldKeys()]);
    set({ tags, fieldKeys });
  },
  async refreshSettings() {
    set({ settings: await api.settings.get() });
  },
}));

let started = false;
/** Loads everything once and keeps it fresh; call from the app root. */
export function startCatalog(): void {
  if (started) return;
  started = true;
  const s = useCatalog.getState();
  const ignore = () => undefined;
  void s.refreshGroups().catch(ignore);
  void s.refreshLists().catch(ignore);
  void s.refreshTags().catch(ignore);
  void s.refreshSettings().catch(ignore);
  onEvent('groups.changed', () => void useCatalog.getState().refreshGroups().catch(ignore));
  onEvent('lists.changed', () => void useCatalog.getState().refreshLists().catch(ignore));
  onEvent('contacts.changed', () => {
    void useCatalog.getState().refreshTags().catch(ignore);
    void useCatalog.getState().refreshLists().catch(ignore);
  });
}

/** Groups, smart lists, tags and settings: small lists many pages show, refreshed on change events. */
import { create } from 'zustand';
import type { Group, Settings, SmartList } from '../../src-shared/domain';
import { api, onEvent } from '../api';

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
    set({ groups: await api.groups.list() });
  },
  async refreshLists() {
    set({ lists: await api.lists.list() });
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

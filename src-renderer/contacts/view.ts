/** What the contacts page shows: search, filters, sort and the selection. */
import { create } from 'zustand';
import { emptyFilter, type ContactQuery } from '#shared/filters';

export type Sort = { column: string; direction: 'asc' | 'desc' };

export type SelectionState = { mode: 'ids'; ids: Set<number> } | { mode: 'allMatching' };

type ContactsViewState = {
  query: ContactQuery;
  sort: Sort;
  selection: SelectionState;
  detailId: number | null;
  /** Bumped whenever the rows may have changed; the table refetches. */
  version: number;
  setSearch: (search: string) => void;
  setQuery: (patch: Partial<ContactQuery>) => void;
  showGroup: (groupId: number | null) => void;
  showList: (listId: number | null) => void;
  setSort: (sort: Sort) => void;
  toggle: (id: number) => void;
  selectIds: (ids: number[]) => void;
  selectAllMatching: () => void;
  clearSelection: () => void;
  openDetail: (id: number | null) => void;
  bump: () => void;
};

const noSelection = (): SelectionState => ({ mode: 'ids', ids: new Set() });

export const useContactsView = create<ContactsViewState>((set, get) => ({
  query: { search: '', filter: emptyFilter(), listId: null, status: 'all' },
  sort: { column: 'name', direction: 'asc' },
  selection: noSelection(),
  detailId: null,
  version: 0,
  setSearch: (search) => set({ query: { ...get().query, search }, selection: noSelection() }),
  setQuery: (patch) => set({ query: { ...get().query, ...patch }, selection: noSelection() }),
  showGroup: (groupId) =>
    set({
      query: { ...get().query, filter: { ...emptyFilter(), groupIds: groupId === null ? [] : [groupId] }, listId: null },
      selection: noSelection(),
    }),
  showList: (listId) => set({ query: { ...get().query, filter: emptyFilter(), listId }, selection: noSelection() }),
  setSort: (sort) => set({ sort }),
  toggle: (id) => {
    const sel = get().selection;
    const ids = new Set(sel.mode === 'ids' ? sel.ids : []);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    set({ selection: { mode: 'ids', ids } });
  },
  selectIds: (ids) => set({ selection: { mode: 'ids', ids: new Set(ids) } }),
  selectAllMatching: () => set({ selection: { mode: 'allMatching' } }),
  clearSelection: () => set({ selection: noSelection() }),
  openDetail: (detailId) => set({ detailId }),
  bump: () => set({ version: get().version + 1 }),
}));

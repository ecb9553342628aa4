import { create } from 'zustand';

export type Page =
  | 'contacts'
  | 'groups'
  | 'lists'
  | 'drafts'
  | 'campaigns'
  | 'blacklist' | 'graylist' | 'import' | 'inbox' | 'accounts' | 'settings';

export const useNav = create<{ page: Page; go: (page: Page) => void }>((set) => ({
  page: 'contacts',
  go: (page) => set({ page }),
}));

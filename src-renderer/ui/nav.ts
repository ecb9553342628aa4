/**
 * Which page is open, and a guard the open page can set to be asked before it is left (the Drafts
 * page asks about unsaved edits). Every way of changing page (the sidebar, Alt+number, links and
 * toast actions) goes through `go`, so the guard sees them all.
 */
import { create } from 'zustand';

export type Page =
  | 'overview'
  | 'contacts'
  | 'groups'
  | 'lists'
  | 'drafts'
  | 'campaigns'
  | 'blacklist' | 'graylist' | 'import' | 'inbox' | 'accounts' | 'settings' | 'usage';

/** Asked before leaving the page; resolves false to stay. */
export type LeaveGuard = (to: Page) => boolean | Promise<boolean>;

let guard: LeaveGuard | null = null;
/** While the guard is being asked: where to go if it says yes (the latest page asked for). */
let pending: Page | null = null;

export const useNav = create<{ page: Page; go: (page: Page) => void }>((set, get) => ({
  page: 'overview',
  go: (page) => {
    if (pending !== null) {
      // The guard is already asking (a dialog is open): go to the latest choice once it agrees.
      pending = page;
      return;
    }
    if (page === get().page) return;
    const ask = guard;
    if (!ask) {
      set({ page });
      return;
    }
    pending = page;
    void (async () => {
      let ok = false;
      try {
        ok = await ask(page);
      } catch {
        ok = false;
      }
      const target = pending;
      pending = null;
      if (ok && target !== null && target !== get().page) set({ page: target });
    })();
  },
}));

/**
 * Sets the guard asked before leaving the current page (one at a time: the open page's). Returns
 * the function that removes it, for an effect's cleanup.
 */
export function setLeaveGuard(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/**
 * The first run: whether the welcome is open (and on which step), and the getting-started steps
 * done, read from main and read again (at most once a second) as contacts, accounts, drafts and
 * campaigns change.
 */
import { create } from 'zustand';
import type { FirstRunState } from '#shared/firstrun';
import { api, onEvent } from '#renderer/ui/api';

export type WelcomeStep = 1 | 2 | 3;

type FirstRunStore = {
  state: FirstRunState | null;
  /** The welcome is shown. */
  open: boolean;
  step: WelcomeStep;
  /** Opened from Settings ("Show the welcome again"), not by a new data folder. */
  again: boolean;
  /** What "Try the demo account" added, shown on the last step. */
  demo: { added: number; groupName: string } | null;
};

export const useFirstRun = create<FirstRunStore>(() => ({ state: null, open: false, step: 1, again: false, demo: null }));

let loading: Promise<void> | null = null;
let again = false;

/** Reads the state again; the welcome opens the first time main says to welcome. */
export function refreshFirstRun(): Promise<void> {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    try {
      const state = await api.firstRun.get({});
      const before = useFirstRun.getState();
      useFirstRun.setState({ state, ...(state.welcome && before.state === null ? { open: true, step: 1 as const, again: false } : {}) });
    } catch {
      // Not connected yet: the next change or reconnection reads it again.
    } finally {
      loading = null;
      if (again) {
        again = false;
        void refreshFirstRun();
      }
    }
  })();
  return loading;
}

let timer: ReturnType<typeof setTimeout> | null = null;
function soon(): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void refreshFirstRun();
  }, 1000);
}

let started = false;
/** Loads the state once and follows the changes that tick the checklist; call from the app root. */
export function startFirstRun(): void {
  if (started) return;
  started = true;
  for (const event of ['contacts.changed', 'accounts.changed', 'drafts.changed', 'campaigns.changed'] as const) onEvent(event, soon);
  onEvent('backups.restored', () => void refreshFirstRun());
  void refreshFirstRun();
}

export const firstRun = {
  goTo(step: WelcomeStep): void {
    useFirstRun.setState({ step });
  },
  /** From Settings: the welcome again, from its first step. */
  reopen(): void {
    useFirstRun.setState({ open: true, step: 1, again: true, demo: null });
  },
  /** Finished or skipped: closed, and not offered again on this data folder. */
  async close(): Promise<void> {
    // Closed once main has it (a reload straight after does not bring it back).
    try {
      useFirstRun.setState({ state: await api.firstRun.done({ what: 'welcome' }) });
    } catch {
      // Offered again next time; nothing else depends on it.
    }
    useFirstRun.setState({ open: false });
  },
  demoAdded(added: number, groupName: string): void {
    useFirstRun.setState({ demo: { added, groupName } });
  },
  async hideChecklist(hidden: boolean): Promise<void> {
    useFirstRun.setState({ state: await api.firstRun.done({ what: 'checklist', hidden }) });
  },
};

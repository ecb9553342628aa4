/** The Overview's figures, loaded from main and reloaded (at most once a second) as things change. */
import { create } from 'zustand';
import type { Overview } from '#shared/overview';
import { api, errorMessage, onEvent } from '#renderer/ui/api';

type OverviewState = { overview: Overview | null; error: string | null };

export const useOverview = create<OverviewState>(() => ({ overview: null, error: null }));

let loading: Promise<void> | null = null;
let again = false;

/** Loads the figures; a call while a load runs makes one more load after it, not a second one alongside. */
export function reloadOverview(): Promise<void> {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    try {
      useOverview.setState({ overview: await api.overview.get({}), error: null });
    } catch (error) {
      useOverview.setState({ error: errorMessage(error) });
    } finally {
      loading = null;
      if (again) {
        again = false;
        void reloadOverview();
      }
    }
  })();
  return loading;
}

const THROTTLE_MS = 1000;
let timer: ReturnType<typeof setTimeout> | null = null;
let following = 0;

function soon(): void {
  if (following === 0 || timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void reloadOverview();
  }, THROTTLE_MS);
}

let subscribed = false;

/** Follows sends, acks, accounts and replies while the Overview is shown; returns the stop. */
export function followOverview(): () => void {
  if (!subscribed) {
    subscribed = true;
    onEvent('campaigns.progress', soon);
    onEvent('campaigns.changed', soon);
    onEvent('accounts.changed', soon);
    onEvent('inbox.received', soon);
  }
  following++;
  void reloadOverview();
  return () => {
    following--;
  };
}

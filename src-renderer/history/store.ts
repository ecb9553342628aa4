/**
 * The campaigns history's query (search, statuses, sort, dates, archived) and its rows, asked from
 * main (filtered and counted in SQL) whenever the query changes or a campaign changes.
 */
import { create } from 'zustand';
import type { HistoryQuery, HistoryRow } from '#shared/history';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import { useToasts } from '#renderer/ui/toasts';

export type HistoryState = {
  query: Required<HistoryQuery>;
  rows: HistoryRow[] | null;
  error: string | null;
};

const DEFAULT: Required<HistoryQuery> = {
  search: '',
  statuses: [],
  sort: 'created',
  descending: true,
  from: null,
  to: null,
  includeArchived: false,
};

export const useHistory = create<HistoryState>(() => ({ query: DEFAULT, rows: null, error: null }));

let asked = 0;
export async function refreshHistory(): Promise<void> {
  const ticket = ++asked;
  try {
    const rows = await api.campaigns.history(useHistory.getState().query);
    if (ticket === asked) useHistory.setState({ rows, error: null });
  } catch (error) {
    if (ticket === asked) useHistory.setState({ error: errorMessage(error) });
  }
}

export function setHistoryQuery(patch: Partial<HistoryQuery>): void {
  useHistory.setState((s) => ({ query: { ...s.query, ...patch } }));
  void refreshHistory();
}

let subscribed = false;
export function startHistory(): void {
  if (!subscribed) {
    subscribed = true;
    onEvent('campaigns.changed', () => void refreshHistory());
  }
  void refreshHistory();
}

function fail(error: unknown): void {
  useToasts.getState().push({ kind: 'error', text: errorMessage(error) });
}

/** Renames a finished campaign; a refusal is thrown for the rename dialog to show. */
export async function renameCampaign(id: number, name: string): Promise<void> {
  await api.campaigns.rename({ id, name });
}

export async function archiveCampaign(id: number, archived: boolean): Promise<void> {
  await api.campaigns.archive({ id, archived }).catch(fail);
}

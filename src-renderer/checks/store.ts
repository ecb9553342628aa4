/**
 * WhatsApp number checks: which are running (from `checks.active` and `checks.progress`, so a check
 * survives a page change), and the one dialog that starts a check or shows its progress.
 */
import { create } from 'zustand';
import type { NumberCheckProgress } from '#shared/accounts';
import type { SelectionInput } from '#shared/filters';
import { t } from '#shared/i18n';
import { api, onEvent } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

/** What a check is about, in words for the dialog ("the 12 members of “VIP”"). */
export type CheckScope = { selection: SelectionInput; count: number; description: string };

type CheckDialog = { mode: 'start'; scope: CheckScope } | { mode: 'progress'; checkId: string };

type ChecksState = {
  checks: Record<string, NumberCheckProgress>;
  dialog: CheckDialog | null;
  openStart: (scope: CheckScope) => void;
  showProgress: (checkId: string) => void;
  close: () => void;
};

export const useChecks = create<ChecksState>((set) => ({
  checks: {},
  dialog: null,
  openStart: (scope) => set({ dialog: { mode: 'start', scope } }),
  showProgress: (checkId) => set({ dialog: { mode: 'progress', checkId } }),
  close: () => {
    // Finished checks are forgotten once their summary has been closed; running ones stay.
    const running = Object.entries(useChecks.getState().checks).filter(([, c]) => c.status === 'running');
    set({ dialog: null, checks: Object.fromEntries(running) });
  },
}));

export function checkSummary(p: NumberCheckProgress): string {
  switch (p.status) {
    case 'running':
      return t('checks.progress', { done: p.done, total: p.total });
    case 'completed':
      return t('checks.summary.completed', { yes: p.onWhatsApp, no: p.notOnWhatsApp, unknown: p.unknown, total: p.total });
    case 'cancelled':
      return t('checks.summary.cancelled', { done: p.done, total: p.total, yes: p.onWhatsApp, no: p.notOnWhatsApp });
    case 'failed':
      return t('checks.summary.failed', { done: p.done, total: p.total, message: p.message ?? '' });
  }
}

function record(p: NumberCheckProgress): void {
  const { checks, dialog } = useChecks.getState();
  const before = checks[p.checkId];
  // A finished check stays finished, and older progress never replaces newer (events and the
  // answer to checks.start can arrive in either order).
  if (before && (before.status !== 'running' || (p.status === 'running' && p.done < before.done))) return;
  useChecks.setState({ checks: { ...checks, [p.checkId]: p } });
  // The contacts' new WhatsApp status comes with `contacts.changed` (sent by main as each batch is
  // written), which the contacts table and the smart list counts already follow.
  if (p.status !== 'running') {
    const showing = dialog?.mode === 'progress' && dialog.checkId === p.checkId;
    if (!showing) (p.status === 'completed' ? toast.success : toast.error)(checkSummary(p));
  }
}

/** Starts a check and shows its progress in the dialog. */
export async function startCheck(
  accountId: number,
  selection: SelectionInput,
  skipCheckedWithinDays: number | null = null,
): Promise<void> {
  const progress = await api.checks.start({ accountId, selection, skipCheckedWithinDays });
  useChecks.setState({ dialog: { mode: 'progress', checkId: progress.checkId } });
  record(progress);
}

/** How many of the selected numbers were checked within `withinDays`. */
export async function recentlyChecked(selection: SelectionInput, withinDays: number): Promise<number> {
  return (await api.checks.preview({ selection, withinDays })).recentlyChecked;
}

export async function cancelCheck(checkId: string): Promise<void> {
  await api.checks.cancel({ checkId });
}

let started = false;
/** Picks up checks already running and follows their progress; call once from the app root. */
export function startChecks(): void {
  if (started) return;
  started = true;
  onEvent('checks.progress', record);
  void api.checks.active().then(
    (list) => {
      for (const p of list) record(p);
    },
    () => undefined,
  );
}

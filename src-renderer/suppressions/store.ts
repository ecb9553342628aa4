/**
 * The blacklist and graylist: the page of numbers the open list shows (read again on
 * `contacts.changed`, which main sends for any change to them) and every change to them. Each
 * change says what it did (with Undo where it can be undone) and reads the page again.
 */
import { create } from 'zustand';
import type { Suppression, SuppressionKind } from '#shared/domain';
import type { SelectionInput } from '#shared/filters';
import { t } from '#shared/i18n';
import { useContactsView } from '#renderer/contacts/view';
import { api, errorMessage, onEvent, saveFile } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

export const PAGE_SIZE = 100;
/** The most numbers one call accepts (see the contract); longer pastes go in several calls. */
const MAX_NUMBERS_PER_CALL = 100_000;
const MAX_NUMBER_LENGTH = 64;

export type SuppressionPage = { rows: Suppression[]; total: number };

type SuppressionsState = {
  /** The list the page shows; null while no page shows one. */
  kind: SuppressionKind | null;
  search: string;
  offset: number;
  page: SuppressionPage | null;
  error: string | null;
  /** The rows shown are not yet those of the current kind, search and offset. */
  loading: boolean;
};

export const useSuppressions = create<SuppressionsState>(() => ({
  kind: null,
  search: '',
  offset: 0,
  page: null,
  error: null,
  loading: false,
}));

const set = useSuppressions.setState;
const get = useSuppressions.getState;

/** Only the answer to the latest read is shown. */
let latest = 0;

/** Reads the current page; past the end (its last rows were just removed) moves to the last page. */
async function readPage(): Promise<void> {
  const { kind, search, offset } = get();
  if (kind === null) return;
  const asked = ++latest;
  set({ loading: true });
  try {
    const page = await api.suppressions.list({ kind, search, offset, limit: PAGE_SIZE });
    if (asked !== latest) return;
    if (page.rows.length === 0 && offset > 0 && page.total > 0) {
      set({ offset: Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE });
      await readPage();
      return;
    }
    set({ page, error: null, loading: false });
  } catch (e) {
    if (asked === latest) set({ error: errorMessage(e), loading: false });
  }
}

/** Puts removed numbers back, one call per reason so each keeps the reason it had. */
async function restore(kind: SuppressionKind, rows: Pick<Suppression, 'phone' | 'reason'>[]): Promise<number> {
  const byReason = new Map<string, string[]>();
  for (const r of rows) {
    const list = byReason.get(r.reason);
    if (list) list.push(r.phone);
    else byReason.set(r.reason, [r.phone]);
  }
  let added = 0;
  for (const [reason, numbers] of byReason) {
    added += (await api.suppressions.addNumbers({ kind, numbers, reason })).added;
  }
  return added;
}

export const otherKind = (kind: SuppressionKind): SuppressionKind => (kind === 'black' ? 'gray' : 'black');

export type AddResult = { added: number; invalid: { input: string; reason: string }[] };

export const suppressions = {
  /** Shows a list from its first page with no search (the page calls it as it opens). */
  open(kind: SuppressionKind): void {
    set({ kind, search: '', offset: 0, page: null, error: null, loading: true });
    void readPage();
  },

  /** The page closed: events no longer read anything. */
  close(): void {
    latest++;
    set({ kind: null, page: null });
  },

  search(search: string): void {
    set({ search, offset: 0 });
    void readPage();
  },

  goTo(offset: number): void {
    set({ offset });
    void readPage();
  },

  /** Moves numbers to the other list, with Undo. */
  async move(kind: SuppressionKind, phones: string[]): Promise<void> {
    const to = otherKind(kind);
    const { moved } = await api.suppressions.move({ phones, to });
    toast.success(t('suppr.moved', { count: moved }), {
      label: t('common.undo'),
      run: () => void api.suppressions.move({ phones, to: kind }).catch((e: unknown) => toast.error(errorMessage(e))),
    });
    await readPage();
  },

  /** Removes numbers from their list, with Undo (which puts them back with their reasons). */
  async remove(kind: SuppressionKind, rows: Suppression[]): Promise<void> {
    const removedRows = [...rows];
    const { removed } = await api.suppressions.remove({ phones: rows.map((r) => r.phone) });
    toast.success(t('suppr.removed', { count: removed }), {
      label: t('common.undo'),
      run: () =>
        void restore(kind, removedRows).then(
          (added) => toast.success(t('suppr.added', { count: added })),
          (e: unknown) => toast.error(errorMessage(e)),
        ),
    });
    await readPage();
  },

  /** Adds typed numbers; those that can't be read come back in `invalid`. */
  async addNumbers(kind: SuppressionKind, numbers: string[], reason: string): Promise<AddResult> {
    const invalid: AddResult['invalid'] = [];
    const usable: string[] = [];
    for (const n of numbers) {
      if (n.length > MAX_NUMBER_LENGTH) invalid.push({ input: n, reason: t('phone.reason.too_many_characters') });
      else usable.push(n);
    }
    let added = 0;
    for (let i = 0; i < usable.length; i += MAX_NUMBERS_PER_CALL) {
      const r = await api.suppressions.addNumbers({ kind, numbers: usable.slice(i, i + MAX_NUMBERS_PER_CALL), reason });
      added += r.added;
      invalid.push(...r.invalid);
    }
    if (added > 0) toast.success(t('suppr.added', { count: added }));
    void readPage();
    return { added, invalid };
  },

  /** Puts the selected contacts' numbers on a list. */
  async addContacts(kind: SuppressionKind, selection: SelectionInput, reason: string): Promise<void> {
    const { added } = await api.suppressions.addContacts({ kind, selection, reason });
    toast.success(t(kind === 'black' ? 'contacts.suppressed.black' : 'contacts.suppressed.gray', { count: added }));
    useContactsView.getState().bump();
  },

  /** Takes the selected contacts' numbers off both lists. */
  async removeContacts(selection: SelectionInput): Promise<void> {
    const { removed, rows } = await api.suppressions.removeContacts({ selection });
    const undo =
      rows.length > 0
        ? {
            label: t('common.undo'),
            run: () =>
              void (async () => {
                let added = 0;
                for (const kind of ['black', 'gray'] as const) {
                  const back = rows.filter((r) => r.kind === kind);
                  if (back.length > 0) added += await restore(kind, back);
                }
                return added;
              })().then(
                (added) => {
                  toast.success(t('suppr.added', { count: added }));
                  useContactsView.getState().bump();
                },
                (e: unknown) => toast.error(errorMessage(e)),
              ),
          }
        : undefined;
    toast.success(t('contacts.unsuppressed', { count: removed }), undo);
    useContactsView.getState().bump();
  },

  async export(kind: SuppressionKind, format: 'xlsx' | 'csv'): Promise<void> {
    const file = await api.exports.suppressions({ kind, format });
    saveFile(file);
    toast.success(t('export.done', { file: file.fileName }));
  },
};

let started = false;
/** Follows `contacts.changed` (sent for any change to the lists too); call from the app root. */
export function startSuppressions(): void {
  if (started) return;
  started = true;
  onEvent('contacts.changed', () => void readPage());
}

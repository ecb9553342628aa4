/**
 * Contacts: the tags and extra field names in use (kept fresh by `contacts.changed`, which also makes
 * the table read its rows again), the reads the table and pickers need, and every change to
 * contacts. Each change says what it did and bumps the table's version so it shows the result.
 */
import { create } from 'zustand';
import type { MethodInput } from '#shared/contract';
import type { ContactDetail } from '#shared/domain';
import type { ContactQuery, SelectionInput } from '#shared/filters';
import { t} from '#shared/i18n';
import { api, onEvent, saveFile } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';
import { useContactsView } from './view';

type ContactFacts = {
  tags: { tag: string; count: number }[];
  fieldKeys: string[];
  /** The field names some contact has a value for, the most filled first. */
  filledFieldKeys: string[];
};

export const useContactFacts = create<ContactFacts>(() => ({ tags: [], fieldKeys: [], filledFieldKeys: [] }));

/** Reads the tags and field names again; throws when main can't answer. */
export async function refreshFacts(): Promise<void> {
  const [tags, fieldKeys, filledFieldKeys] = await Promise.all([api.contacts.tags(), api.contacts.fieldKeys(), api.contacts.filledFieldKeys()]);
  useContactFacts.setState({ tags, fieldKeys, filledFieldKeys });
}

/** The table reads its rows again. */
const changed = () => useContactsView.getState().bump();

type ContactInput = MethodInput<'contacts.create'>;

export const contacts = {
  list: (input: MethodInput<'contacts.list'>) => api.contacts.list(input),

  get: (id: number) => api.contacts.get({ id }),

  async count(query: Partial<ContactQuery>): Promise<number> {
    return (await api.contacts.count({ query })).total;
  },

  /** Creates a contact (`id` 'new') or saves one; resolves with it as main keeps it. */
  async save(id: number | 'new', input: ContactInput): Promise<ContactDetail> {
    const saved = id === 'new' ? await api.contacts.create(input) : await api.contacts.update({ id, patch: input });
    toast.success(t('detail.saved'));
    changed();
    return saved;
  },

  async remove(selection: SelectionInput): Promise<void> {
    const { deleted, undo } = await api.contacts.delete({ selection });
    toast.success(t('contacts.deleted', { count: deleted }), undoAction(undo));
    changed();
  },

  async removeOne(id: number): Promise<void> {
    const { undo } = await api.contacts.delete({ selection: { kind: 'ids', ids: [id] } });
    toast.success(t('contacts.deleted', { count: 1 }), undoAction(undo));
    changed();
  },

  async tag(selection: SelectionInput, mode: 'add' | 'remove', tag: string): Promise<void> {
    const { updated } = await api.contacts.tag({ selection, [mode]: [tag] });
    toast.success(t('contacts.tagged', { count: updated }));
    changed();
  },

  /** Puts one contact in a group or takes them out; resolves with the contact as it is now. */
  async setGroupMember(contactId: number, groupId: number, member: boolean): Promise<ContactDetail> {
    const selection = { kind: 'ids' as const, ids: [contactId] };
    if (member) await api.groups.addMembers({ groupId, selection });
    else await api.groups.removeMembers({ groupId, selection });
    changed();
    return api.contacts.get({ id: contactId });
  },

  /** A page of a number's timeline, newest first. */
  timeline: (phone: string, offset: number, limit = 50) => api.contacts.timeline({ phone, offset, limit }),

  /** Puts one number on the blacklist or graylist (by hand), or takes it off (`null`). */
  async setListing(phone: string, kind: 'black' | 'gray' | null): Promise<void> {
    if (kind === null) await api.suppressions.remove({ phones: [phone] });
    else await api.suppressions.addNumbers({ kind, numbers: [phone], reason: '' });
    changed();
  },

  /** Adds an unknown sender as a contact (their number only) and returns it. */
  async addSender(phone: string): Promise<ContactDetail> {
    const contact = await api.contacts.create({ phone, name: '', tags: [], fields: [], note: '' });
    changed();
    return contact;
  },

  /** Exports contacts to a file the user saves; `onProgress` follows main's progress meanwhile. */
  async export(input: MethodInput<'exports.contacts'>, onProgress: (done: number, total: number) => void): Promise<void> {
    const off = onEvent('exports.progress', (p) => onProgress(p.done, p.total));
    try {
      const file = await api.exports.contacts(input);
      saveFile(file);
      toast.success(t('export.done', { file: file.fileName }));
    } finally {
      off();
    }
  },
};

let started = false;
/** Loads the tags and field names once and follows `contacts.changed`; call from the app root. */
export function startContacts(): void {
  if (started) return;
  started = true;
  const ignore = () => undefined;
  void refreshFacts().catch(ignore);
  onEvent('contacts.changed', () => {
    void refreshFacts().catch(ignore);
    changed();
  });
}

/** The deletion toast's Undo: brings the contacts back and says what it did. */
function undoAction(undo: string | null): { label: string; run: () => void } | undefined {
  if (!undo) return undefined;
  return {
    label: t('contacts.undo'),
    run: () =>
      void api.contacts.undoDelete({ undo }).then(
        (r) => {
          if (r.expired) toast.info(t('contacts.undo.expired'));
          else toast.success(r.skipped > 0 ? t('contacts.undo.doneSkipped', { count: r.restored, skipped: r.skipped }) : t('contacts.undo.done', { count: r.restored }));
          changed();
        },
        (error: unknown) => toast.error(error instanceof Error ? error.message : String(error)),
      ),
  };
}

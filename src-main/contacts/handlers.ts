import type { Kernel } from '#main/kernel/context';
import type { Sqlite } from '#main/kernel/db';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { allTags, countContacts, fieldKeys, getContact, listContacts } from './queries';
import { countSelected, createContact, deleteContacts, tagContacts, updateContact } from './service';
import { timeline } from './timeline';

/** Deleting this many contacts or more takes a backup first. */
export const BULK_DELETE_BACKUP = 50;

export function contactsHandlers(
  { db, bus, defaultCountry }: Kernel,
  deps: { queueDb: Sqlite; /** Takes a backup; rejects in words when it cannot (nothing is deleted then). */ backupBefore?: () => Promise<unknown> },
): HandlersOf<'contacts'> {
  const edited = () => bus.emit('contacts.changed', { reason: 'edit' });
  return {
    'contacts.list': (input) => listContacts(db, input),
    'contacts.count': async (input) => ({ total: await countContacts(db, input.query) }),
    'contacts.get': (input) => getContact(db, input.id),
    'contacts.create': mutating(async (input) => {
      const contact = await createContact(db, input, await defaultCountry());
      edited();
      return contact;
    }),
    'contacts.update': mutating(async (input) => {
      const contact = await updateContact(db, input, await defaultCountry());
      edited();
      return contact;
    }),
    'contacts.delete': mutating(async (input) => {
      if (deps.backupBefore && (await countSelected(db, input.selection)) >= BULK_DELETE_BACKUP) await deps.backupBefore();
      const deleted = await deleteContacts(db, input.selection);
      bus.emit('contacts.changed', { reason: 'delete' });
      bus.emit('groups.changed', {});
      return { deleted };
    }),
    'contacts.tag': mutating(async (input) => {
      const updated = await tagContacts(db, input.selection, input.add, input.remove);
      edited();
      return { updated };
    }),
    'contacts.tags': () => allTags(db),
    'contacts.fieldKeys': () => fieldKeys(db),
    'contacts.timeline': (input) => timeline(db, deps.queueDb, input.phone, input.offset, input.limit),
  };
}

import type { Kernel } from '#main/kernel/context';
import type { Sqlite } from '#main/kernel/db';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { allTags, countContacts, fieldKeys, filledFieldKeys, getContact, listContacts } from './queries';
import { countSelected, createContact, tagContacts, updateContact } from './service';
import { deleteContactsUndoably, undoDelete } from './undo';
import { timeline } from './timeline';
import { warmOrders } from './sort-order';

/** Deleting this many contacts or more takes a backup first. */
export const BULK_DELETE_BACKUP = 50;

export function contactsHandlers(
  { db, bus, defaultCountry }: Kernel,
  deps: { queueDb: Sqlite; /** Takes a backup; rejects in words when it cannot (nothing is deleted then). */ backupBefore?: () => Promise<unknown> },
): HandlersOf<'contacts'> {
  const edited = () => bus.emit('contacts.changed', { reason: 'edit' });
  // The in-memory sort orders are built now, in steps that leave the event loop free.
  void warmOrders(db);
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
      const result = await deleteContactsUndoably(db, input.selection, Date.now());
      bus.emit('contacts.changed', { reason: 'delete' });
      bus.emit('groups.changed', {});
      return result;
    }),
    'contacts.undoDelete': mutating(async (input) => {
      const result = await undoDelete(db, input.undo);
      bus.emit('contacts.changed', { reason: 'edit' });
      bus.emit('groups.changed', {});
      return result;
    }),
    'contacts.tag': mutating(async (input) => {
      const updated = await tagContacts(db, input.selection, input.add, input.remove);
      edited();
      return { updated };
    }),
    'contacts.tags': () => allTags(db),
    'contacts.fieldKeys': () => fieldKeys(db),
    'contacts.filledFieldKeys': () => filledFieldKeys(db),
    'contacts.timeline': (input) => timeline(db, deps.queueDb, input.phone, input.offset, input.limit),
  };
}

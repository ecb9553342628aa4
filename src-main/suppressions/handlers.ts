import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { BULK_DELETE_BACKUP } from '#main/contacts/handlers';
import { countSelected } from '#main/contacts/service';
import { addContacts, addNumbers, listSuppressions, moveSuppressions, removeContactSuppressions, removeSuppressions } from './service';

/** `backupBefore`: takes a backup before taking 50 or more numbers off a list (refused if it fails). */
export function suppressionsHandlers({ db, bus, defaultCountry }: Kernel, deps: { backupBefore?: () => Promise<unknown> } = {}): HandlersOf<'suppressions'> {
  const changed = () => bus.emit('contacts.changed', { reason: 'suppressions' });
  return {
    'suppressions.list': (input) => listSuppressions(db, input),
    'suppressions.addNumbers': mutating(async (input) => {
      const result = await addNumbers(db, input.kind, input.numbers, input.reason, await defaultCountry());
      changed();
      return result;
    }),
    'suppressions.addContacts': mutating(async (input) => {
      const added = await addContacts(db, input.kind, input.selection, input.reason);
      changed();
      return { added };
    }),
    'suppressions.removeContacts': mutating(async (input) => {
      if (deps.backupBefore && (await countSelected(db, input.selection)) >= BULK_DELETE_BACKUP) await deps.backupBefore();
      const result = await removeContactSuppressions(db, input.selection);
      changed();
      return result;
    }),
    'suppressions.move': mutating(async (input) => {
      const moved = await moveSuppressions(db, input.phones, input.to);
      changed();
      return { moved };
    }),
    'suppressions.remove': mutating(async (input) => {
      if (deps.backupBefore && input.phones.length >= BULK_DELETE_BACKUP) await deps.backupBefore();
      const removed = await removeSuppressions(db, input.phones);
      changed();
      return { removed };
    }),
  };
}

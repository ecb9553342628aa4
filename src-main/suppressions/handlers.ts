import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { addContacts, addNumbers, listSuppressions, moveSuppressions, removeContactSuppressions, removeSuppressions } from './service';

export function suppressionsHandlers({ db, bus, defaultCountry }: Kernel): HandlersOf<'suppressions'> {
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
      const removed = await removeContactSuppressions(db, input.selection);
      changed();
      return { removed };
    }),
    'suppressions.move': mutating(async (input) => {
      const moved = await moveSuppressions(db, input.phones, input.to);
      changed();
      return { moved };
    }),
    'suppressions.remove': mutating(async (input) => {
      const removed = await removeSuppressions(db, input.phones);
      changed();
      return { removed };
    }),
  };
}

import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { createList, deleteList, listLists, updateList } from './service';

export function listsHandlers({ db, bus }: Kernel): HandlersOf<'lists'> {
  const changed = () => bus.emit('lists.changed', {});
  return {
    'lists.list': () => listLists(db),
    'lists.create': mutating(async (input) => {
      const list = await createList(db, input.name, input.filter);
      changed();
      return list;
    }),
    'lists.update': mutating(async (input) => {
      const list = await updateList(db, input.id, input.name, input.filter);
      changed();
      return list;
    }),
    'lists.delete': mutating(async (input) => {
      const deleted = await deleteList(db, input.id);
      changed();
      return { deleted };
    }),
  };
}

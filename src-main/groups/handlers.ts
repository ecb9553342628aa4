import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { addMembers, createGroup, deleteGroup, listGroups, removeMembers, renameGroup } from './service';

export function groupsHandlers({ db, bus }: Kernel): HandlersOf<'groups'> {
  const membersChanged = () => {
    bus.emit('groups.changed', {});
    bus.emit('contacts.changed', { reason: 'groups' });
  };
  return {
    'groups.list': () => listGroups(db),
    'groups.create': mutating(async (input) => {
      const group = await createGroup(db, input.name);
      bus.emit('groups.changed', {});
      return group;
    }),
    'groups.rename': mutating(async (input) => {
      const group = await renameGroup(db, input.id, input.name);
      bus.emit('groups.changed', {});
      return group;
    }),
    'groups.delete': mutating(async (input) => {
      const deleted = await deleteGroup(db, input.id);
      membersChanged();
      return { deleted };
    }),
    'groups.addMembers': mutating(async (input) => {
      const added = await addMembers(db, input.groupId, input.selection);
      membersChanged();
      return { added };
    }),
    'groups.removeMembers': mutating(async (input) => {
      const removed = await removeMembers(db, input.groupId, input.selection);
      membersChanged();
      return { removed };
    }),
  };
}

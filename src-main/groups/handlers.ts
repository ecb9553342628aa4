import { sql } from 'kysely';
import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { BULK_DELETE_BACKUP } from '#main/contacts/handlers';
import { countSelected } from '#main/contacts/service';
import { addMembers, createGroup, deleteGroup, listGroups, removeMembers, renameGroup, undoRemoveMembers } from './service';

/**
 * `backupBefore`: takes a backup before taking 50 or more people out of a group (removing them, or
 * deleting the group); a failed backup refuses the change.
 */
export function groupsHandlers({ db, bus }: Kernel, deps: { backupBefore?: () => Promise<unknown> } = {}): HandlersOf<'groups'> {
  const memberCount = async (groupId: number) =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM group_members WHERE group_id = ${groupId}`.execute(db)).rows[0]?.n ?? 0);
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
      if (deps.backupBefore && (await memberCount(input.id)) >= BULK_DELETE_BACKUP) await deps.backupBefore();
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
      if (deps.backupBefore && Math.min(await countSelected(db, input.selection), await memberCount(input.groupId)) >= BULK_DELETE_BACKUP) {
        await deps.backupBefore();
      }
      const result = await removeMembers(db, input.groupId, input.selection);
      membersChanged();
      return result;
    }),
    'groups.undoRemoveMembers': mutating(async (input) => {
      const result = await undoRemoveMembers(db, input.undo);
      membersChanged();
      return result;
    }),
  };
}

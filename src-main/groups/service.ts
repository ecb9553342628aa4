import { sql } from 'kysely';
import { t } from '#shared/i18n';
import type { Group } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { Selection } from '#shared/filters';
import { selectionCondition } from '#main/contacts/queries';
import type { Db } from '#main/kernel/db';

export async function listGroups(db: Db): Promise<Group[]> {
  const { rows } = await sql<{ id: number; name: string; created_at: string; n: number }>`
    SELECT g.id, g.name, g.created_at, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS n
    FROM groups g ORDER BY g.name COLLATE NOCASE`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, memberCount: r.n }));
}

async function getGroup(db: Db, id: number): Promise<Group> {
  const group = (await listGroups(db)).find((g) => g.id === id);
  if (!group) throw new AppError('not_found', t('err.groupGone'));
  return group;
}

async function assertNameFree(db: Db, name: string, exceptId: number | null): Promise<void> {
  const clash = await db.selectFrom('groups').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', t('err.groupNameTaken', { name }));
}

export async function createGroup(db: Db, name: string): Promise<Group> {
  await assertNameFree(db, name, null);
  const row = await db
    .insertInto('groups')
    .values({ name, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getGroup(db, row.id);
}

export async function renameGroup(db: Db, id: number, name: string): Promise<Group> {
  await getGroup(db, id);
  await assertNameFree(db, name, id);
  await db.updateTable('groups').set({ name }).where('id', '=', id).execute();
  return getGroup(db, id);
}

export async function deleteGroup(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function addMembers(db: Db, groupId: number, selection: Selection): Promise<number> {
  await getGroup(db, groupId);
  const where = await selectionCondition(db, selection);
  const r = await sql`INSERT OR IGNORE INTO group_members (group_id, contact_id, added_at)
    SELECT ${groupId}, c.id, ${new Date().toISOString()} FROM contacts c WHERE ${where}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function removeMembers(db: Db, groupId: number, selection: Selection): Promise<number> {
  const where = await selectionCondition(db, selection);
  const r = await sql`DELETE FROM group_members WHERE group_id = ${groupId}
    AND contact_id IN (SELECT c.id FROM contacts c WHERE ${where})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

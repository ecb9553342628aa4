import { randomUUID } from 'node:crypto';
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

/** Memberships removed are kept this long for Undo. */
export const UNDO_MEMBERS_KEEP_MS = 60 * 60_000;

/**
 * Takes the selected people out of the group, keeping the memberships under a token (same
 * transaction) for `undoRemoveMembers`; returns how many and the token.
 */
export async function removeMembers(db: Db, groupId: number, selection: Selection, now = Date.now()): Promise<{ removed: number; undo: string | null }> {
  const where = await selectionCondition(db, selection);
  const token = randomUUID();
  const removed = await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM undo_removed_members WHERE removed_at < ${now - UNDO_MEMBERS_KEEP_MS}`.execute(trx);
    await sql`INSERT INTO undo_removed_members (batch, group_id, contact_id, added_at, removed_at)
      SELECT ${token}, group_id, contact_id, added_at, ${now} FROM group_members
      WHERE group_id = ${groupId} AND contact_id IN (SELECT c.id FROM contacts c WHERE ${where})`.execute(trx);
    const r = await sql`DELETE FROM group_members WHERE group_id = ${groupId}
      AND contact_id IN (SELECT contact_id FROM undo_removed_members WHERE batch = ${token})`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  });
  return { removed, undo: removed > 0 ? token : null };
}

/** Puts back the memberships a removal took (of people and a group that still exist). */
export async function undoRemoveMembers(db: Db, token: string): Promise<{ restored: number; expired: boolean }> {
  return db.transaction().execute(async (trx) => {
    const kept = await sql<{ n: number }>`SELECT count(*) AS n FROM undo_removed_members WHERE batch = ${token}`.execute(trx);
    if (Number(kept.rows[0]?.n ?? 0) === 0) return { restored: 0, expired: true };
    const r = await sql`INSERT OR IGNORE INTO group_members (group_id, contact_id, added_at)
      SELECT u.group_id, u.contact_id, u.added_at FROM undo_removed_members u
      WHERE u.batch = ${token}
        AND EXISTS (SELECT 1 FROM groups g WHERE g.id = u.group_id)
        AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = u.contact_id)`.execute(trx);
    await sql`DELETE FROM undo_removed_members WHERE batch = ${token}`.execute(trx);
    return { restored: Number(r.numAffectedRows ?? 0), expired: false };
  });
}

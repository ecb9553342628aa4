/**
 * Undo for deleting contacts. A deletion keeps each contact's row (every column but the id), tags
 * and groups under a token, in the same transaction as the delete; Undo puts them back (same id
 * when it is free, the tags, the groups that still exist) unless the number was added to the book
 * again meanwhile. Kept for UNDO_KEEP_MS; after that the backup before a large deletion remains.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Selection } from '#shared/filters';
import type { Db } from '#main/kernel/db';
import { selectionCondition } from './queries';
import { reindexContact } from './search-index';
import { invalidateOrder } from './sort-order';

export const UNDO_KEEP_MS = 60 * 60_000;

/** The contact table's columns but the id, read from the schema (so a new column is kept too). */
async function contactColumns(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info('contacts')`.execute(db);
  return rows.map((r) => r.name).filter((name) => name !== 'id');
}

/** Deletes the selected contacts, keeping them for Undo; returns how many and the undo token. */
export async function deleteContactsUndoably(db: Db, selection: Selection, now: number): Promise<{ deleted: number; undo: string | null }> {
  const where = await selectionCondition(db, selection);
  const columns = await contactColumns(db);
  const token = randomUUID();
  const rowJson = sql.raw(`json_object(${columns.map((c) => `'${c}', c."${c}"`).join(', ')})`);
  const deleted = await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM undo_deleted_contacts WHERE deleted_at < ${now - UNDO_KEEP_MS}`.execute(trx);
    await sql`INSERT INTO undo_deleted_contacts (batch, id, row, tags, group_ids, deleted_at)
      SELECT ${token}, c.id, ${rowJson},
        (SELECT json_group_array(tag) FROM contact_tags WHERE contact_id = c.id),
        (SELECT json_group_array(group_id) FROM group_members WHERE contact_id = c.id),
        ${now}
      FROM contacts c WHERE ${where}`.execute(trx);
    const result = await sql`DELETE FROM contacts WHERE id IN (SELECT id FROM undo_deleted_contacts WHERE batch = ${token})`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
  invalidateOrder(db);
  return { deleted, undo: deleted > 0 ? token : null };
}

/** Brings back a deletion's contacts; `skipped`: numbers in the book again, kept as they are now. */
export async function undoDelete(db: Db, token: string): Promise<{ restored: number; skipped: number; expired: boolean }> {
  const columns = await contactColumns(db);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const values = sql.raw(columns.map((c) => `u.row ->> '$.${c}'`).join(', '));
  const result = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number; phone: string }>`SELECT id, row ->> '$.phone' AS phone FROM undo_deleted_contacts WHERE batch = ${token}`.execute(trx);
    if (rows.length === 0) return { restored: [] as number[], skipped: 0, expired: true };
    const restored: number[] = [];
    let skipped = 0;
    for (const r of rows) {
      const taken = await sql<{ one: number }>`SELECT 1 AS one FROM contacts WHERE phone = ${r.phone}`.execute(trx);
      if (taken.rows.length > 0) {
        skipped++;
        continue;
      }
      const idFree = (await sql`SELECT 1 FROM contacts WHERE id = ${r.id}`.execute(trx)).rows.length === 0;
      const inserted = await sql<{ id: number }>`INSERT INTO contacts (${sql.raw(idFree ? 'id, ' : '')}${list})
        SELECT ${sql.raw(idFree ? 'u.id, ' : '')}${values} FROM undo_deleted_contacts u WHERE u.batch = ${token} AND u.id = ${r.id}
        RETURNING id`.execute(trx);
      const id = inserted.rows[0]?.id;
      if (id === undefined) continue;
      await sql`INSERT OR IGNORE INTO contact_tags (tag, contact_id)
        SELECT value, ${id} FROM undo_deleted_contacts u, json_each(u.tags) WHERE u.batch = ${token} AND u.id = ${r.id}`.execute(trx);
      await sql`INSERT OR IGNORE INTO group_members (group_id, contact_id, added_at)
        SELECT value, ${id}, ${new Date().toISOString()} FROM undo_deleted_contacts u, json_each(u.group_ids)
        WHERE u.batch = ${token} AND u.id = ${r.id} AND EXISTS (SELECT 1 FROM groups g WHERE g.id = value)`.execute(trx);
      await reindexContact(trx, id);
      restored.push(id);
    }
    await sql`DELETE FROM undo_deleted_contacts WHERE batch = ${token}`.execute(trx);
    return { restored, skipped, expired: false };
  });
  invalidateOrder(db);
  return { restored: result.restored.length, skipped: result.skipped, expired: result.expired };
}

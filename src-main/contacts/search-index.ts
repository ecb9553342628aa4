/**
 * Keeps the trigram search index (contacts_fts) in step with contacts. Every insert or update of a
 * contact's name, phone or fields must call one of these in the same transaction; deletes are
 * handled by a trigger. A test checks the index against the table after every kind of write.
 */
import { sql } from 'kysely';
import type { Db, Sqlite } from '#main/kernel/db';

/** Re-indexes one contact (after create or update), through Kysely. */
export async function reindexContact(db: Db, id: number): Promise<void> {
  await sql`DELETE FROM contacts_fts WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO contacts_fts (rowid, text) SELECT id, text FROM contact_search_text WHERE id = ${id}`.execute(db);
}

/** Raw-connection batch indexing, for the import writer. */
export function searchIndexStatements(db: Sqlite) {
  const insertRange = db.prepare(
    'INSERT INTO contacts_fts (rowid, text) SELECT id, text FROM contact_search_text WHERE id BETWEEN ? AND ?',
  );
  const remove = db.prepare('DELETE FROM contacts_fts WHERE rowid = ?');
  const insertOne = db.prepare('INSERT INTO contacts_fts (rowid, text) SELECT id, text FROM contact_search_text WHERE id = ?');
  return {
    /** New contacts with consecutive ids. */
    indexRange(first: number, last: number): void {
      if (last >= first) insertRange.run(first, last);
    },
    reindex(id: number): void {
      remove.run(id);
      insertOne.run(id);
    },
  };
}

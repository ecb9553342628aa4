/**
 * Orders of the whole book by a column no index sorts (last change, a custom field), for the
 * contacts page. SQLite would sort every contact for each page (0.4–0.7 s at a million, blocking);
 * instead the order is sorted once, off the main thread in a worker on its own read-only
 * connection, and kept beside the name and phone orders (sort-order.ts) while the data is unchanged.
 */
import { sql } from 'kysely';
import type { Db, Sqlite } from '#main/kernel/db';
import type { Order } from './sort-order';
import { idsOf } from './sort-order';

/** The ascending ORDER BY of a column (descending is its exact reverse: ties go by id too). */
export function columnOrderSql(db: Db, column: string): { sql: string; parameters: readonly unknown[] } | null {
  if (column === 'updatedAt') return { sql: 'c.updated_at ASC, c.id ASC', parameters: [] };
  if (!column.startsWith('field:')) return null;
  const key = column.slice('field:'.length);
  const c = sql`(SELECT value ->> 1 FROM json_each(c.fields) WHERE value ->> 0 = ${key} LIMIT 1) COLLATE NOCASE ASC, c.id ASC`.compile(db);
  return { sql: c.sql, parameters: c.parameters };
}

/** Sorts the book (in the worker): the ids in order, and each id's rank. */
export function sortBook(raw: Sqlite, orderSql: string, parameters: readonly unknown[]): Order {
  const idAt = idsOf(raw, `SELECT c.id AS id FROM contacts c ORDER BY ${orderSql}`, parameters);
  let maxId = 0;
  for (let r = 0; r < idAt.length; r++) maxId = Math.max(maxId, idAt[r] ?? 0);
  const rankOf = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < idAt.length; r++) rankOf[idAt[r] ?? 0] = r;
  return { rankOf, idAt };
}

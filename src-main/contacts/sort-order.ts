/**
 * Sorted orders of all contacts, cached in memory, so a search can page through its matches in name
 * or phone order without touching each matching row. At 100 000 contacts the cache holds a few
 * Int32Arrays and the sorted phone strings (about 4 MB). Rebuilt lazily after any change: this
 * connection's writes call `invalidateOrder`, and commits by other connections (the import worker)
 * show in SQLite's data_version.
 */
import { sql } from 'kysely';
import type { Db } from '#main/kernel/db';

export type OrderColumn = 'name' | 'phone';

type Order = { rankOf: Int32Array; idAt: Int32Array };
type PhoneOrder = Order & { phones: string[] };
type State = { local: number; stamp: string; name: Order | null; phone: PhoneOrder | null };

const states = new WeakMap<Db, State>();

function state(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = { local: 0, stamp: '', name: null, phone: null };
    states.set(db, s);
  }
  return s;
}

export function invalidateOrder(db: Db): void {
  state(db).local++;
}

/** Drops cached orders if the data changed since they were built. */
async function fresh(db: Db): Promise<State> {
  const s = state(db);
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  const stamp = `${rows[0]?.data_version ?? 0}:${s.local}`;
  if (stamp !== s.stamp) {
    s.stamp = stamp;
    s.name = null;
    s.phone = null;
  }
  return s;
}

function toOrder(ids: number[]): Order {
  let maxId = 0;
  for (const id of ids) if (id > maxId) maxId = id;
  const rankOf = new Int32Array(maxId + 1).fill(-1);
  const idAt = Int32Array.from(ids);
  ids.forEach((id, rank) => {
    rankOf[id] = rank;
  });
  return { rankOf, idAt };
}

async function nameOrder(db: Db): Promise<Order> {
  const s = await fresh(db);
  if (!s.name) {
    const { rows } = await sql<{ id: number }>`SELECT id FROM contacts ORDER BY name_key, id`.execute(db);
    s.name = toOrder(rows.map((r) => r.id));
  }
  return s.name;
}

async function phoneOrder(db: Db): Promise<PhoneOrder> {
  const s = await fresh(db);
  if (!s.phone) {
    const { rows } = await sql<{ id: number; phone: string }>`SELECT id, phone FROM contacts ORDER BY phone`.execute(db);
    s.phone = { ...toOrder(rows.map((r) => r.id)), phones: rows.map((r) => r.phone) };
  }
  return s.phone;
}

/** Returns `ids` sorted by the column (ties by id), ascending or descending. */
export async function sortIdsBy(db: Db, column: OrderColumn, ids: readonly number[], descending: boolean): Promise<number[]> {
  const { rankOf, idAt } = column === 'name' ? await nameOrder(db) : await phoneOrder(db);
  const ranks = new Int32Array(ids.length);
  let n = 0;
  for (const id of ids) {
    const rank = id < rankOf.length ? (rankOf[id] ?? -1) : -1;
    if (rank >= 0) ranks[n++] = rank;
  }
  const sorted = ranks.subarray(0, n).sort();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[descending ? n - 1 - i : i] = idAt[sorted[i] ?? 0] ?? 0;
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A page of the contacts whose phone starts with any of `prefixes`, answered from memory: the
 * prefixes are ranges of the phone order; for a name-sorted page of a large match, walk the name
 * order and keep ids whose phone rank falls in a range (a broad prefix such as "+90 5" matches
 * most of a book, so the walk stops after a few rows).
 */
export async function phonePrefixPage(
  db: Db,
  prefixes: string[],
  sort: { column: 'name' | 'phone' | 'createdAt'; descending: boolean },
  offset: number,
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  const order = await phoneOrder(db);
  const ranges = prefixes
    .map((p) => [lowerBound(order.phones, p), lowerBound(order.phones, `${p}\uffff`)] as const)
    .filter(([lo, hi]) => hi > lo)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  const total = merged.reduce((n, [lo, hi]) => n + hi - lo, 0);
  if (sort.column === 'name' && total > 2000) {
    const inRange = (rank: number) => merged.some(([lo, hi]) => rank >= lo && rank < hi);
    const names = await nameOrder(db);
    const ids: number[] = [];
    let seen = 0;
    const n = names.idAt.length;
    for (let i = 0; i < n && ids.length < limit; i++) {
      const id = names.idAt[sort.descending ? n - 1 - i : i] ?? 0;
      if (inRange(order.rankOf[id] ?? -1) && seen++ >= offset) ids.push(id);
    }
    return { ids, total };
  }
  let matches: number[] = []; // in phone order
  for (const [lo, hi] of merged) for (let r = lo; r < hi; r++) matches.push(order.idAt[r] ?? 0);
  if (sort.column === 'name') matches = await sortIdsBy(db, 'name', matches, sort.descending);
  else if (sort.column === 'createdAt') matches.sort((a, b) => (sort.descending ? b - a : a - b));
  else if (sort.descending) matches.reverse();
  return { ids: matches.slice(offset, offset + limit), total };
}

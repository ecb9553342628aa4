/**
 * Sorted orders of all contacts, by name (name_key, id) and by phone, kept in memory as two
 * Int32Arrays each (a contact's rank, the id at a rank: 16 bytes a contact for both orders, 16 MB
 * at 1 000 000). With them a search with many matches finds its page by marking its matches' ranks
 * and walking the marks: time in proportion to the matches, no sort, no row read but the page's.
 *
 * They are never built on a keystroke: `warmOrders` builds them at open, and again after any change,
 * in chunks of the sorted indexes between which the event loop turns; a change during a build starts
 * it over. Until an order is ready `readyOrder` says null and callers answer from SQLite (slower on
 * very broad matches, never different). Changes: this connection's writes call `invalidateOrder`;
 * commits by other connections (the import writer) show in SQLite's data_version.
 */
import type { Statement } from 'better-sqlite3';
import type { Db, Sqlite } from '#main/kernel/db';
import { rawOf } from '#main/db/connection';
import { buildSets, type SearchSets } from './search-sets';

export type OrderColumn = 'name' | 'phone';
export type Order = { rankOf: Int32Array; idAt: Int32Array };

type State = {
  raw: Sqlite;
  /** Reads the count of this connection's writes (countWrites), on every stamp. */
  writes: Statement<unknown[]>;
  local: number;
  /** The data the orders (and a build under way) are of. */
  stamp: string;
  orders: Partial<Record<OrderColumn, Order>>;
  /** Large groups and frequent words as sets (search-sets.ts), built after the orders. */
  sets: SearchSets | null;
  /** Orders by other columns (column-order.ts), sorted when first asked for, the latest few. */
  columns: Map<string, { stamp: string; order: Promise<Order | null> }>;
  building: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
};

/** Rows read between two turns of the event loop while building (a few ms each). */
const BUILD_CHUNK = 10_000;

const states = new WeakMap<Db, State>();

function state(db: Db): State | null {
  let s = states.get(db);
  if (!s) {
    const raw = rawOf(db);
    if (!raw) return null;
    countWrites(raw);
    const writes = raw.prepare('SELECT n FROM temp.pigeon_book_writes').pluck();
    s = { raw, writes, local: 0, stamp: '', orders: {}, sets: null, columns: new Map(), building: null, timer: null };
    states.set(db, s);
  }
  return s;
}

/**
 * This connection's writes to what the orders and sets are made of, counted by temporary triggers
 * (they live and fire on this connection only; other connections' commits show in data_version),
 * in the statement that writes: no write site can forget to say it changed the book.
 */
function countWrites(raw: Sqlite): void {
  const bump = 'BEGIN UPDATE temp.pigeon_book_writes SET n = n + 1; END;';
  raw.exec(`CREATE TEMP TABLE IF NOT EXISTS pigeon_book_writes (n INTEGER NOT NULL);
    INSERT INTO temp.pigeon_book_writes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.pigeon_book_writes);
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_contact_added AFTER INSERT ON main.contacts ${bump}
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_contact_removed AFTER DELETE ON main.contacts ${bump}
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_contact_changed AFTER UPDATE OF phone, name, name_key, fields, updated_at ON main.contacts ${bump}
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_member_added AFTER INSERT ON main.group_members ${bump}
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_member_removed AFTER DELETE ON main.group_members ${bump}
    CREATE TEMP TRIGGER IF NOT EXISTS pigeon_group_added AFTER INSERT ON main.groups ${bump}`);
}

function stampOf(s: State): string {
  const writes = s.writes.get() as number;
  return `${String(s.raw.pragma('data_version', { simple: true }))}:${writes}:${s.local}`;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads one order in chunks; null when the data changed meanwhile (or the database closed). */
async function buildOrder(s: State, column: OrderColumn, stamp: string): Promise<Order | null> {
  const raw = s.raw;
  // No count(*) here: at a million contacts it reads a whole index in one block (30–70 ms). The ids
  // are at most the largest id, so that many slots hold them; the order is cut to size at the end.
  const maxId = raw.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number;
  const slots = new Int32Array(maxId);
  const first =
    column === 'name'
      ? raw.prepare('SELECT name_key, id FROM contacts ORDER BY name_key, id LIMIT ?').raw()
      : raw.prepare('SELECT phone, id FROM contacts ORDER BY phone LIMIT ?').raw();
  const next =
    column === 'name'
      ? raw.prepare('SELECT name_key, id FROM contacts WHERE (name_key, id) > (?, ?) ORDER BY name_key, id LIMIT ?').raw()
      : raw.prepare('SELECT phone, id FROM contacts WHERE phone > ? ORDER BY phone LIMIT ?').raw();
  let filled = 0;
  let last: [string, number] | null = null;
  for (;;) {
    let rows: [string, number][];
    if (last === null) rows = first.all(BUILD_CHUNK) as [string, number][];
    else if (column === 'name') rows = next.all(last[0], last[1], BUILD_CHUNK) as [string, number][];
    else rows = next.all(last[0], BUILD_CHUNK) as [string, number][];
    if (filled + rows.length > maxId) return null;
    for (const row of rows) slots[filled++] = row[1];
    if (rows.length < BUILD_CHUNK) break;
    last = rows[rows.length - 1] ?? null;
    await turn();
    if (!raw.open || stampOf(s) !== stamp) return null;
  }
  const idAt = slots.slice(0, filled);
  const n = filled;
  const rankOf = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < n; r++) rankOf[idAt[r] ?? 0] = r;
  return { rankOf, idAt };
}

async function build(s: State): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!s.raw.open) return;
    const stamp = stampOf(s);
    s.stamp = stamp;
    s.orders = {};
    s.sets = null;
    const name = await buildOrder(s, 'name', stamp);
    if (!name || stampOf(s) !== stamp) continue;
    s.orders.name = name;
    await turn();
    if (!s.raw.open || stampOf(s) !== stamp) continue;
    const phone = await buildOrder(s, 'phone', stamp);
    if (!phone || stampOf(s) !== stamp) continue;
    s.orders.phone = phone;
    const sets = await buildSets(s.raw, async () => {
      await turn();
      return s.raw.open && stampOf(s) === stamp;
    });
    if (!sets || stampOf(s) !== stamp) continue;
    s.sets = sets;
    return;
  }
}

/** Starts building the orders (at open and after changes) unless a build is under way. */
export function warmOrders(db: Db): Promise<void> {
  const s = state(db);
  if (!s) return Promise.resolve();
  if (!s.building) {
    s.building = build(s)
      .catch(() => undefined) // a closed database: nothing to build for
      .finally(() => {
        s.building = null;
        // Changed during the last attempt: try again a little later.
        if (s.raw.open && stampOf(s) !== s.stamp) schedule(s);
      });
  }
  return s.building;
}

function schedule(s: State): void {
  if (s.timer) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    if (s.raw.open && !s.building) s.building = build(s).catch(() => undefined).finally(() => (s.building = null));
  }, 100);
  s.timer.unref?.();
}

export function invalidateOrder(db: Db): void {
  const s = state(db);
  if (!s) return;
  s.local++;
  s.orders = {};
  s.sets = null;
  schedule(s);
}

/** The order when it is ready and of the current data; otherwise null (and a build is started). */
export function readyOrder(db: Db, column: OrderColumn): Order | null {
  const s = state(db);
  if (!s) return null;
  if (stampOf(s) !== s.stamp) {
    s.orders = {};
    s.sets = null;
    void warmOrders(db);
    return null;
  }
  return s.orders[column] ?? null;
}

/** Orders by other columns kept at once (8 bytes a contact each). */
const COLUMN_ORDERS_KEPT = 3;

/**
 * The book in the order of `column`, sorted by `sort` (off the main thread) unless an order of the
 * current data is kept; null when the data changed while sorting, twice (the caller then asks SQLite).
 */
export function columnOrder(db: Db, column: string, sort: () => Promise<Order>): Promise<Order | null> {
  const s = state(db);
  if (!s) return Promise.resolve(null);
  const stamp = stampOf(s);
  const kept = s.columns.get(column);
  if (kept && kept.stamp === stamp) return kept.order;
  const attempt = async (): Promise<Order | null> => {
    for (let i = 0; i < 2; i++) {
      const before = stampOf(s);
      const order = await sort();
      if (s.raw.open && stampOf(s) === before) return order;
    }
    return null;
  };
  const order = attempt().catch(() => null);
  s.columns.delete(column);
  s.columns.set(column, { stamp, order });
  while (s.columns.size > COLUMN_ORDERS_KEPT) s.columns.delete(s.columns.keys().next().value ?? '');
  return order;
}

/** The sets with the orders they were built with, when ready and of the current data; else null. */
export function readySets(db: Db): { sets: SearchSets; name: Order; phone: Order } | null {
  const name = readyOrder(db, 'name');
  const s = states.get(db);
  if (!name || !s?.sets || !s.orders.phone) return null;
  return { sets: s.sets, name, phone: s.orders.phone };
}

/**
 * The page of `ids` (any order, duplicates ignored) in the order's sort, and how many they are:
 * ranks are marked in a byte map and walked from the chosen end.
 */
export function pageOfIds(
  order: Order,
  ids: ArrayLike<number>,
  descending: boolean,
  offset: number,
  limit: number,
): { ids: number[]; total: number } {
  const { rankOf, idAt } = order;
  const n = idAt.length;
  const marks = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    const rank = id < rankOf.length ? (rankOf[id] ?? -1) : -1;
    if (rank >= 0 && marks[rank] === 0) {
      marks[rank] = 1;
      total++;
    }
  }
  const out: number[] = [];
  let seen = 0;
  if (offset < total) {
    for (let i = 0; i < n && out.length < limit; i++) {
      const rank = descending ? n - 1 - i : i;
      if (marks[rank] === 1 && seen++ >= offset) out.push(idAt[rank] ?? 0);
    }
  }
  return { ids: out, total };
}

/**
 * Runs a one-column integer query and returns its values, fast for hundreds of thousands: SQLite
 * joins them into one string (one row handed over instead of one per value) parsed here.
 */
export function idsOf(raw: Sqlite, query: string, params: readonly unknown[]): Int32Array {
  const text = raw.prepare(`SELECT group_concat(id) FROM (${query})`).pluck().get(...params) as string | null;
  if (!text) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Int32Array(count);
  let k = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  out[k] = value;
  return out;
}

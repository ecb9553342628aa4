/** Contact queries: plain functions taking the database first, with row↔domain mappers. */
import { t } from '#shared/i18n';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ContactDetail, ContactRow, FieldPairs } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { ContactQuery, Selection, SmartFilter } from '#shared/filters';
import { SmartFilterSchema } from '#shared/filters';
import { rawOf } from '#main/db/connection';
import { getSettings } from '#main/settings/settings';
import type { Db } from '#main/kernel/db';
import type { Sqlite } from '#main/kernel/db';
import { contactQueryCondition, planSearch, prefixEnd, type SearchPlan } from './query-builder';
import { columnOrder, idsOf, pageOfIds, readyOrder, readySets, type Order } from './sort-order';
import { columnOrderSql } from './column-order';
import { bookReaderOf, offThread, type BookReader } from './off-thread';
import { bitsOf, combine, groupBits, pageOfBits, popcount, textBits, type Bits } from './search-sets';

type ContactRecord = {
  id: number;
  phone: string;
  name: string;
  fields: string;
  note: string;
  source: string | null;
  created_at: string;
  updated_at: string;
  tags: string | null;
  suppression: string | null;
  wa_status: string | null;
  wa_checked_at: string | null;
};

export function parseFieldPairs(json: string): FieldPairs {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  const pairs: FieldPairs = [];
  for (const item of value) {
    if (Array.isArray(item) && typeof item[0] === 'string') pairs.push([item[0], String(item[1] ?? '')]);
  }
  return pairs;
}

function toContactRow(r: ContactRecord): ContactRow {
  return {
    id: r.id,
    phone: r.phone,
    name: r.name,
    fields: parseFieldPairs(r.fields),
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    note: r.note,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    suppression: r.suppression === 'black' || r.suppression === 'gray' ? r.suppression : null,
    waStatus: r.wa_status === 'yes' || r.wa_status === 'no' ? r.wa_status : null,
    waCheckedAt: r.wa_checked_at,
  };
}

const rowColumns = sql`c.id, c.phone, c.name, c.fields, c.note, c.source, c.created_at, c.updated_at,
  c.wa_status, c.wa_checked_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM contact_tags WHERE contact_id = c.id ORDER BY tag)) AS tags,
  (SELECT kind FROM suppressions s WHERE s.phone = c.phone) AS suppression`;

export async function loadListFilter(db: Db, listId: number | null): Promise<SmartFilter | null> {
  if (listId === null) return null;
  const row = await db.selectFrom('smart_lists').select('filter').where('id', '=', listId).executeTakeFirst();
  if (!row) throw new AppError('not_found', t('err.listGone'));
  return SmartFilterSchema.parse(JSON.parse(row.filter));
}

async function defaultCountry(db: Db): Promise<string> {
  return (await getSettings(db)).defaultCountry;
}

export async function queryCondition(db: Db, query: ContactQuery): Promise<RawBuilder<SqlBool>> {
  return contactQueryCondition(query, await loadListFilter(db, query.listId), { defaultCountry: await defaultCountry(db) });
}

function isPlainQuery(query: ContactQuery): boolean {
  const f = query.filter;
  return (
    query.listId === null &&
    query.status === 'all' &&
    f.groupIds.length === 0 &&
    f.tags.length === 0 &&
    f.fields.length === 0 &&
    f.createdFrom === null &&
    f.createdTo === null &&
    f.whatsapp === 'any'
  );
}


/** The condition for a bulk selection: explicit ids, or a whole query. */
export async function selectionCondition(db: Db, selection: Selection): Promise<RawBuilder<SqlBool>> {
  if (selection.kind === 'ids') {
    return sql<SqlBool>`c.id IN (SELECT value FROM json_each(${JSON.stringify(selection.ids)}))`;
  }
  return queryCondition(db, selection.query);
}

function orderBy(sort: { column: string; direction: 'asc' | 'desc' }) {
  const dir = sql.raw(sort.direction === 'desc' ? 'DESC' : 'ASC');
  switch (sort.column) {
    case 'name':
      return sql`c.name_key ${dir}, c.id ${dir}`;
    case 'phone':
      return sql`c.phone ${dir}`;
    case 'createdAt':
      // Ids are handed out in the order contacts are added, so id order is creation order.
      return sql`c.id ${dir}`;
    case 'updatedAt':
      return sql`c.updated_at ${dir}, c.id ${dir}`;
    default: {
      const key = sort.column.startsWith('field:') ? sort.column.slice('field:'.length) : '';
      return sql`(SELECT value ->> 1 FROM json_each(c.fields) WHERE value ->> 0 = ${key} LIMIT 1) COLLATE NOCASE ${dir}, c.id ${dir}`;
    }
  }
}

export type ListInput = {
  query: ContactQuery;
  sort: { column: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  withTotal: boolean;
};

async function rowsByIds(db: Db, ids: number[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ContactRecord>`SELECT ${rowColumns} FROM contacts c
    WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toContactRow(r)] : [];
  });
}

/** The groups of a query that is nothing but "in any of these groups" (no search either). */
function groupsOnlyFilter(query: ContactQuery): number[] | null {
  const f = query.filter;
  const onlyGroups = isPlainQuery({ ...query, filter: { ...f, groupIds: [] } }) && query.search.trim() === '';
  if (!onlyGroups || f.groupIds.length === 0) return null;
  return f.groupIds.length === 1 || f.groupMatch !== 'all' ? f.groupIds : null;
}

/**
 * The matches of a plain text search or of a groups-only filter as an in-memory set, when the sets
 * are ready and help (search-sets.ts); null otherwise.
 */
function setOf(db: Db, raw: Sqlite, query: ContactQuery, plan: SearchPlan): { bits: Bits; name: Int32Array; phone: Int32Array } | null {
  const ready = readySets(db);
  const f = query.filter;
  // Words and groups only (no other filter, list or status).
  if (!ready || !isPlainQuery({ ...query, filter: { ...f, groupIds: [] } })) return null;
  if (plan !== null && plan.kind !== 'text') return null;
  const small = (gid: number): Bits => bitsOf(idsOf(raw, 'SELECT contact_id AS id FROM group_members WHERE group_id = ?', [gid]), ready.sets.maxId);
  const parts: Bits[] = [];
  if (plan?.kind === 'text') {
    const words = textBits(raw, ready.sets, plan.words);
    if (!words) return null;
    parts.push(words);
  }
  if (f.groupIds.length > 0) {
    // Groups alone only when one of them is large: a few small groups are as fast from their index.
    if (parts.length === 0 && !f.groupIds.some((gid) => ready.sets.groups.has(gid))) return null;
    const mode = f.groupIds.length === 1 ? 'any' : f.groupMatch === 'all' ? 'all' : 'any';
    const members = groupBits(ready.sets, f.groupIds, mode) ?? combine(f.groupIds.map((gid) => ready.sets.groups.get(gid) ?? small(gid)), mode);
    if (members) parts.push(members);
  }
  const bits = combine(parts, 'all');
  return bits ? { bits, name: ready.name.idAt, phone: ready.phone.idAt } : null;
}

/** Tuning of the filtered-page paths (tests lower them to drive every path on a small book). */
export const pageTuning = {
  /** Index entries a walk along the sorted index may read before giving up for the id-set path. */
  walkBudget: 2000,
  /** Phone matches up to this many are sorted by SQLite rather than walked. */
  fewPhones: 3000,
  /** Phone matches are counted up to this many to size a walk of the name index. */
  phoneCountBound: 50_000,
  /** The longest walk of the name index for a phone search (beyond it: the id set). */
  phoneWalkMax: 20_000,
};

type Page = { ids: number[]; total: number | null };
type SortColumn = 'name' | 'phone' | 'createdAt';

const ORDER_SQL: Record<SortColumn, { asc: string; desc: string; index: string; key: string }> = {
  name: { asc: 'name_key ASC, id ASC', desc: 'name_key DESC, id DESC', index: 'INDEXED BY contacts_by_name', key: 'name_key, id' },
  phone: { asc: 'phone ASC', desc: 'phone DESC', index: 'INDEXED BY sqlite_autoindex_contacts_1', key: 'phone, id' },
  createdAt: { asc: 'id ASC', desc: 'id DESC', index: '', key: 'id' },
};

function compiled(db: Db, cond: RawBuilder<SqlBool>): { where: string; params: readonly unknown[] } {
  const c = sql`${cond}`.compile(db);
  return { where: c.sql, params: c.parameters };
}

/**
 * The page from a walk along the sorted index: at most `walkBudget` entries are read, each tested
 * with the condition (memberships probed); null when the page is not within them.
 */
function walkPage(
  raw: Sqlite,
  column: SortColumn,
  descending: boolean,
  cond: { where: string; params: readonly unknown[] },
  offset: number,
  limit: number,
  budget = pageTuning.walkBudget,
): Page | null {
  const o = ORDER_SQL[column];
  const dir = descending ? o.desc : o.asc;
  const outer = dir.replace(/(\w+) (ASC|DESC)/g, 'w.$1 $2');
  const ids = raw
    .prepare(
      `SELECT c.id FROM (SELECT ${o.key} FROM contacts ${o.index} ORDER BY ${dir} LIMIT ?) w
       CROSS JOIN contacts c ON c.id = w.id WHERE ${cond.where} ORDER BY ${outer} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(budget, ...cond.params, limit, offset) as number[];
  if (ids.length === limit) return { ids, total: null };
  // Fewer than a page: complete only if the walk reached the end of the book.
  const n = raw.prepare('SELECT count(*) FROM (SELECT 1 FROM contacts LIMIT ?)').pluck().get(budget + 1) as number;
  return n <= budget ? { ids, total: offset + ids.length } : null;
}

/** The page of an id set: in the in-memory order when it is ready, else sorted by SQLite. */
function idSetPage(db: Db, raw: Sqlite, column: SortColumn, descending: boolean, ids: Int32Array, offset: number, limit: number): Page {
  if (column === 'createdAt') {
    const sorted = ids.slice().sort();
    const out: number[] = [];
    const n = sorted.length;
    for (let i = offset; i < Math.min(n, offset + limit); i++) out.push(sorted[descending ? n - 1 - i : i] ?? 0);
    return { ids: out, total: n };
  }
  const order = readyOrder(db, column);
  if (order) return pageOfIds(order, ids, descending, offset, limit);
  const o = ORDER_SQL[column];
  const page = raw
    .prepare(`SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ${descending ? o.desc : o.asc} LIMIT ? OFFSET ?`)
    .pluck()
    .all(JSON.stringify(Array.from(ids)), limit, offset) as number[];
  return { ids: page, total: ids.length };
}

/** Disjoint, sorted [from, to) ranges of the phone index for a set of prefixes. */
function phoneRanges(prefixes: string[]): [string, string][] {
  const sorted = [...new Set(prefixes)].sort();
  const kept = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(q)));
  return kept.map((p) => [p, prefixEnd(p)]);
}

/**
 * A page of the contacts whose phone starts with any of the prefixes, from the phone index: in
 * phone order, range after range; in name order, a walk of the name index when the matches are
 * many, SQLite's sort of the few otherwise; in creation order, the id set.
 */
function phonePage(db: Db, raw: Sqlite, prefixes: string[], column: SortColumn, descending: boolean, offset: number, limit: number): Page {
  const ranges = phoneRanges(prefixes);
  if (ranges.length === 0) return { ids: [], total: 0 };
  const where = ranges.map(() => '(phone >= ? AND phone < ?)').join(' OR ');
  const params = ranges.flat();
  if (column === 'phone') {
    const ids: number[] = [];
    let skip = offset;
    const inOrder = descending ? [...ranges].reverse() : ranges;
    const page = raw.prepare(`SELECT id FROM contacts WHERE phone >= ? AND phone < ? ORDER BY phone ${descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`).pluck();
    const count = raw.prepare('SELECT count(*) FROM contacts WHERE phone >= ? AND phone < ?').pluck();
    for (const [from, to] of inOrder) {
      if (ids.length >= limit) break;
      const got = page.all(from, to, limit - ids.length, skip) as number[];
      if (got.length > 0) {
        ids.push(...got);
        skip = 0;
      } else if (skip > 0) skip = Math.max(0, skip - (count.get(from, to) as number));
    }
    return { ids, total: null };
  }
  if (column === 'name') {
    // How many match, counted up to a bound along the phone index (no row read).
    const bound = pageTuning.phoneCountBound;
    const matched = raw.prepare(`SELECT count(*) FROM (SELECT 1 FROM contacts WHERE ${where} LIMIT ?)`).pluck().get(...params, bound) as number;
    if (matched <= pageTuning.fewPhones) {
      // Unary plus: sort these few, rather than walk the name index looking for them.
      const dir = descending ? 'DESC' : 'ASC';
      const ids = raw
        .prepare(`SELECT id FROM contacts WHERE ${where} ORDER BY +name_key ${dir}, +id ${dir} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...params, limit, offset) as number[];
      return { ids, total: matched };
    }
    // The walk the page needs at this density (the largest id stands for the book's size).
    const book = bookSize(raw) || 1;
    const walk = Math.ceil(((offset + limit) * book) / matched * 1.5);
    if (walk <= pageTuning.phoneWalkMax) {
      const walked = walkPage(raw, 'name', descending, { where: where.replace(/phone/g, 'c.phone'), params }, offset, limit, Math.max(walk, pageTuning.walkBudget));
      if (walked) return walked;
    }
  }
  return idSetPage(db, raw, column, descending, idsOf(raw, `SELECT id FROM contacts WHERE ${where}`, params), offset, limit);
}

/** The largest id, standing for the book's size (one index lookup). */
function bookSize(raw: Sqlite): number {
  return raw.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number;
}

/** Whether SQLite would read every contact (or a whole index of them) to answer the condition. */
function scansBook(raw: Sqlite, cond: { where: string; params: readonly unknown[] }): boolean {
  const plan = raw.prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM contacts c WHERE ${cond.where}`).all(...cond.params) as { detail: string }[];
  return plan.some((row) => /^SCAN c\b/.test(row.detail));
}

/**
 * The reader of scans off the main thread, when the book is large enough to need it and the
 * condition is a scan (a range of an index, a word or a group is read in place: faster than a worker).
 */
function offThreadReader(db: Db, raw: Sqlite, cond: { where: string; params: readonly unknown[] }): BookReader | null {
  const reader = bookReaderOf(db);
  return reader && bookSize(raw) >= offThread.minBook && scansBook(raw, cond) ? reader : null;
}

/** The ids meeting a condition on `contacts c`: a scan, in the worker for a large book. */
async function idsWhere(db: Db, raw: Sqlite, cond: { where: string; params: readonly unknown[] }): Promise<Int32Array> {
  const reader = offThreadReader(db, raw, cond);
  if (reader) return reader.ids(cond.where, cond.params);
  return idsOf(raw, `SELECT c.id AS id FROM contacts c WHERE ${cond.where}`, cond.params);
}

/** Every id the query matches (any order), for placing them in an order. */
async function matchIds(db: Db, raw: Sqlite, query: ContactQuery, plan: SearchPlan, country: string): Promise<Int32Array> {
  const plain = isPlainQuery(query);
  if (plan?.kind === 'phone' && plain) {
    const ranges = phoneRanges(plan.prefixes);
    if (ranges.length === 0) return new Int32Array(0);
    return idsOf(raw, `SELECT id FROM contacts WHERE ${ranges.map(() => '(phone >= ? AND phone < ?)').join(' OR ')}`, ranges.flat());
  }
  if (plan?.kind === 'text' && plain) return idsOf(raw, 'SELECT rowid AS id FROM contacts_fts WHERE contacts_fts MATCH ?', [plan.match]);
  return idsWhere(db, raw, compiled(db, contactQueryCondition(query, await loadListFilter(db, query.listId), { defaultCountry: country })));
}

/** A page in a column order (column-order.ts): the order itself, or the matches placed in it. */
async function pageInColumnOrder(db: Db, raw: Sqlite, input: ListInput, plan: SearchPlan, order: Order, country: string): Promise<Page> {
  const descending = input.sort.direction === 'desc';
  const { offset, limit } = input;
  if (plan === null && isPlainQuery(input.query)) {
    const n = order.idAt.length;
    const ids: number[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) ids.push(order.idAt[descending ? n - 1 - i : i] ?? 0);
    return { ids, total: n };
  }
  const set = plan?.kind === 'phone' ? null : setOf(db, raw, input.query, plan);
  if (set) return pageOfBits(order.idAt, set.bits, descending, offset, limit);
  return pageOfIds(order, await matchIds(db, raw, input.query, plan, country), descending, offset, limit);
}

/**
 * A page of contacts. Unfiltered, SQLite walks the sorted index and stops after the page. With a
 * search or a filter the first page never waits for all matches to be counted (`withTotal` false:
 * `total` is then only a lower bound, the count comes from contacts.count): phone searches are
 * ranges of the phone index; filters walk the sorted index testing each contact until the page is
 * full, up to a budget; beyond it (a deep page, or few matches) the matching ids are collected (the
 * word index for text) and placed in the in-memory order (sort-order.ts), so the cost follows the
 * number of matches, never a sort of them.
 */
export async function listContacts(db: Db, input: ListInput): Promise<{ rows: ContactRow[]; total: number }> {
  const country = await defaultCountry(db);
  const plan = planSearch(input.query.search, country);
  const column = input.sort.column;
  const plain = isPlainQuery(input.query);
  const raw = rawOf(db);
  // Last change or a custom field: the book sorted once off the main thread, then kept.
  const reader = bookReaderOf(db);
  const spec = raw && reader ? columnOrderSql(db, column) : null;
  if (raw && reader && spec) {
    const order = await columnOrder(db, column, () => reader.order(spec.sql, spec.parameters));
    if (order) {
      const page = await pageInColumnOrder(db, raw, input, plan, order, country);
      return { rows: await rowsByIds(db, page.ids), total: page.total ?? 0 };
    }
  }
  if ((plan !== null || !plain) && raw && (column === 'name' || column === 'phone' || column === 'createdAt')) {
    const descending = input.sort.direction === 'desc';
    const { offset, limit } = input;
    let page: Page;
    const set = plan?.kind === 'phone' ? null : setOf(db, raw, input.query, plan);
    if (set) {
      page = pageOfBits(column === 'createdAt' ? null : set[column], set.bits, descending, offset, limit);
    } else if (plan?.kind === 'phone' && plain) {
      page = phonePage(db, raw, plan.prefixes, column, descending, offset, limit);
    } else if (plan?.kind === 'text' && plain) {
      page = idSetPage(db, raw, column, descending, await matchIds(db, raw, input.query, plan, country), offset, limit);
    } else {
      const listFilter = await loadListFilter(db, input.query.listId);
      // The word index cannot be asked about one contact: text searches go by the id set.
      const walked =
        plan?.kind === 'text'
          ? null
          : walkPage(raw, column, descending, compiled(db, contactQueryCondition(input.query, listFilter, { defaultCountry: country, probe: true })), offset, limit);
      const groupsOnly = groupsOnlyFilter(input.query);
      if (walked) page = walked;
      else if (groupsOnly) {
        // Members straight from the membership index (no contact row read per member).
        const gids = JSON.stringify(groupsOnly);
        // One group has no repeats: no DISTINCT (a temporary b-tree of every member).
        const ids =
          groupsOnly.length === 1
            ? idsOf(raw, 'SELECT contact_id AS id FROM group_members WHERE group_id = ?', [groupsOnly[0]])
            : idsOf(raw, 'SELECT DISTINCT contact_id AS id FROM group_members WHERE group_id IN (SELECT value FROM json_each(?))', [gids]);
        page = idSetPage(db, raw, column, descending, ids, offset, limit);
      } else {
        const cond = compiled(db, contactQueryCondition(input.query, listFilter, { defaultCountry: country }));
        page = idSetPage(db, raw, column, descending, await idsWhere(db, raw, cond), offset, limit);
      }
    }
    // Without the count, a short page still tells where the matches end; a full one, only a floor.
    let total = page.total ?? offset + page.ids.length;
    const past = page.ids.length === 0 && offset > 0;
    if ((input.withTotal || past) && page.total === null) total = await countContacts(db, input.query);
    return { rows: await rowsByIds(db, page.ids), total };
  }
  const where = await queryCondition(db, input.query);
  const { rows } = await sql<ContactRecord>`SELECT ${rowColumns} FROM contacts c WHERE ${where}
    ORDER BY ${orderBy(input.sort)} LIMIT ${input.limit} OFFSET ${input.offset}`.execute(db);
  let total = rows.length + input.offset;
  if (input.withTotal) {
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM contacts c WHERE ${where}`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return { rows: rows.map(toContactRow), total };
}

export async function countContacts(db: Db, query: ContactQuery): Promise<number> {
  const raw = rawOf(db);
  const plan = planSearch(query.search, await defaultCountry(db));
  const set = raw && plan?.kind !== 'phone' ? setOf(db, raw, query, plan) : null;
  if (set) return popcount(set.bits);
  if (raw && plan === null && isPlainQuery(query)) {
    // The whole book: the length of its order when that is current (a count(*) reads an index).
    const order = readyOrder(db, 'name');
    if (order) return order.idAt.length;
  }
  const where = await queryCondition(db, query);
  // A scan of a large book is counted off the thread; a range of an index, a word, a group in place.
  const c = sql`${where}`.compile(db);
  const reader = raw ? offThreadReader(db, raw, { where: c.sql, params: c.parameters }) : null;
  if (reader) return reader.count(c.sql, c.parameters);
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM contacts c WHERE ${where}`.execute(db);
  return counted.rows[0]?.n ?? 0;
}

export async function getContact(db: Db, id: number): Promise<ContactDetail> {
  const { rows } = await sql<ContactRecord>`SELECT ${rowColumns} FROM contacts c WHERE c.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) throw new AppError('not_found', t('err.contactGone'));
  const groups = await db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['g.id', 'g.name'])
    .where('gm.contact_id', '=', id)
    .orderBy('g.name')
    .execute();
  const suppression = await db
    .selectFrom('suppressions')
    .select('reason')
    .where('phone', '=', row.phone)
    .executeTakeFirst();
  return { ...toContactRow(row), groups, suppressionReason: suppression?.reason ?? null };
}

export async function findContactIdByPhone(db: Db, phone: string): Promise<number | null> {
  const row = await db.selectFrom('contacts').select('id').where('phone', '=', phone).executeTakeFirst();
  return row?.id ?? null;
}

export async function setTags(db: Db, contactId: number, tags: string[]): Promise<void> {
  await db.deleteFrom('contact_tags').where('contact_id', '=', contactId).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) {
    await db
      .insertInto('contact_tags')
      .values(unique.map((tag) => ({ tag, contact_id: contactId })))
      .execute();
  }
}

export async function allTags(db: Db): Promise<{ tag: string; count: number }[]> {
  const { rows } = await sql<{ tag: string; count: number }>`SELECT tag, count(*) AS count FROM contact_tags
    GROUP BY tag ORDER BY tag COLLATE NOCASE`.execute(db);
  return rows;
}

/**
 * The custom field names some contact has a value for (blank values do not count), most filled
 * first, sampled as `fieldKeys`.
 */
export async function filledFieldKeys(db: Db): Promise<string[]> {
  // Not "key": json_each has a column of that name (the index in the array).
  const { rows } = await sql<{ field: string }>`SELECT j.value ->> 0 AS field
    FROM (SELECT fields FROM contacts ORDER BY id DESC LIMIT 20000) c, json_each(c.fields) j
    WHERE trim(coalesce(j.value ->> 1, '')) <> ''
    GROUP BY field ORDER BY count(*) DESC, field`.execute(db);
  return rows.map((r) => r.field).filter((k): k is string => typeof k === 'string');
}

/** Custom field names in use, in order of first appearance, sampled cheaply from the newest rows. */
export async function fieldKeys(db: Db): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`SELECT DISTINCT j.value ->> 0 AS key
    FROM (SELECT fields FROM contacts ORDER BY id DESC LIMIT 20000) c, json_each(c.fields) j`.execute(db);
  return rows.map((r) => r.key).filter((k): k is string => typeof k === 'string');
}

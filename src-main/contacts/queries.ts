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
import { contactQueryCondition, planSearch } from './query-builder';
import { phonePrefixPage, sortIdsBy } from './sort-order';

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

/** Runs a one-column id query; through the raw handle when there is one (no row objects). */
async function pluckIds(db: Db, query: RawBuilder<{ id: number }>): Promise<number[]> {
  const raw = rawOf(db);
  if (raw) {
    const compiled = query.compile(db);
    return raw
      .prepare(compiled.sql)
      .pluck()
      .all(...compiled.parameters) as number[];
  }
  const { rows } = await query.execute(db);
  return rows.map((r) => r.id);
}

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

/**
 * A page of contacts. Unfiltered, SQLite walks the sorted index and stops after the page. With a
 * search or a filter, the indexes that fit find every matching id (the word index, the phone
 * order, group and tag memberships), the in-memory order puts them in sort order, and only the
 * page's rows are read: the cost follows the number of matches, not the size of the book.
 */
export async function listContacts(db: Db, input: ListInput): Promise<{ rows: ContactRow[]; total: number }> {
  const plan = planSearch(input.query.search, await defaultCountry(db));
  const column = input.sort.column;
  const filtered = plan !== null || !isPlainQuery(input.query);
  if (filtered && (column === 'name' || column === 'phone' || column === 'createdAt')) {
    const descending = input.sort.direction === 'desc';
    if (plan?.kind === 'phone' && isPlainQuery(input.query)) {
      const page = await phonePrefixPage(db, plan.prefixes, { column, descending }, input.offset, input.limit);
      return { rows: await rowsByIds(db, page.ids), total: page.total };
    }
    const ids =
      plan?.kind === 'text' && isPlainQuery(input.query)
        ? await pluckIds(db, sql<{ id: number }>`SELECT rowid AS id FROM contacts_fts WHERE contacts_fts MATCH ${plan.match}`)
        : await pluckIds(db, sql<{ id: number }>`SELECT c.id FROM contacts c WHERE ${await queryCondition(db, input.query)}`);
    const ordered =
      column === 'createdAt'
        ? ids.sort((a, b) => (descending ? b - a : a - b))
        : await sortIdsBy(db, column, ids, descending);
    const page = ordered.slice(input.offset, input.offset + input.limit);
    return { rows: await rowsByIds(db, page), total: ordered.length };
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
  const where = await queryCondition(db, query);
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

/**
 * Turns a ContactQuery (search + filter + list + status) into one SQL condition on `contacts c`.
 * Everything a page, a bulk action or an export does with "the contacts matching this" goes through
 * here, so the table, the selection and the export always agree.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ContactQuery, FieldCondition, SmartFilter } from '#shared/filters';
import { phoneSearchPrefixes } from '#shared/phone';
import { foldForPrefix } from '#shared/text';

type Cond = RawBuilder<SqlBool>;

const TRUE: Cond = sql<SqlBool>`1`;

function and(conds: Cond[]): Cond {
  if (conds.length === 0) return TRUE;
  if (conds.length === 1) return conds[0] ?? TRUE;
  return sql<SqlBool>`(${sql.join(conds, sql` AND `)})`;
}

function or(conds: Cond[]): Cond {
  if (conds.length === 0) return sql<SqlBool>`0`;
  return sql<SqlBool>`(${sql.join(conds, sql` OR `)})`;
}

/**
 * How a search box text is answered. Phone-like text becomes E.164 prefixes, searched as ranges of
 * the UNIQUE phone index; other text becomes an FTS5 query where every word is a prefix, so
 * "meh yıl" finds "Mehmet Yılmaz" as you type.
 */
export type SearchPlan =
  | { kind: 'phone'; prefixes: string[] }
  | { kind: 'text'; match: string; words: string[] }
  | { kind: 'namePrefix'; prefix: string }
  | { kind: 'substring'; text: string }
  | null;

export function planSearch(search: string, defaultCountry: string): SearchPlan {
  const text = search.trim();
  if (text === '') return null;
  const prefixes = phoneSearchPrefixes(text, defaultCountry);
  if (prefixes) return { kind: 'phone', prefixes };
  const words = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
  // Nothing the word index holds (emoji, symbols): look for the text itself in names.
  if (words.length === 0) return { kind: 'substring', text };
  // A single letter matches a third of any book through the word index; answer it from the sorted
  // name index instead (names starting with it), which is what the first keystroke wants.
  if (words.length === 1 && [...(words[0] ?? '')].length === 1) return { kind: 'namePrefix', prefix: foldForPrefix(words[0] ?? '') };
  // Each word quoted (never read as query syntax) and made a prefix query.
  return { kind: 'text', match: words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND '), words };
}

/** The end of a prefix range: the smallest string greater than every string starting with `p`. */
export function prefixEnd(p: string): string {
  return p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
}

export function searchCondition(plan: SearchPlan): Cond | null {
  if (plan === null) return null;
  if (plan.kind === 'namePrefix') {
    return sql<SqlBool>`(c.name_key >= ${plan.prefix} AND c.name_key < ${prefixEnd(plan.prefix)})`;
  }
  if (plan.kind === 'substring') return sql<SqlBool>`instr(c.name, ${plan.text}) > 0`;
  if (plan.kind === 'phone') {
    return or(plan.prefixes.map((p) => sql<SqlBool>`(c.phone >= ${p} AND c.phone < ${prefixEnd(p)})`));
  }
  return sql<SqlBool>`c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${plan.match})`;
}

function fieldCondition(f: FieldCondition): Cond {
  const value = sql`(SELECT value ->> 1 FROM json_each(c.fields) WHERE value ->> 0 = ${f.key} LIMIT 1)`;
  switch (f.op) {
    case 'equals':
      return sql<SqlBool>`lower(coalesce(${value}, '')) = lower(${f.value})`;
    case 'notEquals':
      return sql<SqlBool>`lower(coalesce(${value}, '')) <> lower(${f.value})`;
    case 'contains':
      return sql<SqlBool>`instr(lower(coalesce(${value}, '')), lower(${f.value})) > 0`;
    case 'isEmpty':
      return sql<SqlBool>`coalesce(${value}, '') = ''`;
    case 'isNotEmpty':
      return sql<SqlBool>`coalesce(${value}, '') <> ''`;
  }
}

/**
 * Campaign outcome, read from the queue's file attached to the book's connection as `cq`
 * (core.ts). Each is `c.phone IN (set)`, the set built once: one campaign's rows through its
 * (campaign_id, …) index, any campaign's through the (phone, sent_at) index, replies driven from
 * incoming_messages (few) probing recipients by phone.
 */
function campaignCondition(f: NonNullable<SmartFilter['campaign']>, now: number): Cond {
  const since = f.withinDays === null ? null : now - f.withinDays * 86_400_000;
  const narrow = sql`${f.campaignId !== null ? sql`AND r.campaign_id = ${f.campaignId}` : sql``} ${since !== null ? sql`AND r.sent_at >= ${since}` : sql``}`;
  const sent = (extra: ReturnType<typeof sql>) =>
    sql<SqlBool>`c.phone IN (SELECT r.phone FROM cq.recipients r WHERE r.sent_at IS NOT NULL ${narrow} ${extra})`;
  switch (f.outcome) {
    case 'received':
      return sent(sql``);
    case 'never':
      return sql<SqlBool>`c.phone NOT IN (SELECT r.phone FROM cq.recipients r WHERE r.sent_at IS NOT NULL ${narrow})`;
    case 'read':
      return sent(sql`AND r.read_at IS NOT NULL`);
    case 'replied':
      return sql<SqlBool>`c.phone IN (SELECT m.from_phone FROM incoming_messages m JOIN cq.recipients r
        ON r.phone = m.from_phone AND r.sent_at IS NOT NULL AND r.sent_at <= (julianday(m.received_at) - 2440587.5) * 86400000.0
        WHERE 1 ${narrow})`;
    case 'failed':
      // A failure may come before anything went out (sent_at NULL): when, is when the row last changed.
      return sql<SqlBool>`c.phone IN (SELECT r.phone FROM cq.recipients r WHERE r.status = 'failed'
        ${f.campaignId !== null ? sql`AND r.campaign_id = ${f.campaignId}` : sql``} ${since !== null ? sql`AND r.updated_at >= ${since}` : sql``})`;
  }
}

/**
 * `probe`: memberships written as EXISTS, a lookup per contact, for a walk along a sorted index that
 * stops after a page; otherwise as IN (subquery), so SQLite can start from the (indexed) members
 * rather than every contact (for sets: counts, bulk actions, exports).
 */
export function filterCondition(filter: SmartFilter, now: number = Date.now(), probe = false): Cond {
  const conds: Cond[] = [];
  if (filter.groupIds.length > 0) {
    const inGroup = (gid: number) =>
      probe
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM group_members WHERE group_id = ${gid} AND contact_id = c.id)`
        : sql<SqlBool>`c.id IN (SELECT contact_id FROM group_members WHERE group_id = ${gid})`;
    conds.push(filter.groupMatch === 'all' ? and(filter.groupIds.map(inGroup)) : or(filter.groupIds.map(inGroup)));
  }
  if (filter.tags.length > 0) {
    const hasTag = (tag: string) =>
      probe
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM contact_tags WHERE tag = ${tag} AND contact_id = c.id)`
        : sql<SqlBool>`c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ${tag})`;
    conds.push(filter.tagMatch === 'all' ? and(filter.tags.map(hasTag)) : or(filter.tags.map(hasTag)));
  }
  for (const f of filter.fields) conds.push(fieldCondition(f));
  if (filter.createdFrom) conds.push(sql<SqlBool>`c.created_at >= ${filter.createdFrom}`);
  if (filter.createdTo) conds.push(sql<SqlBool>`c.created_at < date(${filter.createdTo}, '+1 day')`);
  if (filter.whatsapp === 'yes' || filter.whatsapp === 'no') conds.push(sql<SqlBool>`c.wa_status = ${filter.whatsapp}`);
  if (filter.whatsapp === 'unknown') conds.push(sql<SqlBool>`c.wa_status IS NULL`);
  if (filter.campaign) conds.push(campaignCondition(filter.campaign, now));
  return and(conds);
}

/**
 * The whole query. `listFilter` is the saved filter of `query.listId`, looked up by the caller
 * (a missing list is the caller's error to report).
 */
export function contactQueryCondition(
  query: ContactQuery,
  listFilter: SmartFilter | null,
  options: { defaultCountry: string; probe?: boolean },
): Cond {
  const conds: Cond[] = [];
  const search = searchCondition(planSearch(query.search, options.defaultCountry));
  if (search) conds.push(search);
  const now = Date.now();
  conds.push(filterCondition(query.filter, now, options.probe));
  if (listFilter) conds.push(filterCondition(listFilter, now, options.probe));
  switch (query.status) {
    case 'all':
      break;
    case 'active':
      conds.push(sql<SqlBool>`c.phone NOT IN (SELECT phone FROM suppressions)`);
      break;
    case 'black':
    case 'gray':
      conds.push(sql<SqlBool>`c.phone IN (SELECT phone FROM suppressions WHERE kind = ${query.status})`);
      break;
  }
  return and(conds.filter((c) => c !== TRUE));
}

/**
 * The filtered-page paths of listContacts (phone ranges, walks along a sorted index, id sets placed
 * in the in-memory orders, SQLite's sort while those are being built) against the plain SQL truth:
 * every match, sorted by SQLite, then sliced. On a seeded book of Turkish, Persian and Indonesian
 * names with many equal names (ties go by id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { emptyQuery, type ContactQuery } from '#shared/filters';
import { callCore, testCore } from '#main/test-support/core';
import { generateMillionBook } from '#main/bench/million-bench';
import type { Core } from '#main/core/core';
import { contactQueryCondition } from './query-builder';
import { pageTuning } from './queries';
import { invalidateOrder, readySets, warmOrders } from './sort-order';
import { setTuning } from './search-sets';
import { bookReaderOf, offThread, setBookReader } from './off-thread';

let core: Core;
let cleanup: () => Promise<void>;
let bigGroup = 0;
let segment = 0;

beforeAll(async () => {
  ({ core, cleanup } = await testCore());
  generateMillionBook(core, 4000, 1000, 500);
  const groups = await callCore(core, 'groups.list', {});
  bigGroup = groups.find((g) => g.name === 'Big group')?.id ?? 0;
  segment = groups.find((g) => g.name === 'Segment 7')?.id ?? 0;
  // Last changes with ties, and a field only some contacts have, in mixed case.
  core.store.sqlite.prepare("UPDATE contacts SET updated_at = printf('2026-01-%02dT00:00:00.000Z', (id * 7) % 28 + 1)").run();
  core.store.sqlite
    .prepare("UPDATE contacts SET fields = json_insert(fields, '$[#]', json_array('Nickname', CASE id % 3 WHEN 0 THEN 'zed' WHEN 1 THEN 'Zed' ELSE 'alpha' END)) WHERE id % 5 = 0")
    .run();
  invalidateOrder(core.store.db);
}, 60_000);
afterAll(async () => {
  await cleanup();
});

const field = (key: string) => `(SELECT value ->> 1 FROM json_each(c.fields) WHERE value ->> 0 = '${key}' LIMIT 1) COLLATE NOCASE`;
/** Test thresholds: short walks and few phones sorted by SQLite; sets kept at 4 000 contacts. */
const SHORT_WALKS = { walkBudget: 40, fewPhones: 5, phoneCountBound: 200, phoneWalkMax: 3000 };
const SMALL_SETS = { groupMin: 60, hotMin: 120, hotMax: 40, coldMax: 3000, coldTermsMax: 30 };

/** Runs `work` with some tuning values changed, and puts them back whatever happens. */
async function withTuning<T extends object>(target: T, values: Partial<T>, work: () => Promise<void>): Promise<void> {
  const saved = { ...target };
  Object.assign(target, values);
  try {
    await work();
  } finally {
    Object.assign(target, saved);
  }
}

const ORDER: Record<string, string> = {
  name: 'c.name_key, c.id',
  phone: 'c.phone',
  createdAt: 'c.id',
  updatedAt: 'c.updated_at, c.id',
  'field:City': `${field('City')}, c.id`,
  'field:Nickname': `${field('Nickname')}, c.id`,
};
const INDEXED = ['name', 'phone', 'createdAt'];
/** Sorted off the main thread, once per change of the book (column-order.ts). */
const UNINDEXED = ['updatedAt', 'field:City', 'field:Nickname'];

function truth(query: ContactQuery, column: string, direction: 'asc' | 'desc'): number[] {
  const cond = sql`${contactQueryCondition(query, null, { defaultCountry: 'TR' })}`.compile(core.store.db);
  const order = (ORDER[column] ?? '').split(', ').map((c) => `${c} ${direction}`).join(', ');
  return core.store.sqlite.prepare(`SELECT c.id FROM contacts c WHERE ${cond.sql} ORDER BY ${order}`).pluck().all(...cond.parameters) as number[];
}

function queries(): [string, ContactQuery][] {
  const q = (search: string, groupIds: number[] = []): ContactQuery => ({ ...emptyQuery(), search, filter: { ...emptyQuery().filter, groupIds } });
  return [
    ['broad name prefix', q('meh')],
    ['Turkish letters', q('çağ')],
    ['dotless ı', q('yıl')],
    ['Persian', q('محم')],
    ['Persian two words', q('علی رض')],
    ['two words', q('mehmet yıl')],
    ['city', q('ist')],
    ['national phone', q('0532 1')],
    ['international phone', q('+98 912 1')],
    ['bare digits (two ranges)', q('5321')],
    ['broad phone', q('+9')],
    ['whole number', q('+905320104729')],
    ['big group', q('', [bigGroup])],
    ['segment group', q('', [segment])],
    ['group and text', q('ay', [bigGroup])],
    ['group and phone', q('+62', [bigGroup])],
    ['two groups', q('', [bigGroup, segment])],
    ['nothing', q('zzzz')],
    ['two broad words', q('ş ç')],
    ['letter and word', q('a k')],
    ['city and segment', q('ist s3')],
    ['segment prefix (many words)', q('s1')],
    ['dotted capital İ', q('İST')],
    ['accented query', q('AYŞE')],
    ['a field value', { ...q(''), filter: { ...emptyQuery().filter, fields: [{ key: 'City', op: 'equals', value: 'ANKARA' }] } }],
    ['a field value and a word', { ...q('meh'), filter: { ...emptyQuery().filter, fields: [{ key: 'Segment', op: 'equals', value: 's7' }] } }],
    ['a rare field value', { ...q(''), filter: { ...emptyQuery().filter, fields: [{ key: 'Nickname', op: 'equals', value: 'zed' }] } }],
    ['not on the blacklist', { ...q('ay'), status: 'active' }],
    ['two groups, all of them', { ...q('', [bigGroup, segment]), filter: { ...emptyQuery().filter, groupIds: [bigGroup, segment], groupMatch: 'all' } }],
  ];
}

async function check(
  label: string,
  before: () => void = () => undefined,
  columns = [...INDEXED, ...UNINDEXED],
  only: (query: ContactQuery) => boolean = () => true,
  offsets = [0, 37, 700],
): Promise<void> {
  const chosen = queries().filter(([, query]) => only(query));
  for (const [name, query] of chosen) {
    const expected = truth(query, 'name', 'asc').length;
    before();
    const counted = await callCore(core, 'contacts.count', { query });
    expect(counted.total, `${label}: count of ${name}`).toBe(expected);
  }
  for (const [name, query] of chosen) {
    for (const column of columns) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = truth(query, column, direction);
        for (const offset of offsets) {
          before();
          const page = await callCore(core, 'contacts.list', { query, sort: { column, direction }, offset, limit: 50, withTotal: offset === 0 });
          const what = `${label}: ${name}, ${column} ${direction} @${offset}`;
          expect(page.rows.map((r) => r.id), what).toEqual(expected.slice(offset, offset + 50));
          if (offset === 0) expect(page.total, what).toBe(expected.length);
          else expect(page.total, what).toBeLessThanOrEqual(expected.length);
        }
      }
    }
  }
}

describe('filtered pages equal the SQL truth', () => {
  it('with the in-memory orders ready', async () => {
    await warmOrders(core.store.db);
    await check('ready');
  }, 60_000);

  it('with short walks and few phones sorted by SQLite', async () => {
    await withTuning(pageTuning, SHORT_WALKS, async () => {
      await warmOrders(core.store.db);
      await check('short walks', () => undefined, INDEXED);
    });
  }, 60_000);

  it('with large groups and frequent words kept as sets', async () => {
    // At 4 000 contacts: the big group and the segments are sets, cities and frequent names too,
    // rarer words are read from the index beside them.
    await withTuning(setTuning, SMALL_SETS, async () => {
      invalidateOrder(core.store.db);
      await warmOrders(core.store.db);
      const ready = readySets(core.store.db);
      expect(ready?.sets.groups.has(bigGroup)).toBe(true);
      expect(ready?.sets.hot.has('istanbul')).toBe(true);
      expect(ready?.sets.terms.length).toBeGreaterThan(ready?.sets.hot.size ?? 0);
      await check('sets');
    });
  }, 120_000);

  it('never answers from sets older than the book: every kind of write makes them stale at once', async () => {
    const db = core.store.db;
    const inGroup = { ...emptyQuery(), filter: { ...emptyQuery().filter, groupIds: [bigGroup] } };
    const search = (text: string) => ({ ...emptyQuery(), search: text });
    const count = async (query: ContactQuery) => (await callCore(core, 'contacts.count', { query })).total;
    await withTuning(setTuning, SMALL_SETS, async () => {
      invalidateOrder(db);
      await warmOrders(db);
      const outsider = truth(search('ist'), 'createdAt', 'asc').find((id) => !truth(inGroup, 'createdAt', 'asc').includes(id)) ?? 0;
      const members = await count(inGroup);
      expect(readySets(db)).not.toBeNull();
      // Through the service, through plain SQL on the same connection, and by a cascade.
      await callCore(core, 'groups.addMembers', { groupId: bigGroup, selection: { kind: 'ids', ids: [outsider] } });
      expect(await count(inGroup)).toBe(members + 1);
      core.store.sqlite.prepare('DELETE FROM group_members WHERE group_id = ? AND contact_id = ?').run(bigGroup, outsider);
      expect(await count(inGroup)).toBe(members);
      await warmOrders(db);
      expect(readySets(db)).not.toBeNull();
      const inCity = await count(search('ist'));
      expect(readySets(db)?.sets.hot.has('istanbul')).toBe(true);
      core.store.sqlite.prepare("UPDATE contacts SET name = 'Zzyzx Qwerty', name_key = 'zzyzx qwerty', fields = '[]' WHERE id = ?").run(outsider);
      core.store.sqlite.prepare('DELETE FROM contacts_fts WHERE rowid = ?').run(outsider);
      core.store.sqlite.prepare('INSERT INTO contacts_fts (rowid, text) SELECT id, text FROM contact_search_text WHERE id = ?').run(outsider);
      expect(await count(search('ist'))).toBe(inCity - 1);
      expect(await count(search('zzyzx'))).toBe(1);
      await warmOrders(db);
      const page = await callCore(core, 'contacts.list', { query: search('ist'), sort: { column: 'name', direction: 'desc' }, offset: 0, limit: 50, withTotal: true });
      expect(page.rows.map((r) => r.id)).toEqual(truth(search('ist'), 'name', 'desc').slice(0, 50));
      // A new group made large at once, then deleted with its members (the cascade).
      const made = await callCore(core, 'groups.create', { name: 'Made now' });
      core.store.sqlite.prepare('INSERT INTO group_members (group_id, contact_id, added_at) SELECT ?, id, ? FROM contacts WHERE id % 3 = 0').run(made.id, 'now');
      const madeQuery = { ...emptyQuery(), filter: { ...emptyQuery().filter, groupIds: [made.id] } };
      expect(await count(madeQuery)).toBe(truth(madeQuery, 'createdAt', 'asc').length);
      await warmOrders(db);
      expect(readySets(db)?.sets.groups.has(made.id)).toBe(true);
      await callCore(core, 'groups.delete', { id: made.id });
      expect(readySets(db)).toBeNull();
    });
  }, 120_000);

  it('a write landing while the orders and sets are being built: the build starts over, never kept stale', async () => {
    const db = core.store.db;
    const city = { ...emptyQuery(), search: 'ist' };
    const target = truth(city, 'name', 'desc')[0] ?? 0;
    const before = core.store.sqlite.prepare('SELECT name, name_key FROM contacts WHERE id = ?').get(target) as { name: string; name_key: string };
    await withTuning(setTuning, SMALL_SETS, async () => {
      invalidateOrder(db);
      // The build reads the name order at once; the contact is renamed right after, before it ends.
      const building = warmOrders(db);
      core.store.sqlite.prepare("UPDATE contacts SET name = 'Aaaa Aaaa', name_key = 'aaaa aaaa' WHERE id = ?").run(target);
      // The same build ends ready, and of the renamed book.
      await building;
      expect(readySets(db)).not.toBeNull();
      const page = await callCore(core, 'contacts.list', { query: city, sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 50, withTotal: true });
      expect(page.rows[0]?.id).toBe(target);
      expect(page.rows.map((r) => r.id)).toEqual(truth(city, 'name', 'asc').slice(0, 50));
    });
    core.store.sqlite.prepare('UPDATE contacts SET name = ?, name_key = ? WHERE id = ?').run(before.name, before.name_key, target);
  }, 60_000);

  it('a worker that fails to sort leaves the page to SQLite, the same answer', async () => {
    const db = core.store.db;
    const real = bookReaderOf(db);
    const failing = {
      order: () => Promise.reject(new Error('worker stopped')),
      ids: () => Promise.reject(new Error('worker stopped')),
      count: () => Promise.reject(new Error('worker stopped')),
    };
    const was = core.store.sqlite.prepare('SELECT updated_at FROM contacts WHERE id = 3').pluck().get() as string;
    setBookReader(db, failing);
    try {
      // A change first, so no order by this column is kept from an earlier test.
      core.store.sqlite.prepare("UPDATE contacts SET updated_at = '2026-01-15T12:00:00.000Z' WHERE id = 3").run();
      for (const column of ['updatedAt', 'field:City']) {
        const page = await callCore(core, 'contacts.list', { query: emptyQuery(), sort: { column, direction: 'desc' }, offset: 10, limit: 20, withTotal: true });
        expect(page.rows.map((r) => r.id), column).toEqual(truth(emptyQuery(), column, 'desc').slice(10, 30));
        expect(page.total).toBe(truth(emptyQuery(), column, 'desc').length);
      }
    } finally {
      if (real) setBookReader(db, real);
      core.store.sqlite.prepare('UPDATE contacts SET updated_at = ? WHERE id = 3').run(was);
    }
  }, 60_000);

  it('sorts by last change or a field in the order of the book as it is now', async () => {
    const db = core.store.db;
    const newest = async (column: string) =>
      (await callCore(core, 'contacts.list', { query: emptyQuery(), sort: { column, direction: 'desc' }, offset: 0, limit: 5, withTotal: true })).rows.map((r) => r.id);
    const before = await newest('updatedAt');
    expect(before).toEqual(truth(emptyQuery(), 'updatedAt', 'desc').slice(0, 5));
    // An edit through the service moves the contact to the top at once.
    const target = truth(emptyQuery(), 'updatedAt', 'asc')[0] ?? 0;
    await callCore(core, 'contacts.update', { id: target, patch: { note: 'edited just now' } });
    expect((await newest('updatedAt'))[0]).toBe(target);
    // …and so does a change by any code on this connection (tagging, merging: plain SQL).
    const other = truth(emptyQuery(), 'updatedAt', 'asc')[0] ?? 0;
    core.store.sqlite.prepare("UPDATE contacts SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(other);
    expect((await newest('updatedAt'))[0]).toBe(other);
    // A field's value changed by plain SQL on this connection: the field order follows.
    const byCity = await newest('field:City');
    const first = byCity[0] ?? 0;
    core.store.sqlite.prepare(`UPDATE contacts SET fields = '[["City","Aaa"]]' WHERE id = ?`).run(first);
    expect(await newest('field:City')).toEqual(truth(emptyQuery(), 'field:City', 'desc').slice(0, 5));
    expect((await newest('field:City'))[0]).not.toBe(first);
    await warmOrders(db);
  }, 60_000);

  it('with filters scanned in a worker, as for a large book', async () => {
    await withTuning(offThread, { minBook: 0 }, async () => {
      await warmOrders(core.store.db);
      const filtered = (query: ContactQuery) => query.filter.fields.length > 0 || query.status !== 'all' || (query.filter.groupIds.length > 0 && query.search !== '');
      await check('worker', () => undefined, ['name', 'field:City'], filtered, [0, 37]);
    });
  }, 120_000);

  it('while the orders are being rebuilt (SQLite sorts)', async () => {
    await withTuning(pageTuning, SHORT_WALKS, async () => {
      // Every call right after a change: the orders are stale, the answer must not be.
      await check('rebuilding', () => invalidateOrder(core.store.db), INDEXED);
    });
  }, 60_000);
});

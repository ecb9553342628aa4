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
import { invalidateOrder, warmOrders } from './sort-order';

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
  invalidateOrder(core.store.db);
}, 60_000);
afterAll(async () => {
  await cleanup();
});

const ORDER: Record<string, string> = { name: 'c.name_key, c.id', phone: 'c.phone', createdAt: 'c.id' };

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
  ];
}

async function check(label: string, before: () => void = () => undefined): Promise<void> {
  for (const [name, query] of queries()) {
    for (const column of ['name', 'phone', 'createdAt']) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = truth(query, column, direction);
        for (const offset of [0, 37, 700]) {
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
    const saved = { ...pageTuning };
    Object.assign(pageTuning, { walkBudget: 40, fewPhones: 5, phoneCountBound: 200, phoneWalkMax: 3000 });
    try {
      await warmOrders(core.store.db);
      await check('short walks');
    } finally {
      Object.assign(pageTuning, saved);
    }
  }, 60_000);

  it('while the orders are being rebuilt (SQLite sorts)', async () => {
    const saved = { ...pageTuning };
    Object.assign(pageTuning, { walkBudget: 40, fewPhones: 5, phoneCountBound: 200, phoneWalkMax: 3000 });
    try {
      // Every call right after a change: the orders are stale, the answer must not be.
      await check('rebuilding', () => invalidateOrder(core.store.db));
    } finally {
      Object.assign(pageTuning, saved);
    }
  }, 60_000);
});

/**
 * The stepped whole-selection reads (a number check's list and preview) against the plain SQL
 * answer, over many small ranges of ids, and the event loop turning between ranges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlBool } from 'kysely';
import { emptyQuery, type Selection } from '#shared/filters';
import { callCore, testCore } from '#main/test-support/core';
import { generateMillionBook } from '#main/bench/million-bench';
import type { Core } from '#main/core/core';
import { selectionCondition } from './queries';
import { countSelection, selectionIds, stepTuning } from './steps';

let core: Core;
let cleanup: () => Promise<void>;
let selections: [string, Selection][] = [];

beforeAll(async () => {
  ({ core, cleanup } = await testCore());
  generateMillionBook(core, 1000, 500, 250);
  // Holes in the ids, as deletes leave them.
  core.store.sqlite.prepare('DELETE FROM contacts WHERE id % 17 = 0').run();
  core.store.sqlite.prepare("UPDATE contacts SET wa_checked_at = '2026-01-01T00:00:00.000Z' WHERE id % 3 = 0").run();
  const groups = await callCore(core, 'groups.list', {});
  const big = groups.find((g) => g.name === 'Big group')?.id ?? 0;
  const q = (search: string, groupIds: number[] = []): Selection => ({ kind: 'query', query: { ...emptyQuery(), search, filter: { ...emptyQuery().filter, groupIds } } });
  selections = [
    ['everyone', q('')],
    ['a word', q('ist')],
    ['a phone prefix', q('+98')],
    ['a group', q('', [big])],
    ['a group and a word', q('meh', [big])],
    ['listed ids', { kind: 'ids', ids: [5, 17, 18, 400, 999, 1000, 123_456] }],
    ['nobody', q('zzzz')],
  ];
}, 60_000);
afterAll(async () => {
  await cleanup();
});

async function truth(selection: Selection, extra: string): Promise<number[]> {
  const c = sql`${await selectionCondition(core.store.db, selection)}`.compile(core.store.db);
  return core.store.sqlite.prepare(`SELECT c.id FROM contacts c WHERE (${c.sql}) AND ${extra} ORDER BY c.id`).pluck().all(...c.parameters) as number[];
}

describe('stepped selections', () => {
  it('list and count the same contacts as one query, across ranges and holes', async () => {
    const saved = stepTuning.range;
    stepTuning.range = 37;
    try {
      for (const [name, selection] of selections) {
        const all = await truth(selection, '1');
        const recent = await truth(selection, "c.wa_checked_at >= '2025-06-01'");
        expect(Array.from(await selectionIds(core.store.db, selection)), name).toEqual(all);
        const older = await selectionIds(core.store.db, selection, sql<SqlBool>`c.wa_checked_at IS NULL`);
        expect(Array.from(older), `${name}, never checked`).toEqual(all.filter((id) => !recent.includes(id)));
        expect(await countSelection(core.store.db, selection, sql<SqlBool>`c.wa_checked_at >= '2025-06-01'`), name).toEqual({ total: all.length, also: recent.length });
      }
    } finally {
      stepTuning.range = saved;
    }
  });

  it('let the event loop turn between two ranges', async () => {
    const saved = stepTuning.range;
    stepTuning.range = 50;
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    try {
      setImmediate(spin);
      const ids = await selectionIds(core.store.db, selections[0]?.[1] ?? { kind: 'ids', ids: [] });
      done = true;
      expect(ids.length).toBeGreaterThan(900);
      // 1 000 ids in ranges of 50: the loop turned at each of the 19 boundaries.
      expect(turns).toBeGreaterThanOrEqual(19);
    } finally {
      done = true;
      stepTuning.range = saved;
    }
  });
});

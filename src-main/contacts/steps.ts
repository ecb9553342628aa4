/**
 * Whole-selection reads that must stay responsive at a million contacts (a number check's list and
 * its preview): the selection's condition is run over consecutive ranges of ids, the event loop
 * turning between two ranges. Every contact is visited once (linear), and no read holds the
 * thread longer than one range takes.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Selection } from '#shared/filters';
import { rawOf } from '#main/db/connection';
import type { Db, Sqlite } from '#main/kernel/db';
import { selectionCondition } from './queries';
import { idsOf } from './sort-order';

/** Ids per range (tests lower it to cross many ranges on a small book). */
export const stepTuning = { range: 25_000 };

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function overRanges(db: Db, cond: RawBuilder<SqlBool>, each: (raw: Sqlite, where: string, params: readonly unknown[]) => void): Promise<void> {
  const raw = rawOf(db);
  if (!raw) throw new Error('the contact book has no raw connection');
  const c = sql`${cond}`.compile(db);
  const maxId = raw.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number;
  for (let lo = 0; lo < maxId; lo += stepTuning.range) {
    if (lo > 0) await turn();
    each(raw, `c.id > ${lo} AND c.id <= ${lo + stepTuning.range} AND (${c.sql})`, c.parameters);
  }
}

/** The ids of a selection (and an extra condition), ascending, read range by range. */
export async function selectionIds(db: Db, selection: Selection, extra: RawBuilder<SqlBool> = sql<SqlBool>`1`): Promise<Int32Array> {
  const cond = sql<SqlBool>`(${await selectionCondition(db, selection)}) AND (${extra})`;
  const parts: Int32Array[] = [];
  let total = 0;
  await overRanges(db, cond, (raw, where, params) => {
    const ids = idsOf(raw, `SELECT c.id AS id FROM contacts c WHERE ${where} ORDER BY c.id`, params);
    parts.push(ids);
    total += ids.length;
  });
  const out = new Int32Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** How many contacts a selection holds, and how many of them meet `also`, range by range. */
export async function countSelection(db: Db, selection: Selection, also: RawBuilder<SqlBool>): Promise<{ total: number; also: number }> {
  const cond = await selectionCondition(db, selection);
  const a = sql`${also}`.compile(db);
  let total = 0;
  let met = 0;
  await overRanges(db, cond, (raw, where, params) => {
    const row = raw
      .prepare(`SELECT count(*) AS total, coalesce(sum(${a.sql}), 0) AS met FROM contacts c WHERE ${where}`)
      .get(...a.parameters, ...params) as { total: number; met: number };
    total += row.total;
    met += row.met;
  });
  return { total, also: met };
}

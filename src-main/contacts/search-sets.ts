/**
 * Sets of contacts kept in memory as bitmaps (a bit per contact id: 125 KB at 1 000 000), so that
 * a page of a broad search or of a large group is a walk of the in-memory sort order testing bits,
 * and its count a population count, whatever the number of matches. Without them such a page asks
 * SQLite for every matching id (a quarter of the book for a city name) before it can show one row.
 *
 * What is kept: the members of every group of at least `setTuning.groupMin` members, and the
 * contacts holding each frequent word of the search index (at least `setTuning.hotMin` contacts,
 * read from the index itself so the sets cannot disagree with it), plus the list of all its words
 * with how many contacts hold each. Rare words are not kept: a search reaches them through the
 * index, which is fast for them because they are rare.
 *
 * Built by sort-order.ts after the orders, in steps between which the event loop turns, and used
 * only while the data is the data they were built from (the same stamp as the orders).
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '#main/kernel/db';

export type Bits = Uint32Array;

export type SearchSets = {
  maxId: number;
  /** Every word of the search index (its folded form), sorted, with the contacts holding it. */
  terms: string[];
  docs: Int32Array;
  /** Frequent words: their contacts. */
  hot: Map<string, Bits>;
  /** Large groups: their members. */
  groups: Map<number, Bits>;
};

/** Thresholds (tests lower them to drive every path on a small book). */
export const setTuning = {
  /** A group with this many members or more is kept as a set. */
  groupMin: 5_000,
  /** A word held by this many contacts or more is kept as a set. */
  hotMin: 5_000,
  /** At most this many words are kept (the most frequent): 50 MB at 1 000 000 contacts. */
  hotMax: 400,
  /** A search word whose rare words are held by more contacts than this goes to the index alone. */
  coldMax: 30_000,
  /** …or whose prefix covers more rare words than this. */
  coldTermsMax: 300,
};

export function newBits(maxId: number): Bits {
  return new Uint32Array((maxId >>> 5) + 1);
}

/** The set of some ids (those above `maxId` left out). */
export function bitsOf(ids: ArrayLike<number>, maxId: number): Bits {
  const bits = newBits(maxId);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    if (id <= maxId) bits[id >>> 5] = (bits[id >>> 5] ?? 0) | (1 << (id & 31));
  }
  return bits;
}

export function hasBit(bits: Bits, id: number): boolean {
  return (((bits[id >>> 5] ?? 0) >>> (id & 31)) & 1) === 1;
}

/** Sets the bits of the ids in a comma-separated list of integers (group_concat's output). */
function addIdList(bits: Bits, text: string | null): void {
  if (!text) return;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      const w = value >>> 5;
      if (w < bits.length) bits[w] = (bits[w] ?? 0) | (1 << (value & 31));
      value = 0;
    } else value = value * 10 + (c - 48);
  }
}

export function popcount(bits: Bits): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i] ?? 0;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

function orInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) | (source[i] ?? 0);
}

function andInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) & (source[i] ?? 0);
}

/** The union (any) or intersection (all) of sets, as a new set. */
export function combine(sets: Bits[], mode: 'any' | 'all'): Bits | null {
  const first = sets[0];
  if (!first) return null;
  const out = first.slice();
  for (const s of sets.slice(1)) (mode === 'any' ? orInto : andInto)(out, s);
  return out;
}

/** The page of a set in a sort order (rank → id), from the chosen end, and the set's size. */
export function pageOfBits(
  idAt: Int32Array | null,
  bits: Bits,
  descending: boolean,
  offset: number,
  limit: number,
): { ids: number[]; total: number } {
  const out: number[] = [];
  let seen = 0;
  if (idAt) {
    const n = idAt.length;
    for (let i = 0; i < n && out.length < limit; i++) {
      const id = idAt[descending ? n - 1 - i : i] ?? 0;
      if (hasBit(bits, id) && seen++ >= offset) out.push(id);
    }
  } else {
    // Id order (creation order).
    const maxId = bits.length * 32 - 1;
    for (let i = 0; i <= maxId && out.length < limit; i++) {
      const id = descending ? maxId - i : i;
      if (hasBit(bits, id) && seen++ >= offset) out.push(id);
    }
  }
  return { ids: out, total: popcount(bits) };
}

/** Time spent between two turns of the event loop while building. */
const SLICE_MS = 12;

/**
 * Reads the sets in steps. `pause` turns the event loop and says false when the data changed
 * meanwhile (the build is then abandoned: null).
 */
export async function buildSets(raw: Sqlite, pause: () => Promise<boolean>): Promise<SearchSets | null> {
  const maxId = raw.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number;
  let sliceStart = performance.now();
  const step = async (): Promise<boolean> => {
    if (performance.now() - sliceStart < SLICE_MS) return true;
    const ok = await pause();
    sliceStart = performance.now();
    return ok;
  };

  // Large groups, members in chunks along the primary key.
  const groups = new Map<number, Bits>();
  const groupIds = raw.prepare('SELECT id FROM groups ORDER BY id').pluck().all() as number[];
  const countUpTo = raw.prepare('SELECT count(*) FROM (SELECT 1 FROM group_members WHERE group_id = ? LIMIT ?)').pluck();
  const members = raw
    .prepare(
      `SELECT group_concat(contact_id), max(contact_id) FROM (SELECT contact_id FROM group_members
       WHERE group_id = ? AND contact_id > ? ORDER BY contact_id LIMIT 20000)`,
    )
    .raw();
  for (const gid of groupIds) {
    if (!(await step())) return null;
    if ((countUpTo.get(gid, setTuning.groupMin) as number) < setTuning.groupMin) continue;
    const bits = newBits(maxId);
    let after = 0;
    for (;;) {
      const [list, last] = members.get(gid, after) as [string | null, number | null];
      addIdList(bits, list);
      if (last === null) break;
      after = last;
      if (!(await step())) return null;
    }
    groups.set(gid, bits);
  }

  // Every word of the index with its number of contacts, in slices along the words.
  raw.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.pigeon_words USING fts5vocab(main, contacts_fts, row)');
  const words = raw.prepare('SELECT term, doc FROM temp.pigeon_words WHERE term > ?').raw();
  const listed: [string, number][] = [];
  let after: string | null = '';
  while (after !== null) {
    const from: string = after;
    after = null;
    // Counting a word's contacts reads its list in the index: stop the slice on time, not on words.
    for (const row of words.iterate(from) as IterableIterator<[string, number]>) {
      listed.push(row);
      if (performance.now() - sliceStart >= SLICE_MS) {
        after = row[0];
        break;
      }
    }
    if (after !== null && !(await step())) return null;
  }
  listed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const terms = listed.map((r) => r[0]);
  const docs = Int32Array.from(listed, (r) => r[1]);

  // The frequent words' contacts, from the index (an exact word, not a prefix).
  const frequent = listed.filter((r) => r[1] >= setTuning.hotMin).sort((a, b) => b[1] - a[1]).slice(0, setTuning.hotMax);
  const holders = raw.prepare('SELECT group_concat(rowid) FROM contacts_fts WHERE contacts_fts MATCH ?').pluck();
  const hot = new Map<string, Bits>();
  for (const [term] of frequent) {
    if (!(await step())) return null;
    const bits = newBits(maxId);
    addIdList(bits, holders.get(quoted(term)) as string | null);
    hot.set(term, bits);
  }
  return { maxId, terms, docs, hot, groups };
}

function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const folders = new WeakMap<Sqlite, { clear: Statement<unknown[]>; put: Statement<unknown[]>; words: Statement<unknown[]> }>();

/** A search word as the index folds it (case, diacritics), or null when it is not one word there. */
export function foldWord(raw: Sqlite, word: string): string | null {
  let f = folders.get(raw);
  if (!f) {
    // A scratch word index with the same tokenizer, on this connection only (temp).
    raw.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.pigeon_fold USING fts5(t, tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.pigeon_fold_words USING fts5vocab(temp, pigeon_fold, row);`);
    f = {
      clear: raw.prepare('DELETE FROM temp.pigeon_fold'),
      put: raw.prepare('INSERT INTO temp.pigeon_fold (t) VALUES (?)'),
      words: raw.prepare('SELECT term FROM temp.pigeon_fold_words').pluck(),
    };
    folders.set(raw, f);
  }
  f.clear.run();
  f.put.run(word);
  const tokens = f.words.all() as string[];
  f.clear.run();
  return tokens.length === 1 ? (tokens[0] ?? null) : null;
}

/**
 * The contacts matching every word as a prefix of some word they hold (what the index's
 * `"w1"* AND "w2"*` finds), or null when the sets would not help: a word not folded to one word,
 * a word reaching no frequent word, or one reaching too many rare ones.
 */
export function textBits(raw: Sqlite, sets: SearchSets, searchWords: string[]): Bits | null {
  const perWord: Bits[] = [];
  let anyHot = false;
  const holders = raw.prepare('SELECT group_concat(rowid) FROM contacts_fts WHERE contacts_fts MATCH ?').pluck();
  for (const word of searchWords) {
    const folded = foldWord(raw, word);
    if (folded === null || folded === '') return null;
    let lo = 0;
    let hi = sets.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sets.terms[mid] ?? '') < folded) lo = mid + 1;
      else hi = mid;
    }
    const hotSets: Bits[] = [];
    const cold: string[] = [];
    let coldDocs = 0;
    for (let i = lo; i < sets.terms.length; i++) {
      const term = sets.terms[i] ?? '';
      if (!term.startsWith(folded)) break;
      const h = sets.hot.get(term);
      if (h) hotSets.push(h);
      else {
        cold.push(term);
        coldDocs += sets.docs[i] ?? 0;
        if (cold.length > setTuning.coldTermsMax || coldDocs > setTuning.coldMax) return null;
      }
    }
    if (hotSets.length > 0) anyHot = true;
    const bits = combine(hotSets, 'any') ?? newBits(sets.maxId);
    if (cold.length > 0) addIdList(bits, holders.get(cold.map(quoted).join(' OR ')) as string | null);
    perWord.push(bits);
  }
  if (!anyHot) return null;
  return combine(perWord, 'all');
}

/** The members of groups (any or all of them) when every group is kept as a set. */
export function groupBits(sets: SearchSets, groupIds: number[], mode: 'any' | 'all'): Bits | null {
  const kept: Bits[] = [];
  for (const gid of groupIds) {
    const g = sets.groups.get(gid);
    if (!g) return null;
    kept.push(g);
  }
  return combine(kept, mode);
}

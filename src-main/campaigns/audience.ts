/**
 * Turning an audience (groups, smart lists, picked contacts, pasted numbers) into recipients, with
 * the exclusions applied and counted. The same steps serve the preview ("what would I get?") and
 * the start (write the rows), so the numbers the user saw are the numbers the campaign gets.
 *
 * Everything after resolving smart lists is set-based SQL on the queue connection, reading the
 * book through the `book` attachment: one pass per rule, no row objects in JavaScript.
 */
import { sql } from 'kysely';
import type { Audience, AudiencePreview, Exclusions, VariableGap } from '#shared/campaigns';
import { emptyQuery, type ContactQuery } from '#shared/filters';
import { t } from '#shared/i18n';
import { normalisePhone } from '#shared/phone';
import type { TemplateVariable } from '#shared/template';
import { rawOf, relaxedSync } from '#main/db/connection';

import { selectionCondition } from '#main/contacts/queries';
import type { Db, Sqlite } from '#main/kernel/db';
import { PHONE_REASON } from '#shared/i18n/keys';

export type BuildInput = {
  audience: Audience;
  exclusions: Exclusions;
  /** The campaign being built (its own earlier sends do not count as "recently messaged"). */
  campaignId: number | null;
  now: number;
  defaultCountry: string;
  variables: readonly TemplateVariable[];
  /** Every contact in the book instead of the audience (a draft's variable gaps with no audience yet). */
  allContacts?: boolean;
};

/** Splits pasted text into candidate numbers: lines, commas, semicolons and tabs separate them. */
export function splitPasted(text: string): string[] {
  return text
    .split(/[\n\r,;\t]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The ids of every contact the smart lists match (read on the book's own connection). */
async function listContactIds(db: Db, listIds: readonly number[]): Promise<number[]> {
  const ids: number[] = [];
  const raw = rawOf(db);
  for (const listId of listIds) {
    const where = await selectionCondition(db, { kind: 'query', query: { ...emptyQuery(), listId } });
    const query = sql<{ id: number }>`SELECT c.id FROM contacts c WHERE ${where}`;
    if (raw) {
      const compiled = query.compile(db);
      ids.push(...(raw.prepare(compiled.sql).pluck().all(...compiled.parameters) as number[]));
    } else {
      ids.push(...(await query.execute(db)).rows.map((r) => r.id));
    }
  }
  return ids;
}

export type Prepared = { listIds: number[] };

/** The async part (smart lists are saved filters evaluated by the contacts module). */
export async function prepareAudience(db: Db, audience: Audience): Promise<Prepared> {
  const listIds = await listContactIds(db, audience.listIds);
  if (audience.query) listIds.push(...(await queryContactIds(db, audience.query)));
  return { listIds };
}

async function queryContactIds(db: Db, query: ContactQuery): Promise<number[]> {
  const where = await selectionCondition(db, { kind: 'query', query });
  const compiled = sql<{ id: number }>`SELECT c.id FROM contacts c WHERE ${where}`.compile(db);
  const raw = rawOf(db);
  if (raw) return raw.prepare(compiled.sql).pluck().all(...compiled.parameters) as number[];
  return (await db.executeQuery(compiled)).rows.map((r) => r.id);
}

const EXCLUSION_ORDER = ['black', 'gray', 'nowa', 'recent'] as const;

/** The audience's candidates (temp table `cand`, and its reordered copy): one number once each. */
const CAND_COLUMNS = '(phone TEXT PRIMARY KEY, contact_id INTEGER, name TEXT NOT NULL, fields TEXT NOT NULL, excl TEXT)';

/** Rows per chunk: each chunk is a few tens of milliseconds, then the event loop gets a turn. */
const CHUNK = 8_000;

/**
 * Recipient rows written per transaction: each row goes into several indexes of the queue, one of
 * them (campaign, phone) in an order unrelated to the sending order, so every commit rewrites most
 * of that index's pages whatever its size. Smaller transactions (1 000 or 4 000) made the
 * 100 000-contact start miss its 1.5 s target (1.9–2.1 s and 1.4–1.6 s against 1.3 s, measured side
 * by side). At 8 000, with the log copied into the database in a turn of its own (below), a chunk
 * holds the event loop 18–25 ms at a 230 000-person audience (the copy 4–16 ms).
 */
const WRITE_CHUNK = 8_000;

/**
 * Test hook, for end-to-end tests only: PIGEON_TEST_BUILD_PAUSE_MS waits that long after each
 * chunk written, so a test can see a campaign being prepared and cancel it on any machine. Unset
 * (0) everywhere else.
 */
const TEST_BUILD_PAUSE_MS = Math.max(0, Number(process.env.PIGEON_TEST_BUILD_PAUSE_MS) || 0);

/** Gives timers, acks and IPC a turn between chunks (the queue keeps its pace meanwhile). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const afterChunk = () => (TEST_BUILD_PAUSE_MS > 0 ? new Promise<void>((resolve) => setTimeout(resolve, TEST_BUILD_PAUSE_MS)) : breathe());

/** Thrown out of a build whose campaign was paused or cancelled meanwhile. */
export class BuildStopped extends Error {
  constructor() {
    super('The campaign stopped while its recipients were being prepared');
    this.name = 'BuildStopped';
  }
}

/** Asked between chunks: true when the build must stop (the campaign is no longer being prepared). */
export type StopCheck = () => boolean;
const never: StopCheck = () => false;

/**
 * The candidates' rowids as windows of `size` (`rowid > from AND rowid <= to`), a turn of the event
 * loop after each: one statement over a 250 000-person audience holds the loop for hundreds of ms.
 */
export async function* candWindows(q: Sqlite, size = CHUNK): AsyncGenerator<{ from: number; to: number }> {
  const maxRowid = (q.prepare(`SELECT coalesce(max(rowid), 0) FROM cand`).pluck().get() as number) ?? 0;
  for (let from = 0; from < maxRowid; from += size) {
    yield { from, to: from + size };
    await breathe();
  }
}

/** One build or preview at a time on a connection: they share the temp tables. */
const locks = new WeakMap<Sqlite, Promise<unknown>>();
function exclusive<T>(q: Sqlite, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(q) ?? Promise.resolve();
  const next = previous.then(work, work);
  locks.set(q, next.catch(() => undefined));
  return next;
}

/**
 * Fills the temp table `cand` with the audience (contacts in name order, then pasted numbers)
 * and marks exclusions, in chunks. The caller drops the temp tables.
 */
async function classify(q: Sqlite, input: BuildInput, prepared: Prepared, stop: StopCheck = never) {
  /** After every event-loop turn: a pause or cancel may have come in. */
  const turn = async () => {
    await breathe();
    if (stop()) throw new BuildStopped();
  };
  q.exec(`
    CREATE TEMP TABLE IF NOT EXISTS aud_ids (contact_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS cand ${CAND_COLUMNS};
    DELETE FROM aud_ids; DELETE FROM cand;
  `);
  const { audience, exclusions } = input;
  // Group members a window at a time (their primary key's order), a turn between.
  const memberEnd = q.prepare(
    `SELECT contact_id FROM book.group_members WHERE group_id = ? AND contact_id > ? ORDER BY contact_id LIMIT 1 OFFSET ${CHUNK * 4 - 1}`,
  );
  const members = (bounded: boolean) =>
    q.prepare(
      `INSERT OR IGNORE INTO aud_ids SELECT contact_id FROM book.group_members
       WHERE group_id = ? AND contact_id > ? ${bounded ? 'AND contact_id <= ?' : ''}`,
    );
  const membersWindow = members(true);
  const membersLast = members(false);
  for (const groupId of new Set(audience.groupIds)) {
    let after = 0;
    for (;;) {
      const end = memberEnd.pluck().get(groupId, after) as number | undefined;
      if (end === undefined) {
        membersLast.run(groupId, after);
        break;
      }
      membersWindow.run(groupId, after, end);
      after = end;
      await turn();
    }
  }
  const explicit = [...audience.contactIds, ...prepared.listIds];
  for (let i = 0; i < explicit.length; i += CHUNK * 4) {
    q.prepare(`INSERT OR IGNORE INTO aud_ids SELECT value FROM json_each(?)`).run(JSON.stringify(explicit.slice(i, i + CHUNK * 4)));
  }
  await turn();

  // Walk the book in name order (its index), a window of CHUNK contacts at a time, keeping the
  // audience's: every window is one short statement, then the event loop gets a turn.
  // Everyone in the book (the draft editor's gaps): every contact of a window goes into `cand`, whose
  // phone key grows out of order, so a window of CHUNK held the loop 40–57 ms at a million; half that.
  const everyone = input.allContacts ? 1 : 0;
  const windowEnd = q.prepare(`SELECT c.name_key AS key, c.id FROM book.contacts c INDEXED BY contacts_by_name
     WHERE (c.name_key, c.id) > (?, ?) ORDER BY c.name_key, c.id LIMIT 1 OFFSET ${(everyone ? CHUNK / 2 : CHUNK) - 1}`);
  // Two statements, not one with `(@end IS NULL OR … <= @end)`: SQLite cannot bound an index range
  // by a term under OR, so every window would scan to the end of the book (quadratic at 1 000 000).
  const fill = (bounded: boolean) =>
    q.prepare(
      `INSERT OR IGNORE INTO cand (phone, contact_id, name, fields)
       SELECT c.phone, c.id, c.name, c.fields FROM book.contacts c INDEXED BY contacts_by_name
       WHERE (c.name_key, c.id) > (@afterKey, @afterId)
         ${bounded ? 'AND (c.name_key, c.id) <= (@endKey, @endId)' : ''}
         ${everyone ? '' : 'AND c.id IN (SELECT contact_id FROM aud_ids)'}
       ORDER BY c.name_key, c.id`,
    );
  const fillWindow = fill(true);
  const fillLast = fill(false);
  if (everyone || q.prepare(`SELECT EXISTS (SELECT 1 FROM aud_ids)`).pluck().get() === 1) {
    let after = { key: '', id: 0 };
    for (;;) {
      const end = windowEnd.get(after.key, after.id) as { key: string; id: number } | undefined;
      if (!end) {
        fillLast.run({ afterKey: after.key, afterId: after.id });
        break; // that was the last, partial window
      }
      fillWindow.run({ afterKey: after.key, afterId: after.id, endKey: end.key, endId: end.id });
      after = end;
      await turn();
    }
  }

  // Pasted numbers: normalised like an import; a number already in the audience is a duplicate.
  let invalid = 0;
  let duplicates = 0;
  const invalidSamples: { input: string; reason: string }[] = [];
  const pasted = splitPasted(audience.pasted);
  if (pasted.length > 0) {
    const phones: string[] = [];
    for (const line of pasted) {
      const result = normalisePhone(line, input.defaultCountry);
      if (result.ok) phones.push(result.e164);
      else {
        invalid++;
        if (invalidSamples.length < 50) invalidSamples.push({ input: line.slice(0, 64), reason: t(PHONE_REASON[result.reason]) });
      }
    }
    for (let i = 0; i < phones.length; i += CHUNK) {
      const chunk = phones.slice(i, i + CHUNK);
      const inserted = q
        .prepare(
          `INSERT OR IGNORE INTO cand (phone, contact_id, name, fields)
           SELECT p.value, c.id, coalesce(c.name, ''), coalesce(c.fields, '[]')
           FROM json_each(?) p LEFT JOIN book.contacts c ON c.phone = p.value`,
        )
        .run(JSON.stringify(chunk)).changes;
      duplicates += chunk.length - inserted;
      await turn();
    }
  }

  // Each rule a window of CHUNK candidates at a time (by rowid), with a turn between: one statement
  // over a 250 000-member audience would hold the event loop for a few hundred milliseconds.
  const rules: [string, unknown[]][] = [
    [`UPDATE cand SET excl = 'black' WHERE rowid > ? AND rowid <= ? AND excl IS NULL
       AND EXISTS (SELECT 1 FROM book.suppressions s WHERE s.phone = cand.phone AND s.kind = 'black')`, []],
  ];
  if (!exclusions.includeGraylist) {
    rules.push([
      `UPDATE cand SET excl = 'gray' WHERE rowid > ? AND rowid <= ? AND excl IS NULL
         AND EXISTS (SELECT 1 FROM book.suppressions s WHERE s.phone = cand.phone AND s.kind = 'gray')`,
      [],
    ]);
  }
  if (exclusions.skipNotOnWhatsApp) {
    rules.push([
      `UPDATE cand SET excl = 'nowa' WHERE rowid > ? AND rowid <= ? AND excl IS NULL
         AND EXISTS (SELECT 1 FROM book.contacts c INDEXED BY contacts_by_wa_status WHERE c.wa_status = 'no' AND c.id = cand.contact_id)`,
      [],
    ]);
  }
  if (exclusions.recentlyMessagedHours !== null) {
    rules.push([
      `UPDATE cand SET excl = 'recent' WHERE rowid > ? AND rowid <= ? AND excl IS NULL AND EXISTS (
         SELECT 1 FROM recipients r WHERE r.phone = cand.phone AND r.sent_at >= ? AND r.campaign_id IS NOT ?)`,
      [input.now - exclusions.recentlyMessagedHours * 3600_000, input.campaignId],
    ]);
  }
  const ruleStatements = rules.map(([text, params]) => ({ statement: q.prepare(text), params }));
  for (const { statement, params } of ruleStatements) {
    for await (const { from, to } of candWindows(q)) {
      if (stop()) throw new BuildStopped();
      statement.run(from, to, ...params);
    }
  }
  return { invalid, duplicates, invalidSamples };
}

/** Counted a window of CHUNK candidates at a time, a turn between (one pass held the loop ~150 ms at 250 000). */
async function counts(q: Sqlite) {
  const window = q.prepare(`SELECT excl, count(*) AS n FROM cand WHERE rowid > ? AND rowid <= ? GROUP BY excl`);
  const by = new Map<string | null, number>();
  let matched = 0;
  for await (const { from, to } of candWindows(q)) {
    for (const r of window.all(from, to) as { excl: string | null; n: number }[]) {
      by.set(r.excl, (by.get(r.excl) ?? 0) + r.n);
      matched += r.n;
    }
  }
  return {
    matched,
    total: by.get(null) ?? 0,
    excluded: Object.fromEntries(EXCLUSION_ORDER.map((k) => [k, by.get(k) ?? 0])) as Record<(typeof EXCLUSION_ORDER)[number], number>,
  };
}

/**
 * How many of the (kept) candidates have no value for each variable: a window of CHUNK candidates
 * per statement, a turn between (one statement over a whole book of a million held the loop for
 * seconds: each candidate's fields are unpacked to find the variable).
 */
async function gaps(q: Sqlite, variables: readonly TemplateVariable[], total: number, stop: StopCheck): Promise<VariableGap[]> {
  const out: VariableGap[] = [];
  if (variables.length === 0) return out;
  const noName = q.prepare(`SELECT count(*) FROM cand WHERE excl IS NULL AND rowid > ? AND rowid <= ? AND trim(name) = ''`).pluck();
  const noField = q
    .prepare(
      `SELECT count(*) FROM cand WHERE excl IS NULL AND rowid > ? AND rowid <= ? AND NOT EXISTS (
         SELECT 1 FROM json_each(cand.fields) f
         WHERE pigeon_var_key(f.value ->> 0) = ? AND trim(f.value ->> 1) != '')`,
    )
    .pluck();
  for (const v of variables) {
    let missing = 0;
    if (v.normalizedKey !== 'phone') {
      const byName = v.normalizedKey === 'name' || v.normalizedKey === 'first_name';
      for await (const { from, to } of candWindows(q)) {
        if (stop()) throw new BuildStopped();
        missing += (byName ? noName.get(from, to) : noField.get(from, to, v.normalizedKey)) as number;
      }
    }
    out.push({ key: v.key, fallback: v.fallback, missing, total });
  }
  return out;
}

/**
 * Who the kept candidates are to us: never messaged, not known on WhatsApp, ever answered. A
 * window of CHUNK rows per statement, with a turn of the event loop between (sends keep their pace).
 */
async function standing(q: Sqlite): Promise<NonNullable<AudiencePreview['standing']>> {
  const count = q.prepare(
    `SELECT
       coalesce(sum(NOT EXISTS (SELECT 1 FROM recipients r WHERE r.phone = cand.phone AND r.sent_at IS NOT NULL)), 0) AS neverMessaged,
       coalesce(sum(cand.contact_id IS NULL OR (SELECT c.wa_status FROM book.contacts c WHERE c.id = cand.contact_id) IS NULL), 0) AS notChecked,
       coalesce(sum(EXISTS (SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = cand.phone)), 0) AS answered
     FROM cand WHERE excl IS NULL AND rowid > ? AND rowid <= ?`,
  );
  const total = { neverMessaged: 0, notChecked: 0, answered: 0 };
  for await (const { from, to } of candWindows(q)) {
    const part = count.get(from, to) as typeof total;
    total.neverMessaged += part.neverMessaged;
    total.notChecked += part.notChecked;
    total.answered += part.answered;
  }
  return total;
}

async function toPreview(
  q: Sqlite,
  input: BuildInput,
  extra: Awaited<ReturnType<typeof classify>>,
  counted: AudiencePreview['standing'] = null,
  stop: StopCheck = never,
): Promise<AudiencePreview> {
  const c = await counts(q);
  return {
    total: c.total,
    matched: c.matched,
    excluded: {
      blacklist: c.excluded.black,
      graylist: c.excluded.gray,
      notOnWhatsApp: c.excluded.nowa,
      recentlyMessaged: c.excluded.recent,
      duplicates: extra.duplicates,
      invalid: extra.invalid,
    },
    invalidSamples: extra.invalidSamples,
    variableGaps: await gaps(q, input.variables, c.total, stop),
    standing: counted,
  };
}

/**
 * Puts the people who have written to us before (any account: an answer or a first message) ahead
 * of the rest, each part in its earlier order: the rows are written, and so sent, in `cand`'s rowid
 * order. A warm contact uses none of the unanswered-message budget.
 */
async function warmFirst(q: Sqlite): Promise<void> {
  // Copied a window at a time, the warm ones first then the rest (one statement held the loop
  // ~400 ms at a 230 000-person audience); the copy then takes the place of `cand`.
  q.exec(`DROP TABLE IF EXISTS temp.cand_order;
    CREATE TEMP TABLE cand_order ${CAND_COLUMNS};`);
  for (const warm of [true, false]) {
    const copy = q.prepare(
      `INSERT INTO cand_order (phone, contact_id, name, fields, excl)
       SELECT phone, contact_id, name, fields, excl FROM cand WHERE rowid > ? AND rowid <= ?
         AND ${warm ? '' : 'NOT '}EXISTS (SELECT 1 FROM book.incoming_messages i WHERE i.from_phone = cand.phone)
       ORDER BY rowid`,
    );
    for await (const { from, to } of candWindows(q)) copy.run(from, to);
  }
  q.exec(`DROP TABLE temp.cand; ALTER TABLE temp.cand_order RENAME TO cand;`);
}

/**
 * Runs `count` on the classified audience (the temp table `cand`, kept rows have `excl IS NULL`)
 * without writing anything.
 */
export function withAudience<T>(q: Sqlite, input: BuildInput, prepared: Prepared, count: () => T | Promise<T>): Promise<T> {
  return exclusive(q, async () => {
    try {
      await classify(q, input, prepared);
      return await count();
    } finally {
      dropTemp(q);
    }
  });
}

const dropTemp = (q: Sqlite) => q.exec('DROP TABLE IF EXISTS temp.aud_ids; DROP TABLE IF EXISTS temp.cand; DROP TABLE IF EXISTS temp.cand_order;');

/** What the audience would give, without writing anything. */
export function previewAudience(
  q: Sqlite,
  input: BuildInput,
  prepared: Prepared,
  options: { stop?: StopCheck; standing?: boolean } = {},
): Promise<AudiencePreview> {
  const stop = options.stop ?? never;
  return exclusive(q, async () => {
    try {
      if (stop()) throw new BuildStopped();
      const extra = await classify(q, input, prepared, stop);
      return await toPreview(q, input, extra, options.standing === false ? null : await standing(q), stop);
    } finally {
      dropTemp(q);
    }
  });
}

/**
 * Writes the campaign's recipient rows (queued), a chunk per transaction, and returns what was
 * excluded. The campaign is marked `building` meanwhile: after a crash it is built again from
 * scratch, so a half-written audience never sends.
 */
export function buildRecipients(
  q: Sqlite,
  campaignId: number,
  input: BuildInput,
  prepared: Prepared,
  stop: StopCheck = never,
): Promise<AudiencePreview> {
  return exclusive(q, async () => {
    let preview: AudiencePreview;
    let autoCheckpoint: number | null = null;
    try {
      if (stop()) throw new BuildStopped();
      preview = await toPreview(q, input, await classify(q, input, prepared, stop));
      if (input.audience.order === 'warmFirst') await warmFirst(q);
      const insert = q.prepare(
        `INSERT INTO recipients (campaign_id, contact_id, phone, name, fields, status, updated_at)
         SELECT ?, contact_id, phone, name, fields, 'queued', ? FROM cand WHERE excl IS NULL AND rowid > ? AND rowid <= ? ORDER BY rowid`,
      );
      const maxRowid = (q.prepare(`SELECT coalesce(max(rowid), 0) FROM cand`).pluck().get() as number) ?? 0;
      // A chunk's commit no longer copies the log into the database file itself (an automatic
      // checkpoint, which grew to half the chunk's time at a million contacts): the log is copied
      // after each chunk, in a turn of its own. Set back in `finally`, whatever stops the build.
      autoCheckpoint = q.pragma('wal_autocheckpoint', { simple: true }) as number;
      q.pragma('wal_autocheckpoint = 0');
      for (let from = 0; from < maxRowid; from += WRITE_CHUNK) {
        // Asked right before each chunk is written (no turn in between): after a pause or cancel
        // not one more row goes in.
        if (stop()) throw new BuildStopped();
        // Not synced one by one: these rows are worthless until the build's end is committed
        // (synchronous=FULL, which puts them on disk with it); a crash before that builds again.
        relaxedSync(q, () => insert.run(campaignId, input.now, from, from + WRITE_CHUNK));
        await afterChunk();
        // As much as no reader holds back; what is left goes with the next chunk's (or at the end).
        q.pragma('wal_checkpoint(PASSIVE)');
        await breathe();
      }
      if (stop()) throw new BuildStopped();
      // The people left out, for the report (the counts alone do not say who).
      // Reasons as the preview names them: blacklist, graylist, notOnWhatsApp, recentlyMessaged.
      // A window of 8 × WRITE_CHUNK candidates per transaction, a turn between (a crash before the
      // build's end builds again from scratch, deleting these first).
      relaxedSync(q, () => q.prepare(`DELETE FROM excluded_people WHERE campaign_id = ?`).run(campaignId));
      const excludedInsert = q.prepare(
        `INSERT INTO excluded_people (campaign_id, contact_id, phone, name, reason)
         SELECT ?, contact_id, phone, name, CASE excl WHEN 'black' THEN 'blacklist' WHEN 'gray' THEN 'graylist'
           WHEN 'nowa' THEN 'notOnWhatsApp' ELSE 'recentlyMessaged' END
         FROM cand WHERE excl IS NOT NULL AND rowid > ? AND rowid <= ? ORDER BY rowid`,
      );
      for await (const { from, to } of candWindows(q, WRITE_CHUNK * 8)) {
        // Finished even when a pause or cancel comes in meanwhile (as the one transaction was).
        relaxedSync(q, () => excludedInsert.run(campaignId, from, to));
      }
    } finally {
      if (autoCheckpoint !== null) q.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      dropTemp(q);
    }
    // Dropping the temporary tables of a 250 000-person audience takes 20–27 ms: a turn before the
    // caller marks the build ended and counts the rows.
    await breathe();
    return preview;
  });
}

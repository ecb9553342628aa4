/** Blacklist and graylist: numbers, not contacts, so a number can be suppressed before it is known. */
import { sql } from 'kysely';
import type { Suppression, SuppressionKind } from '#shared/domain';
import type { Selection } from '#shared/filters';
import { t } from '#shared/i18n';
import { normalisePhone, phoneSearchDigits } from '#shared/phone';
import { selectionCondition } from '#main/contacts/queries';
import type { Db } from '#main/kernel/db';
import { PHONE_REASON } from '#shared/i18n/keys';

type Row = {
  phone: string;
  kind: SuppressionKind;
  reason: string;
  source: string;
  created_at: string;
  contact_id: number | null;
  contact_name: string | null;
};

export async function listSuppressions(
  db: Db,
  input: { kind: SuppressionKind; search: string; offset: number; limit: number },
): Promise<{ rows: Suppression[]; total: number }> {
  const search = input.search.trim();
  const digits = phoneSearchDigits(search);
  const like = `%${(digits ?? search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where =
    search === ''
      ? sql`s.kind = ${input.kind}`
      : sql`s.kind = ${input.kind} AND (s.phone LIKE ${like} ESCAPE '\\' OR s.reason LIKE ${like} ESCAPE '\\' OR c.name LIKE ${like} ESCAPE '\\')`;
  const { rows } = await sql<Row>`SELECT s.phone, s.kind, s.reason, s.source, s.created_at, c.id AS contact_id, c.name AS contact_name
    FROM suppressions s LEFT JOIN contacts c ON c.phone = s.phone WHERE ${where}
    ORDER BY s.created_at DESC, s.phone LIMIT ${input.limit} OFFSET ${input.offset}`.execute(db);
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM suppressions s LEFT JOIN contacts c ON c.phone = s.phone
    WHERE ${where}`.execute(db);
  return {
    rows: rows.map((r) => ({
      phone: r.phone,
      kind: r.kind,
      reason: r.reason,
      source: r.source,
      createdAt: r.created_at,
      contactId: r.contact_id,
      contactName: r.contact_name,
    })),
    total: counted.rows[0]?.n ?? 0,
  };
}

export async function addNumbers(
  db: Db,
  kind: SuppressionKind,
  numbers: string[],
  reason: string,
  defaultCountry: string,
): Promise<{ added: number; invalid: { input: string; reason: string }[] }> {
  const invalid: { input: string; reason: string }[] = [];
  const phones = new Set<string>();
  for (const input of numbers) {
    if (input.trim() === '') continue;
    const r = normalisePhone(input, defaultCountry);
    if (r.ok) phones.add(r.e164);
    else invalid.push({ input, reason: t(PHONE_REASON[r.reason]) });
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const phone of phones) {
      await trx
        .insertInto('suppressions')
        .values({ phone, kind, reason, source: 'manual', created_at: now })
        .onConflict((oc) => oc.column('phone').doUpdateSet({ kind, reason }))
        .execute();
    }
  });
  return { added: phones.size, invalid };
}

export async function addContacts(db: Db, kind: SuppressionKind, selection: Selection, reason: string): Promise<number> {
  const where = await selectionCondition(db, selection);
  const r = await sql`INSERT INTO suppressions (phone, kind, reason, source, created_at)
    SELECT c.phone, ${kind}, ${reason}, 'contacts', ${new Date().toISOString()} FROM contacts c WHERE ${where}
    ON CONFLICT (phone) DO UPDATE SET kind = excluded.kind, reason = excluded.reason`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function moveSuppressions(db: Db, phones: string[], to: SuppressionKind): Promise<number> {
  const r = await sql`UPDATE suppressions SET kind = ${to}
    WHERE phone IN (SELECT value FROM json_each(${JSON.stringify(phones)}))`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function removeSuppressions(db: Db, phones: string[]): Promise<number> {
  const r = await sql`DELETE FROM suppressions WHERE phone IN (SELECT value FROM json_each(${JSON.stringify(phones)}))`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Entries handed back for Undo at most (a larger removal is undone from its backup). */
export const UNDO_ROWS_MAX = 10_000;

/** Takes the selected contacts' numbers off both lists; what was removed comes back for Undo. */
export async function removeContactSuppressions(
  db: Db,
  selection: Selection,
): Promise<{ removed: number; rows: Pick<Suppression, 'phone' | 'kind' | 'reason'>[] }> {
  const where = await selectionCondition(db, selection);
  const r = await sql<Pick<Suppression, 'phone' | 'kind' | 'reason'>>`DELETE FROM suppressions
    WHERE phone IN (SELECT c.phone FROM contacts c WHERE ${where}) RETURNING phone, kind, reason`.execute(db);
  return { removed: r.rows.length, rows: r.rows.length <= UNDO_ROWS_MAX ? r.rows : [] };
}

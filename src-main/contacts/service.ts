/** Contact edits by hand: one contact at a time, or a bulk action over a selection. */
import { sql } from 'kysely';
import type { MethodParsedInput } from '#shared/contract';
import type { ContactDetail } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { Selection } from '#shared/filters';
import { t } from '#shared/i18n';
import { normalisePhone } from '#shared/phone';
import { nameSortKey } from '#shared/text';
import { reindexContact } from './search-index';
import { invalidateOrder } from './sort-order';
import { findContactIdByPhone, getContact, selectionCondition, setTags } from './queries';
import type { Db } from '#main/kernel/db';
import { PHONE_REASON } from '#shared/i18n/keys';

export function normaliseOrThrow(phone: string, defaultCountry: string): string {
  const result = normalisePhone(phone, defaultCountry);
  if (!result.ok) {
    throw new AppError('invalid_input', t('err.phoneUnusable', { phone, reason: t(PHONE_REASON[result.reason]) }), {
      field: 'phone',
    });
  }
  return result.e164;
}

function cleanFields(fields: [string, string][]): [string, string][] {
  const seen = new Map<string, string>();
  for (const [k, v] of fields) {
    const key = k.trim();
    if (key === '' || ['__proto__', 'constructor', 'prototype'].includes(key.toLowerCase())) continue;
    seen.set(key, v);
  }
  return [...seen];
}

export async function createContact(
  db: Db,
  input: MethodParsedInput<'contacts.create'>,
  defaultCountry: string,
): Promise<ContactDetail> {
  const phone = normaliseOrThrow(input.phone, defaultCountry);
  const existing = await findContactIdByPhone(db, phone);
  if (existing !== null) {
    const other = await getContact(db, existing);
    throw new AppError('conflict', t('err.phoneTaken', { name: other.name || other.phone }), {
      contactId: existing,
    });
  }
  const now = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('contacts')
      .values({
        phone,
        name: input.name.trim(),
        name_key: nameSortKey(input.name),
        fields: JSON.stringify(cleanFields(input.fields)),
        note: input.note,
        source: 'manual',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setTags(trx, row.id, input.tags);
    await reindexContact(trx, row.id);
    return row.id;
  });
  invalidateOrder(db);
  return getContact(db, id);
}

export async function updateContact(
  db: Db,
  input: MethodParsedInput<'contacts.update'>,
  defaultCountry: string,
): Promise<ContactDetail> {
  const current = await getContact(db, input.id);
  const patch = input.patch;
  const values: { phone?: string; name?: string; name_key?: string; fields?: string; note?: string; updated_at: string } = {
    updated_at: new Date().toISOString(),
  };
  if (patch.phone !== undefined) {
    const phone = normaliseOrThrow(patch.phone, defaultCountry);
    if (phone !== current.phone) {
      const other = await findContactIdByPhone(db, phone);
      if (other !== null) throw new AppError('conflict', t('err.phoneTakenOther'), { contactId: other });
      values.phone = phone;
    }
  }
  if (patch.name !== undefined) {
    values.name = patch.name.trim();
    values.name_key = nameSortKey(values.name);
  }
  if (patch.fields !== undefined) values.fields = JSON.stringify(cleanFields(patch.fields));
  if (patch.note !== undefined) values.note = patch.note;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('contacts').set(values).where('id', '=', input.id).execute();
    if (patch.tags !== undefined) await setTags(trx, input.id, patch.tags);
    await reindexContact(trx, input.id);
  });
  invalidateOrder(db);
  return getContact(db, input.id);
}

/** How many contacts a selection holds now. */
export async function countSelected(db: Db, selection: Selection): Promise<number> {
  const where = await selectionCondition(db, selection);
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM contacts c WHERE ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export async function tagContacts(db: Db, selection: Selection, add: string[], remove: string[]): Promise<number> {
  const where = await selectionCondition(db, selection);
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const tag of new Set(add)) {
      const r = await sql`INSERT OR IGNORE INTO contact_tags (tag, contact_id)
        SELECT ${tag}, c.id FROM contacts c WHERE ${where}`.execute(trx);
      changed += Number(r.numAffectedRows ?? 0);
    }
    for (const tag of new Set(remove)) {
      const r = await sql`DELETE FROM contact_tags WHERE tag = ${tag}
        AND contact_id IN (SELECT c.id FROM contacts c WHERE ${where})`.execute(trx);
      changed += Number(r.numAffectedRows ?? 0);
    }
    return changed;
  });
}

/** Drafts: a name and message parts, kept in the book. Campaigns copy the parts when they start. */
import type { Draft, DraftPart } from '#shared/campaigns';
import { DraftPartsSchema } from '#shared/campaigns';
import { messageProblems } from '#shared/draft-check';
import { AppError } from '#shared/errors';

import type { DraftsTable } from '#main/db/schema';
import type { Selectable } from 'kysely';
import type { Db } from '#main/kernel/db';
import { t } from '#shared/i18n';

function toDraft(r: Selectable<DraftsTable>): Draft {
  return {
    id: r.id,
    name: r.name,
    // Parsed again on the way out: a row is only ever written through the schema.
    parts: DraftPartsSchema.parse(JSON.parse(r.parts)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listDrafts(db: Db): Promise<Draft[]> {
  const rows = await db.selectFrom('drafts').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toDraft);
}

export async function getDraft(db: Db, id: number): Promise<Draft> {
  const row = await db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', t('drafts.err.gone'));
  return toDraft(row);
}

export async function createDraft(db: Db, name: string, parts: DraftPart[], now: string): Promise<Draft> {
  const row = await db
    .insertInto('drafts')
    .values({ name, parts: JSON.stringify(parts), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDraft(row);
}

export async function updateDraft(
  db: Db,
  id: number,
  patch: { name?: string | undefined; parts?: DraftPart[] | undefined },
  now: string,
): Promise<Draft> {
  const row = await db
    .updateTable('drafts')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.parts !== undefined ? { parts: JSON.stringify(patch.parts) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', t('drafts.err.gone'));
  return toDraft(row);
}

export async function duplicateDraft(db: Db, id: number, now: string): Promise<Draft> {
  const draft = await getDraft(db, id);
  const names = new Set((await db.selectFrom('drafts').select('name').execute()).map((r) => r.name));
  let name = `${draft.name} (copy)`;
  for (let n = 2; names.has(name); n++) name = `${draft.name} (copy ${n})`;
  return createDraft(db, name.slice(0, 100), draft.parts, now);
}

export async function deleteDraft(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('drafts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Problems that stop a draft from being sent, in plain words (empty when it can go). */
export function draftProblems(draft: Pick<Draft, 'name' | 'parts'>): string[] {
  return messageProblems(draft);
}

import type { SmartList } from '#shared/domain';
import { t } from '#shared/i18n';
import { AppError } from '#shared/errors';
import { emptyQuery, SmartFilterSchema, type SmartFilter } from '#shared/filters';
import { countContacts } from '#main/contacts/queries';
import type { Db } from '#main/kernel/db';

type Row = { id: number; name: string; filter: string; created_at: string; updated_at: string };

function toList(r: Row): SmartList {
  return {
    id: r.id,
    name: r.name,
    filter: SmartFilterSchema.parse(JSON.parse(r.filter)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listLists(db: Db): Promise<(SmartList & { count: number })[]> {
  const rows = await db.selectFrom('smart_lists').selectAll().orderBy('name').execute();
  const out: (SmartList & { count: number })[] = [];
  for (const r of rows) {
    const list = toList(r);
    out.push({ ...list, count: await countContacts(db, { ...emptyQuery(), filter: list.filter }) });
  }
  return out;
}

async function getList(db: Db, id: number): Promise<SmartList> {
  const row = await db.selectFrom('smart_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', t('err.listGone'));
  return toList(row);
}

async function assertNameFree(db: Db, name: string, exceptId: number | null): Promise<void> {
  const clash = await db.selectFrom('smart_lists').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', t('err.listNameTaken', { name }));
}

export async function createList(db: Db, name: string, filter: SmartFilter): Promise<SmartList> {
  await assertNameFree(db, name, null);
  const now = new Date().toISOString();
  const row = await db
    .insertInto('smart_lists')
    .values({ name, filter: JSON.stringify(filter), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getList(db, row.id);
}

export async function updateList(db: Db, id: number, name: string | undefined, filter: SmartFilter | undefined): Promise<SmartList> {
  await getList(db, id);
  if (name !== undefined) await assertNameFree(db, name, id);
  await db
    .updateTable('smart_lists')
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(filter !== undefined ? { filter: JSON.stringify(filter) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return getList(db, id);
}

export async function deleteList(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('smart_lists').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

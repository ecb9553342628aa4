import type { Settings } from '../../src-shared/domain';
import { isValidCountry } from '../../src-shared/phone';
import type { Db } from '../contacts/queries';

export const DEFAULT_SETTINGS: Settings = { defaultCountry: 'TR' };

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const country = stored.get('defaultCountry');
  return { defaultCountry: country && isValidCountry(country) ? country : DEFAULT_SETTINGS.defaultCountry };
}

export async function updateSettings(db: Db, patch: Partial<Settings>): Promise<Settings> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: String(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
      .execute();
  }
  return getSettings(db);
}

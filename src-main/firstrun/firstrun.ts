/**
 * The first run: whether to welcome the operator, the place they work in (country, time zone,
 * working week, saved as settings), the demo account with sample contacts in their language, and
 * which getting-started steps the data shows done.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Account } from '#shared/accounts';
import type { Settings } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { FirstRunDemo, FirstRunState } from '#shared/firstrun';
import { t, type Language } from '#shared/i18n';
import type { Weekday } from '#shared/pace';
import { isValidCountry } from '#shared/phone';
import { regionWeek, sortDays } from '#shared/regions';
import type { Db, Sqlite } from '#main/kernel/db';
import { CHECKLIST_HIDDEN, FIRST_RUN_DONE, getFlag, setFlag, updateSettings } from '#main/settings/settings';
import type { ImportService } from '#main/imports/import-service';
import type { AccountManager } from '#main/accounts/account-manager';

export type FirstRunDeps = {
  db: Db;
  /** The queue's file (the campaigns). */
  queueDb: Sqlite;
  accounts: () => Account[];
  /** The folder holding samples/contacts-<language>.xlsx. */
  resourcesDir: string;
};

async function count(db: Db, table: 'contacts' | 'drafts'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the welcome and the checklist need, read from the data itself. */
export async function firstRunState(deps: FirstRunDeps): Promise<FirstRunState> {
  const contacts = await count(deps.db, 'contacts');
  const drafts = await count(deps.db, 'drafts');
  const accounts = deps.accounts();
  const campaigns = deps.queueDb.prepare(`SELECT count(*) FROM campaigns`).pluck().get() as number;
  const started = deps.queueDb.prepare(`SELECT count(*) FROM campaigns WHERE status <> 'draft'`).pluck().get() as number;
  const empty = contacts === 0 && drafts === 0 && accounts.length === 0 && campaigns === 0;
  return {
    welcome: empty && !(await getFlag(deps.db, FIRST_RUN_DONE)),
    done: {
      contacts: contacts > 0,
      account: accounts.some((a) => a.linked || a.state === 'ready' || a.lastReadyAt !== null),
      draft: drafts > 0,
      campaign: started > 0,
    },
    checklistHidden: await getFlag(deps.db, CHECKLIST_HIDDEN),
  };
}

/**
 * Saves the place chosen at the first run: the country numbers without a + are read in, the time
 * zone, and the working week (the country's own unless `workingDays` and `weekStart` are given).
 */
export async function savePlace(
  db: Db,
  place: { country: string; timezone: string; workingDays?: Weekday[] | undefined; weekStart?: Weekday | undefined },
): Promise<Settings> {
  if (!isValidCountry(place.country)) throw new AppError('invalid_input', t('firstRun.err.country'));
  const week = regionWeek(place.country);
  const weekStart = place.weekStart ?? week.weekStart;
  const workingDays = sortDays(place.workingDays && place.workingDays.length > 0 ? place.workingDays : week.workingDays, weekStart);
  return updateSettings(db, { defaultCountry: place.country, timezone: place.timezone, workingDays, weekStart });
}

/** The sample contacts' file for a language (resources/samples/contacts-<language>.xlsx). */
export function sampleFile(resourcesDir: string, language: Language): string {
  return path.join(resourcesDir, 'samples', `contacts-${language}.xlsx`);
}

/** Links an account unless it is linked, or linking, already. */
const BUSY_STATES = new Set(['starting', 'qr', 'pairing', 'authenticating', 'ready', 'reconnecting']);

/**
 * The demo: the demo account there is (else a new one), linking (the demo phone scans its QR by
 * itself), and the sample contacts imported into their own group with the sample tag. A second
 * time adds nothing twice: the numbers are skipped, the group and the account are the same.
 */
export async function startDemo(
  deps: FirstRunDeps & { manager: AccountManager; imports: ImportService },
  language: Language,
): Promise<FirstRunDemo> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(sampleFile(deps.resourcesDir, language)));
  } catch {
    throw new AppError('not_found', t('firstRun.err.samples'));
  }
  let account = deps.accounts().find((a) => a.driver === 'simulator');
  account ??= await deps.manager.create(t('firstRun.demo.accountName'), 'simulator');
  if (!BUSY_STATES.has(account.state)) account = await deps.manager.connect({ id: account.id, method: 'qr' });

  const preview = await deps.imports.open({ fileName: t('firstRun.demo.fileName'), bytes });
  try {
    const summary = await deps.imports.run({
      importId: preview.importId,
      mapping: preview.mapping,
      onDuplicate: 'skip',
      target: { kind: 'newGroup', name: t('firstRun.demo.group') },
      tags: [t('firstRun.demo.tag')],
    });
    if (summary.status !== 'completed') throw new AppError('internal', summary.message ?? t('firstRun.err.samples'));
    return { account, added: summary.added, groupId: summary.groupId, groupName: summary.groupName ?? t('firstRun.demo.group') };
  } finally {
    // The Import page then starts on "Choose a file", not on the samples' result.
    await deps.imports.discard(preview.importId);
  }
}

export async function finishWelcome(db: Db): Promise<void> {
  await setFlag(db, FIRST_RUN_DONE, true);
}

export async function hideChecklist(db: Db, hidden: boolean): Promise<void> {
  await setFlag(db, CHECKLIST_HIDDEN, hidden);
}

import type BetterSqlite3 from 'better-sqlite3';
import { t } from '#shared/i18n';
import { AppError } from '#shared/errors';
import { m0001ContactBook } from './0001-contact-book';
import { m0002Accounts } from './0002-accounts';
import { m0003Drafts } from './0003-drafts';
import { m0004ContactEvents } from './0004-contact-events';
import { m0005AccountSafety } from './0005-account-safety';
import { m0006Undo } from './0006-undo';
import { m0007UndoMembers } from './0007-undo-members';
import type { Migration } from './types';

/** The static registry. Versions are consecutive from 1; the schema version is PRAGMA user_version. */
export const MIGRATIONS: readonly Migration[] = [m0001ContactBook, m0002Accounts, m0003Drafts, m0004ContactEvents, m0005AccountSafety, m0006Undo, m0007UndoMembers];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to the latest schema in one transaction and returns the version. A database
 * written by a newer Pigeon is refused rather than guessed at.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration registry out of order at ${m.name}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new AppError(
      'database_too_new',
      t('err.databaseTooNew', { found: current, supported: latest }),
      { found: current, supported: latest },
    );
  }
  if (current === latest) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}

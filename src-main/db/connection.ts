import fs from 'node:fs';
import { t } from '#shared/i18n';
import path from 'node:path';
import { openDatabase } from './native';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '#shared/errors';
import type { Database } from './schema';
import { migrate } from './migrations';
import type { Sqlite } from '#main/kernel/db';


export const DATABASE_FILE = 'pigeon.sqlite3';

/** Opens (creating if needed) the SQLite file with the pragmas every connection needs. */
export function openSqlite(file: string, options: { readonly?: boolean; busyTimeoutMs?: number; durable?: boolean } = {}): Sqlite {
  const db = openDatabase(file, { readonly: options.readonly ?? false });
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode may lose the last commits on a power cut (never corrupts). `durable` files
  // (the send queue) fsync every commit; on macOS only F_FULLFSYNC reaches the platter.
  db.pragma(options.durable ? 'synchronous = FULL' : 'synchronous = NORMAL');
  if (options.durable && process.platform === 'darwin') {
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  return db;
}

/**
 * Runs `write` on a durable (synchronous=FULL) connection without syncing its commit: only for
 * rows that count for nothing until a later FULL commit on the same connection, which puts them on
 * disk too (in WAL mode that fsync covers every frame written before it). Synchronous, so nothing
 * else runs on the connection meanwhile.
 */
export function relaxedSync<T>(db: Sqlite, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

const rawHandles = new WeakMap<Kysely<Database>, Sqlite>();

/**
 * The better-sqlite3 handle behind a Kysely instance, for the few hot paths where building row
 * objects through Kysely costs more than the query itself (plucking thousands of ids).
 */
export function rawOf(db: Kysely<Database>): Sqlite | null {
  return rawHandles.get(db) ?? null;
}

export type Store = { sqlite: Sqlite; db: Kysely<Database>; file: string; schemaVersion: number };

/** Opens the store in a data folder and brings its schema up to date in one transaction. */
export function openStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(file);
  } catch (error) {
    throw new AppError('internal', t('err.databaseOpen', { file, message: (error as Error).message }));
  }
  try {
    const schemaVersion = migrate(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    rawHandles.set(db, sqlite);
    return { sqlite, db, file, schemaVersion };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export async function closeStore(store: Store): Promise<void> {
  await store.db.destroy(); // closes the better-sqlite3 handle too
}

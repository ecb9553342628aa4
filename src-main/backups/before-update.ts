/**
 * Before a migration changes either database, a backup of both as they are (reason
 * "before-update"), taken at start-up in this thread: nothing else runs yet. A folder that was
 * never opened, or one written by a newer Pigeon (refused later with its own message), needs none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '#main/db/native';
import type { BackupInfo, BackupSettings } from '#shared/backups';
import { QUEUE_FILE, QUEUE_MIGRATIONS } from '#main/campaigns/queue-db';
import { DATABASE_FILE } from '#main/db/connection';
import { MIGRATIONS } from '#main/db/migrations';
import { backupIdAt, pruneBackups, removePartials } from './manifest';
import { defaultBackupFolder, readBackupSettings } from './service';
import { writeBackup } from './write';

export type SchemaVersions = { book: number; queue: number };

export const LATEST_SCHEMA: SchemaVersions = { book: MIGRATIONS.length, queue: QUEUE_MIGRATIONS.length };

function versionOf(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Takes the backup when a migration is due; returns it (null: none was needed). */
export async function backupBeforeUpdate(dataDir: string, appVersion: string, latest: SchemaVersions = LATEST_SCHEMA): Promise<BackupInfo | null> {
  const bookFile = path.join(dataDir, DATABASE_FILE);
  const queueFile = path.join(dataDir, QUEUE_FILE);
  if (!fs.existsSync(bookFile)) return null;
  const book = openDatabase(bookFile, { readonly: true, fileMustExist: true });
  let settings: BackupSettings | null = null;
  try {
    const bookVersion = versionOf(book);
    let queueVersion = latest.queue;
    if (fs.existsSync(queueFile)) {
      const queue = openDatabase(queueFile, { readonly: true, fileMustExist: true });
      try {
        queueVersion = versionOf(queue);
      } finally {
        queue.close();
      }
    }
    const older = (bookVersion > 0 && bookVersion < latest.book) || (queueVersion > 0 && queueVersion < latest.queue);
    const newer = bookVersion > latest.book || queueVersion > latest.queue;
    if (older && !newer) settings = readBackupSettings(book);
  } finally {
    book.close();
  }
  if (!settings) return null;
  const root = settings.folder ?? defaultBackupFolder(dataDir);
  removePartials(root);
  const now = Date.now();
  const backup = await writeBackup({
    bookFile,
    queueFile,
    dataDir,
    root,
    id: backupIdAt(now),
    createdAt: new Date(now).toISOString(),
    reason: 'before-update',
    appVersion,
    includeSessions: settings.includeSessions,
  });
  pruneBackups(root, settings.keep);
  return backup;
}

/**
 * One Pigeon per data folder: the desktop window, a browser host, or a tool, never two at once (two
 * send queues on one campaigns file would each send the same recipients).
 *
 * The lock is SQLite's own: a small file opened in exclusive locking mode with a transaction held
 * open. The operating system drops such a lock when the process ends however it ends (kill -9,
 * power cut of the process), so nothing is left stale and no pid can be mistaken for another; and
 * SQLite keeps it right between two connections of one process too (its POSIX locks are tracked per
 * file, so closing a refused connection does not drop the held one). Plain Node.
 */
import path from 'node:path';
import { openDatabase } from '#main/db/native';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';

/** The lock file in the data folder (empty: nothing is ever written to it). */
export const LOCK_FILE = 'pigeon.lock';

/**
 * How long a start waits for the lock: long enough for two starts racing each other to settle on
 * one (SQLite retries inside this time), short enough that a refusal is felt as immediate.
 */
const WAIT_MS = 300;

export type DataLock = { release(): void };

/**
 * Takes the data folder's lock, or throws an AppError ('busy') saying Pigeon is already open on it.
 * The folder must exist.
 */
export function lockDataDir(dataDir: string): DataLock {
  const file = path.join(dataDir, LOCK_FILE);
  const db = openDatabase(file, { timeout: WAIT_MS });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new AppError('busy', t('err.alreadyOpen', { folder: dataDir }));
    }
    throw error;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      db.close(); // rolls the empty transaction back and lets the lock go
    },
  };
}

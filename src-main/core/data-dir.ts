/**
 * The data folder holds the contact book and the WhatsApp sessions (as good as passwords): it is the
 * operator's alone. Plain Node, so both shells and the tests share it.
 */
import fs from 'node:fs';

/** Owner only: read, write, enter. */
const PRIVATE_DIR = 0o700;

/**
 * Makes the data folder (and any missing parent) 0700, and narrows it to 0700 when it exists with
 * more (an older Pigeon made it 0755). POSIX bits only: on Windows the folder is in the user's profile.
 */
export function prepareDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return;
  if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR) fs.chmodSync(dir, PRIVATE_DIR);
}

/**
 * From now on files this process creates are 0600 and folders 0700 (umask 077): the SQLite files
 * with their -wal and -shm, attachments, sessions. Each shell calls it first thing (a umask is the
 * whole process's, so the core does not set it). Returns the previous mask.
 */
export function keepNewFilesPrivate(): number {
  return process.umask(0o077);
}

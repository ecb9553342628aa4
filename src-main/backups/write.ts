/**
 * Writing one backup: plain Node, run in the backup worker (and, before a migration, at start-up
 * when nothing else runs). Both databases are copied from one read transaction on one connection
 * (the book with the queue attached), so the pair is the data as it stood at one instant while
 * campaigns go on writing. The copies are then checked as a restore will check them
 * (integrity_check, schema versions, counts, checksums) and described in manifest.json; only then
 * is the folder renamed to its final name, so a half-written backup never carries a backup's name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '#main/db/native';
import type { BackupCounts, BackupInfo, BackupReason } from '#shared/backups';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import { ATTACHMENT_ID_PATTERN, ATTACHMENTS_FOLDER } from '#main/drafts/attachments';
import { BOOK_IN_BACKUP, MANIFEST_FILE, QUEUE_IN_BACKUP, SESSIONS_IN_BACKUP, toInfo, type Manifest } from './manifest';

export type BackupJob = {
  /** The contact book (pigeon.sqlite3) and the send queue (campaigns.sqlite3; may not exist yet). */
  bookFile: string;
  queueFile: string;
  dataDir: string;
  /** The backups folder. */
  root: string;
  id: string;
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  includeSessions: boolean;
};

const ATTACHMENT_IN_TEXT = /[0-9a-f]{64}\.[a-z0-9]{1,5}/g;

/** Writes the backup `job.id` into `job.root`; nothing under that name unless it is complete and checked. */
export async function writeBackup(job: BackupJob): Promise<BackupInfo> {
  const partial = path.join(job.root, `.partial-${job.id}`);
  const final = path.join(job.root, job.id);
  try {
    fs.mkdirSync(job.root, { recursive: true, mode: 0o700 });
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { mode: 0o700 });
    const attachments = await copyDatabases(job, partial);
    const copied = copyAttachments(job.dataDir, partial, attachments);
    if (job.includeSessions) copySessions(job.dataDir, partial);
    const checked = checkCopies(partial);
    const manifest: Manifest = {
      format: 'pigeon-backup',
      formatVersion: 1,
      id: job.id,
      createdAt: job.createdAt,
      reason: job.reason,
      appVersion: job.appVersion,
      includesSessions: job.includeSessions,
      schema: checked.schema,
      counts: { ...checked.counts, attachments: copied },
      files: ([BOOK_IN_BACKUP, QUEUE_IN_BACKUP] as const).filter((f) => fs.existsSync(path.join(partial, f))).map((f) => fileEntry(partial, f)),
      bytes: folderBytes(partial),
    };
    writeDurably(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    syncFolder(partial);
    fs.renameSync(partial, final);
    syncFolder(job.root);
    return toInfo(manifest);
  } catch (error) {
    try {
      fs.rmSync(partial, { recursive: true, force: true });
    } catch {
      // Nothing was made there (the folder itself is the problem).
    }
    throw plainError(error);
  }
}

/** Copies both databases from one snapshot; returns the attachment files their messages name. */
async function copyDatabases(job: BackupJob, into: string): Promise<Set<string>> {
  const source = openDatabase(job.bookFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    const hasQueue = fs.existsSync(job.queueFile);
    if (hasQueue) source.prepare('ATTACH DATABASE ? AS cq').run(job.queueFile);
    // The read transaction pins one snapshot of both files: what the copies hold, and what the
    // attachment list below is read from. Writers go on (WAL); they are not in the copies.
    source.exec('BEGIN');
    const texts: string[] = [];
    if (hasTable(source, 'main', 'drafts')) texts.push(...(source.prepare('SELECT parts FROM main.drafts').pluck().all() as string[]));
    if (hasQueue && hasTable(source, 'cq', 'campaigns')) texts.push(...(source.prepare('SELECT parts FROM cq.campaigns').pluck().all() as string[]));
    // Whole files in one step: inside the transaction the snapshot cannot move, so nothing restarts.
    const oneStep = { progress: () => 1_000_000_000 };
    await source.backup(path.join(into, BOOK_IN_BACKUP), oneStep);
    // `attached` names the schema to copy (better-sqlite3 supports it; its typings omit it).
    if (hasQueue) await source.backup(path.join(into, QUEUE_IN_BACKUP), { ...oneStep, attached: 'cq' } as BetterSqlite3.BackupOptions);
    source.exec('COMMIT');
    const names = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(ATTACHMENT_IN_TEXT)) names.add(m[0]);
    return names;
  } finally {
    source.close();
  }
}

function hasTable(db: BetterSqlite3.Database, schema: 'main' | 'cq', table: string): boolean {
  return db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function copyAttachments(dataDir: string, into: string, names: Set<string>): number {
  const from = path.join(dataDir, ATTACHMENTS_FOLDER);
  const to = path.join(into, ATTACHMENTS_FOLDER);
  let copied = 0;
  for (const name of names) {
    if (!ATTACHMENT_ID_PATTERN.test(name)) continue;
    const source = path.join(from, name);
    if (!fs.existsSync(source)) continue; // a message naming a file that is gone: nothing to keep
    if (copied === 0) fs.mkdirSync(to, { mode: 0o700 });
    fs.copyFileSync(source, path.join(to, name), fs.constants.COPYFILE_FICLONE);
    syncFile(path.join(to, name));
    copied++;
  }
  return copied;
}

function copySessions(dataDir: string, into: string): void {
  const from = path.join(dataDir, 'sessions');
  if (!fs.existsSync(from)) return;
  fs.cpSync(from, path.join(into, SESSIONS_IN_BACKUP), { recursive: true, dereference: false, verbatimSymlinks: true });
}

/** Opens each copy as a restore would: one file each (no WAL), intact, its version and counts. */
function checkCopies(folder: string): { schema: { book: number; queue: number }; counts: Omit<BackupCounts, 'attachments'> } {
  const book = openCopy(path.join(folder, BOOK_IN_BACKUP));
  let schema = { book: 0, queue: 0 };
  const counts = { contacts: 0, groups: 0, drafts: 0, campaigns: 0, recipients: 0 };
  try {
    schema = { ...schema, book: book.pragma('user_version', { simple: true }) as number };
    counts.contacts = count(book, 'contacts');
    counts.groups = count(book, 'groups');
    counts.drafts = count(book, 'drafts');
  } finally {
    book.close();
  }
  const queueFile = path.join(folder, QUEUE_IN_BACKUP);
  if (fs.existsSync(queueFile)) {
    const queue = openCopy(queueFile);
    try {
      schema = { ...schema, queue: queue.pragma('user_version', { simple: true }) as number };
      counts.campaigns = count(queue, 'campaigns');
      counts.recipients = count(queue, 'recipients');
    } finally {
      queue.close();
    }
  }
  return { schema, counts };
}

function openCopy(file: string): BetterSqlite3.Database {
  const db = openDatabase(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('internal', t('backup.err.checkFailed', { file: path.basename(file), result: String(result).slice(0, 200) }));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function count(db: BetterSqlite3.Database, table: string): number {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  return exists ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0;
}

export function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function fileEntry(folder: string, name: typeof BOOK_IN_BACKUP | typeof QUEUE_IN_BACKUP): Manifest['files'][number] {
  const file = path.join(folder, name);
  syncFile(file);
  return { path: name, bytes: fs.statSync(file).size, sha256: sha256Of(file) };
}

export function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function writeDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a written file durable. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or a new entry in `folder` durable (a no-op where folders cannot be opened). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  syncFile(folder);
}

/** What went wrong, in words for the screen: a full disk, a folder Pigeon may not write, or else. */
function plainError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new AppError('internal', t('backup.err.diskFull'));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('internal', t('backup.err.noAccess'));
  if (code === 'EEXIST' || code === 'ENOTDIR') return new AppError('internal', t('backup.err.notAFolder'));
  return new AppError('internal', t('backup.err.failed', { message: (error as Error).message ?? String(error) }));
}

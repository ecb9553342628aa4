/**
 * Restoring a backup, in three steps that each leave the data folder whole after a kill:
 *
 * 1. `stageRestore` (in the backup worker, while Pigeon runs): the backup is checked (manifest,
 *    checksums, integrity, a schema this Pigeon can open) and its databases are copied into
 *    `.restore/staged` in the data folder, checked again there. Attachments go straight to the
 *    attachments folder (content-named: adding one never changes another). Nothing live changes.
 * 2. `commitRestore` writes `.restore/restore.json` durably: from that moment the restore happens,
 *    crash or not. Until then, a kill leaves the old data (`applyPendingRestore` drops a staging
 *    without a marker).
 * 3. `applyPendingRestore`, at every open before the databases are opened: moves the live files
 *    (and their WAL) to `.restore/previous` and the staged ones into their place, one rename each,
 *    so running it again after a kill finishes the job. After the databases open, `carryOver`
 *    brings what happened in the world since the backup from the previous files (opt-outs, sends)
 *    and `finishRestore` removes `.restore`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '#main/db/native';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { BackupInfo } from '#shared/backups';
import { ATTACHMENT_ID_PATTERN, ATTACHMENTS_FOLDER } from '#main/drafts/attachments';
import type { Sqlite } from '#main/kernel/db';
import { BOOK_IN_BACKUP, QUEUE_IN_BACKUP, SESSIONS_IN_BACKUP, readManifest, toInfo, type Manifest } from './manifest';
import { sha256Of, syncFile, syncFolder } from './write';

export const RESTORE_FOLDER = '.restore';
const MARKER = 'restore.json';
const STAGED = 'staged';
const PREVIOUS = 'previous';
/** The live names of what a restore replaces (the same names as in a backup). */
const DATABASES = [BOOK_IN_BACKUP, QUEUE_IN_BACKUP] as const;

export type SchemaVersions = { book: number; queue: number };

export type StageJob = {
  /** The backup's folder. */
  from: string;
  dataDir: string;
  /** What this Pigeon's migrations reach: a newer backup is refused. */
  latest: SchemaVersions;
};

/** Checks the backup in `job.from` and stages it in the data folder; returns what it holds. */
export function stageRestore(job: StageJob): BackupInfo {
  const manifest = checkBackup(job.from, job.latest);
  const root = path.join(job.dataDir, RESTORE_FOLDER);
  fs.rmSync(root, { recursive: true, force: true });
  const staged = path.join(root, STAGED);
  fs.mkdirSync(staged, { recursive: true, mode: 0o700 });
  if (!manifest.files.some((f) => f.path === QUEUE_IN_BACKUP)) {
    // A backup from before the first campaign: the restored data has no send queue yet (an empty
    // file is an empty database; the queue's migrations make it one).
    fs.writeFileSync(path.join(staged, QUEUE_IN_BACKUP), '');
  }
  for (const file of manifest.files) {
    const target = path.join(staged, file.path);
    fs.copyFileSync(path.join(job.from, file.path), target);
    syncFile(target);
    // The copy is what will be opened: checked again, as written.
    if (sha256Of(target) !== file.sha256) throw refused('backup.restore.err.copy');
    checkDatabase(target, job.latest, file.path === BOOK_IN_BACKUP ? 'book' : 'queue', true);
  }
  if (manifest.includesSessions && fs.existsSync(path.join(job.from, SESSIONS_IN_BACKUP))) {
    fs.cpSync(path.join(job.from, SESSIONS_IN_BACKUP), path.join(staged, SESSIONS_IN_BACKUP), { recursive: true, verbatimSymlinks: true });
  }
  copyAttachments(job.from, job.dataDir);
  syncFolder(staged);
  return toInfo(manifest);
}

/** The manifest of a backup that this Pigeon can restore, or a refusal in plain words. */
export function checkBackup(folder: string, latest: SchemaVersions): Manifest {
  const manifest = readManifest(folder);
  if (!manifest) throw refused('backup.restore.err.notBackup');
  if (manifest.schema.book > latest.book || manifest.schema.queue > latest.queue) {
    throw refused('backup.restore.err.newer', { version: manifest.appVersion });
  }
  if (!manifest.files.some((f) => f.path === BOOK_IN_BACKUP)) throw refused('backup.restore.err.notBackup');
  for (const file of manifest.files) {
    const full = path.join(folder, file.path);
    let bytes: number;
    try {
      bytes = fs.statSync(full).size;
    } catch {
      throw refused('backup.restore.err.missing', { file: file.path });
    }
    if (bytes !== file.bytes || sha256Of(full) !== file.sha256) throw refused('backup.restore.err.damaged', { file: file.path });
  }
  return manifest;
}

/** Opens a copy alone, read-only: intact, and of a schema this Pigeon knows. */
function checkDatabase(file: string, latest: SchemaVersions, which: keyof SchemaVersions, staged: boolean): void {
  let db: BetterSqlite3.Database;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
  } catch {
    throw refused('backup.restore.err.damaged', { file: path.basename(file) });
  }
  try {
    let result: unknown;
    let version: number;
    try {
      result = db.pragma('integrity_check', { simple: true });
      version = db.pragma('user_version', { simple: true }) as number;
    } catch {
      throw refused('backup.restore.err.damaged', { file: path.basename(file) });
    }
    if (result !== 'ok') throw refused('backup.restore.err.damaged', { file: path.basename(file) });
    if (version > latest[which]) throw refused('backup.restore.err.newer', { version: '?' });
    if (staged && version === 0) throw refused('backup.restore.err.notBackup');
  } finally {
    db.close();
  }
}

function copyAttachments(from: string, dataDir: string): void {
  const source = path.join(from, ATTACHMENTS_FOLDER);
  if (!fs.existsSync(source)) return;
  const target = path.join(dataDir, ATTACHMENTS_FOLDER);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const name of fs.readdirSync(source)) {
    if (!ATTACHMENT_ID_PATTERN.test(name) || fs.existsSync(path.join(target, name))) continue;
    // Written under a temporary name, then renamed: a kill never leaves half a file under its name.
    const temp = path.join(target, `.restoring-${name}`);
    fs.copyFileSync(path.join(source, name), temp);
    syncFile(temp);
    fs.renameSync(temp, path.join(target, name));
  }
  syncFolder(target);
}

/** The point of no return: after this, the staged backup replaces the live data (at the next open). */
export function commitRestore(dataDir: string, info: BackupInfo): void {
  const root = path.join(dataDir, RESTORE_FOLDER);
  const temp = path.join(root, `${MARKER}.tmp`);
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify({ backup: info.id, createdAt: info.createdAt }));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, path.join(root, MARKER));
  syncFolder(root);
}

/** Drops a staging that was never committed (a refused or abandoned restore). */
export function abandonRestore(dataDir: string): void {
  const root = path.join(dataDir, RESTORE_FOLDER);
  if (!fs.existsSync(path.join(root, MARKER))) fs.rmSync(root, { recursive: true, force: true });
}

export type PendingRestore = { backupId: string; backupCreatedAt: string } | null;

/**
 * Before the databases open: finishes a committed restore (again, after a kill) or drops an
 * uncommitted staging. Returns the restore that is now in place and still needs `carryOver`.
 * `afterEachMove` runs after every rename (tests stop there, as a kill would).
 */
export function applyPendingRestore(dataDir: string, afterEachMove: () => void = () => undefined): PendingRestore {
  const root = path.join(dataDir, RESTORE_FOLDER);
  const markerFile = path.join(root, MARKER);
  if (!fs.existsSync(markerFile)) {
    fs.rmSync(root, { recursive: true, force: true });
    return null;
  }
  const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { backup: string; createdAt: string };
  const staged = path.join(root, STAGED);
  const previous = path.join(root, PREVIOUS);
  fs.mkdirSync(previous, { recursive: true, mode: 0o700 });
  for (const name of DATABASES) {
    const incoming = path.join(staged, name);
    if (!fs.existsSync(incoming)) continue; // moved in before a kill (or the backup had none)
    // The live file and its journal files go together, so the previous data stays readable.
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const live = path.join(dataDir, name + suffix);
      if (fs.existsSync(live)) {
        fs.renameSync(live, path.join(previous, name + suffix));
        afterEachMove();
      }
    }
    fs.renameSync(incoming, path.join(dataDir, name));
    afterEachMove();
  }
  const sessions = path.join(staged, SESSIONS_IN_BACKUP);
  if (fs.existsSync(sessions)) {
    const live = path.join(dataDir, 'sessions');
    if (fs.existsSync(live)) {
      fs.renameSync(live, path.join(previous, 'sessions-' + Date.now()));
      afterEachMove();
    }
    fs.renameSync(sessions, live);
    afterEachMove();
  }
  syncFolder(dataDir);
  return { backupId: marker.backup, backupCreatedAt: marker.createdAt };
}

/** What the previous data knew that the backup did not, brought over. */
export type CarriedOver = {
  /** STOP replies received after the backup: still on the blacklist. */
  optOuts: number;
  /** Messages sent after the backup: still count toward the day's cap. */
  sends: number;
  /** Recipients the backup had as not yet messaged that were (or may have been): never sent again. */
  recipients: number;
  /** Running or scheduled campaigns, paused so the operator checks them first. */
  paused: number;
};

/**
 * After a restore, on the open queue (its book attached): facts about the world the backup could
 * not know, from the previous queue file. Opt-outs go into the journal (the core writes them to the
 * book as after a crash); sends since the backup stay in the ledger (without a campaign); a
 * campaign that is the same one in both (same id, same creation time) keeps what its recipients
 * received; running and scheduled campaigns are paused. One transaction: a kill repeats it whole.
 */
export function carryOver(q: Sqlite, dataDir: string, pausedReason: string): CarriedOver {
  const previousQueue = path.join(dataDir, RESTORE_FOLDER, PREVIOUS, QUEUE_IN_BACKUP);
  const carried: CarriedOver = { optOuts: 0, sends: 0, recipients: 0, paused: 0 };
  const hasPrevious = fs.existsSync(previousQueue);
  if (hasPrevious) q.prepare('ATTACH DATABASE ? AS prev').run(previousQueue);
  try {
    q.transaction(() => {
      if (hasPrevious) {
        carried.optOuts = q
          .prepare(
            `INSERT INTO opt_outs (account_id, account_label, wa_message_id, phone, word, body, received_at, applied)
             SELECT p.account_id, p.account_label, p.wa_message_id, p.phone, p.word, p.body, p.received_at, 0
             FROM prev.opt_outs p
             WHERE NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = p.account_id AND o.wa_message_id = p.wa_message_id)`,
          )
          .run().changes;
        carried.sends = q
          .prepare(
            `INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part)
             SELECT account_id, at, NULL, NULL, NULL FROM prev.send_ledger
             WHERE at > (SELECT coalesce(max(at), 0) FROM main.send_ledger) ORDER BY at`,
          )
          .run().changes;
        // The same campaign in both: recipients the backup had as not messaged take what the
        // previous data knew (sent, delivered, read, failed), or "unknown" when a send was cut off.
        carried.recipients = q
          .prepare(
            `UPDATE recipients SET
               status = CASE WHEN p.sent_at IS NOT NULL OR p.status IN ('failed', 'skipped') THEN p.status ELSE 'unknown' END,
               reason = p.reason, account_id = p.account_id, part = p.part, attempts = p.attempts,
               sending_at = p.sending_at, sent_at = p.sent_at, delivered_at = p.delivered_at, read_at = p.read_at,
               not_before = NULL, updated_at = p.updated_at
             FROM prev.recipients p
             JOIN prev.campaigns pc ON pc.id = p.campaign_id
             JOIN main.campaigns c ON c.id = pc.id AND c.created_at = pc.created_at
             WHERE recipients.campaign_id = p.campaign_id AND recipients.phone = p.phone
               AND recipients.sent_at IS NULL AND recipients.status IN ('queued', 'sending')
               AND (p.sent_at IS NOT NULL OR p.status IN ('sending', 'unknown', 'failed', 'skipped'))`,
          )
          .run().changes;
        // A campaign started after the backup: the backup has it without recipients.
        carried.recipients += q
          .prepare(
            `INSERT INTO recipients
             SELECT p.* FROM prev.recipients p
             JOIN prev.campaigns pc ON pc.id = p.campaign_id
             JOIN main.campaigns c ON c.id = pc.id AND c.created_at = pc.created_at
             WHERE NOT EXISTS (SELECT 1 FROM recipients r WHERE r.campaign_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.id = p.id)`,
          )
          .run().changes;
        // A campaign that ended since the backup stays ended.
        q.prepare(
          `UPDATE campaigns SET status = pc.status, status_reason = pc.status_reason, started_at = pc.started_at, finished_at = pc.finished_at
           FROM prev.campaigns pc
           WHERE campaigns.id = pc.id AND campaigns.created_at = pc.created_at
             AND pc.status IN ('completed', 'cancelled', 'failed') AND campaigns.status NOT IN ('completed', 'cancelled', 'failed')`,
        ).run();
        q.prepare(
          `INSERT OR IGNORE INTO messages SELECT m.* FROM prev.messages m
           WHERE EXISTS (SELECT 1 FROM recipients r WHERE r.id = m.recipient_id)`,
        ).run();
      }
      carried.paused = q
        .prepare(
          `UPDATE campaigns SET status = 'paused', status_reason = ? WHERE status IN ('running', 'scheduled')`,
        )
        .run(pausedReason).changes;
    })();
  } finally {
    if (hasPrevious) q.prepare('DETACH DATABASE prev').run();
  }
  return carried;
}

/** The restore is complete: the previous data goes (a backup of it was taken before). */
export function finishRestore(dataDir: string): void {
  const root = path.join(dataDir, RESTORE_FOLDER);
  // The marker first: a kill after it leaves a staging without marker, dropped at the next open.
  fs.rmSync(path.join(root, MARKER), { force: true });
  syncFolder(root);
  fs.rmSync(root, { recursive: true, force: true });
}

function refused(key: Parameters<typeof t>[0], params?: Record<string, string | number>): AppError {
  return new AppError('bad_backup', t(key, params));
}

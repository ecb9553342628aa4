/**
 * Backups in the running app: one at a time, in a worker; kept to the last N; daily while Pigeon
 * runs; before large deletions when asked. Settings live in the contact book's settings table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupInfo,
  type BackupReason,
  type BackupSettings,
  type BackupSettingsPatch,
  type BackupsState,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  BACKUP_ID_PATTERN,
  type RestoreOutcome,
  type RestoreStep,
} from '#shared/backups';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { Clock } from '#main/kernel/clock';
import type { Sqlite } from '#main/kernel/db';
import type { BackupWorkerJob, BackupWorkerResult } from './backup-worker';
import { backupIdAt, listBackups, pruneBackups, removePartials, toInfo } from './manifest';
import { ARCHIVE_EXTENSION } from './archive';
import { abandonRestore, commitRestore, type SchemaVersions } from './restore';
import type { BackupJob } from './write';

const DAY = 86_400_000;
const SETTINGS_KEY = 'backups';

export type BackupServiceOptions = {
  /** The contact book's connection (settings are read and written here). */
  book: Sqlite;
  bookFile: string;
  queueFile: string;
  dataDir: string;
  /** dist/main/backup-worker.cjs */
  workerPath: string;
  appVersion: string;
  clock: Clock;
  onChanged: () => void;
  /** A failure before this service started (the backup before an update). */
  lastError?: string | null;
  /** The schema versions this Pigeon's migrations reach (a newer backup cannot be restored). */
  latest: SchemaVersions;
  /** Closes the core and opens it again (a committed restore is put in place as it opens). */
  restart: () => Promise<void>;
  /** The restore this core opened on. */
  restored: RestoreOutcome | null;
  /** After a restore, once the core is open on the restored data. */
  onRestored: (backupId: string) => void;
};

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The stored settings, each value checked (a bad one falls back to its default). */
export function readBackupSettings(book: Sqlite): BackupSettings {
  const row = book.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(SETTINGS_KEY) as string | undefined;
  if (!row) return { ...DEFAULT_BACKUP_SETTINGS };
  try {
    const v = JSON.parse(row) as Partial<Record<keyof BackupSettings, unknown>>;
    const keep = typeof v.keep === 'number' && Number.isInteger(v.keep) && v.keep >= BACKUP_KEEP_MIN && v.keep <= BACKUP_KEEP_MAX ? v.keep : DEFAULT_BACKUP_SETTINGS.keep;
    const folder = typeof v.folder === 'string' && path.isAbsolute(v.folder) ? v.folder : null;
    return { keep, folder, includeSessions: v.includeSessions === true };
  } catch {
    return { ...DEFAULT_BACKUP_SETTINGS };
  }
}

export class BackupService {
  private running: { reason: BackupReason; startedAt: string; done: Promise<BackupInfo> } | null = null;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private restoring: { backupId: string; step: RestoreStep } | null = null;

  constructor(private readonly o: BackupServiceOptions) {
    this.lastError = o.lastError ?? null;
  }

  settings(): BackupSettings {
    return readBackupSettings(this.o.book);
  }

  folder(settings = this.settings()): string {
    return settings.folder ?? defaultBackupFolder(this.o.dataDir);
  }

  state(): BackupsState {
    const settings = this.settings();
    const folder = this.folder(settings);
    return {
      settings,
      folder,
      defaultFolder: defaultBackupFolder(this.o.dataDir),
      backups: listBackups(folder).map(toInfo),
      running: this.running ? { reason: this.running.reason, startedAt: this.running.startedAt } : null,
      lastError: this.lastError,
      restoring: this.restoring,
      homeFolder: os.homedir(),
      lastRestore: this.o.restored,
    };
  }

  /**
   * Replaces the data with backup `id` of the list. Checks and stages it first (nothing live
   * changes), then backs up the current data (refused if that fails), then commits and reopens
   * the core, which puts the staged files in place. Any failure before the commit leaves the data
   * as it was; after it, the restore completes even across a kill.
   */
  async restore(id: string): Promise<BackupInfo> {
    if (!BACKUP_ID_PATTERN.test(id)) throw new AppError('bad_backup', t('backup.restore.err.notBackup'));
    if (this.restoring) throw new AppError('conflict', t('backup.restore.err.busy'));
    const from = path.join(this.folder(), id);
    const step = (s: RestoreStep) => {
      this.restoring = { backupId: id, step: s };
      this.o.onChanged();
    };
    let committed = false;
    try {
      step('checking');
      await this.running?.done.catch(() => undefined);
      const info = await this.runWorker({ kind: 'stage', job: { from, dataDir: this.o.dataDir, latest: this.o.latest } });
      step('backing-up');
      try {
        await this.create('before-restore');
      } catch (error) {
        throw new AppError('internal', t('backup.restore.err.backupFirst', { message: (error as Error).message }));
      }
      step('restarting');
      commitRestore(this.o.dataDir, info);
      committed = true;
      await this.o.restart();
      this.o.onRestored(info.id);
      return info;
    } finally {
      if (!committed) abandonRestore(this.o.dataDir);
      this.restoring = null;
      this.o.onChanged();
    }
  }

  configure(patch: BackupSettingsPatch): BackupsState {
    const current = this.settings();
    let folder = current.folder;
    if (patch.folder !== undefined) {
      const typed = patch.folder?.trim() ?? '';
      if (!typed) folder = null;
      else {
        if (!path.isAbsolute(typed) || typed.includes('\0')) throw new AppError('invalid_input', t('backup.err.folder'));
        const resolved = path.resolve(typed);
        const data = path.resolve(this.o.dataDir);
        // Inside the data folder only as the usual place: elsewhere in it a restore would replace it.
        if ((resolved === data || resolved.startsWith(data + path.sep)) && resolved !== defaultBackupFolder(data)) {
          throw new AppError('invalid_input', t('backup.err.folderInData'));
        }
        folder = resolved === defaultBackupFolder(data) ? null : resolved;
      }
    }
    const next: BackupSettings = {
      keep: patch.keep ?? current.keep,
      folder,
      includeSessions: patch.includeSessions ?? current.includeSessions,
    };
    this.o.book
      .prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(SETTINGS_KEY, JSON.stringify(next));
    this.o.onChanged();
    return this.state();
  }

  /**
   * Everything in one `.pigeon` file at `file`: a fresh backup (listed, kept like the others),
   * then written to the file in the worker. An existing file is never replaced.
   */
  async exportArchive(file: string, includeSessions: boolean): Promise<{ path: string; bytes: number; backup: BackupInfo }> {
    const target = archiveTarget(file);
    const parent = path.dirname(target);
    if (!isFolder(parent)) throw new AppError('invalid_input', t('archive.err.noFolder', { folder: parent }));
    if (fs.existsSync(target)) throw new AppError('conflict', t('archive.err.exists'));
    await this.running?.done.catch(() => undefined);
    const backup = await this.create('export', { includeSessions });
    const { bytes } = await this.runWorker({ kind: 'pack', job: { folder: path.join(this.folder(), backup.id), file: target } });
    return { path: target, bytes, backup };
  }

  /** Reads a `.pigeon` file into the list of backups, checked; the operator restores it next. */
  async importArchive(file: string): Promise<BackupInfo> {
    const source = archiveTarget(file);
    let size = 0;
    try {
      const stat = fs.statSync(source);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      throw new AppError('invalid_input', t('archive.err.cannotRead'));
    }
    if (size === 0) throw new AppError('bad_backup', t('archive.err.notArchive'));
    const info = await this.runWorker({ kind: 'import', job: { file: source, root: this.folder(), latest: this.o.latest } });
    this.o.onChanged();
    return info;
  }

  /** Takes a backup (or waits for the one being written) and keeps the last N. */
  create(reason: BackupReason, override: { includeSessions?: boolean } = {}): Promise<BackupInfo> {
    if (this.running) return this.running.done;
    const settings = this.settings();
    const root = this.folder(settings);
    const now = this.o.clock.now();
    const job: BackupJob = {
      bookFile: this.o.bookFile,
      queueFile: this.o.queueFile,
      dataDir: this.o.dataDir,
      root,
      id: backupIdAt(Date.now()),
      createdAt: new Date(now).toISOString(),
      reason,
      appVersion: this.o.appVersion,
      includeSessions: override.includeSessions ?? settings.includeSessions,
    };
    const done = this.runWorker({ kind: 'backup', job }).then(
      (backup) => {
        this.lastError = null;
        try {
          pruneBackups(root, settings.keep);
        } catch {
          // An old backup that cannot be removed stays; the new one is there.
        }
        return backup;
      },
      (error: unknown) => {
        this.lastError = (error as Error).message;
        throw error;
      },
    );
    this.running = { reason, startedAt: new Date(now).toISOString(), done };
    const finish = () => {
      this.running = null;
      this.o.onChanged();
    };
    done.then(finish, finish);
    this.o.onChanged();
    return done;
  }

  private runWorker<J extends BackupWorkerJob>(work: J): Promise<BackupWorkerResult<J['kind']>> {
    return new Promise((resolve, reject) => {
      if (work.kind === 'backup') removePartials(work.job.root);
      const worker = new Worker(this.o.workerPath, { workerData: work });
      let answered = false;
      worker.on('message', (m: { type: 'done'; result: BackupWorkerResult<J['kind']> } | { type: 'error'; code: AppError['code']; message: string }) => {
        answered = true;
        if (m.type === 'done') resolve(m.result);
        else reject(new AppError(m.code, m.message));
        void worker.terminate();
      });
      worker.on('error', (error) => {
        if (answered) return;
        answered = true;
        reject(new AppError('internal', t('backup.err.workerStopped', { message: error.message })));
      });
      worker.on('exit', () => {
        if (answered) return;
        answered = true;
        reject(new AppError('internal', t('backup.err.workerStopped', { message: 'exit' })));
      });
    });
  }

  /** A daily backup: checked a minute after start and then every hour. */
  startDaily(): void {
    const check = () => {
      if (this.closed || this.running) return;
      const latest = listBackups(this.folder())[0];
      const age = latest ? this.o.clock.now() - Date.parse(latest.createdAt) : Infinity;
      if (age >= DAY) this.create('daily').catch(() => undefined); // the failure is kept in lastError and shown
    };
    const first = setTimeout(() => {
      check();
      this.timer = setInterval(check, 60 * 60_000);
      this.timer.unref();
    }, 60_000);
    first.unref();
    this.timer = first;
  }

  /** Stops the daily timer and waits for a backup being written. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.done.catch(() => undefined);
  }
}

/** A full path ending in .pigeon (added when missing), or a refusal in words. */
function archiveTarget(typed: string): string {
  const trimmed = typed.trim();
  if (!path.isAbsolute(trimmed) || trimmed.includes('\0')) throw new AppError('invalid_input', t('archive.err.path'));
  const resolved = path.resolve(trimmed);
  return resolved.toLowerCase().endsWith(ARCHIVE_EXTENSION) ? resolved : resolved + ARCHIVE_EXTENSION;
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Backups in the running app: one at a time, in a worker; kept to the last N; daily while Pigeon
 * runs; before large deletions when asked. Settings live in the contact book's settings table.
 */
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
} from '#shared/backups';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { Clock } from '#main/kernel/clock';
import type { Sqlite } from '#main/kernel/db';
import { backupIdAt, listBackups, pruneBackups, removePartials, toInfo } from './manifest';
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
    };
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

  /** Takes a backup (or waits for the one being written) and keeps the last N. */
  create(reason: BackupReason): Promise<BackupInfo> {
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
      includeSessions: settings.includeSessions,
    };
    const done = this.runWorker(job).then(
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

  private runWorker(job: BackupJob): Promise<BackupInfo> {
    return new Promise<BackupInfo>((resolve, reject) => {
      removePartials(job.root);
      const worker = new Worker(this.o.workerPath, { workerData: job });
      let answered = false;
      worker.on('message', (m: { type: 'done'; backup: BackupInfo } | { type: 'error'; message: string }) => {
        answered = true;
        if (m.type === 'done') resolve(m.backup);
        else reject(new AppError('internal', m.message));
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

/**
 * Backups of the operator's data: both databases as one consistent set (the contact book and the
 * send queue, copied from one read snapshot), the attachments they reference, and WhatsApp
 * sessions only when the operator asks. Each backup is a folder with a manifest; a folder without
 * a valid manifest is not a backup.
 */
import { z } from 'zod';
import { says } from './validation';

export const BACKUP_REASONS = ['manual', 'daily', 'before-update', 'before-delete', 'before-restore', 'export'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** What a backup holds, counted in its own copies after writing them. */
export type BackupCounts = {
  contacts: number;
  groups: number;
  drafts: number;
  campaigns: number;
  recipients: number;
  attachments: number;
};

export type BackupInfo = {
  /** The backup's folder name inside the backups folder (pigeon-backup-YYYYMMDD-HHMMSS-mmm). */
  id: string;
  createdAt: string;
  reason: BackupReason;
  /** Bytes on disk (databases, attachments, sessions). */
  bytes: number;
  counts: BackupCounts;
  /** Schema versions of the contact book and the send queue. */
  schema: { book: number; queue: number };
  appVersion: string;
  includesSessions: boolean;
};

export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 100;
export const DEFAULT_BACKUP_KEEP = 10;

export type BackupSettings = {
  /** How many backups to keep (the oldest go first). */
  keep: number;
  /** Another folder (for example another disk); null: `backups` in the data folder. */
  folder: string | null;
  /** Copy WhatsApp sessions too (as good as passwords). */
  includeSessions: boolean;
};

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: DEFAULT_BACKUP_KEEP, folder: null, includeSessions: false };

export const BackupSettingsPatchSchema = z.object({
  keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX).optional(),
  folder: z.string().trim().max(1000).nullable().optional(),
  includeSessions: z.boolean().optional(),
});
export type BackupSettingsPatch = z.infer<typeof BackupSettingsPatchSchema>;

export type BackupsState = {
  settings: BackupSettings;
  /** Where backups go now (the chosen folder or the default one). */
  folder: string;
  defaultFolder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** A backup being written now, and why. */
  running: { reason: BackupReason; startedAt: string } | null;
  /** Why the last backup failed, in plain words (null after a success). */
  lastError: string | null;
  /** A restore under way, and its step. */
  restoring: { backupId: string; step: RestoreStep } | null;
  /** Where an export goes unless the operator says otherwise (their home folder). */
  homeFolder: string;
  /** The restore this session opened on (null when it opened normally). */
  lastRestore: RestoreOutcome | null;
};

/** A `.pigeon` file's full path, as typed or chosen (checked again in main). */
const archivePath = z.string().trim().min(1, says('val.archivePath')).max(1000);
export const ExportArchiveInputSchema = z.object({ path: archivePath, includeSessions: z.boolean().default(false) });
export const ImportArchiveInputSchema = z.object({ path: archivePath });

export type RestoreStep = 'checking' | 'backing-up' | 'restarting';

/** What a restore brought over from the data it replaced: what happened in the world since the backup. */
export type RestoreOutcome = {
  backupId: string;
  backupCreatedAt: string;
  carried: {
    /** STOP replies received after the backup, kept on the blacklist. */
    optOuts: number;
    /** Messages sent after the backup, still counted toward the day's cap. */
    sends: number;
    /** Recipients the backup had as not messaged who were (or may have been): not sent again. */
    recipients: number;
    /** Running or scheduled campaigns, paused for the operator to check. */
    paused: number;
  };
};

export const RestoreInputSchema = z.object({ id: z.string().regex(/^pigeon-backup-\d{8}-\d{6}-\d{3}$/) });

/** A backup's folder name: only these are ever listed, opened or deleted. */
export const BACKUP_ID_PATTERN = /^pigeon-backup-\d{8}-\d{6}-\d{3}$/;

/**
 * A backup's folder and its manifest: the names inside it, the manifest's checked shape, and
 * listing and pruning the backups folder. Only folders named like a backup and holding a manifest
 * that parses are ever listed or deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_ID_PATTERN, BACKUP_REASONS, type BackupInfo } from '#shared/backups';

export const MANIFEST_FILE = 'manifest.json';
export const BOOK_IN_BACKUP = 'pigeon.sqlite3';
export const QUEUE_IN_BACKUP = 'campaigns.sqlite3';
export const SESSIONS_IN_BACKUP = 'sessions';

const count = z.number().int().min(0);

export const ManifestSchema = z.object({
  format: z.literal('pigeon-backup'),
  formatVersion: z.literal(1),
  id: z.string().regex(BACKUP_ID_PATTERN),
  createdAt: z.string().datetime(),
  reason: z.enum(BACKUP_REASONS),
  appVersion: z.string().max(100),
  includesSessions: z.boolean(),
  schema: z.object({ book: count, queue: count }),
  counts: z.object({ contacts: count, groups: count, drafts: count, campaigns: count, recipients: count, attachments: count }),
  files: z.array(z.object({ path: z.enum([BOOK_IN_BACKUP, QUEUE_IN_BACKUP]), bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(2),
  bytes: count,
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest of the backup in `folder`, or null when there is none that parses. */
export function readManifest(folder: string): Manifest | null {
  try {
    const text = fs.readFileSync(path.join(folder, MANIFEST_FILE), 'utf8');
    if (text.length > 100_000) return null;
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The backups in `root`, newest first (a missing folder holds none). */
export function listBackups(root: string): Manifest[] {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const found: Manifest[] = [];
  for (const name of names) {
    if (!BACKUP_ID_PATTERN.test(name)) continue;
    const m = readManifest(path.join(root, name));
    if (m && m.id === name) found.push(m);
  }
  return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Deletes the oldest backups beyond `keep`; returns the ids deleted. */
export function pruneBackups(root: string, keep: number): string[] {
  const old = listBackups(root).slice(Math.max(1, keep));
  for (const m of old) fs.rmSync(path.join(root, m.id), { recursive: true, force: true });
  return old.map((m) => m.id);
}

/** Leftovers of backups that were cut off (a crash, a full disk): never a backup, safe to remove. */
export function removePartials(root: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith('.partial-')) fs.rmSync(path.join(root, name), { recursive: true, force: true });
}

/** A backup id for `at`: pigeon-backup-YYYYMMDD-HHMMSS-mmm in UTC (sorts by time). */
export function backupIdAt(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-12-03T23:45:34.123Z
  return `pigeon-backup-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

export function toInfo(m: Manifest): BackupInfo {
  return {
    id: m.id,
    createdAt: m.createdAt,
    reason: m.reason,
    bytes: m.bytes,
    counts: m.counts,
    schema: m.schema,
    appVersion: m.appVersion,
    includesSessions: m.includesSessions,
  };
}

/** An account's safety settings: stored as JSON on its row, checked by zod when read and written. */
import { DEFAULT_SAFETY_SETTINGS, SafetySettingsSchema, type SafetyPatch, type SafetySettings } from '#shared/safety';
import { AppError } from '#shared/errors';
import type { Sqlite } from '#main/kernel/db';

/** A stored document that no longer parses (edited by hand, an older shape) falls back to the defaults. */
export function parseSafety(json: string | null): SafetySettings {
  if (json === null) return structuredClone(DEFAULT_SAFETY_SETTINGS);
  try {
    const parsed = SafetySettingsSchema.safeParse({ ...DEFAULT_SAFETY_SETTINGS, ...(JSON.parse(json) as object) });
    return parsed.success ? parsed.data : structuredClone(DEFAULT_SAFETY_SETTINGS);
  } catch {
    return structuredClone(DEFAULT_SAFETY_SETTINGS);
  }
}

/**
 * Reads through a connection that sees the book's tables as `prefix` ('' on the book itself,
 * 'book.' from the queue file, which attaches it).
 */
export function readSafety(sqlite: Sqlite, accountId: number, prefix = ''): { settings: SafetySettings; firstReadyAt: string | null } | null {
  const row = sqlite.prepare(`SELECT safety, first_ready_at FROM ${prefix}accounts WHERE id = ?`).get(accountId) as
    | { safety: string | null; first_ready_at: string | null }
    | undefined;
  return row ? { settings: parseSafety(row.safety), firstReadyAt: row.first_ready_at } : null;
}

export function writeSafety(sqlite: Sqlite, accountId: number, patch: SafetyPatch, prefix = ''): SafetySettings {
  const current = readSafety(sqlite, accountId, prefix);
  if (!current) throw new AppError('not_found', 'This account no longer exists.');
  const next = SafetySettingsSchema.parse({ ...current.settings, ...patch });
  sqlite.prepare(`UPDATE ${prefix}accounts SET safety = ? WHERE id = ?`).run(JSON.stringify(next), accountId);
  return next;
}

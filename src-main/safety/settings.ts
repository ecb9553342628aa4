/** An account's safety settings: stored as JSON on its row, checked by zod when read and written. */
import { defaultSafetyFor, SafetySettingsSchema, type SafetyPatch, type SafetySettings } from '#shared/safety';
import { AppError } from '#shared/errors';
import type { Sqlite } from '#main/kernel/db';

type Driver = 'wweb' | 'simulator';

/** A stored document that no longer parses (edited by hand, an older shape) falls back to the defaults. */
export function parseSafety(json: string | null, driver: Driver): SafetySettings {
  const defaults = defaultSafetyFor(driver);
  if (json === null) return defaults;
  try {
    const parsed = SafetySettingsSchema.safeParse({ ...defaults, ...(JSON.parse(json) as object) });
    return parsed.success ? parsed.data : defaults;
  } catch {
    return defaults;
  }
}

/**
 * Reads through a connection that sees the book's tables as `prefix` ('' on the book itself,
 * 'book.' from the queue file, which attaches it).
 */
export function readSafety(sqlite: Sqlite, accountId: number, prefix = ''): { settings: SafetySettings; firstReadyAt: string | null } | null {
  const row = sqlite.prepare(`SELECT safety, first_ready_at, driver FROM ${prefix}accounts WHERE id = ?`).get(accountId) as
    | { safety: string | null; first_ready_at: string | null; driver: Driver }
    | undefined;
  return row ? { settings: parseSafety(row.safety, row.driver), firstReadyAt: row.first_ready_at } : null;
}

export function writeSafety(sqlite: Sqlite, accountId: number, patch: SafetyPatch, prefix = ''): SafetySettings {
  const current = readSafety(sqlite, accountId, prefix);
  if (!current) throw new AppError('not_found', 'This account no longer exists.');
  const next = SafetySettingsSchema.parse({ ...current.settings, ...patch });
  sqlite.prepare(`UPDATE ${prefix}accounts SET safety = ? WHERE id = ?`).run(JSON.stringify(next), accountId);
  return next;
}

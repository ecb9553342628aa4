/** An account's safety settings: stored as JSON on its row, checked by zod when read and written. */
import { defaultSafetyFor, SafetySettingsSchema, type SafetyPatch, type SafetySettings } from '#shared/safety';
import { AppError } from '#shared/errors';
import type { Sqlite } from '#main/kernel/db';
import { t } from '#shared/i18n';

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

type Row = { safety: string | null; first_ready_at: string | null; driver: Driver };
type Statement = { get(...params: unknown[]): unknown };

/** One prepared read per connection and table prefix: the runner reads before every send. */
const reads = new WeakMap<Sqlite, Map<string, Statement>>();
/** Stored texts already parsed and checked (by driver and text); the same settings object is shared, never changed. */
const parsed = new Map<string, SafetySettings>();

function parsedOnce(json: string | null, driver: Driver): SafetySettings {
  const key = `${driver}:${json ?? ''}`;
  let settings = parsed.get(key);
  if (!settings) {
    settings = parseSafety(json, driver);
    Object.freeze(settings.warmup.schedule);
    Object.freeze(settings.warmup);
    Object.freeze(settings.breaker);
    Object.freeze(settings);
    if (parsed.size > 100) parsed.clear();
    parsed.set(key, settings);
  }
  return settings;
}

/**
 * Reads through a connection that sees the book's tables as `prefix` ('' on the book itself,
 * 'book.' from the queue file, which attaches it). Cheap enough for every send: the statement is
 * prepared once and a stored text is parsed once per change.
 */
export function readSafety(sqlite: Sqlite, accountId: number, prefix = ''): { settings: SafetySettings; firstReadyAt: string | null } | null {
  let byPrefix = reads.get(sqlite);
  if (!byPrefix) {
    byPrefix = new Map();
    reads.set(sqlite, byPrefix);
  }
  let st = byPrefix.get(prefix);
  if (!st) {
    st = sqlite.prepare(`SELECT safety, first_ready_at, driver FROM ${prefix}accounts WHERE id = ?`);
    byPrefix.set(prefix, st);
  }
  const row = st.get(accountId) as Row | undefined;
  return row ? { settings: parsedOnce(row.safety, row.driver), firstReadyAt: row.first_ready_at } : null;
}

export function writeSafety(sqlite: Sqlite, accountId: number, patch: SafetyPatch, prefix = ''): SafetySettings {
  const current = readSafety(sqlite, accountId, prefix);
  if (!current) throw new AppError('not_found', t('wa.err.notFound'));
  const next = SafetySettingsSchema.parse({ ...current.settings, ...patch });
  sqlite.prepare(`UPDATE ${prefix}accounts SET safety = ? WHERE id = ?`).run(JSON.stringify(next), accountId);
  return next;
}

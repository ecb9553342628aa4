import type { SafetySettings, WarmupFigures } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

/** PLACEHOLDER (safety-base branch): the warm-up helper replaces this. */
export function warmupFigures(_q: Sqlite, _accountId: number, settings: SafetySettings, _firstReadyAt: string | null, _now: number, _zone: string): WarmupFigures {
  throw new Error(`warm-up not built yet (${settings.warmup.schedule.length})`);
}

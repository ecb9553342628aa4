import type { SafetySettings, WarmupFigures } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

/**
 * PLACEHOLDER (safety-base branch): the warm-up helper replaces this. Until then it answers
 * "no warm-up" (the breaker branch needs `safety.get` to answer for its screens).
 */
export function warmupFigures(_q: Sqlite, _accountId: number, _settings: SafetySettings, _firstReadyAt: string | null, _now: number, _zone: string): WarmupFigures {
  return { active: false, day: null, capToday: null, sentToday: 0, endsOn: null, reason: null };
}

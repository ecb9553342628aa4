import type { BreakerFigures, SafetySettings } from '#shared/safety';
import type { Sqlite } from '#main/kernel/db';

/** PLACEHOLDER (safety-base branch): the breaker helper replaces this. */
export function breakerFigures(_q: Sqlite, _accountId: number, settings: SafetySettings, _now: number): BreakerFigures {
  throw new Error(`breaker not built yet (${settings.breaker.window})`);
}

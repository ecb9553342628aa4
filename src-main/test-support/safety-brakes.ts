import path from 'node:path';
import { openDatabase } from '#main/db/native';
import { DEFAULT_WARMUP_SCHEDULE, type SafetyPatch } from '#shared/safety';
import type { Core } from '#main/core/core';
import { DATABASE_FILE } from '#main/db/connection';
import { writeSafety } from '#main/safety/settings';

/**
 * What tests and benchmarks of other things (durability, pacing, reports, throughput) set on their
 * demo account: no warm-up (a freshly linked number sends 20 messages on day 1), no breakers, and
 * an unanswered-message budget no campaign here reaches (the default 500 paused the bench's
 * 20 000-message throughput campaign). The demo phone's natural
 * STOPs are about 0.5 % of delivered messages, and now and then (one seed in twenty at a 3 % limit,
 * fewer at 5 %) enough of them fall within 100 sends to pause a test about something else.
 * The safety tests set their own figures.
 */
const WITHOUT_SAFETY_BRAKES: SafetyPatch = {
  monthlyBudget: 1_000_000,
  warmup: { auto: false, newNumberSince: null, schedule: [...DEFAULT_WARMUP_SCHEDULE] },
  breaker: { window: 100, optOutPct: 100, undeliveredPct: 100, failedPct: 100 },
};

export function withoutSafetyBrakes(core: Core, accountId: number): void {
  writeSafety(core.store.sqlite, accountId, WITHOUT_SAFETY_BRAKES);
}

/** The same, written straight to the data folder's book (a core running in another process reads it on its next step). */
export function withoutSafetyBrakesIn(dataDir: string, accountId: number): void {
  const book = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    book.pragma('busy_timeout = 5000');
    writeSafety(book, accountId, WITHOUT_SAFETY_BRAKES);
  } finally {
    book.close();
  }
}

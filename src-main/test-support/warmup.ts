import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_WARMUP_SCHEDULE } from '#shared/safety';
import type { Core } from '#main/core/core';
import { DATABASE_FILE } from '#main/db/connection';
import { writeSafety } from '#main/safety/settings';

/**
 * A freshly linked account warms up (20 messages on day 1): tests of other things that send more
 * turn it off, as an operator would for a number that is not new.
 */
export function withoutWarmup(core: Core, accountId: number): void {
  writeSafety(core.store.sqlite, accountId, { warmup: { auto: false, newNumberSince: null, schedule: [...DEFAULT_WARMUP_SCHEDULE] } });
}

/** The same, written straight to the data folder's book (a core running in another process reads it on its next step). */
export function withoutWarmupIn(dataDir: string, accountId: number): void {
  const book = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  try {
    book.pragma('busy_timeout = 5000');
    writeSafety(book, accountId, { warmup: { auto: false, newNumberSince: null, schedule: [...DEFAULT_WARMUP_SCHEDULE] } });
  } finally {
    book.close();
  }
}

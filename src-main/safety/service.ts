/**
 * Account safety: each account's figures (budget, warm-up, breakers) computed from the queue file's
 * send ledger and recipients and the book's inbox (attached as `book`), and its settings.
 */
import type { AccountSafety, SafetyPatch } from '#shared/safety';
import { AppError } from '#shared/errors';
import type { Clock } from '#main/kernel/clock';
import type { Sqlite } from '#main/kernel/db';
import { budgetFigures } from './budget';
import { breakerFigures } from './breaker';
import { readSafety, writeSafety } from './settings';
import { warmupFigures } from './warmup';
import { t } from '#shared/i18n';

export type SafetyDeps = {
  /** The queue file, with the book attached as `book`. */
  q: Sqlite;
  clock: Clock;
  /** The operator's time zone (days and months are counted in it, like the daily cap). */
  timeZone: () => string;
  accountIds: () => number[];
  /** Told after a settings change (the runner looks again; screens reload). */
  onChanged: (accountId: number) => void;
};

export class SafetyService {
  constructor(private readonly deps: SafetyDeps) {}

  get(accountId: number): AccountSafety {
    const stored = readSafety(this.deps.q, accountId, 'book.');
    if (!stored) throw new AppError('not_found', t('wa.err.notFound'));
    const now = this.deps.clock.now();
    const zone = this.deps.timeZone();
    const { settings } = stored;
    return {
      accountId,
      firstReadyAt: stored.firstReadyAt,
      settings,
      budget: budgetFigures(this.deps.q, accountId, settings, now, zone),
      warmup: warmupFigures(this.deps.q, accountId, settings, stored.firstReadyAt, now, zone),
      breaker: breakerFigures(this.deps.q, accountId, settings, now),
    };
  }

  list(): AccountSafety[] {
    return this.deps.accountIds().map((id) => this.get(id));
  }

  set(accountId: number, patch: SafetyPatch): AccountSafety {
    writeSafety(this.deps.q, accountId, patch, 'book.');
    this.deps.onChanged(accountId);
    return this.get(accountId);
  }
}

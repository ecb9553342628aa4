/**
 * "Which of these contacts are on WhatsApp?" — one check at a time per account, throttled (mass
 * checking is itself a ban signal), with progress events and cancel. Results are written to the
 * contact in small batches; a number that could not be checked stays unknown.
 */
import crypto from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { LogLevel, NumberCheckProgress } from '#shared/accounts';
import { AppError } from '#shared/errors';
import type { Selection } from '#shared/filters';
import { t } from '#shared/i18n';
import { countSelection, selectionIds } from '#main/contacts/steps';
import { raceTimeout, sleep, TIMED_OUT, type Clock } from '#main/kernel/clock';
import type { EventBus } from '#main/kernel/events';
import { recordEvent, setWaStatus } from './repo';
import type { AccountManager } from './account-manager';
import type { Db } from '#main/kernel/db';

/** Pause between two checks, by driver: real accounts go slowly; the demo phone may go faster. */
export type CheckPace = { minMs: number; maxMs: number };
export const REAL_CHECK_PACE: CheckPace = { minMs: 1_500, maxMs: 4_000 };
export const DEMO_CHECK_PACE: CheckPace = { minMs: 300, maxMs: 800 };
/** A single lookup that takes longer than this counts as failed (the number stays unknown). */
export const CHECK_TIMEOUT_MS = 20_000;
const WRITE_BATCH = 25;
/** Phones read from the book at a time, as the check goes (tests lower it). */
export const checkTuning = { phonesAtOnce: 200 };
const PROGRESS_EVERY_MS = 200;

export type NumberCheckDeps = {
  db: Db;
  bus: EventBus;
  clock: Clock;
  accounts: AccountManager;
  writable: () => Promise<void>;
  paceFor: (driver: 'wweb' | 'simulator') => CheckPace;
  random?: () => number;
};

type Running = { progress: NumberCheckProgress; abort: AbortController; done: Promise<void> };

export class NumberChecks {
  private readonly running = new Map<string, Running>();
  private readonly random: () => number;

  constructor(private readonly deps: NumberCheckDeps) {
    this.random = deps.random ?? Math.random;
  }

  active(): NumberCheckProgress[] {
    return [...this.running.values()].map((r) => ({ ...r.progress }));
  }

  /** The contacts a check of `selection` covers, and how many were checked within `withinDays`. */
  async preview(selection: Selection, withinDays: number): Promise<{ total: number; recentlyChecked: number }> {
    // In ranges of the book, the event loop turning between them (a million contacts stay responsive).
    const counted = await countSelection(this.deps.db, selection, sql`c.wa_checked_at >= ${this.cutoff(withinDays)}`);
    return { total: counted.total, recentlyChecked: counted.also };
  }

  private cutoff(days: number): string {
    return new Date(this.deps.clock.now() - days * 86_400_000).toISOString();
  }

  async start(accountId: number, selection: Selection, skipCheckedWithinDays: number | null = null): Promise<NumberCheckProgress> {
    const account = this.deps.accounts.get(accountId);
    this.deps.accounts.readyDriver(accountId); // fails early, in plain words, when not ready
    if ([...this.running.values()].some((r) => r.progress.accountId === accountId)) {
      throw new AppError('busy', t('wa.err.checkRunning'));
    }
    const recent =
      skipCheckedWithinDays === null
        ? sql<SqlBool>`1`
        : sql<SqlBool>`(c.wa_checked_at IS NULL OR c.wa_checked_at < ${this.cutoff(skipCheckedWithinDays)})`;
    // The ids only (4 bytes each), read in ranges of the book; phones are read as the check reaches them.
    const ids = await selectionIds(this.deps.db, selection, recent);
    if (ids.length === 0) {
      const { total } = skipCheckedWithinDays === null ? { total: 0 } : await this.preview(selection, skipCheckedWithinDays);
      if (total > 0) {
        throw new AppError('conflict', t('wa.err.allRecent', { count: total, days: skipCheckedWithinDays ?? 0 }));
      }
      throw new AppError('conflict', t('wa.err.checkEmpty'));
    }
    const progress: NumberCheckProgress = {
      checkId: crypto.randomUUID(),
      accountId,
      status: 'running',
      total: ids.length,
      done: 0,
      onWhatsApp: 0,
      notOnWhatsApp: 0,
      unknown: 0,
      message: null,
    };
    const abort = new AbortController();
    const entry: Running = { progress, abort, done: Promise.resolve() };
    this.running.set(progress.checkId, entry);
    await this.log(accountId, account.label, 'info', 'check.started', t('wa.log.checkStarted', { count: ids.length }));
    entry.done = this.run(entry, ids, this.deps.paceFor(account.driver), account.label);
    this.deps.bus.emit('checks.progress', { ...progress });
    return { ...progress };
  }

  cancel(checkId: string): { cancelled: boolean } {
    const entry = this.running.get(checkId);
    if (!entry) throw new AppError('not_found', t('wa.err.checkNotFound'));
    entry.abort.abort(new Error('cancelled'));
    return { cancelled: true };
  }

  /** Stops every check (the app is closing); results so far are kept. */
  async close(): Promise<void> {
    const entries = [...this.running.values()];
    for (const entry of entries) entry.abort.abort(new Error('closing'));
    await Promise.all(entries.map((e) => e.done));
  }

  /** The phones of ids[from, from + n) still in the book (a contact deleted meanwhile is left out). */
  private async phonesOf(ids: Int32Array, from: number, n: number): Promise<Map<number, string>> {
    const slice = Array.from(ids.subarray(from, from + n));
    const { rows } = await sql<{ id: number; phone: string }>`SELECT id, phone FROM contacts
      WHERE id IN (SELECT value FROM json_each(${JSON.stringify(slice)}))`.execute(this.deps.db);
    return new Map(rows.map((r) => [r.id, r.phone]));
  }

  private async run(entry: Running, ids: Int32Array, pace: CheckPace, label: string): Promise<void> {
    const { progress, abort } = entry;
    const pending: { id: number; status: 'yes' | 'no' }[] = [];
    let lastProgress = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending.splice(0, pending.length);
      await this.deps.writable();
      await setWaStatus(this.deps.db, batch, new Date(this.deps.clock.now()).toISOString());
      this.deps.bus.emit('contacts.changed', { reason: 'whatsapp' });
    };
    const report = (force: boolean) => {
      const now = this.deps.clock.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      this.deps.bus.emit('checks.progress', { ...progress });
    };
    let failure: string | null = null;
    try {
      let phones = new Map<number, string>();
      for (let i = 0; i < ids.length; i++) {
        if (abort.signal.aborted) break;
        if (i % checkTuning.phonesAtOnce === 0) phones = await this.phonesOf(ids, i, checkTuning.phonesAtOnce);
        const id = ids[i] ?? 0;
        const phone = phones.get(id);
        if (phone === undefined) {
          // Deleted since the check began: nothing to check, nothing to write.
          progress.unknown++;
          progress.done++;
          continue;
        }
        const row = { id, phone };
        let driver;
        try {
          driver = this.deps.accounts.readyDriver(progress.accountId);
        } catch {
          failure = t('wa.err.accountDropped');
          break;
        }
        try {
          const registered = await raceTimeout(this.deps.clock, driver.isRegistered(row.phone), CHECK_TIMEOUT_MS);
          if (registered === TIMED_OUT) throw new Error('timeout');
          pending.push({ id: row.id, status: registered ? 'yes' : 'no' });
          if (registered) progress.onWhatsApp++;
          else progress.notOnWhatsApp++;
        } catch {
          progress.unknown++;
        }
        progress.done++;
        if (pending.length >= WRITE_BATCH) await flush();
        report(false);
        if (i < ids.length - 1) {
          const wait = pace.minMs + this.random() * (pace.maxMs - pace.minMs);
          await sleep(this.deps.clock, wait, abort.signal).catch(() => undefined);
        }
      }
      await flush();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const left = progress.total - progress.done;
    progress.unknown += left;
    if (failure !== null) {
      progress.status = 'failed';
      progress.message = failure;
      await this.log(progress.accountId, label, 'error', 'check.failed',
        t('wa.log.checkFailed', { done: progress.done, total: progress.total, reason: failure }));
    } else if (abort.signal.aborted) {
      progress.status = 'cancelled';
      await this.log(progress.accountId, label, 'info', 'check.cancelled',
        t('wa.log.checkCancelled', { done: progress.done, total: progress.total }));
    } else {
      progress.status = 'completed';
      await this.log(progress.accountId, label, 'info', 'check.finished',
        t('wa.log.checkFinished', { yes: progress.onWhatsApp, no: progress.notOnWhatsApp, unknown: progress.unknown }));
    }
    this.running.delete(progress.checkId);
    report(true);
  }

  private log(accountId: number, label: string, level: LogLevel, code: string, message: string): Promise<void> {
    const at = new Date(this.deps.clock.now()).toISOString();
    return recordEvent(this.deps, { accountId, accountLabel: label, at, level, code, message });
  }

}

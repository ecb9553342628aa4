/**
 * One runner per running campaign: a loop that reads the campaign from the database before every
 * customer, reconciles what is in doubt, picks the next row and an account, waits for the pace,
 * working hours and the daily cap, and hands the row to the sender.
 *
 * Pace: a random delay after the account's and the campaign's last message (both read from the
 * send ledger, so a restart or a resume never sends early), a longer break every N customers,
 * working hours in the campaign's zone, a daily cap of messages per account counted on the
 * account's local day. Every wait is on the injected clock and can be woken early (pause, cancel,
 * a new pace, an account coming back), so changes take effect at once.
 */
import { t } from '#shared/i18n';
import { nextDelay, nextLocalMidnight, nextWorkingTime, startOfLocalDay, type Pace } from '#shared/pace';
import { budgetAllows } from './budget-gate';
import { snapshotOf, type CampaignSnapshot, type QueueHost } from './context';
import type { RunnerView } from './progress';
import type { RecipientRecord } from './queue-db';
import { reconcileCampaign } from './reconcile';
import { getCampaignRecord, setCampaignStatus } from './repo';
import { sendRecipient, typingFor, type RunnerState } from './send';
import { warmupToday } from '#main/safety/warmup';
import type { WarmupToday } from '#shared/warmup';

const noop = (): void => undefined;
const ZERO_DELAY = { delayMs: 0, batchPause: false };

export class Runner implements RunnerState, RunnerView {
  active = true;
  /** Ends the current wait, if any. */
  private interrupt: (() => void) | null = null;
  /** A wake-up that came while not waiting: the next wait ends at once (none is ever lost). */
  private woken = false;
  delay: { delayMs: number; batchPause: boolean } | null = null;
  rotation = 0;
  sendTimes: number[] = [];
  waiting: string | null = null;
  nextAt: number | null = null;
  sendingAccount: number | null = null;
  needsReconcile = true;
  /** Customers this campaign reached (breaks come every N); read once, then counted. */
  reached: number | null = null;
  pace: Pace;
  done: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: QueueHost,
    readonly id: number,
    first: CampaignSnapshot,
  ) {
    this.pace = first.pace;
  }

  start(): void {
    this.done = this.loop().catch((error: unknown) => {
      this.host.fail(this.id, error instanceof Error ? error.message : String(error));
    });
  }

  /** Something changed (pause, a new pace, an account event): look again now. */
  wake(): void {
    if (this.interrupt) this.interrupt();
    else this.woken = true;
  }

  /** Stops after the send in flight (a customer's parts are never split by a pause or cancel). */
  async stop(): Promise<void> {
    this.active = false;
    this.wake();
    await this.done;
  }

  private async loop(): Promise<void> {
    try {
      // The first look in a turn of its own: the start that spawned it has just counted the rows.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.active) {
        if (await this.step()) break;
        // Let timers, acks and IPC in between messages even when the pace is zero.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await this.settleDoubts();
    } finally {
      this.host.runnerEnded(this.id, this);
      this.waiting = null;
      this.nextAt = null;
      this.host.touch(this.id, true);
    }
  }

  /**
   * A campaign paused with a send in doubt (five failures in a row, a blocked account): what its
   * account can tell is settled now, so the operator sees sent or unknown rather than "sending".
   */
  private async settleDoubts(): Promise<void> {
    if (!this.needsReconcile) return;
    const record = getCampaignRecord(this.host.deps.q, this.id);
    if (record?.status === 'paused') await reconcileCampaign(this.host, snapshotOf(record));
  }

  /** Waits up to `ms` on the clock; `wake()` ends the wait early. */
  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    const clock = this.host.deps.clock;
    return new Promise<void>((resolve) => {
      const done = () => {
        this.interrupt = null;
        resolve();
      };
      const handle = clock.setTimeout(done, Math.max(0, Math.min(ms, this.host.options.maxSleepMs)));
      this.interrupt = () => {
        clock.clearTimeout(handle);
        done();
      };
    });
  }

  private async wait(message: string | null, until: number | null): Promise<false> {
    const now = this.host.now();
    if (this.waiting !== message || this.nextAt !== until) {
      this.waiting = message;
      this.nextAt = until;
      this.host.touch(this.id, true);
    }
    await this.sleep(until === null ? this.host.options.maxSleepMs : until - now);
    return false;
  }

  /** Waits for the account's next local day (the daily cap, or a new number's warm-up cap). */
  private waitForMidnight(c: CampaignSnapshot, now: number, warm?: Map<number, WarmupToday | null>): Promise<false> {
    const midnight = nextLocalMidnight(now, this.host.deps.accountTimezone());
    const at = this.host.formatAt(midnight, c.timezone);
    const cap = c.pace.dailyCapPerAccount;
    // Say why when a warm-up cap is what holds an account back (below the campaign's own cap).
    const held = [...(warm ?? [])].find((e): e is [number, WarmupToday] => e[1] !== null && (cap === 0 || e[1].cap < cap));
    if (held) {
      const [id, w] = held;
      return this.wait(t('warmup.wait', { day: w.day, of: w.of, label: this.host.label(id), cap: w.cap, at }), midnight);
    }
    return this.wait(t('cq.wait.cap', { cap, at }), midnight);
  }

  /** One look at the campaign: send one customer's message, or wait. True when this runner is done. */
  private async step(): Promise<boolean> {
    const host = this.host;
    const { st } = host;
    // The database is the truth: a campaign paused, cancelled or deleted there stops here.
    const record = getCampaignRecord(host.deps.q, this.id);
    if (!record || record.status !== 'running' || record.building === 1) return true;
    const c = snapshotOf(record);
    this.pace = c.pace;
    const existing = c.accountIds.filter((id) => host.accountExists(id));
    if (existing.length === 0) {
      host.fail(this.id, t('cq.status.accountsGone'));
      return true;
    }
    if (this.needsReconcile) {
      this.needsReconcile = (await reconcileCampaign(host, c)) > 0;
      if (!this.active) return true;
    }

    const now = host.now();
    const ready = existing.filter((id) => host.readyDriver(id) !== null);
    const cap = c.pace.dailyCapPerAccount;
    const zone = host.deps.accountTimezone();
    // A new number's warm-up cap holds across campaigns: read from the database on every step.
    const warm = new Map(ready.map((id) => [id, warmupToday(host.deps.q, id, now, zone)]));
    const dayStart = startOfLocalDay(now, zone);
    const room = (accountId: number) => {
      const limit = Math.min(cap === 0 ? Infinity : cap, warm.get(accountId)?.cap ?? Infinity);
      return limit === Infinity ? Infinity : limit - (st.sentSince.get(accountId, dayStart) as number);
    };
    const open = ready.filter((id) => room(id) > 0);
    const row = open.length === 0 ? undefined : (st.nextQueued.get(this.id, now, JSON.stringify(open)) as RecipientRecord | undefined);

    if (!row) {
      if ((st.remaining.get(this.id) as number) === 0) {
        if (setCampaignStatus(host.deps.q, this.id, 'completed', null, { finishedAt: now, from: ['running'] })) host.changed(this.id);
        return true;
      }
      const inFlight = st.inFlight.all(this.id) as RecipientRecord[];
      if (inFlight.length > 0) {
        this.needsReconcile = true;
        const labels = host.quotedLabels(inFlight.map((r) => r.account_id ?? 0));
        return this.wait(t('cq.wait.reconcile', { count: inFlight.length, labels }), null);
      }
      if (ready.length === 0) return this.wait(t('cq.wait.account', { labels: host.quotedLabels(existing) }), null);
      const retryAt = st.earliestRetry.get(this.id) as number | null;
      if (retryAt !== null && retryAt > now) {
        const count = st.queuedCount.get(this.id) as number;
        return this.wait(t('cq.wait.retry', { count, at: host.formatAt(retryAt, c.timezone) }), retryAt);
      }
      const pinned = (st.pinnedAccounts.all(this.id) as number[]).filter((id) => !ready.includes(id));
      const gone = pinned.filter((id) => !host.accountExists(id));
      if (gone.length > 0) {
        // Their first parts went through an account that was removed: the rest would come from
        // another number, so it is not sent.
        for (const id of gone) st.orphanPinned.run(t('cq.reason.accountGonePartial'), now, this.id, id);
        host.touch(this.id);
        return false;
      }
      if (pinned.length > 0) return this.wait(t('cq.wait.account', { labels: host.quotedLabels(pinned) }), null);
      return this.waitForMidnight(c, now, warm);
    }

    // A customer's parts all go through one account: the one that sent the first part.
    const needed = Math.max(1, c.parts.length - row.part);
    const pinnedTo = row.part > 0 ? row.account_id : null;
    const fits = pinnedTo !== null ? [pinnedTo] : open.filter((id) => room(id) >= needed);
    if (fits.length === 0 || room(fits[0]!) < needed) return this.waitForMidnight(c, now, warm);
    const accountId = pinnedTo ?? fits[this.rotation % fits.length]!;

    // When: after this campaign's and this account's last message (the ledger, which survives a
    // restart), by the drawn delay.
    const last = [st.campaignLastSend.get(this.id), st.accountLastSend.get(accountId), host.lastLookup.get(accountId)].filter(
      (v): v is number => typeof v === 'number',
    );
    const base = last.length === 0 ? null : Math.max(...last);
    this.reached ??= st.campaignReached.get(this.id) as number;
    this.delay ??= base === null ? ZERO_DELAY : nextDelay(c.pace, this.reached, host.random);
    const typing = row.part === 0 ? typingFor(host, c) : 0;
    const planned = base === null ? now : base + Math.max(0, this.delay.delayMs - typing);
    const allowed = nextWorkingTime(Math.max(planned, now), c.pace.workingHours, c.timezone);
    if (allowed === Infinity) return this.wait(t('cq.wait.hours', { at: '—' }), null);
    const plannedAt = Math.max(planned, allowed === Math.max(planned, now) ? planned : allowed);
    if (plannedAt > now) {
      const message =
        allowed > Math.max(planned, now)
          ? t('cq.wait.hours', { at: host.formatAt(allowed, c.timezone) })
          : this.delay.batchPause
            ? t('cq.wait.break', { count: this.reached, at: host.formatAt(plannedAt, c.timezone) })
            : null;
      return this.wait(message, plannedAt);
    }

    // Spam signals (opt-outs, messages stuck at one tick for an hour, failures): checked before
    // every send, as acks age; a trip pauses this campaign in the database, seen at the next step.
    if (host.checkBreaker(accountId)) return false;
    const lock = host.accountLocks.get(accountId);
    if (lock) {
      this.waiting = t('cq.wait.busy', { label: host.label(accountId) });
      await lock;
      return false; // the account just sent: plan again from its new last send
    }
    this.waiting = null;
    this.nextAt = null;
    let release: () => void = noop;
    host.accountLocks.set(
      accountId,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    try {
      // The unanswered-message budget, checked under the account's lock (no two campaigns race it).
      if (row.part === 0 && !budgetAllows(host, accountId, row.phone)) return false;
      await sendRecipient(host, this, c, row, accountId, plannedAt);
    } finally {
      host.accountLocks.delete(accountId);
      release();
    }
    host.checkBreaker(accountId); // and after it (a failure)
    return false;
  }
}

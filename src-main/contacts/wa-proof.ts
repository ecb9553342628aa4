/**
 * A campaign message that was delivered or read proves its number is on WhatsApp; WhatsApp saying
 * a number is not on it proves the opposite. Both land in the queue's file; the contact book is
 * another file, written here through its own connection, in batches, never from inside the
 * queue's send or ack handling: `proved(phone)` and `disproved(phone)` only remember the phone.
 *
 * An import may hold the book's write lock for a while: a batch first waits for `writable()` and
 * then tries without SQLite's busy wait (which would block the event loop); when the lock is still
 * taken (another writer won the race) the phones stay pending and the batch is tried again later.
 * Nothing is dropped: at start, `catchUp` also marks contacts whose delivered messages never
 * reached the book (a crash with phones still pending, or acks from before this existed).
 */
import type { Clock, TimerHandle } from '#main/kernel/clock';
import type { Db, Sqlite } from '#main/kernel/db';
import { rawOf } from '#main/db/connection';

export type WaProofDeps = {
  db: Db;
  clock: Clock;
  writable: () => Promise<void>;
  /** Called with how many contacts changed (to tell the UI). */
  onMarked?: (count: number) => void;
  /** Wait before writing a batch (acks come in bursts). */
  batchMs?: number;
  /** Wait before trying again when the book was locked. */
  retryMs?: number;
};

const MAX_BATCH = 5_000;

export class WaProofs {
  /** Phone → what was last learnt about it. */
  private readonly pending = new Map<string, 'yes' | 'no'>();
  private timer: TimerHandle | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;
  private readonly raw: Sqlite;
  private readonly batchMs: number;
  private readonly retryMs: number;

  constructor(private readonly deps: WaProofDeps) {
    const raw = rawOf(deps.db);
    if (!raw) throw new Error('WaProofs needs the store’s own connection');
    this.raw = raw;
    this.batchMs = deps.batchMs ?? 250;
    this.retryMs = deps.retryMs ?? 1_000;
  }

  /** A delivered or read message went to `phone`. Cheap; never throws, never blocks. */
  proved(phone: string): void {
    this.learnt(phone, 'yes');
  }

  /** WhatsApp said `phone` is not on it. Cheap; never throws, never blocks. */
  disproved(phone: string): void {
    this.learnt(phone, 'no');
  }

  private learnt(phone: string, status: 'yes' | 'no'): void {
    if (this.closed) return;
    this.pending.delete(phone); // the latest news goes last
    this.pending.set(phone, status);
    this.arm(this.batchMs);
  }

  /** Phones not yet written to the book. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Writes what is pending now (waits for an import's lock); resolves once tried. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.write().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  /** Tries a last time, then stops (phones still pending are found again by `catchUp`). */
  async close(): Promise<void> {
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    this.closed = true;
  }

  private arm(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    await this.deps.writable().catch(() => undefined);
    const batch = [...this.pending].slice(0, MAX_BATCH);
    let changed: number;
    try {
      changed = this.mark(batch);
    } catch {
      // Still locked (or the disk refused): keep them all for the next try.
      this.arm(this.retryMs);
      return;
    }
    // A phone learnt again while this batch was written stays for the next one.
    for (const [phone, status] of batch) if (this.pending.get(phone) === status) this.pending.delete(phone);
    if (changed > 0) this.deps.onMarked?.(changed);
    if (this.pending.size > 0) this.arm(0);
  }

  /**
   * One statement, no busy wait: throws SQLITE_BUSY at once when a writer holds the lock. A "yes"
   * already known is left as it is; a "no" always renews when it was checked.
   */
  private mark(batch: [string, 'yes' | 'no'][]): number {
    const at = new Date(this.deps.clock.now()).toISOString();
    const previous = this.raw.pragma('busy_timeout', { simple: true }) as number;
    this.raw.pragma('busy_timeout = 0');
    try {
      return this.raw
        .prepare(
          `UPDATE contacts SET wa_status = m.value ->> '$[1]', wa_checked_at = ?
           FROM json_each(?) AS m
           WHERE contacts.phone = m.value ->> '$[0]'
             AND (m.value ->> '$[1]' = 'no' OR contacts.wa_status IS NOT 'yes')`,
        )
        .run(at, JSON.stringify(batch)).changes;
    } finally {
      this.raw.pragma(`busy_timeout = ${previous}`);
    }
  }
}

/**
 * Phones with a delivered or read campaign message whose contact is still "not checked", read
 * from the queue's connection (which has the book attached as `book`).
 */
export function undeclaredDelivered(queueDb: Sqlite): string[] {
  return queueDb
    .prepare(
      `SELECT c.phone FROM book.contacts c
       WHERE c.wa_status IS NULL
         AND EXISTS (SELECT 1 FROM recipients r WHERE r.phone = c.phone AND r.sent_at IS NOT NULL AND r.delivered_at IS NOT NULL)`,
    )
    .pluck()
    .all() as string[];
}

/** Feeds what the book missed into `proofs` (at start). */
export function catchUp(proofs: WaProofs, queueDb: Sqlite): number {
  const phones = undeclaredDelivered(queueDb);
  for (const phone of phones) proofs.proved(phone);
  return phones.length;
}

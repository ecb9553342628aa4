/**
 * What the queue's parts share: its dependencies and tuning, and the host interface the runner,
 * the sender and the reconciler call back into (the campaign service in queue.ts implements it).
 * The database is the only truth for a campaign's state; what lives here in memory is a cache
 * (locks, streaks, the last number lookup) that may be lost on a restart without harm.
 */
import type { Campaign, DraftPart } from '#shared/campaigns';
import type { Pace } from '#shared/pace';
import type { AccountManager } from '#main/accounts/account-manager';

import type { Clock } from '#main/kernel/clock';
import type { EventBus } from '#main/kernel/events';

import type { WhatsAppDriver } from '#main/whatsapp/driver';
import type { CampaignRecord } from './queue-db';
import type { SendStatements } from './repo';
import type { Db, Sqlite } from '#main/kernel/db';

export type QueueOptions = {
  /** Tries per recipient for failures that provably sent nothing. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt (±20 %). */
  retryBaseMs: number;
  /** Failed sends in a row on one account that pause its campaigns. */
  failureStreakLimit: number;
  /** Live progress is pushed at most this often per campaign. */
  progressIntervalMs: number;
  /** Longest single wait: the runner looks again at least this often. */
  maxSleepMs: number;
  /** How far before a row's `sending_at` a found message still counts (WhatsApp's clock is coarse). */
  reconcileSlackMs: number;
  /** Typing shown before a message: per character, within [min, max]. */
  typingMsPerChar: number;
  typingMinMs: number;
  typingMaxMs: number;
  /** How far back acks are read again from the phone when an account connects. */
  ackRecoveryMs: number;
};

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxAttempts: 3,
  retryBaseMs: 30_000,
  failureStreakLimit: 5,
  progressIntervalMs: 400,
  maxSleepMs: 60_000,
  reconcileSlackMs: 5_000,
  typingMsPerChar: 35,
  typingMinMs: 1_200,
  typingMaxMs: 4_000,
  ackRecoveryMs: 2 * 86_400_000,
};

export type SendTiming = { campaignId: number; recipientId: number; plannedAt: number; startedAt: number };

export type QueueDeps = {
  q: Sqlite;
  db: Db;
  bus: EventBus;
  clock: Clock;
  accounts: AccountManager;
  dataDir: string;
  defaultCountry: () => Promise<string>;
  /** The operator's time zone: each account's day (for the daily cap) starts at midnight there. */
  accountTimezone: () => string;
  /** Settles when the book can be written (an import may hold its lock). */
  writable: () => Promise<void>;
  random?: () => number;
  options?: Partial<QueueOptions>;
  /** A message to `phone` was delivered or read (must not block: the book is written elsewhere). */
  onDelivered?: (phone: string) => void;
  /** WhatsApp said `phone` is not on it (must not block either). */
  onNotOnWhatsApp?: (phone: string) => void;
  /** Called as each message starts, with when it was planned (benchmarks, tests). */
  onSendStart?: (timing: SendTiming) => void;
};

/** A campaign as its runner needs it, read from its row before every step. */
export type CampaignSnapshot = {
  id: number;
  name: string;
  status: string;
  building: boolean;
  parts: DraftPart[];
  pace: Pace;
  accountIds: number[];
  timezone: string;
  includeGraylist: boolean;
};

export function snapshotOf(r: CampaignRecord): CampaignSnapshot {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    building: r.building === 1,
    parts: JSON.parse(r.parts) as DraftPart[],
    pace: JSON.parse(r.pace) as Pace,
    accountIds: JSON.parse(r.account_ids) as number[],
    timezone: r.timezone,
    includeGraylist: (JSON.parse(r.exclusions) as { includeGraylist?: boolean }).includeGraylist === true,
  };
}

export type AckEvent = { accountId: number; messageId: string; ack: string };

/** The service's side, as its runner, sender and reconciler see it. */
export interface QueueHost {
  readonly deps: QueueDeps;
  readonly st: SendStatements;
  readonly options: QueueOptions;
  readonly random: () => number;
  /** Failed sends in a row per account (reset by a success). */
  readonly failureStreaks: Map<number, number>;
  /** When each account last looked a number up (the pace counts lookups too). */
  readonly lastLookup: Map<number, number>;
  /** One send at a time per account, across campaigns. */
  readonly accountLocks: Map<number, Promise<void>>;
  now(): number;
  /** Pushes progress soon (coalesced), or now. */
  touch(id: number, now?: boolean): void;
  changed(id: number): Campaign;
  fail(id: number, reason: string): void;
  /** Pauses the account's running campaigns; how many it paused. */
  pauseAccount(accountId: number, reason: string): number;
  /** The account's breaker on spam signals: pauses its campaigns when it tripped (true then). */
  checkBreaker(accountId: number): boolean;
  label(accountId: number): string;
  quotedLabels(accountIds: number[]): string;
  formatAt(ms: number, timezone: string): string;
  readyDriver(accountId: number): WhatsAppDriver | null;
  accountExists(accountId: number): boolean;
  applyAck(e: AckEvent): void;
  /** An ack that beat our own record of the message is applied now that the record exists. */
  applyEarlyAck(accountId: number, messageId: string): void;
  markNotOnWhatsApp(phone: string): void;
  /** A runner's loop ended. */
  runnerEnded(id: number, runner: unknown): void;
}

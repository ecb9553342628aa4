/**
 * A core whose WhatsApp accounts are scriptable fakes, for attacking the send queue's promises
 * ("never twice", "never after Cancel", "STOP is final") with faults placed exactly where a test
 * wants them: an error after the message left, an ack while a later part is in flight, a row
 * changed under the runner between its pick and its claim.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DraftPart } from '#shared/campaigns';
import type { MethodParsedInput } from '#shared/contract';
import type { Pace } from '#shared/pace';
import type { Clock } from '#main/kernel/clock';
import type { Core } from '#main/core/core';
import type { QueueOptions } from '#main/campaigns/queue';
import type { DriverFactory } from '#main/whatsapp/driver';
import { openTestCore } from './core';
import { FakeDriver } from './fake-driver';
import { customPace } from './pace';
import { until } from './until';
import { withoutSafetyBrakes } from './safety-brakes';

/** Numbers +90532<start>, +90532<start+1>, … (pick a start whose numbers do not end in 0 if all must be on WhatsApp). */
export const phonesFrom = (n: number, start: number) => Array.from({ length: n }, (_, i) => `+90532${start + i}`);
export const TEXT_PART: DraftPart = { kind: 'text', text: 'Merhaba {{name}}' };
export const LOCATION_PART: DraftPart = { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Dükkan', address: '' };

/** Harnesses a test file opened, closed and deleted after each test. */
export function harnessesCleanedAfterEach(afterEach: (fn: () => Promise<void>) => void): Harness[] {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0).reverse()) await h.cleanup();
  });
  return open;
}

export type Harness = {
  core: Core;
  dataDir: string;
  /** The latest driver made for each account. */
  driver(accountId: number): FakeDriver;
  /** Every message any fake driver was asked to send, in order, with the account it went through. */
  sent: { accountId: number; to: string; kind: DraftPart['kind']; text: string }[];
  accountIds: number[];
  groupId: number;
  phones: string[];
  /** A campaign over the group with `parts`, created and not started. */
  campaign(parts: DraftPart[], over?: Partial<MethodParsedInput<'campaigns.create'>>): Promise<number>;
  /** Closes the core (the data folder stays, for reopen). */
  close(): Promise<void>;
  /** Opens a new core on the same data folder and links the same accounts again. */
  reopen(): Promise<Harness>;
  /** Closes and deletes everything. */
  cleanup(): Promise<void>;
};

export type HarnessOptions = {
  phones: string[];
  accounts?: number;
  clock?: Clock;
  queueOptions?: Partial<QueueOptions>;
  /** Called for every new driver (per connect) before it is used. */
  prepare?: (driver: FakeDriver, accountId: number) => void;
  dataDir?: string;
  /** Existing accounts to link again (reopen). */
  accountIds?: number[];
  groupId?: number;
};

const text = (content: { kind: string; text?: string; caption?: string }) => content.text ?? content.caption ?? '';

/** Links a fake account: connect, then the fake says it is ready. */
async function link(core: Core, accountId: number, drivers: Map<number, FakeDriver>): Promise<void> {
  // A linked account reconnects by itself when the core opens (its driver exists already).
  let driver = drivers.get(accountId);
  if (!driver) {
    await core.handlers['accounts.connect']({ id: accountId, method: 'qr' });
    driver = await until(() => drivers.get(accountId), 'a driver');
  }
  driver.state('authenticating');
  driver.fire('ready', { phone: `+4477009001${String(accountId).padStart(2, '0')}`, displayName: `Phone ${accountId}` });
  await until(() => core.accounts.get(accountId).state === 'ready', 'ready');
}

export async function queueHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-harness-'));
  const drivers = new Map<number, FakeDriver>();
  const sent: Harness['sent'] = [];
  const factory: DriverFactory = (account) => {
    const driver = new FakeDriver(account.sessionDir);
    const plainSend = driver.send.bind(driver);
    driver.send = (to, content) => {
      sent.push({ accountId: account.id, to, kind: content.kind, text: text(content) });
      return plainSend(to, content);
    };
    drivers.set(account.id, driver);
    options.prepare?.(driver, account.id);
    return driver;
  };
  const core = await openTestCore(dataDir, {
    createDriver: factory,
    ...(options.clock ? { clock: options.clock } : {}),
    queueOptions: { retryBaseMs: 20, ...options.queueOptions },
  });
  const h = core.handlers;
  let accountIds = options.accountIds ?? [];
  let groupId = options.groupId ?? 0;
  if (!options.accountIds) {
    for (let i = 0; i < (options.accounts ?? 1); i++) {
      const account = await h['accounts.create']({ label: `Shop ${i + 1}`, driver: 'wweb' });
      // Not a new number: the warm-up has its own tests (src-main/safety).
      withoutSafetyBrakes(core, account.id);
      accountIds.push(account.id);
    }
    const group = await h['groups.create']({ name: 'Customers' });
    groupId = group.id;
    const ids: number[] = [];
    for (const [i, phone] of options.phones.entries()) {
      ids.push((await h['contacts.create']({ phone, name: `Customer ${String(i).padStart(3, '0')}`, fields: [], tags: [], note: '' })).id);
    }
    await h['groups.addMembers']({ groupId, selection: { kind: 'ids', ids } });
  }
  accountIds = [...accountIds];
  for (const id of accountIds) await link(core, id, drivers);

  let closed = false;
  const harness: Harness = {
    core,
    dataDir,
    driver(accountId) {
      const d = drivers.get(accountId);
      if (!d) throw new Error(`no driver for account ${accountId}`);
      return d;
    },
    sent,
    accountIds,
    groupId,
    phones: options.phones,
    async campaign(parts, over = {}) {
      const draft = await h['drafts.create']({ name: 'Draft', parts });
      const pace: Pace = customPace({ minDelayMs: 0, maxDelayMs: 0 });
      const c = await h['campaigns.create']({
        name: 'Campaign',
        draftId: draft.id,
        audience: { groupIds: [groupId], listIds: [], contactIds: [], query: null, pasted: '' },
        exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
        accountIds,
        pace,
        timezone: 'Europe/Istanbul',
        schedule: { kind: 'now' },
        ...over,
      });
      return c.id;
    },
    async close() {
      if (!closed) await core.close();
      closed = true;
    },
    async reopen() {
      await harness.close();
      return queueHarness({ ...options, dataDir, accountIds, groupId });
    },
    async cleanup() {
      await harness.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

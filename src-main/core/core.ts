/**
 * The core: opens the stores and the services and combines the domains' handlers (each domain's
 * handlers.ts) into one map for every contract method. Both shells (the Electron main process and
 * the browser host) open exactly this, so they behave the same.
 */
import path from 'node:path';
import type { AppInfo, Settings } from '#shared/domain';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import { accountsHandlers } from '#main/accounts/handlers';
import { AccountManager } from '#main/accounts/account-manager';
import { DEMO_CHECK_PACE, NumberChecks, REAL_CHECK_PACE } from '#main/accounts/number-check';
import { storeIncoming } from '#main/accounts/repo';
import { campaignsHandlers } from '#main/campaigns/handlers';
import { usageHandlers } from '#main/usage/handlers';
import { CampaignQueue, type QueueOptions, type SendTiming } from '#main/campaigns/queue';
import { openQueueDb, QUEUE_FILE } from '#main/campaigns/queue-db';
import { journalOptOut, optOutApplied, pendingOptOuts } from '#main/campaigns/repo';
import { contactsHandlers } from '#main/contacts/handlers';
import { catchUp, WaProofs } from '#main/contacts/wa-proof';
import { closeStore, openStore, type Store } from '#main/db/connection';
import { draftsHandlers } from '#main/drafts/handlers';
import { exportsHandlers } from '#main/exports/handlers';
import { workerBookReader } from '#main/workers/book-reader';
import { setBookReader } from '#main/contacts/off-thread';
import { groupsHandlers } from '#main/groups/handlers';
import { importsHandlers } from '#main/imports/handlers';
import { ImportService } from '#main/imports/import-service';
import { realClock, type Clock } from '#main/kernel/clock';
import type { Kernel } from '#main/kernel/context';
import type { Sqlite } from '#main/kernel/db';
import { EventBus } from '#main/kernel/events';
import { combine, guardWrites, type Handlers } from '#main/kernel/handlers';
import { listsHandlers } from '#main/lists/handlers';
import { overviewHandlers } from '#main/overview/handlers';
import { reportExportHandlers } from '#main/reports/export';
import { reportsHandlers } from '#main/reports/handlers';
import { recordVote } from '#main/reports/votes';
import { settingsHandlers } from '#main/settings/handlers';
import { firstRunHandlers } from '#main/firstrun/handlers';
import { applyLocale, getSettings } from '#main/settings/settings';
import { suppressionsHandlers } from '#main/suppressions/handlers';
import type { DriverFactory } from '#main/whatsapp/driver';
import { createDriverFactory } from '#main/whatsapp/factory';
import { testSendsHandlers } from '#main/test-sends/handlers';
import { TestSends } from '#main/test-sends/service';
import { safetyHandlers } from '#main/safety/handlers';
import { SafetyService } from '#main/safety/service';
import { backupsHandlers } from '#main/backups/handlers';
import { BackupService } from '#main/backups/service';
import { backupBeforeUpdate, LATEST_SCHEMA } from '#main/backups/before-update';
import { applyPendingRestore, carryOver, finishRestore } from '#main/backups/restore';
import { prepareDataDir } from './data-dir';
import { lockDataDir, type DataLock } from './data-lock';

export type CoreOptions = {
  dataDir: string;
  /** Path of the built spreadsheet worker (dist/main/spreadsheet-worker.cjs). */
  workerPath: string;
  /** Folder holding resources/ (the import template). */
  resourcesDir: string;
  shell: AppInfo['shell'];
  version: string;
  /** Time for the WhatsApp layer (tests pass a FakeClock). */
  clock?: Clock;
  /** Replaces the driver factory (tests). */
  createDriver?: DriverFactory;
  /** Divides the demo phone's delays (PIGEON_SIM_SPEED; tests run it faster). */
  simulatorSpeed?: number;
  /** Don't reconnect linked accounts at open (tools that only read the book). */
  connectAccounts?: boolean;
  /** Send-queue tuning (tests shorten retries). */
  queueOptions?: Partial<QueueOptions>;
  /** Called as each campaign message starts (benchmarks measure lateness with it). */
  onSendStart?: (timing: SendTiming) => void;
  /** Don't resume campaigns at open (tools that only read). */
  startQueue?: boolean;
  /** Take a daily backup while open (the two shells; tests and tools leave it off). */
  dailyBackups?: boolean;
};

export type Core = {
  handlers: Handlers;
  bus: EventBus;
  store: Store;
  accounts: AccountManager;
  campaigns: CampaignQueue;
  queueDb: Sqlite;
  close(): Promise<void>;
};

/** Opt-outs journaled in the queue's file that never reached the contact book (a crash, a full disk). */
async function applyPendingOptOuts(db: Store['db'], queueDb: Sqlite): Promise<void> {
  for (const e of pendingOptOuts(queueDb)) {
    try {
      await storeIncoming(
        db,
        { accountId: e.accountId, accountLabel: e.accountLabel, waMessageId: e.waMessageId, fromPhone: e.phone, body: e.body, receivedAt: e.receivedAt, optOut: true },
        t('wa.optOutReason', { word: e.word }),
      );
      optOutApplied(queueDb, e.id);
    } catch {
      // Still not writable: it stays in the journal (and the queue honours it) until next time.
    }
  }
}

/** What the reopenable core hands each core it opens. */
type Internals = { bus: EventBus; restart: () => Promise<void> };

/**
 * Opens the core on a data folder, which it holds alone until close(): a second Pigeon on the same
 * folder, in this process or another, is refused ("Pigeon is already open on this folder").
 *
 * What the shells get stays the same object for the whole session: a restore closes the core and
 * opens it again on the restored data (`restart`), and the handlers, the event bus and the members
 * below follow the core that is open now. A call that arrives meanwhile waits for it.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const bus = new EventBus();
  let current: Core | null = null;
  let reopening: Promise<void> | null = null;
  let broken: AppError | null = null;
  const restart = (): Promise<void> => {
    reopening ??= (async () => {
      await current?.close();
      try {
        current = await openCoreOnce(options, { bus, restart });
      } catch (error) {
        broken = new AppError('internal', t('backup.restore.err.reopen', { message: (error as Error).message }));
        throw broken;
      }
    })().finally(() => {
      reopening = null;
    });
    return reopening;
  };
  current = await openCoreOnce(options, { bus, restart });
  let closed = false;
  const now = async (): Promise<Core> => {
    while (reopening) await reopening.catch(() => undefined);
    if (broken || closed || !current) throw broken ?? new AppError('internal', t('app.err.closed'));
    return current;
  };
  type Loose = Record<string, (input: unknown) => unknown>;
  // Straight through while the core is open (a synchronous handler stays synchronous).
  const handlers = Object.fromEntries(
    Object.keys(current.handlers).map((name) => [
      name,
      (input: unknown) =>
        !reopening && !broken && !closed && current
          ? (current.handlers as unknown as Loose)[name]?.(input)
          : now().then((core) => (core.handlers as unknown as Loose)[name]?.(input)),
    ]),
  ) as unknown as Handlers;
  // After close(), the members stay those of the last core (closed), as they always were.
  const live = (): Core => {
    if (!current) throw new AppError('internal', t('app.err.closed'));
    return current;
  };
  return {
    handlers,
    bus,
    get store() {
      return live().store;
    },
    get accounts() {
      return live().accounts;
    },
    get campaigns() {
      return live().campaigns;
    },
    get queueDb() {
      return live().queueDb;
    },
    async close() {
      while (reopening) await reopening.catch(() => undefined);
      if (closed) return;
      closed = true;
      if (!broken) await current?.close();
    },
  };
}

async function openCoreOnce(options: CoreOptions, internals: Internals): Promise<Core> {
  prepareDataDir(options.dataDir);
  // First of all, before the store is opened or anything in the folder is read or written.
  const lock = lockDataDir(options.dataDir);
  try {
    return await openLockedCore(options, lock, internals);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLockedCore(options: CoreOptions, lock: DataLock, internals: Internals): Promise<Core> {
  // A restore that was committed (and maybe cut off by a kill) is finished before anything opens.
  const restored = applyPendingRestore(options.dataDir);
  // Before a migration touches either file. A failure does not keep Pigeon closed (a backups disk
  // that is unplugged, say): the Backups section says what happened.
  let backupError: string | null = null;
  try {
    await backupBeforeUpdate(options.dataDir, options.version);
  } catch (error) {
    backupError = t('backup.err.beforeUpdate', { message: (error as Error).message });
  }
  const store = openStore(options.dataDir);
  const { db } = store;
  const { bus } = internals;
  await ImportService.markInterrupted(db);
  const defaultCountry = async () => (await getSettings(db)).defaultCountry;
  const imports = new ImportService({
    db,
    dbFile: store.file,
    bus,
    workerPath: options.workerPath,
    defaultCountry,
    onChanged: () => {
      bus.emit('contacts.changed', { reason: 'import' });
      bus.emit('groups.changed', {});
    },
  });

  const clock = options.clock ?? realClock;
  const writable = () => imports.writable();
  const initial = await getSettings(db);
  applyLocale(initial);
  let browserPath = initial.browserPath;
  let accountTimezone = initial.timezone;
  const simulatorSpeed = options.simulatorSpeed ?? 1;
  // The queue's own file opens first: opt-outs are journaled there the moment they arrive, and
  // the ones a crash left out of the contact book are written to it now.
  const queueDb = openQueueDb(options.dataDir, store.file);
  // What happened in the world since the backup stays true: its opt-outs reach the book just below.
  const carried = restored ? carryOver(queueDb, options.dataDir, t('backup.restore.pausedReason')) : null;
  if (restored) finishRestore(options.dataDir);
  await applyPendingOptOuts(db, queueDb);
  // Smart lists filter on campaign outcome: the book's connection reads the queue's file as `cq`.
  // Only ever read through it (better-sqlite3 is built without URI names, so no `mode=ro`): the
  // queue's writes stay on its own synchronous=FULL connection.
  store.sqlite.prepare('ATTACH DATABASE ? AS cq').run(path.join(options.dataDir, QUEUE_FILE));
  const accounts = new AccountManager({
    db,
    bus,
    clock,
    sessionsDir: path.join(options.dataDir, 'sessions'),
    createDriver:
      options.createDriver ??
      createDriverFactory({ dataDir: options.dataDir, clock, browserPath: () => browserPath, simulatorSpeed }),
    writable,
    optOuts: {
      record: (entry) => journalOptOut(queueDb, entry),
      applied: (id) => optOutApplied(queueDb, id),
    },
  });
  const checks = new NumberChecks({
    db,
    bus,
    clock,
    accounts,
    writable,
    paceFor: (driver) =>
      driver === 'simulator'
        ? { minMs: DEMO_CHECK_PACE.minMs / simulatorSpeed, maxMs: DEMO_CHECK_PACE.maxMs / simulatorSpeed }
        : REAL_CHECK_PACE,
  });

  // Delivered or read campaign messages mark their contacts as on WhatsApp, "not on WhatsApp"
  // answers as not (batched, lock-tolerant).
  const waProofs = new WaProofs({ db, clock: realClock, writable, onMarked: () => bus.emit('contacts.changed', { reason: 'whatsapp' }) });
  const campaigns = new CampaignQueue({
    onDelivered: (phone) => waProofs.proved(phone),
    onNotOnWhatsApp: (phone) => waProofs.disproved(phone),
    q: queueDb,
    db,
    bus,
    clock,
    accounts,
    dataDir: options.dataDir,
    defaultCountry,
    accountTimezone: () => accountTimezone,
    writable,
    ...(options.queueOptions ? { options: options.queueOptions } : {}),
    ...(options.onSendStart ? { onSendStart: options.onSendStart } : {}),
  });
  // Votes on our polls, for the reports (the latest vote per voter wins).
  accounts.on('vote', (vote) => {
    try {
      recordVote(queueDb, vote);
    } catch {
      // A vote that cannot be stored is lost; the report's votes are a tally, not a promise.
    }
  });
  const kernel: Kernel = { db, bus, clock, defaultCountry };
  const testSends = new TestSends({ kernel, q: queueDb, accounts, dataDir: options.dataDir });
  const safety = new SafetyService({
    q: queueDb,
    clock,
    timeZone: () => accountTimezone,
    accountIds: () => accounts.list().map((a) => a.id),
    onChanged: (accountId) => {
      bus.emit('safety.changed', { accountId });
      campaigns.wake();
    },
  });
  const backups = new BackupService({
    book: store.sqlite,
    bookFile: store.file,
    queueFile: path.join(options.dataDir, QUEUE_FILE),
    dataDir: options.dataDir,
    // Built beside the spreadsheet worker (dist/main).
    workerPath: path.join(path.dirname(options.workerPath), 'backup-worker.cjs'),
    appVersion: options.version,
    clock,
    onChanged: () => bus.emit('backups.changed', {}),
    lastError: backupError,
    latest: LATEST_SCHEMA,
    restart: internals.restart,
    onRestored: (backupId) => bus.emit('backups.restored', { backupId }),
    restored: restored && carried ? { backupId: restored.backupId, backupCreatedAt: restored.backupCreatedAt, carried } : null,
  });
  // Before deleting or taking out 50 people or more: a backup, and no change when it fails.
  const backupBefore = () =>
    backups.create('before-delete').catch((error: unknown) => {
      throw new AppError('internal', t('backup.err.beforeDelete', { message: (error as Error).message }));
    });
  const onSettings = (settings: Settings) => {
    browserPath = settings.browserPath;
    accountTimezone = settings.timezone;
    applyLocale(settings);
    bus.emit('settings.changed', { settings });
  };
  // Scans of a large book (filters no index serves, sorts by last change or a field) in a worker.
  setBookReader(db, workerBookReader(options.workerPath, store.file));
  const handlers = guardWrites(
    combine(
      settingsHandlers(kernel, {
        info: () => ({
          version: options.version,
          dataDir: options.dataDir,
          databasePath: store.file,
          shell: options.shell,
          schemaVersion: store.schemaVersion,
        }),
        onUpdated: onSettings,
      }),
      firstRunHandlers({
        db,
        queueDb,
        accounts: () => accounts.list(),
        resourcesDir: options.resourcesDir,
        manager: accounts,
        imports,
        onSettings,
      }),
      contactsHandlers(kernel, { queueDb, backupBefore }),
      groupsHandlers(kernel, { backupBefore }),
      listsHandlers(kernel),
      suppressionsHandlers(kernel, { backupBefore }),
      importsHandlers(imports),
      exportsHandlers(kernel, { db, dbFile: store.file, bus, workerPath: options.workerPath, resourcesDir: options.resourcesDir }),
      accountsHandlers(kernel, accounts, checks),
      draftsHandlers(kernel, {
        dataDir: options.dataDir,
        variableGaps: (input) => campaigns.variableGaps(input.parts, input.audience),
      }),
      campaignsHandlers(campaigns),
      reportsHandlers(kernel, { queueDb }),
      overviewHandlers({
        db,
        queueDb,
        accounts: () => accounts.list(),
        progress: (id) => campaigns.progress(id),
        timezone: () => accountTimezone,
        now: () => clock.now(),
      }),
      reportExportHandlers({
        queueFile: path.join(options.dataDir, QUEUE_FILE),
        bookFile: store.file,
        bus,
        workerPath: options.workerPath,
        getReport: async (id, replyWindowHours) => handlers['reports.get']({ id, replyWindowHours }),
      }),
      usageHandlers({
        q: queueDb,
        timeZone: () => accountTimezone,
        accountLabels: () => new Map(accounts.list().map((a) => [a.id, a.label])),
      }),
      testSendsHandlers(testSends),
      safetyHandlers(safety),
      backupsHandlers(backups),
    ),
    // Writes from the main thread wait (without blocking) while an import holds the write lock.
    () => imports.writable(),
  );

  catchUp(waProofs, queueDb);
  await accounts.start(options.connectAccounts ?? true);
  if (options.startQueue ?? true) await campaigns.start();
  if (options.dailyBackups) backups.startDaily();

  return {
    handlers,
    bus,
    store,
    accounts,
    campaigns,
    queueDb,
    async close() {
      try {
        await backups.close();
        await campaigns.close();
        await waProofs.close();
        await checks.close();
        await accounts.close();
        await imports.closeAll();
        queueDb.close();
        await closeStore(store);
      } finally {
        lock.release();
      }
    },
  };
}

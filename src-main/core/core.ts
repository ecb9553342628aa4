/**
 * The core: the store, the services and the handlers for every contract method. Both shells (the
 * Electron main process and the browser host) open exactly this, so they behave the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../src-shared/domain';
import { AppError } from '../../src-shared/errors';
import { t } from '../../src-shared/i18n';
import { AccountManager } from '../accounts/account-manager';
import { DEMO_CHECK_PACE, NumberChecks, REAL_CHECK_PACE } from '../accounts/number-check';
import { listEvents, listIncoming } from '../accounts/repo';
import { createDriverFactory } from '../whatsapp/factory';
import { browserPathMessage, checkBrowserPath, nodeBrowserPathFs } from '../whatsapp/wweb/browser-path';
import type { DriverFactory } from '../whatsapp/driver';
import { realClock, type Clock } from '../kernel/clock';
import { getContact, listContacts, countContacts, allTags, fieldKeys } from '../contacts/queries';
import { createContact, deleteContacts, tagContacts, updateContact } from '../contacts/service';
import { closeStore, openStore, type Store } from '../db/connection';
import { exportContacts } from '../exports/export-service';
import { addMembers, createGroup, deleteGroup, listGroups, removeMembers, renameGroup } from '../groups/service';
import { ImportService } from '../imports/import-service';
import type { Handlers } from '../ipc/dispatch';
import { createList, deleteList, listLists, updateList } from '../lists/service';
import { getSettings, updateSettings } from '../settings/settings';
import { writeCsv, writeXlsx } from '../spreadsheets/write';
import {
  addContacts,
  addNumbers,
  listSuppressions,
  moveSuppressions,
  removeContactSuppressions,
  removeSuppressions,
} from '../suppressions/service';
import { prepareDataDir } from './data-dir';
import { lockDataDir, type DataLock } from './data-lock';
import { EventBus } from '../kernel/events';
import { CampaignQueue, type QueueOptions, type SendTiming } from '../campaigns/queue';
import { openQueueDb } from '../campaigns/queue-db';
import { journalOptOut, optOutApplied, pendingOptOuts } from '../campaigns/repo';
import { storeIncoming } from '../accounts/repo';
import { readAttachment, storeAttachment } from '../drafts/attachments';
import { createDraft, deleteDraft, duplicateDraft, getDraft, listDrafts, updateDraft } from '../drafts/service';
import type { Sqlite } from '../kernel/db';

/** Methods that write to the database from the main thread. */
const MUTATING = [
  'settings.update',
  'drafts.create',
  'drafts.update',
  'drafts.duplicate',
  'drafts.delete',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'contacts.tag',
  'groups.create',
  'groups.rename',
  'groups.delete',
  'groups.addMembers',
  'groups.removeMembers',
  'lists.create',
  'lists.update',
  'lists.delete',
  'suppressions.addNumbers',
  'suppressions.addContacts',
  'suppressions.removeContacts',
  'suppressions.move',
  'suppressions.remove',
] as const satisfies readonly (keyof Handlers)[];

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

/**
 * Opens the core on a data folder, which it holds alone until close(): a second Pigeon on the same
 * folder, in this process or another, is refused ("Pigeon is already open on this folder").
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  prepareDataDir(options.dataDir);
  // First of all, before the store is opened or anything in the folder is read or written.
  const lock = lockDataDir(options.dataDir);
  try {
    return await openLockedCore(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLockedCore(options: CoreOptions, lock: DataLock): Promise<Core> {
  const store = openStore(options.dataDir);
  const { db } = store;
  const bus = new EventBus();
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
  const exportDeps = { db, dbFile: store.file, bus, workerPath: options.workerPath };
  const changed = (reason: 'edit' | 'delete' | 'groups' | 'suppressions') => bus.emit('contacts.changed', { reason });

  const clock = options.clock ?? realClock;
  const writable = () => imports.writable();
  const initial = await getSettings(db);
  let browserPath = initial.browserPath;
  let accountTimezone = initial.timezone;
  const simulatorSpeed = options.simulatorSpeed ?? 1;
  // The queue's own file opens first: opt-outs are journaled there the moment they arrive, and
  // the ones a crash left out of the contact book are written to it now.
  const queueDb = openQueueDb(options.dataDir, store.file);
  await applyPendingOptOuts(db, queueDb);
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

  const campaigns = new CampaignQueue({
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
  const nowIso = () => new Date(clock.now()).toISOString();
  const draftsChanged = <T>(value: T): T => {
    bus.emit('drafts.changed', {});
    return value;
  };

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version,
      dataDir: options.dataDir,
      databasePath: store.file,
      shell: options.shell,
      schemaVersion: store.schemaVersion,
    }),
    'settings.get': () => getSettings(db),
    'settings.update': async (input) => {
      if (input.browserPath) {
        // Only a browser Pigeon knows may be launched; the message never repeats the path.
        const check = checkBrowserPath(input.browserPath, { platform: process.platform, fs: nodeBrowserPathFs });
        if (!check.ok) throw new AppError(check.problem === 'missing' ? 'not_found' : 'unsupported_format', browserPathMessage(check.problem));
      }
      const settings = await updateSettings(db, input);
      browserPath = settings.browserPath;
      accountTimezone = settings.timezone;
      return settings;
    },

    'contacts.list': (input) => listContacts(db, input),
    'contacts.count': async (input) => ({ total: await countContacts(db, input.query) }),
    'contacts.get': (input) => getContact(db, input.id),
    'contacts.create': async (input) => {
      const contact = await createContact(db, input, await defaultCountry());
      changed('edit');
      return contact;
    },
    'contacts.update': async (input) => {
      const contact = await updateContact(db, input, await defaultCountry());
      changed('edit');
      return contact;
    },
    'contacts.delete': async (input) => {
      const deleted = await deleteContacts(db, input.selection);
      changed('delete');
      bus.emit('groups.changed', {});
      return { deleted };
    },
    'contacts.tag': async (input) => {
      const updated = await tagContacts(db, input.selection, input.add, input.remove);
      changed('edit');
      return { updated };
    },
    'contacts.tags': () => allTags(db),
    'contacts.fieldKeys': () => fieldKeys(db),

    'groups.list': () => listGroups(db),
    'groups.create': async (input) => {
      const group = await createGroup(db, input.name);
      bus.emit('groups.changed', {});
      return group;
    },
    'groups.rename': async (input) => {
      const group = await renameGroup(db, input.id, input.name);
      bus.emit('groups.changed', {});
      return group;
    },
    'groups.delete': async (input) => {
      const deleted = await deleteGroup(db, input.id);
      bus.emit('groups.changed', {});
      changed('groups');
      return { deleted };
    },
    'groups.addMembers': async (input) => {
      const added = await addMembers(db, input.groupId, input.selection);
      bus.emit('groups.changed', {});
      changed('groups');
      return { added };
    },
    'groups.removeMembers': async (input) => {
      const removed = await removeMembers(db, input.groupId, input.selection);
      bus.emit('groups.changed', {});
      changed('groups');
      return { removed };
    },

    'lists.list': () => listLists(db),
    'lists.create': async (input) => {
      const list = await createList(db, input.name, input.filter);
      bus.emit('lists.changed', {});
      return list;
    },
    'lists.update': async (input) => {
      const list = await updateList(db, input.id, input.name, input.filter);
      bus.emit('lists.changed', {});
      return list;
    },
    'lists.delete': async (input) => {
      const deleted = await deleteList(db, input.id);
      bus.emit('lists.changed', {});
      return { deleted };
    },

    'suppressions.list': (input) => listSuppressions(db, input),
    'suppressions.addNumbers': async (input) => {
      const result = await addNumbers(db, input.kind, input.numbers, input.reason, await defaultCountry());
      changed('suppressions');
      return result;
    },
    'suppressions.addContacts': async (input) => {
      const added = await addContacts(db, input.kind, input.selection, input.reason);
      changed('suppressions');
      return { added };
    },
    'suppressions.removeContacts': async (input) => {
      const removed = await removeContactSuppressions(db, input.selection);
      changed('suppressions');
      return { removed };
    },
    'suppressions.move': async (input) => {
      const moved = await moveSuppressions(db, input.phones, input.to);
      changed('suppressions');
      return { moved };
    },
    'suppressions.remove': async (input) => {
      const removed = await removeSuppressions(db, input.phones);
      changed('suppressions');
      return { removed };
    },

    'imports.open': (input) => imports.open(input),
    'imports.run': (input) => imports.run(input),
    'imports.cancel': (input) => imports.cancel(input.importId),
    'imports.discard': (input) => imports.discard(input.importId),
    'imports.rejectedFile': (input) => imports.rejectedFile(input.importId),

    'exports.contacts': (input) => exportContacts(exportDeps, input),
    'exports.suppressions': async (input) => {
      const { rows } = await listSuppressions(db, { kind: input.kind, search: '', offset: 0, limit: 1_000_000 });
      const headers = ['Phone', 'Contact', 'Reason', 'Source', 'Date'];
      const data = rows.map((r) => [r.phone, r.contactName ?? '', r.reason, r.source, r.createdAt]);
      const title = input.kind === 'black' ? 'Blacklist' : 'Graylist';
      return {
        fileName: `Pigeon ${title.toLowerCase()} ${new Date().toISOString().slice(0, 10)}.${input.format}`,
        mimeType:
          input.format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv;charset=utf-8',
        bytes: input.format === 'xlsx' ? writeXlsx(title, headers, data) : writeCsv(headers, data),
      };
    },
    'resources.importTemplate': () => ({
      fileName: 'Pigeon import template.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: new Uint8Array(fs.readFileSync(path.join(options.resourcesDir, 'import-template.xlsx'))),
    }),

    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input.label, input.driver),
    'accounts.rename': (input) => accounts.rename(input.id, input.label),
    'accounts.connect': (input) => accounts.connect(input),
    'accounts.disconnect': (input) => accounts.disconnect(input.id),
    'accounts.unlink': (input) => accounts.unlink(input.id),
    'accounts.remove': async (input) => ({ removed: await accounts.remove(input.id) }),
    'accounts.simulate': (input) => accounts.simulate(input),
    'accounts.events': (input) => listEvents(db, input),

    'checks.start': (input) => checks.start(input.accountId, input.selection, input.skipCheckedWithinDays),
    'checks.preview': (input) => checks.preview(input.selection, input.withinDays),
    'checks.cancel': (input) => checks.cancel(input.checkId),
    'checks.active': () => checks.active(),

    'inbox.list': (input) => listIncoming(db, input),

    'drafts.list': () => listDrafts(db),
    'drafts.get': (input) => getDraft(db, input.id),
    'drafts.create': async (input) => draftsChanged(await createDraft(db, input.name, input.parts, nowIso())),
    'drafts.update': async (input) => draftsChanged(await updateDraft(db, input.id, input, nowIso())),
    'drafts.duplicate': async (input) => draftsChanged(await duplicateDraft(db, input.id, nowIso())),
    'drafts.delete': async (input) => draftsChanged({ deleted: await deleteDraft(db, input.id) }),
    'drafts.attach': (input) => {
      const stored = storeAttachment(options.dataDir, input.kind, input.fileName, input.bytes);
      return { id: stored.id, fileName: stored.fileName, mimeType: stored.mimeType, size: stored.size };
    },
    'drafts.attachment': (input) => ({
      fileName: input.fileName,
      mimeType: input.mimeType,
      bytes: readAttachment(options.dataDir, input),
    }),
    'drafts.variableGaps': (input) => campaigns.variableGaps(input.parts, input.audience),

    'campaigns.list': () => campaigns.list(),
    'campaigns.get': (input) => campaigns.get(input.id),
    'campaigns.create': (input) => campaigns.create(input),
    'campaigns.update': (input) => {
      const { id, ...patch } = input;
      return campaigns.update(id, patch);
    },
    'campaigns.preview': (input) => campaigns.preview(input.audience, input.exclusions, input.draftId),
    'campaigns.start': (input) => campaigns.startCampaign(input.id),
    'campaigns.pause': (input) => campaigns.pause(input.id),
    'campaigns.resume': (input) => campaigns.resume(input.id),
    'campaigns.cancel': (input) => campaigns.cancel(input.id),
    'campaigns.duplicate': (input) => campaigns.duplicate(input.id),
    'campaigns.delete': (input) => campaigns.delete(input.id),
    'campaigns.progress': (input) => campaigns.progress(input.id),
    'campaigns.recipients': (input) => campaigns.recipients(input),
    'campaigns.resolveUnknown': (input) => campaigns.resolveUnknown(input.id, input.action, input.recipientIds),
  };

  // Writes from the main thread wait (without blocking) while an import holds the write lock.
  for (const name of MUTATING) {
    const handler = handlers[name] as (input: never) => unknown;
    (handlers as Record<string, unknown>)[name] = async (input: never) => {
      await imports.writable();
      return handler(input);
    };
  }

  await accounts.start(options.connectAccounts ?? true);
  if (options.startQueue ?? true) await campaigns.start();

  return {
    handlers,
    bus,
    store,
    accounts,
    campaigns,
    queueDb,
    async close() {
      try {
        await campaigns.close();
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

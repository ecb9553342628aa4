/**
 * The handler map's building blocks: combine refuses a method handled twice, guardWrites makes only
 * the marked writes wait for the import's write lock, and the methods marked as writes are the
 * contact-book writes made on the main thread (the list the core kept by hand before).
 */
import { describe, expect, it } from 'vitest';
import { accountsHandlers } from '#main/accounts/handlers';
import type { AccountManager } from '#main/accounts/account-manager';
import type { NumberChecks } from '#main/accounts/number-check';
import { campaignsHandlers } from '#main/campaigns/handlers';
import type { CampaignQueue } from '#main/campaigns/queue';
import { contactsHandlers } from '#main/contacts/handlers';
import { draftsHandlers } from '#main/drafts/handlers';
import { exportsHandlers } from '#main/exports/handlers';
import { groupsHandlers } from '#main/groups/handlers';
import { importsHandlers } from '#main/imports/handlers';
import type { ImportService } from '#main/imports/import-service';
import { listsHandlers } from '#main/lists/handlers';
import { overviewHandlers } from '#main/overview/handlers';
import { reportExportHandlers } from '#main/reports/export';
import { reportsHandlers } from '#main/reports/handlers';
import { settingsHandlers } from '#main/settings/handlers';
import { firstRunHandlers } from '#main/firstrun/handlers';
import { suppressionsHandlers } from '#main/suppressions/handlers';
import { realClock } from './clock';
import type { Kernel } from './context';
import { EventBus } from './events';
import { usageHandlers } from '#main/usage/handlers';
import { testSendsHandlers } from '#main/test-sends/handlers';
import type { TestSends } from '#main/test-sends/service';
import { safetyHandlers } from '#main/safety/handlers';
import type { SafetyService } from '#main/safety/service';
import { backupsHandlers } from '#main/backups/handlers';
import type { BackupService } from '#main/backups/service';
import { combine, guardWrites, isMutating, mutating, type Handlers } from './handlers';

// Nothing here is called: the parts are only built, so their dependencies may be empty shells.
const kernel: Kernel = { db: {} as Kernel['db'], bus: new EventBus(), clock: realClock, defaultCountry: () => Promise.resolve('TR') };
const parts = () =>
  [
    settingsHandlers(kernel, { info: () => ({}) as never, onUpdated: () => undefined }),
    contactsHandlers(kernel, { queueDb: {} as never }),
    groupsHandlers(kernel),
    listsHandlers(kernel),
    suppressionsHandlers(kernel),
    importsHandlers({} as ImportService),
    exportsHandlers(kernel, { db: kernel.db, dbFile: '', bus: kernel.bus, workerPath: '', resourcesDir: '' }),
    accountsHandlers(kernel, {} as AccountManager, {} as NumberChecks),
    draftsHandlers(kernel, { dataDir: '', variableGaps: () => ({}) as never }),
    campaignsHandlers({} as CampaignQueue),
    reportsHandlers(kernel, { queueDb: {} as never }),
    overviewHandlers({} as never),
    reportExportHandlers({ queueFile: '', bookFile: '', bus: kernel.bus, workerPath: '', getReport: () => ({}) as never }),
    usageHandlers({ q: {} as never, timeZone: () => 'UTC', accountLabels: () => new Map() }),
    testSendsHandlers({} as TestSends),
    safetyHandlers({} as SafetyService),
    backupsHandlers({} as BackupService),
    firstRunHandlers({} as never),
  ] as const;

describe('combine', () => {
  it('builds one map from the domains’ parts', () => {
    const all = combine(...parts());
    expect(typeof all['groups.create']).toBe('function');
    expect(typeof all['campaigns.start']).toBe('function');
  });

  it('refuses a method handled twice, naming it (the compiler refuses it first)', () => {
    const p = parts();
    const twice = [...p, { 'groups.list': p[2]['groups.list'] }] as const;
    // @ts-expect-error -- 'groups.list' is handled by two parts
    expect(() => combine(...twice)).toThrow('Two handlers for groups.list');
  });

  it('is a compile error when a method has no handler', () => {
    const [, ...withoutSettings] = parts();
    // @ts-expect-error -- app.info, settings.get and settings.update have no handler
    expect(() => combine(...withoutSettings)).not.toThrow();
  });
});

describe('guardWrites', () => {
  it('makes the marked handlers, and only those, wait for the write lock', async () => {
    let release: () => void = () => undefined;
    const lock = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const map: Handlers = {
      ...combine(...parts()),
      'groups.list': () => {
        calls.push('list');
        return [];
      },
      'groups.create': mutating(() => {
        calls.push('create');
        return { id: 1, name: 'A', memberCount: 0, createdAt: '' } as never;
      }),
    };
    const all = guardWrites(map, () => lock);
    const creating = all['groups.create']({ name: 'A' });
    await all['groups.list']({});
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['list']);
    release();
    await creating;
    expect(calls).toEqual(['list', 'create']);
  });
});

describe('the writes marked in the domains', () => {
  it('are the contact-book writes made on the main thread', () => {
    const marked = Object.entries(combine(...parts()))
      .filter(([, handler]) => isMutating(handler))
      .map(([name]) => name)
      .sort();
    expect(marked).toEqual(
      [
        'settings.update',
        'firstRun.place',
        'firstRun.done',
        'backups.configure',
        'drafts.create',
        'drafts.update',
        'drafts.duplicate',
        'drafts.delete',
        'contacts.create',
        'contacts.update',
        'contacts.delete',
        'contacts.tag',
        'contacts.undoDelete',
        'groups.create',
        'groups.rename',
        'groups.delete',
        'groups.addMembers',
        'groups.removeMembers',
        'groups.undoRemoveMembers',
        'lists.create',
        'lists.update',
        'lists.delete',
        'suppressions.addNumbers',
        'suppressions.addContacts',
        'suppressions.removeContacts',
        'suppressions.move',
        'suppressions.remove',
        'reports.toGroup',
        'safety.set',
      ].sort(),
    );
  });
});

/**
 * The background shell against a fake desktop (tray, sleep blocker, notifications, dialog, window)
 * and a fake core (campaigns, accounts and settings as the database would answer, and its events).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AccountState } from '#shared/accounts';
import type { Campaign, CampaignCounts, CampaignStatus } from '#shared/campaigns';
import type { EventName, EventPayloads } from '#shared/contract';
import type { Settings, ShellTarget } from '#shared/domain';
import { setLocale } from '#shared/i18n';
import { DEFAULT_SETTINGS } from '#main/settings/settings';
import { ACCOUNT_LOST_AFTER_MS, BackgroundShell } from './background';
import { FakeDesktop } from '#main/test-support/fake-desktop';
import type { ShellListener, ShellSource } from './source';

function counts(done: number, total: number): CampaignCounts {
  return { queued: total - done, sending: 0, sent: done, delivered: 0, read: 0, failed: 0, skipped: 0, unknown: 0, total };
}

function campaign(id: number, name: string, status: CampaignStatus, done = 0, total = 10): Campaign {
  return { id, name, status, counts: counts(done, total) } as Campaign;
}

function account(id: number, label: string, state: AccountState, linked = true): Account {
  return { id, label, state, stateDetail: null, linked } as Account;
}

class FakeCore implements ShellSource {
  rows = new Map<number, Campaign>();
  accountRows = new Map<number, Account>();
  stored: Settings = { ...DEFAULT_SETTINGS };
  listeners = new Set<ShellListener>();
  opened: ShellTarget[] = [];
  paused: number[] = [];

  campaigns = () => Promise.resolve([...this.rows.values()]);
  accounts = () => Promise.resolve([...this.accountRows.values()]);
  settings = () => Promise.resolve({ ...this.stored });
  pause(id: number): Promise<Campaign> {
    const c = this.rows.get(id);
    if (!c || c.status !== 'running') return Promise.reject(new Error('Only a running campaign can be paused'));
    this.paused.push(id);
    return Promise.resolve(this.put({ ...c, status: 'paused' }));
  }
  saveSettings(patch: Partial<Settings>): Promise<Settings> {
    this.stored = { ...this.stored, ...patch };
    this.emit('settings.changed', { settings: { ...this.stored } });
    return Promise.resolve({ ...this.stored });
  }
  subscribe(listener: ShellListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  open(target: ShellTarget) {
    this.opened.push(target);
  }
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const l of this.listeners) l(event, payload);
  }
  /** Writes the row (as the queue does) and says so (as the queue's events do). */
  put(c: Campaign): Campaign {
    this.rows.set(c.id, c);
    this.emit('campaigns.changed', { id: c.id, campaign: c });
    return c;
  }
  putAccount(a: Account): void {
    this.accountRows.set(a.id, a);
    this.emit('accounts.changed', { id: a.id, account: a });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

let core: FakeCore;
let desktop: FakeDesktop;
let shell: BackgroundShell | null;

beforeEach(() => {
  setLocale('en');
  core = new FakeCore();
  desktop = new FakeDesktop();
  shell = null;
});
afterEach(() => {
  shell?.dispose();
  setLocale('en');
});

async function install(): Promise<BackgroundShell> {
  shell = await BackgroundShell.install(desktop, core);
  return shell;
}

describe('blocking sleep', () => {
  it('holds one blocker while any campaign sends, and lets go when none does', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'draft'));
    core.rows.set(2, campaign(2, 'Eid', 'draft'));
    await install();
    expect(desktop.blockers.size).toBe(0);

    core.put(campaign(1, 'Spring sale', 'running'));
    expect(desktop.blockers.size).toBe(1);
    // A second campaign, progress, the same state again: still the one blocker.
    core.put(campaign(2, 'Eid', 'running'));
    core.emit('campaigns.progress', { campaignId: 1, status: 'running', statusReason: null, counts: counts(3, 10), ratePerMinute: 2, etaMs: null, sendingAccountId: 1, waiting: null, nextAt: null });
    core.put(campaign(1, 'Spring sale', 'running', 4));
    expect(desktop.blockersStarted).toBe(1);
    expect(desktop.blockers.size).toBe(1);

    // One pauses: the other still sends.
    core.put(campaign(1, 'Spring sale', 'paused', 4));
    expect(desktop.blockers.size).toBe(1);
    // The other finishes: nothing sends, the blocker goes.
    core.put(campaign(2, 'Eid', 'completed', 10));
    expect(desktop.blockers.size).toBe(0);
    // Resumed: a new one (only one at a time, ever).
    core.put(campaign(1, 'Spring sale', 'running', 4));
    expect(desktop.blockers.size).toBe(1);
    expect(desktop.blockersStarted).toBe(2);
    // Deleted while sending (it was cancelled first in the app, but the event alone must do).
    core.emit('campaigns.changed', { id: 1, campaign: null });
    expect(desktop.blockers.size).toBe(0);
  });

  it('holds it from the start when Pigeon opens on a campaign already sending (after a crash)', async () => {
    core.rows.set(7, campaign(7, 'Interrupted', 'running', 50, 400));
    await install();
    expect(desktop.blockers.size).toBe(1);
    expect(shell?.blockingSleep).toBe(true);
    // A progress event that says it stopped (its runner failed) releases it too.
    core.emit('campaigns.progress', { campaignId: 7, status: 'failed', statusReason: 'x', counts: counts(50, 400), ratePerMinute: 0, etaMs: null, sendingAccountId: null, waiting: null, nextAt: null });
    expect(desktop.blockers.size).toBe(0);
  });

  it('follows the database after a restore replaced the data', async () => {
    core.rows.set(1, campaign(1, 'Old', 'running'));
    await install();
    expect(desktop.blockers.size).toBe(1);
    core.rows.clear();
    core.rows.set(1, campaign(1, 'Old', 'paused'));
    core.emit('backups.restored', { backupId: 'b' });
    await flush();
    expect(desktop.blockers.size).toBe(0);
  });

  it('lets go of it when the shell is taken down', async () => {
    core.rows.set(1, campaign(1, 'A', 'running'));
    await install();
    shell?.dispose();
    shell = null;
    expect(desktop.blockers.size).toBe(0);
    expect(desktop.tray).toBeNull();
  });
});

describe('the tray', () => {
  it('lists the sending campaigns with their progress, and Pause all only when one sends', async () => {
    await install();
    expect(desktop.lines()).toEqual(['Open Pigeon', '—', 'No campaign is sending (off)', '—', 'Pause all (off)', 'Quit Pigeon']);
    expect(desktop.tray?.tooltip).toBe('Pigeon');

    core.put(campaign(3, 'Spring sale', 'running', 120, 400));
    core.put(campaign(4, 'Later', 'scheduled', 0, 50));
    expect(desktop.lines()).toEqual(['Open Pigeon', '—', 'Spring sale — 120 of 400', '—', 'Pause all', 'Pause all and quit']);
    expect(desktop.tray?.tooltip).toBe('Pigeon — 1 campaign sending');

    // Progress moves the line (failed and skipped are done too).
    core.emit('campaigns.progress', {
      campaignId: 3,
      status: 'running',
      statusReason: null,
      counts: { ...counts(130, 400), failed: 5, skipped: 2, queued: 263 },
      ratePerMinute: 3,
      etaMs: null,
      sendingAccountId: 1,
      waiting: null,
      nextAt: null,
    });
    expect(desktop.lines()[2]).toBe('Spring sale — 137 of 400');
    // The same progress again does not redraw the menu.
    const updates = desktop.trayUpdates;
    core.put(campaign(4, 'Later', 'scheduled', 0, 50));
    expect(desktop.trayUpdates).toBe(updates);
  });

  it('clicking a campaign opens its page in the window', async () => {
    core.rows.set(3, campaign(3, 'Spring sale', 'running', 1, 4));
    await install();
    desktop.window = 'hidden';
    desktop.click('campaign-3');
    await flush();
    expect(desktop.window).toBe('shown');
    expect(core.opened).toEqual([{ page: 'campaign', id: 3 }]);
  });

  it('Pause all pauses every sending campaign through the service (they show Paused) and keeps scheduled ones', async () => {
    core.rows.set(1, campaign(1, 'A', 'running'));
    core.rows.set(2, campaign(2, 'B', 'running'));
    core.rows.set(3, campaign(3, 'C', 'scheduled'));
    await install();
    desktop.click('pause-all');
    await flush();
    expect(core.paused.sort()).toEqual([1, 2]);
    expect([...core.rows.values()].map((c) => c.status)).toEqual(['paused', 'paused', 'scheduled']);
    expect(desktop.blockers.size).toBe(0);
    expect(desktop.quits).toBe(0);
    expect(desktop.lines()[2]).toBe('No campaign is sending (off)');
  });

  it('Quit pauses what sends, then quits', async () => {
    core.rows.set(1, campaign(1, 'A', 'running'));
    await install();
    desktop.click('quit');
    await flush();
    expect(core.rows.get(1)?.status).toBe('paused');
    expect(desktop.quits).toBe(1);
  });

  it('speaks the operator’s language, and changes with it', async () => {
    core.rows.set(3, campaign(3, 'حراج بهار', 'running', 120, 400));
    await install();
    setLocale('fa'); // what the core does when the language setting changes, before saying so
    await core.saveSettings({ language: 'fa' });
    expect(desktop.lines()).toEqual(['باز کردن Pigeon', '—', 'حراج بهار — ۱۲۰ از ۴۰۰', '—', 'توقف همه', 'توقف همه و خروج']);
  });
});

describe('closing the window', () => {
  it('closes as always when nothing is sending or scheduled', async () => {
    core.rows.set(1, campaign(1, 'Done', 'completed'));
    core.rows.set(2, campaign(2, 'Held', 'paused'));
    await install();
    expect(shell?.onWindowClose()).toBe(true);
    expect(desktop.questions).toEqual([]);
  });

  it('asks when a campaign sends; Cancel keeps the window', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    core.rows.set(2, campaign(2, 'Eid', 'scheduled'));
    await install();
    desktop.answer = { response: 2, checkboxChecked: true };
    expect(shell?.onWindowClose()).toBe(false);
    expect(await shell?.closing).toBe('cancelled');
    const q = desktop.questions[0];
    expect(q?.buttons).toEqual(['Keep sending in the background', 'Pause and quit', 'Cancel']);
    expect(q?.cancelId).toBe(2);
    expect(q?.checkboxLabel).toBe('Don’t ask again');
    expect(q?.message).toBe('Pigeon is still sending');
    expect(q?.detail).toContain('Sending now: “Spring sale”');
    expect(q?.detail).toContain('Scheduled: “Eid”');
    expect(desktop.window).toBe('shown');
    expect(desktop.quits).toBe(0);
    // Cancel with the box ticked remembers nothing.
    expect(core.stored.closeAction).toBe('ask');
    expect(core.rows.get(1)?.status).toBe('running');
  });

  it('asks when a campaign is only scheduled too', async () => {
    core.rows.set(2, campaign(2, 'Eid', 'scheduled'));
    await install();
    desktop.answer = { response: 0, checkboxChecked: false };
    expect(shell?.onWindowClose()).toBe(false);
    expect(await shell?.closing).toBe('background');
    expect(desktop.questions[0]?.message).toBe('A campaign is waiting to start');
  });

  it('"Keep sending in the background" hides the window, keeps sending, and says where Pigeon went once', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    await install();
    desktop.answer = { response: 0, checkboxChecked: false };
    expect(shell?.onWindowClose()).toBe(false);
    expect(await shell?.closing).toBe('background');
    expect(desktop.window).toBe('hidden');
    expect(core.rows.get(1)?.status).toBe('running');
    expect(desktop.blockers.size).toBe(1);
    expect(desktop.quits).toBe(0);
    expect(desktop.notices.map((n) => n.title)).toEqual(['Pigeon is still sending']);
    // Asked again next time (not remembered), but told only once.
    await desktop.showWindow();
    shell?.onWindowClose();
    await shell?.closing;
    expect(desktop.questions).toHaveLength(2);
    expect(desktop.notices).toHaveLength(1);
  });

  it('"Pause and quit" pauses the sending campaigns through the service, keeps scheduled ones, then quits', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    core.rows.set(2, campaign(2, 'Eid', 'scheduled'));
    await install();
    desktop.answer = { response: 1, checkboxChecked: false };
    shell?.onWindowClose();
    expect(await shell?.closing).toBe('paused-and-quit');
    expect(core.paused).toEqual([1]);
    expect(core.rows.get(1)?.status).toBe('paused');
    expect(core.rows.get(2)?.status).toBe('scheduled');
    expect(desktop.blockers.size).toBe(0);
    expect(desktop.quits).toBe(1);
    // Quitting closes the window without asking again.
    expect(shell?.onWindowClose()).toBe(true);
  });

  it('"Don’t ask again" is remembered in Settings, and the next close does it without asking', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    await install();
    desktop.answer = { response: 0, checkboxChecked: true };
    shell?.onWindowClose();
    await shell?.closing;
    expect(core.stored.closeAction).toBe('background');
    await desktop.showWindow();
    shell?.onWindowClose();
    expect(await shell?.closing).toBe('background');
    expect(desktop.questions).toHaveLength(1);

    // Set to quit (as Settings would): pauses and quits without a question.
    await core.saveSettings({ closeAction: 'quit' });
    await desktop.showWindow();
    shell?.onWindowClose();
    expect(await shell?.closing).toBe('paused-and-quit');
    expect(desktop.questions).toHaveLength(1);
    expect(core.rows.get(1)?.status).toBe('paused');
  });

  it('reads the database before deciding: a campaign that finished meanwhile lets the window close', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    await install();
    core.rows.set(1, campaign(1, 'Spring sale', 'completed')); // no event heard yet
    expect(shell?.onWindowClose()).toBe(false);
    expect(await shell?.closing).toBe('closed');
    expect(desktop.window).toBe('closed');
    expect(desktop.questions).toEqual([]);
    // The close the shell asked for goes through.
    expect(shell?.onWindowClose()).toBe(true);
  });

  it('lets windows close without asking when Pigeon quits another way (app menu, shutdown)', async () => {
    core.rows.set(1, campaign(1, 'Spring sale', 'running'));
    await install();
    shell?.onBeforeQuit();
    expect(shell?.onWindowClose()).toBe(true);
    expect(desktop.questions).toEqual([]);
  });

  it('asks in the operator’s language', async () => {
    core.rows.set(1, campaign(1, 'حراج', 'running'));
    await install();
    setLocale('fa');
    shell?.onWindowClose();
    await shell?.closing;
    expect(desktop.questions[0]?.buttons).toEqual(['ادامهٔ ارسال در پس‌زمینه', 'توقف و خروج', 'لغو']);
    expect(desktop.questions[0]?.checkboxLabel).toBe('دیگر نپرس');
  });
});

describe('notifications', () => {
  async function running(): Promise<void> {
    core.rows.set(1, campaign(1, 'Spring sale', 'running', 5, 10));
    core.rows.set(2, campaign(2, 'Eid', 'scheduled'));
    core.accountRows.set(9, account(9, 'Shop', 'ready'));
    await install();
  }

  it('says when a campaign finishes, pauses by itself or stops, a scheduled one starts, and an account needs the operator', async () => {
    await running();
    core.put({ ...campaign(1, 'Spring sale', 'completed'), counts: { ...counts(8, 10), failed: 2, queued: 0 } });
    core.put(campaign(2, 'Eid', 'running'));
    core.emit('campaigns.notice', { campaignId: 2, level: 'warning', message: 'Paused: WhatsApp blocked “Shop”.' });
    core.emit('campaigns.notice', { campaignId: 2, level: 'error', message: 'The draft was deleted.' });
    core.putAccount(account(9, 'Shop', 'loggedOut'));
    core.putAccount(account(9, 'Shop', 'blocked'));
    expect(desktop.notices.map((n) => [n.title, n.body])).toEqual([
      ['“Spring sale” finished', '8 of 10 messages sent.'],
      ['“Eid” started', 'The scheduled campaign is sending now.'],
      ['“Eid” paused', 'Paused: WhatsApp blocked “Shop”.'],
      ['“Eid” stopped', 'The draft was deleted.'],
      ['Shop needs a new QR code', 'WhatsApp unlinked this account. Scan a new QR code on the Accounts page to send from it again.'],
      ['Shop is blocked', 'WhatsApp blocked this account, or another device took over its session. Its campaigns are paused.'],
    ]);
  });

  it('stays quiet about what the operator did or what is routine', async () => {
    await running();
    core.put(campaign(1, 'Spring sale', 'paused')); // paused by hand: no notice event
    core.put(campaign(1, 'Spring sale', 'running'));
    core.put(campaign(1, 'Spring sale', 'cancelled'));
    core.emit('campaigns.notice', { campaignId: 2, level: 'info', message: 'Started late' });
    core.put(campaign(5, 'New', 'draft'));
    core.put(campaign(5, 'New', 'running')); // a draft started by hand
    core.put(campaign(5, 'New', 'completed')); // running → completed: this one is news
    core.putAccount(account(10, 'Second', 'starting')); // a new account being linked
    core.putAccount(account(10, 'Second', 'qr'));
    core.putAccount(account(9, 'Shop', 'disconnected')); // disconnected by hand
    expect(desktop.notices.map((n) => n.title)).toEqual(['“New” finished']);
  });

  it('tells of a lost connection only when it lasts', async () => {
    await running();
    core.putAccount(account(9, 'Shop', 'reconnecting'));
    desktop.advance(ACCOUNT_LOST_AFTER_MS - 1);
    core.putAccount(account(9, 'Shop', 'ready')); // back within the wait
    desktop.advance(ACCOUNT_LOST_AFTER_MS);
    expect(desktop.notices).toEqual([]);

    core.putAccount(account(9, 'Shop', 'reconnecting'));
    desktop.advance(ACCOUNT_LOST_AFTER_MS);
    expect(desktop.notices.map((n) => n.title)).toEqual(['Shop lost its connection']);
    // A linked account that comes back asking for a QR code needs a new one.
    core.putAccount(account(9, 'Shop', 'qr'));
    expect(desktop.notices.map((n) => n.title)).toEqual(['Shop lost its connection', 'Shop needs a new QR code']);
  });

  it('each kind can be turned off in Settings', async () => {
    await running();
    await core.saveSettings({ notifyCompleted: false, notifyScheduled: false, notifyPaused: false, notifyAccounts: false });
    core.put(campaign(1, 'Spring sale', 'completed'));
    core.put(campaign(2, 'Eid', 'running'));
    core.emit('campaigns.notice', { campaignId: 2, level: 'warning', message: 'Paused' });
    core.putAccount(account(9, 'Shop', 'loggedOut'));
    expect(desktop.notices).toEqual([]);

    // Turned on one at a time, only that kind speaks.
    await core.saveSettings({ notifyPaused: true });
    core.put(campaign(2, 'Eid', 'paused'));
    core.put(campaign(2, 'Eid', 'running'));
    core.emit('campaigns.notice', { campaignId: 2, level: 'warning', message: 'Paused again' });
    core.put(campaign(2, 'Eid', 'completed'));
    expect(desktop.notices.map((n) => n.body)).toEqual(['Paused again']);
  });

  it('says nothing while the operator is looking at Pigeon (the window shows it)', async () => {
    await running();
    desktop.focused = true;
    core.put(campaign(1, 'Spring sale', 'completed'));
    expect(desktop.notices).toEqual([]);
    desktop.window = 'hidden';
    core.put(campaign(2, 'Eid', 'running'));
    expect(desktop.notices).toHaveLength(1);
  });

  it('clicking one opens the right page', async () => {
    await running();
    desktop.window = 'hidden';
    core.put(campaign(1, 'Spring sale', 'completed'));
    core.putAccount(account(9, 'Shop', 'loggedOut'));
    desktop.notices[0]?.onClick();
    await flush();
    expect(desktop.window).toBe('shown');
    desktop.notices[1]?.onClick();
    await flush();
    expect(core.opened).toEqual([
      { page: 'campaign', id: 1 },
      { page: 'accounts', id: 9 },
    ]);
  });

  it('are written in the operator’s language', async () => {
    await running();
    setLocale('fa');
    core.put({ ...campaign(1, 'حراج بهار', 'completed'), counts: counts(398, 400) });
    core.putAccount(account(9, 'فروشگاه', 'loggedOut'));
    setLocale('ar');
    core.put(campaign(2, 'العيد', 'running'));
    expect(desktop.notices.map((n) => [n.title, n.body])).toEqual([
      ['«حراج بهار» تمام شد', '۳۹۸ از ۴۰۰ پیام ارسال شد.'],
      ['فروشگاه به کد QR تازه نیاز دارد', 'واتس‌اپ این حساب را جدا کرد. برای ارسال دوباره، در صفحهٔ حساب‌ها یک کد QR تازه اسکن کنید.'],
      ['بدأت «العيد»', 'الحملة المجدولة قيد الإرسال الآن.'],
    ]);
  });
});

describe('the login item', () => {
  it('follows the setting: off by default, set at start and whenever it changes', async () => {
    await install();
    expect(desktop.openAtLogin).toEqual([false]);
    await core.saveSettings({ openAtLogin: true });
    await core.saveSettings({ notifyPaused: false }); // another setting: no call
    await core.saveSettings({ openAtLogin: false });
    expect(desktop.openAtLogin).toEqual([false, true, false]);
  });
});

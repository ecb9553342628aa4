/**
 * Keeps sending in the background: the tray and its menu, the sleep blocker, the system
 * notifications, the login item and what closing the window does. Plain TypeScript over a port
 * (./port.ts) and the core (./source.ts), so every decision is tested with fakes
 * (background.test.ts); src-main/electron/background.ts plugs in the real Electron calls.
 *
 * Campaign and account states come from the database through the handlers (at install, after a
 * restore, before closing or quitting) and from the core's events in between; what is kept here is
 * a cache of them.
 */
import type { Account, AccountState } from '#shared/accounts';
import type { Campaign, CampaignCounts, CampaignStatus } from '#shared/campaigns';
import type { EventName, EventPayloads } from '#shared/contract';
import type { Settings, ShellTarget } from '#shared/domain';
import { t } from '#shared/i18n';
import type { Answer, ShellPort, TrayItem, TrayModel } from './port';
import type { ShellSource } from './source';

/** How long an account may stay disconnected (reconnecting by itself) before the operator hears of it. */
export const ACCOUNT_LOST_AFTER_MS = 2 * 60_000;

type CampaignView = { id: number; name: string; status: CampaignStatus; counts: CampaignCounts };
type AccountView = { id: number; label: string; state: AccountState; detail: string | null };

/** What closing the window did. */
export type CloseOutcome = 'closed' | 'background' | 'paused-and-quit' | 'quit' | 'cancelled';

/** Recipients whose fate is settled (nothing left to send them), as the progress bar counts them. */
export function doneOf(c: CampaignCounts): number {
  return c.sent + c.delivered + c.read + c.failed + c.skipped;
}

function sentOf(c: CampaignCounts): number {
  return c.sent + c.delivered + c.read;
}

/** The tray's menu for these campaigns (pure: the tests read it). */
export function trayModel(
  campaigns: readonly CampaignView[],
  actions: { open: () => void; openCampaign: (id: number) => void; pauseAll: () => void; quit: () => void },
): TrayModel {
  const running = campaigns.filter((c) => c.status === 'running').sort((a, b) => a.id - b.id);
  const items: TrayItem[] = [{ kind: 'item', label: t('desktop.tray.open'), enabled: true, click: actions.open, testId: 'open' }, { kind: 'separator' }];
  if (running.length === 0) {
    items.push({ kind: 'item', label: t('desktop.tray.nothingSending'), enabled: false, testId: 'none' });
  } else {
    for (const c of running) {
      items.push({
        kind: 'item',
        label: t('desktop.tray.campaign', { name: c.name, done: doneOf(c.counts), total: c.counts.total }),
        enabled: true,
        click: () => actions.openCampaign(c.id),
        testId: `campaign-${c.id}`,
      });
    }
  }
  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: t('desktop.tray.pauseAll'), enabled: running.length > 0, click: actions.pauseAll, testId: 'pause-all' });
  items.push({
    kind: 'item',
    label: running.length > 0 ? t('desktop.tray.pauseAndQuit') : t('desktop.tray.quit'),
    enabled: true,
    click: actions.quit,
    testId: 'quit',
  });
  const tooltip = running.length > 0 ? t('desktop.tray.tooltipSending', { count: running.length }) : t('app.name');
  return { tooltip, items };
}

const NEEDS_NEW_QR_FROM: readonly AccountState[] = ['ready', 'reconnecting', 'authenticating'];

export class BackgroundShell {
  private readonly campaigns = new Map<number, CampaignView>();
  private readonly accounts = new Map<number, AccountView>();
  private readonly lostTimers = new Map<number, unknown>();
  private settings: Settings;
  private blocker: number | null = null;
  private quitting = false;
  private letClose = false;
  private toldBackground = false;
  private lastTray = '';
  private unsubscribe: (() => void) | null = null;
  /** The close being handled (tests wait for it). */
  closing: Promise<CloseOutcome> | null = null;

  private constructor(
    private readonly port: ShellPort,
    private readonly source: ShellSource,
    settings: Settings,
  ) {
    this.settings = settings;
  }

  /** Reads the campaigns, accounts and settings, shows the tray, and follows the core's events. */
  static async install(port: ShellPort, source: ShellSource): Promise<BackgroundShell> {
    const shell = new BackgroundShell(port, source, await source.settings());
    // The login item follows the setting (also after a restore, or on a new computer).
    port.setOpenAtLogin(shell.settings.openAtLogin);
    shell.unsubscribe = source.subscribe((event, payload) => shell.on(event, payload));
    await shell.reload();
    return shell;
  }

  /** True while a sleep blocker is held. */
  get blockingSleep(): boolean {
    return this.blocker !== null;
  }

  // --- the window -----------------------------------------------------------------------------

  /**
   * The window is about to close. True: let it close as it always did (nothing is sending or
   * scheduled, or Pigeon is quitting). False: the caller prevents the close, and the shell
   * decides (asks, hides the window, or pauses and quits) — `closing` says how it went.
   */
  onWindowClose(): boolean {
    if (this.quitting || this.letClose) {
      this.letClose = false;
      return true;
    }
    if (![...this.campaigns.values()].some((c) => c.status === 'running' || c.status === 'scheduled')) return true;
    this.closing ??= this.decideClose().finally(() => {
      this.closing = null;
    });
    return false;
  }

  /** Pigeon is quitting (the app menu, the system shutting down): windows close without asking. */
  onBeforeQuit(): void {
    this.quitting = true;
  }

  private async decideClose(): Promise<CloseOutcome> {
    // What the database says now, not what the cache last heard.
    await this.reload();
    const running = this.list('running');
    const scheduled = this.list('scheduled');
    if (running.length === 0 && scheduled.length === 0) {
      this.closeForReal();
      return 'closed';
    }
    this.settings = await this.source.settings();
    let action = this.settings.closeAction;
    if (action === 'ask') {
      const answer = await this.askOnClose(running, scheduled);
      if (answer.response === 2) return 'cancelled';
      action = answer.response === 0 ? 'background' : 'quit';
      if (answer.checkboxChecked) this.settings = await this.source.saveSettings({ closeAction: action });
    }
    if (action === 'background') {
      this.toBackground();
      return 'background';
    }
    await this.pauseAndQuit();
    return 'paused-and-quit';
  }

  private askOnClose(running: CampaignView[], scheduled: CampaignView[]): Promise<Answer> {
    const lines: string[] = [];
    if (running.length > 0) lines.push(t('desktop.close.running', { count: running.length, names: running.map((c) => `“${c.name}”`).join(', ') }));
    if (scheduled.length > 0) lines.push(t('desktop.close.scheduled', { count: scheduled.length, names: scheduled.map((c) => `“${c.name}”`).join(', ') }));
    lines.push(t('desktop.close.pauseHelp'));
    return this.port.ask({
      message: running.length > 0 ? t('desktop.close.titleSending') : t('desktop.close.titleScheduled'),
      detail: lines.join('\n\n'),
      buttons: [t('desktop.close.background'), t('desktop.close.pauseAndQuit'), t('common.cancel')],
      defaultId: 0,
      cancelId: 2,
      checkboxLabel: t('desktop.close.remember'),
    });
  }

  private closeForReal(): void {
    this.letClose = true;
    this.port.closeWindow();
  }

  private toBackground(): void {
    this.port.hideWindow();
    if (!this.toldBackground) {
      this.toldBackground = true;
      this.port.notify({ title: t('desktop.notify.backgroundTitle'), body: t('desktop.notify.backgroundBody'), onClick: () => void this.port.showWindow() });
    }
  }

  // --- the tray's actions ---------------------------------------------------------------------

  /**
   * Pauses every campaign that is sending, through the campaign service (each shows Paused, with
   * nothing lost: Resume goes on where it stopped). Scheduled campaigns stay scheduled.
   */
  async pauseAll(): Promise<void> {
    await this.reload();
    for (const c of this.list('running')) {
      try {
        this.see(await this.source.pause(c.id));
      } catch {
        // It stopped meanwhile (finished, paused by itself): nothing to pause.
      }
    }
    this.sync();
  }

  /** Pauses what is sending, then quits. */
  async pauseAndQuit(): Promise<void> {
    this.quitting = true;
    await this.pauseAll();
    this.port.quit();
  }

  /** Shows the window on a page (a notification or a tray line was clicked). */
  async open(target: ShellTarget | null): Promise<void> {
    await this.port.showWindow();
    if (target) this.source.open(target);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const handle of this.lostTimers.values()) this.port.clearTimeout(handle);
    this.lostTimers.clear();
    if (this.blocker !== null) this.port.stopSleepBlocker(this.blocker);
    this.blocker = null;
    this.port.removeTray();
  }

  // --- following the core ---------------------------------------------------------------------

  private on<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    switch (event) {
      case 'campaigns.changed': {
        const { id, campaign } = payload as EventPayloads['campaigns.changed'];
        if (campaign) this.see(campaign);
        else this.campaigns.delete(id);
        break;
      }
      case 'campaigns.progress': {
        const p = payload as EventPayloads['campaigns.progress'];
        const known = this.campaigns.get(p.campaignId);
        if (known) this.see({ ...known, status: p.status, counts: p.counts });
        break;
      }
      case 'campaigns.notice': {
        const n = payload as EventPayloads['campaigns.notice'];
        // Warnings are the automatic pauses (a blocked account, a streak of failures, the
        // breaker, the budget); errors are campaigns that cannot go on.
        if (n.level === 'info') break;
        const name = this.campaigns.get(n.campaignId)?.name ?? `#${n.campaignId}`;
        this.notify('notifyPaused', {
          title: n.level === 'warning' ? t('desktop.notify.pausedTitle', { name }) : t('desktop.notify.failedTitle', { name }),
          body: n.message,
          target: { page: 'campaign', id: n.campaignId },
        });
        break;
      }
      case 'accounts.changed': {
        const { id, account } = payload as EventPayloads['accounts.changed'];
        if (account) this.seeAccount(account);
        else this.forgetAccount(id);
        break;
      }
      case 'settings.changed': {
        const { settings } = payload as EventPayloads['settings.changed'];
        if (settings.openAtLogin !== this.settings.openAtLogin) this.port.setOpenAtLogin(settings.openAtLogin);
        this.settings = settings;
        this.renderTray(); // in the new language
        break;
      }
      case 'backups.restored':
        void this.reload().catch(() => undefined);
        break;
      default:
        return;
    }
    this.sync();
  }

  /** Everything again from the database. */
  private async reload(): Promise<void> {
    const [campaigns, accounts] = await Promise.all([this.source.campaigns(), this.source.accounts()]);
    const ids = new Set(campaigns.map((c) => c.id));
    for (const id of this.campaigns.keys()) if (!ids.has(id)) this.campaigns.delete(id);
    for (const c of campaigns) this.see(c);
    for (const a of accounts) this.seeAccount(a, false);
    this.sync();
  }

  private list(status: CampaignStatus): CampaignView[] {
    return [...this.campaigns.values()].filter((c) => c.status === status);
  }

  /** A campaign's state as the database last said; notifies what changed. */
  private see(c: Pick<Campaign, 'id' | 'name' | 'status' | 'counts'>): void {
    const before = this.campaigns.get(c.id)?.status;
    this.campaigns.set(c.id, { id: c.id, name: c.name, status: c.status, counts: c.counts });
    if (before === undefined || before === c.status) return;
    if (c.status === 'completed' && before === 'running') {
      this.notify('notifyCompleted', {
        title: t('desktop.notify.completedTitle', { name: c.name }),
        body: t('desktop.notify.completedBody', { sent: sentOf(c.counts), total: c.counts.total }),
        target: { page: 'campaign', id: c.id },
      });
    } else if (c.status === 'running' && before === 'scheduled') {
      this.notify('notifyScheduled', {
        title: t('desktop.notify.scheduledTitle', { name: c.name }),
        body: t('desktop.notify.scheduledBody'),
        target: { page: 'campaign', id: c.id },
      });
    }
  }

  private seeAccount(a: Account, live = true): void {
    const before = this.accounts.get(a.id);
    this.accounts.set(a.id, { id: a.id, label: a.label, state: a.state, detail: a.stateDetail });
    if (a.state !== 'reconnecting') this.stopLostTimer(a.id);
    if (!live || !before || before.state === a.state) return;
    const target: ShellTarget = { page: 'accounts', id: a.id };
    const name = a.label;
    if (a.state === 'loggedOut' || (a.state === 'qr' && NEEDS_NEW_QR_FROM.includes(before.state))) {
      this.notify('notifyAccounts', { title: t('desktop.notify.qrTitle', { name }), body: t('desktop.notify.qrBody'), target });
    } else if (a.state === 'blocked') {
      this.notify('notifyAccounts', { title: t('desktop.notify.blockedTitle', { name }), body: a.stateDetail ?? t('desktop.notify.blockedBody'), target });
    } else if (a.state === 'failed') {
      this.notify('notifyAccounts', { title: t('desktop.notify.failedAccountTitle', { name }), body: a.stateDetail ?? t('desktop.notify.lostBody'), target });
    } else if (a.state === 'reconnecting' && before.state === 'ready' && !this.lostTimers.has(a.id)) {
      // The demo phone and real networks drop for a moment now and then: only a lasting loss is news.
      this.lostTimers.set(
        a.id,
        this.port.setTimeout(() => {
          this.lostTimers.delete(a.id);
          const now = this.accounts.get(a.id);
          if (now?.state === 'reconnecting') this.notify('notifyAccounts', { title: t('desktop.notify.lostTitle', { name: now.label }), body: t('desktop.notify.lostBody'), target });
        }, ACCOUNT_LOST_AFTER_MS),
      );
    }
  }

  private forgetAccount(id: number): void {
    this.accounts.delete(id);
    this.stopLostTimer(id);
  }

  private stopLostTimer(id: number): void {
    const handle = this.lostTimers.get(id);
    if (handle !== undefined) this.port.clearTimeout(handle);
    this.lostTimers.delete(id);
  }

  /** A notification, unless that kind is turned off or the operator is looking at Pigeon (the window says it). */
  private notify(kind: 'notifyCompleted' | 'notifyPaused' | 'notifyAccounts' | 'notifyScheduled', n: { title: string; body: string; target: ShellTarget }): void {
    if (!this.settings[kind] || this.port.windowFocused()) return;
    this.port.notify({ title: n.title, body: n.body, onClick: () => void this.open(n.target) });
  }

  /** The sleep blocker and the tray follow the cache. */
  private sync(): void {
    const sending = this.list('running').length > 0;
    if (sending && this.blocker === null) this.blocker = this.port.startSleepBlocker();
    if (!sending && this.blocker !== null) {
      this.port.stopSleepBlocker(this.blocker);
      this.blocker = null;
    }
    this.renderTray();
  }

  private renderTray(): void {
    if (!this.unsubscribe) return; // disposed
    const model = trayModel([...this.campaigns.values()], {
      open: () => void this.open(null),
      openCampaign: (id) => void this.open({ page: 'campaign', id }),
      pauseAll: () => void this.pauseAll(),
      quit: () => void this.pauseAndQuit(),
    });
    const key = JSON.stringify(model);
    if (key === this.lastTray) return;
    this.lastTray = key;
    this.port.setTray(model);
  }
}

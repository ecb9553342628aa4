/**
 * Owns the WhatsApp accounts at run time: one driver per connected account, its state as the user
 * sees it, reconnects with backoff, the event log, and incoming messages (opt-outs blacklisted).
 * Everything WhatsApp goes through here; the number check and the send queue ask it for a ready
 * driver and subscribe to its acks and state changes.
 */
import fs from 'node:fs';
import { PHONE_REASON, WA_DRIVER, WA_LOG_SIMULATE } from '#shared/i18n/keys';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Account, AccountState, AckLevel, DriverKind, LogLevel } from '#shared/accounts';
import type { MethodParsedInput } from '#shared/contract';
import { AppError } from '#shared/errors';
import { t, type MessageKey } from '#shared/i18n';
import { optOutMatcher } from '#shared/optout';
import { formatPhoneInternational, normalisePhone } from '#shared/phone';

import type { Clock, TimerHandle } from '#main/kernel/clock';
import type { EventBus } from '#main/kernel/events';
import { getSettings } from '#main/settings/settings';
import type { DriverFactory, IncomingWhatsAppMessage, WhatsAppDriver } from '#main/whatsapp/driver';
import { TypedEmitter } from '#main/whatsapp/emitter';
import {
  deleteAccount,
  insertAccount,
  listAccountRecords,
  recordEvent,
  storeIncoming,
  updateAccount,
  type AccountRecord,
} from './repo';
import type { Db } from '#main/kernel/db';

export const RECONNECT_BASE_MS = 2_000;
export const RECONNECT_MAX_MS = 5 * 60_000;
export const RECONNECT_MAX_ATTEMPTS = 8;

/** What the demo panel can make a simulator do. */
export type SimulatorControls = {
  /** Each returns false (or null) when the phone is not in a state where that can happen. */
  scanNow(): boolean;
  dropConnection(reason?: string): boolean;
  block(): boolean;
  failNextSends(count: number): void;
  loseConfirmations(count: number): void;
  setOptOutRate(pct: number): void;
  setUndeliveredRate(pct: number): void;
  receive(from: string, text: string): unknown;
};

function isSimulatorControls(driver: WhatsAppDriver): driver is WhatsAppDriver & SimulatorControls {
  const d = driver as Partial<SimulatorControls>;
  return driver.kind === 'simulator' && typeof d.scanNow === 'function' && typeof d.receive === 'function';
}

export type AccountManagerDeps = {
  db: Db;
  bus: EventBus;
  clock: Clock;
  /** Folder holding one session folder per account. */
  sessionsDir: string;
  createDriver: DriverFactory;
  /** Resolves when the main thread may write (an import may hold the write lock). */
  writable: () => Promise<void>;
  /**
   * Where an opt-out is written the moment it arrives, before the contact book (which may wait
   * for an import) holds it; the send queue reads it before every message.
   */
  optOuts?: OptOutJournal;
  random?: () => number;
};

export type OptOutJournal = {
  /** Records it durably; returns its id, or null when this message was recorded before. */
  record(entry: { accountId: number; accountLabel: string; waMessageId: string; phone: string; word: string; body: string; receivedAt: string }): number | null;
  /** The contact book now holds it. */
  applied(id: number): void;
};

type Runtime = {
  record: AccountRecord;
  state: AccountState;
  detail: string | null;
  qrSvg: string | null;
  pairingCode: string | null;
  note: string | null;
  driver: WhatsAppDriver | null;
  /** Bumped whenever the driver is replaced, so late events of an old driver are ignored. */
  generation: number;
  attempts: number;
  /** The current driver was started to reconnect: a failure to start schedules the next attempt. */
  reconnecting: boolean;
  reconnectTimer: TimerHandle | null;
};

/** Events for the services built on accounts (number checks, the send queue). */
export type AccountManagerEvents = {
  state: { accountId: number; state: AccountState };
  ack: { accountId: number; messageId: string; ack: AckLevel };
  /** A vote on a poll this account sent. */
  vote: { accountId: number; messageId: string; voter: string; options: string[]; at: number };
  /** Someone replied with an opt-out word; emitted before the blacklist write (which may wait for an import). */
  optOut: { accountId: number; phone: string; word: string };
};

export class AccountManager extends TypedEmitter<AccountManagerEvents> {
  private readonly runtimes = new Map<number, Runtime>();
  private closed = false;
  private readonly random: () => number;

  constructor(private readonly deps: AccountManagerDeps) {
    super();
    this.random = deps.random ?? Math.random;
  }

  /** Loads the accounts and reconnects the linked ones (without a QR code). */
  async start(connect = true): Promise<void> {
    for (const record of await listAccountRecords(this.deps.db)) {
      this.runtimes.set(record.id, this.newRuntime(record));
    }
    if (!connect) return;
    for (const runtime of this.runtimes.values()) {
      if (runtime.record.linked) void this.startDriver(runtime, {}, 'restore');
    }
  }

  list(): Account[] {
    return [...this.runtimes.values()].map((r) => this.view(r));
  }

  get(id: number): Account {
    return this.view(this.runtime(id));
  }

  /** The driver of a ready account, for checks and sends; throws a plain error otherwise. */
  readyDriver(id: number): WhatsAppDriver {
    const runtime = this.runtime(id);
    if (runtime.state !== 'ready' || !runtime.driver) {
      throw new AppError('not_ready', t('wa.err.notReady', { label: runtime.record.label }));
    }
    return runtime.driver;
  }

  state(id: number): AccountState {
    return this.runtime(id).state;
  }

  async create(label: string, driver: DriverKind): Promise<Account> {
    await this.deps.writable();
    const seed = Math.floor(this.random() * 0x7fffffff);
    const record = await insertAccount(this.deps.db, label, driver, seed, this.nowIso());
    const runtime = this.newRuntime(record);
    this.runtimes.set(record.id, runtime);
    await this.log(runtime, 'info', 'account.created', 'wa.log.created', { label, driver: t(WA_DRIVER[driver]) });
    this.changed(runtime);
    return this.view(runtime);
  }

  async rename(id: number, label: string): Promise<Account> {
    const runtime = this.runtime(id);
    await this.deps.writable();
    await updateAccount(this.deps.db, id, { label });
    runtime.record.label = label;
    await this.log(runtime, 'info', 'account.renamed', 'wa.log.renamed', { label });
    this.changed(runtime);
    return this.view(runtime);
  }

  /** Links (QR or pairing code) or reconnects. Returns at once; progress comes as events. */
  async connect(input: MethodParsedInput<'accounts.connect'>): Promise<Account> {
    const runtime = this.runtime(input.id);
    let pairWithPhone: string | undefined;
    if (input.method === 'code') {
      const settings = await getSettings(this.deps.db);
      const parsed = normalisePhone(input.phone ?? '', settings.defaultCountry);
      if (!parsed.ok) throw new AppError('invalid_input', t('wa.err.pairPhone'));
      pairWithPhone = parsed.e164;
    }
    if (['starting', 'qr', 'pairing', 'authenticating', 'ready'].includes(runtime.state) && !pairWithPhone) {
      return this.view(runtime);
    }
    await this.stopDriver(runtime);
    runtime.attempts = 0;
    void this.startDriver(runtime, pairWithPhone ? { pairWithPhone } : {}, 'link');
    return this.view(runtime);
  }

  /** Stops the client and keeps the session. */
  async disconnect(id: number): Promise<Account> {
    const runtime = this.runtime(id);
    await this.stopDriver(runtime);
    this.setState(runtime, 'disconnected', null);
    await this.log(runtime, 'info', 'state.disconnected', 'wa.log.disconnectedByUser');
    return this.view(runtime);
  }

  /** Logs out on WhatsApp, deletes the saved session; the account stays. */
  async unlink(id: number): Promise<Account> {
    const runtime = this.runtime(id);
    this.clearReconnect(runtime);
    const driver = this.detach(runtime) ?? this.makeDriver(runtime);
    try {
      await driver.logout();
    } catch {
      // Logging out needs the phone; the session folder is deleted below whatever happened.
    }
    fs.rmSync(this.sessionDir(runtime.record.id), { recursive: true, force: true });
    await this.deps.writable();
    await updateAccount(this.deps.db, id, { linked: false });
    runtime.record.linked = false;
    this.setState(runtime, 'loggedOut', null);
    await this.log(runtime, 'info', 'account.unlinked', 'wa.log.unlinkedByUser');
    return this.view(runtime);
  }

  async remove(id: number): Promise<boolean> {
    const runtime = this.runtime(id);
    if (runtime.record.linked || runtime.driver) await this.unlink(id);
    await this.deps.writable();
    const removed = await deleteAccount(this.deps.db, id);
    this.runtimes.delete(id);
    await this.log(runtime, 'info', 'account.removed', 'wa.log.removed', { label: runtime.record.label });
    this.deps.bus.emit('accounts.changed', { id, account: null });
    return removed;
  }

  async simulate(input: MethodParsedInput<'accounts.simulate'>): Promise<{ ok: true }> {
    const runtime = this.runtime(input.id);
    if (runtime.record.driver !== 'simulator') throw new AppError('invalid_input', t('wa.err.notSimulator'));
    const driver = runtime.driver;
    if (!driver || !isSimulatorControls(driver)) {
      throw new AppError('not_ready', t('wa.err.notReady', { label: runtime.record.label }));
    }
    const action = input.action;
    let normalisedFrom: string | null = null;
    let done = true;
    switch (action.kind) {
      case 'scan':
        done = driver.scanNow();
        if (!done) throw new AppError('conflict', t('wa.err.simNoQr'));
        break;
      case 'disconnect':
        done = driver.dropConnection('the demo phone lost its signal');
        break;
      case 'block':
        done = driver.block();
        break;
      case 'failSends':
        driver.failNextSends(action.count);
        break;
      case 'loseConfirmations':
        driver.loseConfirmations(action.count);
        break;
      case 'optOutRate':
        driver.setOptOutRate(action.percent);
        break;
      case 'undeliveredRate':
        driver.setUndeliveredRate(action.percent);
        break;
      case 'receive': {
        const settings = await getSettings(this.deps.db);
        const parsed = normalisePhone(action.from, settings.defaultCountry);
        if (!parsed.ok) throw new AppError('invalid_input', t(PHONE_REASON[parsed.reason]));
        normalisedFrom = parsed.e164;
        done = driver.receive(parsed.e164, action.text) !== null;
        break;
      }
    }
    if (!done) throw new AppError('not_ready', t('wa.err.notReady', { label: runtime.record.label }));
    const params: Record<string, string | number> =
      action.kind === 'failSends' || action.kind === 'loseConfirmations'
        ? { count: action.count }
        : action.kind === 'optOutRate' || action.kind === 'undeliveredRate'
          ? { count: action.percent }
          : action.kind === 'receive'
          ? { phone: formatPhoneInternational(normalisedFrom ?? action.from) }
          : {};
    await this.log(runtime, 'info', `simulate.${action.kind}`, WA_LOG_SIMULATE[action.kind], params);
    return { ok: true };
  }

  /** Stops every client (keeping sessions) so no browser outlives the app. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.runtimes.values()].map((runtime) => this.stopDriver(runtime)));
  }

  // ---------------------------------------------------------------- internals

  private runtime(id: number): Runtime {
    const runtime = this.runtimes.get(id);
    if (!runtime) throw new AppError('not_found', t('wa.err.notFound'));
    return runtime;
  }

  private newRuntime(record: AccountRecord): Runtime {
    return {
      record,
      state: 'disconnected',
      detail: null,
      qrSvg: null,
      pairingCode: null,
      note: null,
      driver: null,
      generation: 0,
      attempts: 0,
      reconnecting: false,
      reconnectTimer: null,
    };
  }

  private view(r: Runtime): Account {
    return {
      id: r.record.id,
      label: r.record.label,
      driver: r.record.driver,
      state: r.state,
      stateDetail: r.detail,
      phone: r.record.phone,
      displayName: r.record.displayName,
      qrSvg: r.state === 'qr' ? r.qrSvg : null,
      pairingCode: r.state === 'pairing' ? r.pairingCode : null,
      linked: r.record.linked,
      note: r.note,
      createdAt: r.record.createdAt,
      lastReadyAt: r.record.lastReadyAt,
    };
  }

  private sessionDir(id: number): string {
    return path.join(this.deps.sessionsDir, `account-${id}`);
  }

  private makeDriver(runtime: Runtime): WhatsAppDriver {
    const { id, driver, seed } = runtime.record;
    return this.deps.createDriver({ id, driver, seed, sessionDir: this.sessionDir(id) });
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private changed(runtime: Runtime): void {
    if (!this.runtimes.has(runtime.record.id)) return;
    this.deps.bus.emit('accounts.changed', { id: runtime.record.id, account: this.view(runtime) });
  }

  private log(
    runtime: Runtime | null,
    level: LogLevel,
    code: string,
    key: MessageKey,
    params: Record<string, string | number> = {},
  ): Promise<void> {
    return recordEvent(this.deps, {
      accountId: runtime?.record.id ?? null,
      accountLabel: runtime?.record.label ?? null,
      at: this.nowIso(),
      level,
      code,
      message: t(key, params),
    });
  }

  /** Returns whether anything changed (and was pushed to the UI). */
  private setState(runtime: Runtime, state: AccountState, detail: string | null): boolean {
    const same = runtime.state === state && runtime.detail === detail;
    runtime.state = state;
    runtime.detail = detail;
    if (state !== 'qr') runtime.qrSvg = null;
    if (state !== 'pairing') runtime.pairingCode = null;
    if (!same) {
      this.changed(runtime);
      this.emit('state', { accountId: runtime.record.id, state });
    }
    return !same;
  }

  private clearReconnect(runtime: Runtime): void {
    if (runtime.reconnectTimer) this.deps.clock.clearTimeout(runtime.reconnectTimer);
    runtime.reconnectTimer = null;
  }

  /** Takes the current driver off the account: anything it still says is ignored from now on. */
  private detach(runtime: Runtime): WhatsAppDriver | null {
    const driver = runtime.driver;
    runtime.driver = null;
    runtime.generation++;
    driver?.removeAllListeners();
    return driver;
  }

  /** Closes the current driver (keeping the session). */
  private async stopDriver(runtime: Runtime): Promise<void> {
    this.clearReconnect(runtime);
    await this.detach(runtime)?.disconnect().catch(() => undefined);
  }

  /**
   * `link`: the user asked; a failure is final (state failed). `restore`: a saved session at start;
   * `reconnect`: after a drop. For those two a failure (no network yet, say) retries with backoff.
   */
  private async startDriver(
    runtime: Runtime,
    options: { pairWithPhone?: string },
    mode: 'link' | 'restore' | 'reconnect',
  ): Promise<void> {
    const reconnecting = mode === 'reconnect';
    if (this.closed) return;
    this.clearReconnect(runtime);
    const driver = this.makeDriver(runtime);
    runtime.driver = driver;
    const generation = ++runtime.generation;
    runtime.reconnecting = mode !== 'link';
    const current = () => runtime.generation === generation && !this.closed;
    this.wire(runtime, driver, current);
    this.setState(runtime, reconnecting ? 'reconnecting' : 'starting', reconnecting ? runtime.detail : null);
    if (!reconnecting) await this.log(runtime, 'info', 'state.starting', 'wa.log.starting');
    try {
      await driver.connect(options);
    } catch (error) {
      if (!current()) return;
      const reason = error instanceof Error ? error.message : String(error);
      await this.detach(runtime)?.disconnect().catch(() => undefined);
      if (mode !== 'link') {
        await this.log(runtime, 'warning', 'state.dropped', 'wa.log.dropped', { reason });
        await this.scheduleReconnect(runtime);
      } else {
        this.setState(runtime, 'failed', reason);
        await this.log(runtime, 'error', 'state.failed', 'wa.log.failed', { reason });
      }
    }
  }

  private wire(runtime: Runtime, driver: WhatsAppDriver, current: () => boolean): void {
    driver.on('state', ({ state, reason }) => {
      if (!current()) return;
      void this.onDriverState(runtime, driver, state, reason ?? null);
    });
    driver.on('qr', ({ payload }) => {
      if (!current()) return;
      void QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'L' }).then((svg) => {
        if (!current()) return;
        runtime.qrSvg = svg;
        if (!this.setState(runtime, 'qr', null)) this.changed(runtime);
      });
    });
    driver.on('pairingCode', ({ code }) => {
      if (!current()) return;
      runtime.pairingCode = code;
      if (!this.setState(runtime, 'pairing', null)) this.changed(runtime);
    });
    driver.on('ready', ({ phone, displayName }) => {
      if (!current()) return;
      void this.onReady(runtime, phone, displayName);
    });
    driver.on('ack', ({ messageId, ack }) => {
      if (!current()) return;
      this.emit('ack', { accountId: runtime.record.id, messageId, ack });
    });
    driver.on('message', (message) => {
      if (!current()) return;
      void this.onIncoming(runtime, message);
    });
    driver.on('vote', (vote) => {
      if (!current()) return;
      this.emit('vote', { accountId: runtime.record.id, ...vote });
    });
    driver.on('disconnected', ({ reason, loggedOut }) => {
      if (!current()) return;
      void this.onDropped(runtime, reason, loggedOut);
    });
  }

  private async onDriverState(runtime: Runtime, driver: WhatsAppDriver, state: AccountState, reason: string | null) {
    const previous = runtime.state;
    switch (state) {
      case 'qr':
        // The QR image follows in the qr event; keep the old one until then.
        if (previous !== 'qr') await this.log(runtime, 'info', 'state.qr', 'wa.log.qr');
        this.setState(runtime, 'qr', null);
        return;
      case 'pairing':
        if (previous !== 'pairing') await this.log(runtime, 'info', 'state.pairing', 'wa.log.pairing');
        return;
      case 'authenticating':
        this.setState(runtime, 'authenticating', null);
        await this.log(runtime, 'info', 'state.authenticating', 'wa.log.authenticating');
        return;
      case 'ready':
        // Handled by the ready event, which carries the phone's number.
        return;
      case 'blocked': {
        // Stop that account: free its browser, keep the session, tell the user.
        this.detach(runtime);
        this.clearReconnect(runtime);
        const text = reason ?? 'WhatsApp blocked this account';
        this.setState(runtime, 'blocked', text);
        await this.log(runtime, 'error', 'state.blocked', 'wa.log.blocked', { reason: text });
        await driver.disconnect().catch(() => undefined);
        return;
      }
      case 'failed': {
        this.detach(runtime);
        const text = reason ?? 'an unknown error';
        if (runtime.reconnecting) {
          // One more failed attempt to get back: try again later rather than give up now.
          await driver.disconnect().catch(() => undefined);
          await this.log(runtime, 'warning', 'state.dropped', 'wa.log.dropped', { reason: text });
          await this.scheduleReconnect(runtime);
          return;
        }
        this.setState(runtime, 'failed', text);
        await this.log(runtime, 'error', 'state.failed', 'wa.log.failed', { reason: text });
        await driver.disconnect().catch(() => undefined);
        return;
      }
      case 'loggedOut':
        await this.onDropped(runtime, reason ?? 'logged out', true);
        return;
      case 'starting':
      case 'disconnected':
      case 'reconnecting':
        return;
    }
  }

  private async onReady(runtime: Runtime, phone: string, displayName: string): Promise<void> {
    runtime.attempts = 0;
    runtime.reconnecting = false;
    const now = this.nowIso();
    runtime.record.linked = true;
    // WhatsApp may not tell a linked device its own number (only an internal id): keep what we had.
    runtime.record.phone = phone || runtime.record.phone;
    runtime.record.displayName = displayName;
    runtime.record.lastReadyAt = now;
    const about = runtime.driver?.describe();
    runtime.note = about && !about.canSendVideo ? t('wa.note.noVideo', { browser: about.browser ?? '' }) : null;
    await this.deps.writable();
    await updateAccount(this.deps.db, runtime.record.id, {
      linked: true,
      phone: runtime.record.phone,
      displayName,
      lastReadyAt: now,
    });
    this.setState(runtime, 'ready', null);
    await this.log(runtime, 'info', 'state.ready', 'wa.log.ready', {
      phone: runtime.record.phone ? formatPhoneInternational(runtime.record.phone) : '—',
      name: displayName || '—',
    });
  }

  private async onDropped(runtime: Runtime, reason: string, loggedOut: boolean): Promise<void> {
    await this.detach(runtime)?.disconnect().catch(() => undefined);
    if (loggedOut) {
      fs.rmSync(this.sessionDir(runtime.record.id), { recursive: true, force: true });
      await this.deps.writable();
      await updateAccount(this.deps.db, runtime.record.id, { linked: false });
      runtime.record.linked = false;
      this.setState(runtime, 'loggedOut', null);
      await this.log(runtime, 'warning', 'state.loggedOut', 'wa.log.loggedOut');
      return;
    }
    await this.log(runtime, 'warning', 'state.dropped', 'wa.log.dropped', { reason });
    await this.scheduleReconnect(runtime);
  }

  private async scheduleReconnect(runtime: Runtime): Promise<void> {
    if (this.closed) return;
    runtime.attempts++;
    if (runtime.attempts > RECONNECT_MAX_ATTEMPTS) {
      const message = t('wa.log.gaveUp', { max: RECONNECT_MAX_ATTEMPTS });
      this.setState(runtime, 'failed', message);
      await this.log(runtime, 'error', 'state.gaveUp', 'wa.log.gaveUp', { max: RECONNECT_MAX_ATTEMPTS });
      return;
    }
    const base = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** (runtime.attempts - 1));
    const delay = Math.round(base * (0.8 + 0.4 * this.random()));
    const params = { seconds: Math.max(1, Math.round(delay / 1000)), attempt: runtime.attempts, max: RECONNECT_MAX_ATTEMPTS };
    this.setState(runtime, 'reconnecting', t('wa.state.reconnecting', params));
    await this.log(runtime, 'warning', 'state.reconnecting', 'wa.log.reconnecting', params);
    this.clearReconnect(runtime);
    runtime.reconnectTimer = this.deps.clock.setTimeout(() => {
      runtime.reconnectTimer = null;
      if (this.runtimes.get(runtime.record.id) !== runtime) return;
      void this.startDriver(runtime, {}, 'reconnect');
    }, delay);
  }

  private async onIncoming(runtime: Runtime, message: IncomingWhatsAppMessage): Promise<void> {
    try {
      await this.storeIncoming(runtime, message);
    } catch (error) {
      // The book could not be written (a full disk, say). An opt-out stays in the journal: the
      // queue honours it meanwhile and the next start writes it to the book.
      const reason = error instanceof Error ? error.message : String(error);
      await this.log(runtime, 'error', 'incoming.failed', 'wa.log.incomingFailed', { reason }).catch(() => undefined);
    }
  }

  private async storeIncoming(runtime: Runtime, message: IncomingWhatsAppMessage): Promise<void> {
    const settings = await getSettings(this.deps.db);
    const word = message.type === 'text' ? optOutMatcher(settings.optOutWords)(message.body) : null;
    const receivedAt = new Date(message.timestamp || this.deps.clock.now()).toISOString();
    const incoming = {
      accountId: runtime.record.id,
      accountLabel: runtime.record.label,
      waMessageId: message.id,
      fromPhone: message.from,
      body: message.body,
      receivedAt,
      optOut: word !== null,
    };
    let journalId: number | null = null;
    if (word !== null) {
      // Durable at once, in the queue's file (it never waits for an import): "STOP" is final.
      journalId = this.deps.optOuts?.record({ ...incoming, phone: message.from, word }) ?? null;
      this.emit('optOut', { accountId: runtime.record.id, phone: message.from, word });
    }
    await this.deps.writable();
    const stored = await storeIncoming(this.deps.db, incoming, word === null ? null : t('wa.optOutReason', { word }));
    if (journalId !== null) this.deps.optOuts?.applied(journalId);
    if (!stored) return;
    if (word !== null) {
      this.deps.bus.emit('contacts.changed', { reason: 'suppressions' });
      await this.log(runtime, 'warning', 'optout', 'wa.log.optOut', {
        phone: formatPhoneInternational(message.from),
        word,
      });
    }
    this.deps.bus.emit('inbox.received', stored);
  }
}

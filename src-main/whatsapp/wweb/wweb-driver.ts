/**
 * The real WhatsApp driver: one whatsapp-web.js client (WhatsApp Web in a headless Chrome found on
 * this machine) per linked account. It translates whatsapp-web.js's events and calls into the
 * WhatsAppDriver interface (../driver.ts) and makes sure no browser process outlives it.
 *
 * Only the small part of whatsapp-web.js used here is typed (ClientLike), so tests can inject a
 * fake client and nothing untyped leaks out of this module.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type wwebModule from 'whatsapp-web.js';

type Wweb = typeof wwebModule;
// whatsapp-web.js (and puppeteer under it) take most of a second to load, so they are loaded on
// the first connect, not when Pigeon starts: most sessions may only use demo accounts.
let loaded: Wweb | null = null;
async function loadWweb(): Promise<Wweb> {
  loaded ??= (await import('whatsapp-web.js')).default;
  return loaded;
}
/** The library, once a connect() has loaded it (everything that needs it runs after that). */
function lib(): Wweb {
  if (!loaded) throw new Error('whatsapp-web.js is not loaded yet');
  return loaded;
}
import type { AccountState, AckLevel } from '#shared/accounts';
import { raceTimeout, TIMED_OUT, type Clock, type TimerHandle } from '#main/kernel/clock';
import type {
  DriverDescription,
  ConnectOptions,
  DriverEvents,
  MediaFile,
  MessageEvidence,
  OutgoingContent,
  SentMessageInfo,
  WhatsAppDriver,
} from '#main/whatsapp/driver';
import { TypedEmitter } from '#main/whatsapp/emitter';
import { DriverError } from '#main/whatsapp/errors';
import { browserNotFoundMessage, findBrowser, type FindBrowserResult, type FoundBrowser } from './find-browser';
import { checkBrowserPath, nodeBrowserPathFs } from './browser-path';
import {
  buildVCard,
  classifyStartError,
  digitsToPhone,
  formatPairingCode,
  incomingBody,
  incomingSkipReason,
  mapAck,
  mapDisconnectReason,
  mapMessageType,
  mapOperationError,
  mapWaState,
  phoneToDigits,
  widKind,
  widToPhone,
} from './wweb-mapping';

// ---------------------------------------------------------------------------------------------
// The parts of whatsapp-web.js this driver uses

export type WidLike = { _serialized: string; user?: string; server?: string };

export type ProcessLike = {
  pid?: number;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals | number): boolean;
};

export type ContactLike = { id?: WidLike | null; number?: string | null };

export type MessageLike = {
  id: WidLike & { fromMe?: boolean };
  from: string;
  fromMe: boolean;
  type: string;
  body?: string;
  timestamp?: number;
  ack?: number;
  isStatus?: boolean;
  broadcast?: boolean;
  getContact?: () => Promise<ContactLike>;
  /** What identifies our own sent messages (reconciliation). */
  location?: { latitude?: unknown; longitude?: unknown } | null;
  vCards?: unknown[];
  pollName?: unknown;
  _data?: { filename?: unknown; size?: unknown; mimetype?: unknown } | null;
};

export type ChatLike = {
  sendStateTyping(): Promise<unknown>;
  clearState(): Promise<unknown>;
  fetchMessages(options: { limit: number; fromMe: boolean }): Promise<unknown[]>;
};

export type SendOptions = {
  caption?: string;
  sendMediaAsDocument?: boolean;
  sendAudioAsVoice?: boolean;
  parseVCards?: boolean;
  sendSeen?: boolean;
};

export type SendPayload = string | wwebModule.MessageMedia | wwebModule.Location | wwebModule.Poll;

export interface ClientLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  info?: { wid?: WidLike | null; pushname?: string | null } | null;
  pupBrowser?: { process(): ProcessLike | null } | null;
  getNumberId(number: string): Promise<WidLike | null>;
  sendMessage(chatId: string, content: SendPayload, options?: SendOptions): Promise<unknown>;
  getChatById(chatId: string): Promise<ChatLike>;
  getMessageById?(messageId: string): Promise<unknown>;
  getContactLidAndPhone?(userIds: string[]): Promise<Array<{ lid?: string; pn?: string }>>;
}

export type WwebClientOptions = wwebModule.ClientOptions;

export type WwebDriverOptions = {
  accountId: number;
  /** This account's session folder (LocalAuth keeps the browser profile in it). */
  sessionDir: string;
  /** WhatsApp Web version cache (can be shared by all accounts). */
  cacheDir: string;
  /** The browser program set in Settings; empty or null means "find one". */
  browserPath?: string | null;
  clock: Clock;
  /** How long `initialize()` may take before connect() gives up. */
  startTimeoutMs?: number;
  /** How long one send may take before it fails with `timeout`. */
  sendTimeoutMs?: number;
  /** Extra Chrome switches (tests use a dead proxy to stay offline). */
  extraBrowserArgs?: string[];
  createClient?: (options: WwebClientOptions) => ClientLike;
  findBrowserImpl?: (configuredPath: string | null) => FindBrowserResult;
  /** Log lines: never message text, QR payloads or phone numbers. */
  log?: (level: 'info' | 'warning' | 'error', message: string) => void;
};

const DEFAULT_START_TIMEOUT_MS = 60_000;
const DEFAULT_SEND_TIMEOUT_MS = 120_000;
const CHECK_TIMEOUT_MS = 30_000;
const DESTROY_TIMEOUT_MS = 10_000;
const LOGOUT_TIMEOUT_MS = 15_000;
const NUMBER_CACHE_TTL_MS = 10 * 60_000;
const NUMBER_CACHE_MAX = 5_000;

/** Chrome switches: Chrome refuses to run as root on Linux unless its sandbox is off. */
export function buildBrowserArgs(platform: NodeJS.Platform, uid: number | null, extra: readonly string[] = []): string[] {
  const args = ['--no-first-run', '--no-default-browser-check', '--disable-dev-shm-usage'];
  if (platform === 'linux' && uid === 0) args.push('--no-sandbox');
  return [...args, ...extra];
}

function defaultFindBrowser(configuredPath: string | null): FindBrowserResult {
  return findBrowser({
    platform: process.platform,
    env: process.env,
    exists: (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false,
    configuredPath,
    isUsableConfigured: (p) => checkBrowserPath(p, { platform: process.platform, fs: nodeBrowserPathFs }).ok,
  });
}

function defaultCreateClient(options: WwebClientOptions): ClientLike {
  return new (lib().Client)(options);
}

/** Ends a browser process and its children (puppeteer starts it as a process-group leader). */
function killProcessTree(proc: ProcessLike): void {
  const pid = proc.pid;
  if (typeof pid === 'number' && pid > 1) {
    if (process.platform === 'win32') {
      execFile('taskkill', ['/pid', String(pid), '/T', '/F'], () => undefined);
    } else {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Not a group leader, or already gone: kill the process itself below.
      }
    }
  }
  try {
    proc.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

function isAlive(proc: ProcessLike): boolean {
  return proc.exitCode === null && proc.signalCode === null;
}

function browserProcessOf(client: ClientLike): ProcessLike | null {
  try {
    return client.pupBrowser?.process() ?? null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asWid(value: unknown): WidLike | null {
  if (typeof value === 'string') return { _serialized: value };
  if (isObject(value) && typeof value._serialized === 'string') return value as WidLike;
  return null;
}

/** A whatsapp-web.js Message, checked at the boundary (events hand over `unknown`). */
function asMessage(value: unknown): MessageLike | null {
  if (!isObject(value)) return null;
  const id = asWid(value.id);
  if (!id || typeof value.from !== 'string' || typeof value.type !== 'string') return null;
  const fromMe = value.fromMe === true || (isObject(value.id) && value.id.fromMe === true);
  return { ...(value as unknown as MessageLike), id, fromMe };
}

/** How many of our latest messages in a chat are searched when reconciling. */
const RECONCILE_FETCH_LIMIT = 50;

const finite = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** What identifies one of our messages, read from whatsapp-web.js's fields for its kind. */
export function messageEvidence(m: MessageLike): MessageEvidence {
  const body = typeof m.body === 'string' ? m.body : '';
  const file = (): Omit<MessageEvidence, 'kind' | 'body'> => {
    const data = m._data ?? {};
    const facts: Omit<MessageEvidence, 'kind' | 'body'> = {};
    if (typeof data.filename === 'string' && data.filename) facts.fileName = data.filename;
    const size = finite(data.size);
    if (size !== undefined) facts.fileSize = size;
    if (typeof data.mimetype === 'string' && data.mimetype) facts.mimeType = data.mimetype.split(';')[0]!.trim();
    return facts;
  };
  switch (m.type) {
    case 'chat':
      return { kind: 'text', body };
    case 'image':
    case 'video':
    case 'document':
      return { kind: m.type, body, ...file() };
    case 'ptt':
    case 'audio':
      return { kind: 'voice', body: '', ...file() };
    case 'location': {
      const latitude = finite(m.location?.latitude);
      const longitude = finite(m.location?.longitude);
      return { kind: 'location', body: '', ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}) };
    }
    case 'vcard':
    case 'multi_vcard': {
      const card = typeof m.vCards?.[0] === 'string' ? m.vCards[0] : body;
      const tel = /^TEL[^:\n]*:([^\n]+)$/im.exec(card)?.[1];
      const digits = tel?.replace(/\D/g, '');
      return { kind: 'contact', body: '', ...(digits ? { contactPhone: digits } : {}) };
    }
    case 'poll_creation':
      return { kind: 'poll', body: typeof m.pollName === 'string' ? m.pollName : body };
    default:
      return { kind: 'other', body };
  }
}

function messageIdOf(value: unknown): string | null {
  if (!isObject(value)) return null;
  return asWid(value.id)?._serialized ?? null;
}

/**
 * The real driver. One instance per connect; `disconnect()` / `logout()` are safe at any time.
 */
export class WwebDriver extends TypedEmitter<DriverEvents> implements WhatsAppDriver {
  readonly kind = 'wweb' as const;

  private readonly opts: WwebDriverOptions;
  private readonly clock: Clock;
  private readonly createClient: (options: WwebClientOptions) => ClientLike;
  private readonly findBrowserImpl: (configuredPath: string | null) => FindBrowserResult;
  private readonly log: (level: 'info' | 'warning' | 'error', message: string) => void;

  /** The running client; null when stopped. Events from any other client are ignored. */
  private client: ClientLike | null = null;
  private browser: FoundBrowser | null = null;
  private starting: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  /** The manager asked for the stop: report nothing about it. */
  private stopRequested = false;
  private ready = false;
  private readyInfo: DriverEvents['ready'] | null = null;
  private state: AccountState = 'disconnected';
  private stateReason: string | undefined;
  private readonly typing = new Set<{ handle: TimerHandle; done: () => void }>();
  private readonly numberCache = new Map<string, { chatId: string | null; at: number }>();

  constructor(options: WwebDriverOptions) {
    super();
    this.opts = options;
    this.clock = options.clock;
    this.createClient = options.createClient ?? defaultCreateClient;
    this.findBrowserImpl = options.findBrowserImpl ?? defaultFindBrowser;
    this.log = options.log ?? (() => undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  connect(options: ConnectOptions = {}): Promise<void> {
    if (this.starting) return this.starting;
    if (this.client) return Promise.resolve();
    this.stopRequested = false;
    const run = this.start(options).finally(() => {
      if (this.starting === run) this.starting = null;
    });
    this.starting = run;
    return run;
  }

  private async start(options: ConnectOptions): Promise<void> {
    if (this.stopping) await this.stopping;
    const pairDigits = options.pairWithPhone ? phoneToDigits(options.pairWithPhone) : null;

    const found = this.findBrowserImpl(this.opts.browserPath ?? null);
    if (!found.found) {
      const message = browserNotFoundMessage(found);
      this.log('error', `no usable browser (${found.reason}, ${found.checked.length} places checked)`);
      this.setState('failed', message);
      throw new DriverError('browser_missing', message);
    }
    this.browser = found;

    try {
      await fs.promises.mkdir(this.opts.sessionDir, { recursive: true });
      await fs.promises.mkdir(this.opts.cacheDir, { recursive: true });
    } catch (error) {
      const message = 'Pigeon could not create the folder for this account’s WhatsApp session.';
      this.setState('failed', message);
      throw new DriverError('failed', message, { cause: error });
    }

    if (this.stopRequested) throw new DriverError('failed', 'Stopped before WhatsApp Web started.');

    this.ready = false;
    this.setState('starting');
    this.log('info', `starting WhatsApp Web in ${found.name}`);

    let client: ClientLike;
    try {
      await loadWweb();
      client = this.createClient(this.clientOptions(found, pairDigits));
    } catch (error) {
      const message = 'WhatsApp Web could not be started.';
      this.setState('failed', message);
      throw new DriverError('failed', message, { cause: error });
    }
    this.client = client;
    this.attach(client);

    const startTimeoutMs = this.opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let initSettled = false;
    const init = initializeSafely(client);
    // Observed below; this also keeps a late rejection (after a timeout) from being "unhandled".
    void init.then(
      () => (initSettled = true),
      () => (initSettled = true),
    );

    let failure: { code: DriverError['code']; reason: string; cause?: unknown };
    try {
      const outcome = await this.withTimeout(init, startTimeoutMs);
      if (outcome !== TIMED_OUT) {
        if (this.client === client) {
          this.log('info', 'WhatsApp Web started');
          return;
        }
        // Stopped meanwhile (by the manager, or by the client itself after an auth failure).
        await this.closeClient(client);
        throw new DriverError('failed', this.stopRequested ? 'Stopped before WhatsApp Web started.' : (this.stateReason ?? 'WhatsApp Web stopped.'));
      }
      failure = {
        code: 'timeout',
        reason: `WhatsApp Web did not load within ${Math.round(startTimeoutMs / 1000)} s — check the internet connection.`,
      };
    } catch (error) {
      if (error instanceof DriverError) throw error;
      failure = { ...classifyStartError(error), cause: error };
    }

    const stoppedMeanwhile = this.client !== client;
    this.log('warning', `WhatsApp Web failed to start (${failure.code})`);
    if (!stoppedMeanwhile) this.setState('failed', failure.reason);
    if (this.client === client) await this.stopClient();
    else await this.closeClient(client);
    if (!initSettled) {
      // A browser still being launched gets its `pupBrowser` only later: close it once initialize settles.
      void init.then(
        () => this.closeClient(client),
        () => this.closeClient(client),
      );
    }
    if (stoppedMeanwhile) {
      // The manager stopped it, or the client stopped itself (auth failure) and the state already says why.
      const message = this.stopRequested ? 'Stopped before WhatsApp Web started.' : (this.stateReason ?? failure.reason);
      throw new DriverError('failed', message, { cause: failure.cause });
    }
    throw new DriverError(failure.code, failure.reason, { cause: failure.cause });
  }

  private clientOptions(browser: FoundBrowser, pairDigits: string | null): WwebClientOptions {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    return {
      authStrategy: new (lib().LocalAuth)({ clientId: `account-${this.opts.accountId}`, dataPath: this.opts.sessionDir }),
      webVersionCache: { type: 'local', path: this.opts.cacheDir },
      puppeteer: {
        executablePath: browser.path,
        headless: true,
        args: buildBrowserArgs(process.platform, uid, this.opts.extraBrowserArgs ?? []),
      },
      ...(pairDigits ? { pairWithPhoneNumber: { phoneNumber: pairDigits, showNotification: true } } : {}),
    };
  }

  async disconnect(): Promise<void> {
    this.stopRequested = true;
    await this.stopClient();
    if (this.starting) await this.starting.catch(() => undefined);
  }

  async logout(): Promise<void> {
    this.stopRequested = true;
    await this.stopClient({ logout: true });
    if (this.starting) await this.starting.catch(() => undefined);
    await this.removeSession();
  }

  /** Detaches the running client and closes it (idempotent; concurrent callers share the work). */
  private stopClient(options: { logout?: boolean } = {}): Promise<void> {
    const client = this.client;
    if (!client) return this.stopping ?? Promise.resolve();
    const wasReady = this.ready;
    this.client = null;
    this.ready = false;
    this.numberCache.clear();
    for (const timer of [...this.typing]) {
      this.clock.clearTimeout(timer.handle);
      timer.done();
    }
    const run = (async () => {
      if (options.logout && wasReady) {
        try {
          // Unlinks the device on the phone; whatsapp-web.js then closes the browser itself.
          await this.withTimeout(client.logout(), LOGOUT_TIMEOUT_MS);
        } catch {
          this.log('warning', 'logout on WhatsApp Web failed; closing and deleting the session anyway');
        }
      }
      await this.closeClient(client);
    })().finally(() => {
      if (this.stopping === run) this.stopping = null;
    });
    this.stopping = run;
    return run;
  }

  /** destroy(), and if that fails or hangs, kills the browser process. Never throws. */
  private async closeClient(client: ClientLike): Promise<void> {
    let closed = false;
    try {
      closed = (await this.withTimeout(client.destroy(), DESTROY_TIMEOUT_MS)) !== TIMED_OUT;
    } catch {
      closed = false;
    }
    // Only a process still running is killed (an exited pid may already belong to someone else).
    const proc = browserProcessOf(client);
    if (proc && isAlive(proc)) {
      this.log('warning', closed ? 'the browser was still running after closing; killing it' : 'the browser did not close; killing it');
      killProcessTree(proc);
    }
  }

  private async removeSession(): Promise<void> {
    const dir = path.resolve(this.opts.sessionDir);
    if (path.parse(dir).root === dir || dir === path.resolve(os.homedir())) {
      throw new DriverError('failed', 'The session folder setting is not safe to delete.');
    }
    try {
      await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      this.log('error', 'the saved session could not be deleted');
      throw new DriverError('failed', 'The saved WhatsApp session could not be deleted. Close Pigeon and try again.', {
        cause: error,
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Events from whatsapp-web.js

  private attach(client: ClientLike): void {
    const on = (event: string, handler: (...args: unknown[]) => void) => {
      client.on(event, (...args: unknown[]) => {
        if (this.client !== client) return;
        try {
          handler(...args);
        } catch {
          this.log('error', `handling "${event}" failed`);
        }
      });
    };
    on('qr', (qr) => {
      if (typeof qr !== 'string' || !qr) return;
      this.setState('qr');
      this.emit('qr', { payload: qr });
    });
    on('code', (code) => {
      if (typeof code !== 'string' || !code) return;
      this.setState('pairing');
      this.emit('pairingCode', { code: formatPairingCode(code) });
    });
    on('authenticated', () => this.setState('authenticating'));
    on('auth_failure', () => {
      this.log('warning', 'WhatsApp rejected the saved session');
      this.setState('failed', 'WhatsApp did not accept the saved session. Link the phone again with a new QR code.');
      void this.stopClient();
    });
    on('ready', () => void this.onReady(client));
    on('change_state', (waState) => {
      if (typeof waState !== 'string') return;
      this.log('info', `WhatsApp Web state ${waState.slice(0, 40)}`);
      const mapped = mapWaState(waState);
      if (!mapped) return;
      const wasReady = this.state === 'ready';
      this.setState(mapped.state, mapped.reason);
      // Back from a socket blip (OPENING/TIMEOUT → CONNECTED): whatsapp-web.js sends no new `ready`.
      if (mapped.state === 'ready' && !wasReady && this.ready && this.readyInfo) this.emit('ready', this.readyInfo);
    });
    on('disconnected', (reason) => void this.onDisconnected(reason));
    on('message', (message) => void this.onMessage(client, message));
    on('message_ack', (message, ack) => this.onAck(message, ack));
    on('vote_update', (vote) => void this.onVote(client, vote));
  }

  private setState(state: AccountState, reason?: string): void {
    if (state === this.state && reason === this.stateReason) return;
    this.state = state;
    this.stateReason = reason;
    this.emit('state', reason === undefined ? { state } : { state, reason });
  }

  private async onReady(client: ClientLike): Promise<void> {
    const wid = asWid(client.info?.wid)?._serialized ?? null;
    let phone = wid ? widToPhone(wid) : null;
    if (!phone && wid && widKind(wid) === 'lid') phone = await this.phoneForLid(client, wid);
    if (this.client !== client) return;
    this.ready = true;
    this.readyInfo = { phone: phone ?? '', displayName: client.info?.pushname ?? '' };
    this.log('info', 'WhatsApp Web is ready');
    this.setState('ready');
    this.emit('ready', this.readyInfo);
  }

  private async onDisconnected(raw: unknown): Promise<void> {
    const mapped = mapDisconnectReason(raw);
    this.log('warning', `WhatsApp Web disconnected (${mapped.loggedOut ? 'logged out' : mapped.blocked ? 'blocked' : 'dropped'})`);
    if (mapped.blocked) this.setState('blocked', mapped.reason);
    else if (mapped.loggedOut) this.setState('loggedOut', mapped.reason);
    // Close the browser before telling the manager, so a reconnect never meets a profile still in use.
    await this.stopClient();
    if (mapped.loggedOut) await this.removeSession().catch(() => undefined);
    this.emit('disconnected', { reason: mapped.reason, loggedOut: mapped.loggedOut });
  }

  private async onMessage(client: ClientLike, raw: unknown): Promise<void> {
    const message = asMessage(raw);
    if (!message || incomingSkipReason(message) !== null) return;
    let from = widToPhone(message.from);
    if (!from && widKind(message.from) === 'lid') from = await this.senderOfLidMessage(client, message);
    if (this.client !== client) return;
    if (!from) {
      this.log('info', 'an incoming message was skipped: the sender’s number is hidden');
      return;
    }
    const type = mapMessageType(message.type);
    const seconds = message.timestamp;
    this.emit('message', {
      id: message.id._serialized,
      from,
      body: incomingBody(type, message.body),
      type,
      timestamp: typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : this.clock.now(),
    });
  }

  private onAck(raw: unknown, rawAck: unknown): void {
    const message = asMessage(raw);
    if (!message?.fromMe) return;
    const ack = mapAck(rawAck);
    if (ack) this.emit('ack', { messageId: message.id._serialized, ack });
  }

  /** A vote on one of our polls (whatsapp-web.js PollVote); anything malformed is ignored. */
  private async onVote(client: ClientLike, raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const vote = raw as { voter?: unknown; selectedOptions?: unknown; interractedAtTs?: unknown; parentMessage?: unknown };
    const parent = asMessage(vote.parentMessage);
    if (!parent?.fromMe || typeof vote.voter !== 'string' || !Array.isArray(vote.selectedOptions)) return;
    let voter = widToPhone(vote.voter);
    if (!voter && widKind(vote.voter) === 'lid') voter = await this.phoneForLid(client, vote.voter);
    if (!voter) return;
    const options = vote.selectedOptions
      .map((o: unknown) => (typeof o === 'object' && o !== null && typeof (o as { name?: unknown }).name === 'string' ? (o as { name: string }).name : null))
      .filter((name): name is string => name !== null)
      .slice(0, 12);
    const ts = typeof vote.interractedAtTs === 'number' && Number.isFinite(vote.interractedAtTs) ? vote.interractedAtTs : this.clock.now();
    this.emit('vote', { messageId: parent.id._serialized, voter, options, at: ts < 1e12 ? ts * 1000 : ts });
  }

  /** The phone number behind an @lid id, when WhatsApp tells us. */
  private async phoneForLid(client: ClientLike, lid: string): Promise<string | null> {
    try {
      const [entry] = (await client.getContactLidAndPhone?.([lid])) ?? [];
      return entry?.pn ? widToPhone(entry.pn) : null;
    } catch {
      return null;
    }
  }

  private async senderOfLidMessage(client: ClientLike, message: MessageLike): Promise<string | null> {
    const viaLid = await this.phoneForLid(client, message.from);
    if (viaLid) return viaLid;
    try {
      const contact = await message.getContact?.();
      const contactWid = asWid(contact?.id)?._serialized;
      if (contactWid && widKind(contactWid) === 'user') return widToPhone(contactWid);
      // A contact of an @lid id may report the lid digits as its "number": only trust a different one.
      const lidUser = message.from.slice(0, message.from.lastIndexOf('@'));
      const digits = contact?.number?.replace(/\D/g, '') ?? '';
      return digits && digits !== lidUser ? digitsToPhone(digits) : null;
    } catch {
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Operations

  private requireReady(): ClientLike {
    if (this.state === 'blocked') throw new DriverError('blocked', this.stateReason ?? 'WhatsApp blocked this account.');
    if (!this.client || !this.ready) throw new DriverError('not_ready', 'WhatsApp is not connected yet.');
    return this.client;
  }

  /** The chat id WhatsApp uses for `phone`, or null when the number has no WhatsApp. */
  private async chatIdFor(client: ClientLike, phone: string): Promise<string | null> {
    const digits = phoneToDigits(phone);
    const cached = this.numberCache.get(digits);
    if (cached && this.clock.now() - cached.at < NUMBER_CACHE_TTL_MS) return cached.chatId;
    let result: WidLike | null | typeof TIMED_OUT;
    try {
      result = await this.withTimeout(client.getNumberId(digits), CHECK_TIMEOUT_MS);
    } catch (error) {
      throw mapOperationError(error, 'check the number');
    }
    if (result === TIMED_OUT) throw new DriverError('timeout', 'WhatsApp took too long to check the number.');
    const chatId = asWid(result)?._serialized ?? null;
    if (this.client === client) {
      this.numberCache.delete(digits);
      this.numberCache.set(digits, { chatId, at: this.clock.now() });
      if (this.numberCache.size > NUMBER_CACHE_MAX) {
        const oldest = this.numberCache.keys().next().value;
        if (oldest !== undefined) this.numberCache.delete(oldest);
      }
    }
    return chatId;
  }

  async isRegistered(phone: string): Promise<boolean> {
    const client = this.requireReady();
    return (await this.chatIdFor(client, phone)) !== null;
  }

  async send(to: string, content: OutgoingContent): Promise<{ messageId: string }> {
    // Up to sendMessage() nothing reaches WhatsApp: those failures prove the message never left.
    let client: ClientLike;
    let chatId: string | null;
    let built: { payload: SendPayload; options: SendOptions };
    try {
      client = this.requireReady();
      chatId = await this.chatIdFor(client, to);
      if (!chatId) throw new DriverError('not_on_whatsapp', 'This number is not on WhatsApp.');
      built = await this.buildMessage(content);
    } catch (error) {
      throw DriverError.beforeSend(mapOperationError(error, 'send the message'));
    }
    let sent: unknown;
    try {
      sent = await this.withTimeout(client.sendMessage(chatId, built.payload, built.options), this.opts.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS);
    } catch (error) {
      // Inside sendMessage only a refused number or upload fails before the message exists; any
      // other error (a closed page, getMessageModel failing after the send) leaves it in doubt.
      const mapped = mapOperationError(error, 'send the message');
      throw mapped.code === 'invalid_number' || mapped.code === 'bad_media' ? DriverError.beforeSend(mapped) : mapped;
    }
    if (sent === TIMED_OUT) throw new DriverError('timeout', 'WhatsApp took too long to send the message.');
    const messageId = messageIdOf(sent);
    if (!messageId) throw new DriverError('failed', 'WhatsApp did not confirm the message.');
    return { messageId };
  }

  private async buildMessage(content: OutgoingContent): Promise<{ payload: SendPayload; options: SendOptions }> {
    // sendSeen would mark the recipient's chat as read: a campaign must not do that.
    const base: SendOptions = { sendSeen: false };
    switch (content.kind) {
      case 'text':
        // Text that happens to start with BEGIN:VCARD stays text.
        return { payload: content.text, options: { ...base, parseVCards: false } };
      case 'image':
      case 'video':
      case 'document': {
        const media = await loadMedia(content.file);
        const options: SendOptions = { ...base, parseVCards: false };
        if (content.caption) options.caption = content.caption;
        if (content.kind === 'document') options.sendMediaAsDocument = true;
        return { payload: media, options };
      }
      case 'voice':
        return { payload: await loadMedia(content.file), options: { ...base, parseVCards: false, sendAudioAsVoice: true } };
      case 'location': {
        const { latitude, longitude } = content;
        if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
          throw new DriverError('bad_media', 'The location’s coordinates are not valid.');
        }
        const location = new (lib().Location)(latitude, longitude, {
          ...(content.name ? { name: content.name } : {}),
          ...(content.address ? { address: content.address } : {}),
        });
        return { payload: location, options: { ...base, parseVCards: false } };
      }
      case 'contact': {
        let vcard: string;
        try {
          vcard = buildVCard(content.displayName, content.phone);
        } catch (error) {
          throw new DriverError('bad_media', 'The contact card’s phone number is not valid.', { cause: error });
        }
        return { payload: vcard, options: { ...base, parseVCards: true } };
      }
      case 'poll': {
        const choices = content.options.map((o) => o.trim()).filter(Boolean);
        if (!content.question.trim() || choices.length < 2 || choices.length > 12) {
          throw new DriverError('bad_media', 'A poll needs a question and 2 to 12 options.');
        }
        const poll = new (lib().Poll)(content.question, choices, {
          allowMultipleAnswers: content.multipleAnswers,
          messageSecret: undefined,
        });
        return { payload: poll, options: { ...base, parseVCards: false } };
      }
    }
  }

  /**
   * Shows "typing…" and resolves after `durationMs` (cut short when the client stops). Only
   * cosmetic, so it never rejects: when not ready, or the chat cannot be found, it resolves at once
   * and the send that follows reports the real problem.
   */
  async sendTyping(to: string, durationMs: number): Promise<void> {
    const client = this.client;
    if (!client || !this.ready || this.state === 'blocked') return;
    let chat: ChatLike;
    try {
      const chatId = await this.chatIdFor(client, to);
      if (!chatId || this.client !== client) return;
      chat = await client.getChatById(chatId);
      await chat.sendStateTyping();
    } catch {
      this.log('info', 'could not show “typing…”');
      return;
    }
    if (this.client !== client) return;
    await new Promise<void>((resolve) => {
      const timer = {
        handle: this.clock.setTimeout(() => timer.done(), Math.max(0, durationMs)),
        done: () => {
          this.typing.delete(timer);
          resolve();
        },
      };
      this.typing.add(timer);
    });
    if (this.client === client) await chat.clearState().catch(() => undefined);
  }

  async sentMessagesTo(to: string, since: number): Promise<SentMessageInfo[] | null> {
    const client = this.requireReady();
    const chatId = await this.chatIdFor(client, to);
    if (!chatId) return [];
    let raw: unknown[];
    try {
      const chat = await client.getChatById(chatId);
      raw = await chat.fetchMessages({ limit: RECONCILE_FETCH_LIMIT, fromMe: true });
    } catch (error) {
      // No chat with this number yet: whatsapp-web.js fails on the missing chat in Node.
      if (error instanceof TypeError) return [];
      throw mapOperationError(error, 'read the chat');
    }
    const sent: SentMessageInfo[] = [];
    for (const item of raw) {
      const message = asMessage(item);
      if (!message?.fromMe) continue;
      // WhatsApp's timestamps are whole seconds: keep what falls in that second too.
      const timestamp = typeof message.timestamp === 'number' ? message.timestamp * 1000 : 0;
      if (timestamp < since - 1_000) continue;
      sent.push({ ...messageEvidence(message), messageId: message.id._serialized, to, timestamp, ack: mapAck(message.ack) ?? 'pending' });
    }
    return sent.sort((a, b) => b.timestamp - a.timestamp);
  }

  async acksOf(messageIds: readonly string[]): Promise<Map<string, AckLevel>> {
    const client = this.requireReady();
    const acks = new Map<string, AckLevel>();
    if (!client.getMessageById) return acks;
    for (const id of messageIds) {
      let raw: unknown;
      try {
        raw = await this.withTimeout(client.getMessageById(id), CHECK_TIMEOUT_MS);
      } catch (error) {
        throw mapOperationError(error, 'read a message');
      }
      if (raw === TIMED_OUT || this.client !== client) break;
      const ack = isObject(raw) ? mapAck(raw.ack) : null;
      if (ack) acks.set(id, ack);
    }
    return acks;
  }

  describe(): DriverDescription {
    let browser = this.browser;
    if (!browser) {
      const found = this.findBrowserImpl(this.opts.browserPath ?? null);
      browser = found.found ? found : null;
    }
    return { browser: browser ? `${browser.name} (${browser.path})` : null, canSendVideo: browser?.isChrome ?? false,
      // Chrome may still send a message after Pigeon died: "not in the chat" proves nothing.
      historyComplete: false,
    };
  }

  // -------------------------------------------------------------------------------------------

  /** Resolves with the promise's value, or TIMED_OUT when `ms` pass first on the driver's clock. */
  private withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
    return raceTimeout(this.clock, promise, ms);
  }
}

/** client.initialize(), with a synchronous throw turned into a rejection. */
function initializeSafely(client: ClientLike): Promise<void> {
  try {
    return client.initialize();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error('initialize failed', { cause: error }));
  }
}

async function loadMedia(file: MediaFile): Promise<wwebModule.MessageMedia> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file.path);
  } catch (error) {
    throw new DriverError('bad_media', 'The file to send could not be read.', { cause: error });
  }
  if (data.length === 0) throw new DriverError('bad_media', 'The file to send is empty.');
  return new (lib().MessageMedia)(file.mimeType, data.toString('base64'), file.fileName, data.length);
}

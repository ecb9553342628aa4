/**
 * The simulator: a pretend phone behind the driver interface (docs/architecture.md). It is the "Demo
 * account" a newcomer tries the app with, and what every test (and the send queue's crash test)
 * runs against, so it is deterministic under a seed and behaves like the real thing:
 *
 * - Linking: a QR code that rotates every 20 s (or a pairing code) and an automatic "scan" after a
 *   few seconds; a saved session reconnects without a QR. disconnect() keeps the session,
 *   logout() deletes it.
 * - Numbers: the documented rule {@link SIMULATOR_RULE_TEXT} (a number ending in 0 is not on
 *   WhatsApp).
 * - Sending: latency, then one line in the durable delivery log (`logDir/account-<id>.jsonl`,
 *   appended synchronously before send() resolves, so it survives a kill -9): a send is either in
 *   the log or was not delivered. Acks follow: server → device → read (for some) → played (voice).
 * - Recipients: some read, some of those reply in their language, a few of the replies are an
 *   opt-out word. Rates are the exported SIMULATOR_* constants.
 *
 * Randomness never depends on the order of events: every draw comes from a generator seeded by a
 * hash of (seed, purpose, key), where the key is the phone, the nth delivered message to that
 * phone, the connection number, and so on. Same seed ⇒ same story.
 *
 * Acks are the phone's truth: a message's story is fixed by its place in the log, so acksOf() and
 * sentMessagesTo() tell where each message stands now, even for messages a previous run sent.
 * Acks that fall due while the connection is away are not emitted then; on the next connection
 * the ones still to come are (as WhatsApp delivers receipts on reconnect). Replies and scheduled
 * drops that were due meanwhile are dropped, never delivered later.
 *
 * Faults for tests and the demo panel: fail the next sends before they leave, lose the next
 * confirmations after the message reached WhatsApp (the send then fails although it went out),
 * drop the connection, block the account; and spam signals at a rate: a share of the messages
 * sent from then on is never delivered (one tick, as when people block the number) or answered
 * with an opt-out word. Which messages is drawn from (seed, recipient, nth) and written in the
 * message's log line (`fault`), so its story stays the same after a restart.
 *
 * Every delay the simulator makes up is divided by `speed`; the duration the caller asks for in
 * sendTyping() is not (it is the caller's own pace).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccountState, AckLevel } from '#shared/accounts';
import { hash32, mulberry32 } from '#shared/random';
import type { Clock, TimerHandle } from '#main/kernel/clock';
import type {
  ConnectOptions,
  DriverDescription,
  DriverEvents,
  IncomingWhatsAppMessage,
  MessageEvidence,
  OutgoingContent,
  SentMessageInfo,
  WhatsAppDriver,
} from '#main/whatsapp/driver';
import { TypedEmitter } from '#main/whatsapp/emitter';
import { DriverError } from '#main/whatsapp/errors';

// ---------------------------------------------------------------------------------------------
// Documented rules and rates
// ---------------------------------------------------------------------------------------------

/** The rule for which numbers have WhatsApp, in one line for docs and the UI. */
export const SIMULATOR_RULE_TEXT = 'Demo phone: a number whose last digit is 0 is not on WhatsApp; every other number is.';

/** The demo phone's push name. */
export const SIMULATOR_DISPLAY_NAME = 'Demo phone';

/** Share of delivered messages that the recipient reads. */
export const SIMULATOR_READ_PROBABILITY = 0.7;
/** Share of read messages that get a reply (so ~10.5% of all delivered messages). */
export const SIMULATOR_REPLY_PROBABILITY = 0.15;
/**
 * Share of replies that are an opt-out word (so ~0.5% of all delivered messages: a healthy list,
 * well under the opt-out breaker's 5 % of the last 100; a spike is the `optOutRate` fault).
 */
export const SIMULATOR_OPT_OUT_SHARE = 0.05;

/** Timings in milliseconds before `speed` is applied, as [min, max] ranges. */
export const SIMULATOR_TIMINGS = {
  /** starting → qr / pairing. */
  startingMs: [500, 900],
  /** starting → authenticating, with a saved session. */
  restoreMs: [250, 350],
  /** authenticating → ready. */
  authenticatingMs: [600, 800],
  /** How often the QR payload rotates while waiting. */
  qrRotateMs: 20_000,
  /** Default wait before the pretend phone "scans" the QR (or types the pairing code). */
  autoScanMs: 4_000,
  /** isRegistered() latency (also how long a send to a number without WhatsApp takes to fail). */
  lookupMs: [50, 250],
  /** send() latency, until WhatsApp has the message (it is in the durable log from then on). */
  sendMs: [80, 400],
  /** WhatsApp has it → send() returns (the confirmation's way back; a crash here loses only the reply). */
  confirmMs: [20, 150],
  /** sent → 'server' ack. */
  serverAckMs: [100, 500],
  /** 'server' → 'device'. */
  deviceAckMs: [500, 3_000],
  /** 'device' → 'read' (for readers). */
  readAckMs: [2_000, 20_000],
  /** 'read' → 'played' (voice notes). */
  playedAckMs: [1_000, 15_000],
  /** 'read' → the reply arrives. */
  replyMs: [3_000, 30_000],
  /** ready → a random drop, with `randomDisconnects`. */
  randomDisconnectMs: [180_000, 900_000],
} as const satisfies Record<string, number | readonly [number, number]>;

type Range = readonly [number, number];

/** The longest a message's acks can take, before `speed` (server + device + read + played). */
const STORY_MAX_MS =
  SIMULATOR_TIMINGS.serverAckMs[1] + SIMULATOR_TIMINGS.deviceAckMs[1] + SIMULATOR_TIMINGS.readAckMs[1] + SIMULATOR_TIMINGS.playedAckMs[1];

/** Friendly replies by language. */
export const SIMULATOR_REPLY_TEXTS = {
  en: ['Thanks!', 'Thank you 😊', 'Who is this?', 'OK 👍', 'Got it, thanks', 'See you then!', 'Can you call me later?'],
  tr: ['Teşekkürler 🙏', 'Sağ olun', 'Tamam 👍', 'Kim bu?', 'Çok teşekkürler!'],
  fa: ['ممنون', 'مرسی 🌹', 'شما؟', 'باشه، ممنون'],
  ar: ['شكراً', 'شكراً جزيلاً 🙏', 'من معي؟', 'تمام'],
  id: ['Terima kasih', 'Makasih ya 🙏', 'Siapa ini?', 'Oke, siap'],
} as const;

/** Opt-out replies by language. */
export const SIMULATOR_OPT_OUT_TEXTS = {
  en: ['STOP', 'stop', 'unsubscribe'],
  tr: ['İptal', 'DUR'],
  fa: ['لغو'],
  ar: ['إلغاء'],
  id: ['Berhenti'],
} as const;

type Lang = keyof typeof SIMULATOR_REPLY_TEXTS;
const LANGS: readonly Lang[] = ['en', 'tr', 'fa', 'ar', 'id'];
/** Share of replies in the recipient's country language, when we know one. */
const LOCAL_LANGUAGE_SHARE = 0.8;
/** Calling codes whose recipients reply in a language other than English. */
const COUNTRY_LANGUAGES: readonly (readonly [string, Lang])[] = [
  ['+90', 'tr'],
  ['+98', 'fa'],
  ['+62', 'id'],
  ...['+20', '+212', '+213', '+216', '+961', '+962', '+963', '+964', '+965', '+966', '+968', '+971', '+973', '+974'].map(
    (prefix) => [prefix, 'ar'] as const,
  ),
];

/** Whether `phone` has WhatsApp on the demo phone: its last digit is not 0. */
export function simulatorHasWhatsApp(phone: string): boolean {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 0 && !digits.endsWith('0');
}

/** The session file's name inside the account's session folder. */
export const SIMULATOR_SESSION_FILE = 'simulator-session.json';

/** Whether a saved demo session exists (the account reconnects without a QR). */
export function simulatorSessionExists(sessionDir: string): boolean {
  return fs.existsSync(path.join(sessionDir, SIMULATOR_SESSION_FILE));
}

/**
 * The demo phone's own number for a seed: in the UK drama range +44 7700 900000–900999, never
 * ending in 0 (so it is itself "on WhatsApp" under the rule).
 */
export function simulatorOwnPhone(seed: number): string {
  const drawn = hash32(`${seed}\u0000identity`) % 1000;
  const n = drawn % 10 === 0 ? drawn + 1 : drawn;
  return `+447700900${String(n).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** A generator of numbers in [0, 1) that depends only on (seed, purpose, key). */
export function seededRandom(seed: number, purpose: string, key: string | number): () => number {
  return mulberry32(hash32(`${seed}\u0000${purpose}\u0000${key}`));
}

function between(random: () => number, [min, max]: Range): number {
  return Math.round(min + random() * (max - min));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function randomBase64(random: () => number, bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(random() * 256);
  return buffer.toString('base64');
}

// ---------------------------------------------------------------------------------------------
// What a recipient does with a message
// ---------------------------------------------------------------------------------------------

export type SimulatorReply = { afterMs: number; text: string; optOut: boolean };

/**
 * What happens to the nth message delivered to `to` (1-based), before `speed` is applied. Each
 * delay counts from the previous step: server after the send, device after server, read after
 * device, played (voice notes only) and the reply after read.
 */
export type SimulatorStory = {
  serverAfterMs: number;
  deviceAfterMs: number;
  /** null: the recipient never reads it. */
  readAfterMs: number | null;
  /** Used for voice notes only; null when never read. */
  playedAfterMs: number | null;
  /** null: no reply. Only readers reply. */
  reply: SimulatorReply | null;
};

/** The story of one delivered message: pure, depends only on (seed, to, nth). */
export function simulatorStory(seed: number, to: string, nth: number): SimulatorStory {
  const random = seededRandom(seed, 'story', `${to}#${nth}`);
  // A fixed number of draws in a fixed order, whatever the outcome.
  const serverAfterMs = between(random, SIMULATOR_TIMINGS.serverAckMs);
  const deviceAfterMs = between(random, SIMULATOR_TIMINGS.deviceAckMs);
  const reads = random() < SIMULATOR_READ_PROBABILITY;
  const readAfterMs = between(random, SIMULATOR_TIMINGS.readAckMs);
  const playedAfterMs = between(random, SIMULATOR_TIMINGS.playedAckMs);
  const replies = random() < SIMULATOR_REPLY_PROBABILITY;
  const optOut = random() < SIMULATOR_OPT_OUT_SHARE;
  const replyAfterMs = between(random, SIMULATOR_TIMINGS.replyMs);
  const local = COUNTRY_LANGUAGES.find(([prefix]) => to.startsWith(prefix))?.[1];
  const useLocal = random() < LOCAL_LANGUAGE_SHARE;
  const otherLang = random() < 0.5 ? 'en' : pick(random, LANGS);
  const lang: Lang = local !== undefined && useLocal ? local : otherLang;
  const text = pick(random, optOut ? SIMULATOR_OPT_OUT_TEXTS[lang] : SIMULATOR_REPLY_TEXTS[lang]);
  return {
    serverAfterMs,
    deviceAfterMs,
    readAfterMs: reads ? readAfterMs : null,
    playedAfterMs: reads ? playedAfterMs : null,
    reply: reads && replies ? { afterMs: replyAfterMs, text, optOut } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The durable delivery log
// ---------------------------------------------------------------------------------------------

/**
 * One line of the delivery log: a message "WhatsApp" received, with what identifies it for its
 * kind (file name, size and type; coordinates; a card's number, digits only).
 */
export type DeliveryRecord = Omit<MessageEvidence, 'kind' | 'body'> & {
  /** ISO time of delivery. */
  at: string;
  accountId: number;
  messageId: string;
  /** Recipient, E.164. */
  to: string;
  kind: OutgoingContent['kind'];
  /** The text, caption, poll question, location name or contact name ('' when none). */
  text: string;
  /** A poll's options (the demo phone votes on them). */
  options?: string[];
  /** 1-based, increasing within an account's log. */
  seq: number;
  /** A spam-signal fault drawn when it was sent: never delivered, or answered with an opt-out word. */
  fault?: SimulatorFault;
};

/** What a spam-signal fault does to a message. */
export type SimulatorFault = 'undelivered' | 'optOut';

/**
 * Which fault (if any) the nth message to `to` gets at these rates (%): pure, from (seed, to, nth).
 * Undelivered is drawn first (an undelivered message cannot be answered).
 */
export function simulatorFault(seed: number, to: string, nth: number, rates: { undeliveredPct: number; optOutPct: number }): SimulatorFault | null {
  if (rates.undeliveredPct <= 0 && rates.optOutPct <= 0) return null;
  const random = seededRandom(seed, 'fault', `${to}#${nth}`);
  const undelivered = random() * 100 < rates.undeliveredPct;
  const optOut = random() * 100 < rates.optOutPct;
  return undelivered ? 'undelivered' : optOut ? 'optOut' : null;
}

/** A logged message's story: its natural one, changed by its fault (read and answered with STOP, or stuck at one tick). */
export function simulatorRecordStory(seed: number, record: Pick<DeliveryRecord, 'to' | 'fault'>, nth: number): SimulatorStory {
  const story = simulatorStory(seed, record.to, nth);
  if (record.fault === 'undelivered') return { ...story, readAfterMs: null, playedAfterMs: null, reply: null };
  if (record.fault !== 'optOut') return story;
  const random = seededRandom(seed, 'fault-story', `${record.to}#${nth}`);
  const readAfterMs = between(random, SIMULATOR_TIMINGS.readAckMs);
  const playedAfterMs = between(random, SIMULATOR_TIMINGS.playedAckMs);
  const reply = { afterMs: between(random, SIMULATOR_TIMINGS.replyMs), text: pick(random, SIMULATOR_OPT_OUT_TEXTS.en), optOut: true };
  return { ...story, readAfterMs: story.readAfterMs ?? readAfterMs, playedAfterMs: story.playedAfterMs ?? playedAfterMs, reply };
}

const CONTENT_KINDS: ReadonlySet<string> = new Set(['text', 'image', 'video', 'document', 'voice', 'location', 'contact', 'poll']);

export function deliveryLogPath(logDir: string, accountId: number): string {
  return path.join(logDir, `account-${accountId}.jsonl`);
}

function isDeliveryRecord(value: unknown): value is DeliveryRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.at === 'string' &&
    typeof r.accountId === 'number' &&
    typeof r.messageId === 'string' &&
    typeof r.to === 'string' &&
    typeof r.kind === 'string' &&
    CONTENT_KINDS.has(r.kind) &&
    typeof r.text === 'string' &&
    typeof r.seq === 'number'
  );
}

/** Parses log text; lines that are not whole records (a torn last line) are skipped. */
function parseDeliveryLog(text: string): DeliveryRecord[] {
  const records: DeliveryRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isDeliveryRecord(value)) records.push(value);
    } catch {
      // A line cut short by a crash: it was never acknowledged as sent.
    }
  }
  return records;
}

function readTextOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * What "WhatsApp" received: the records of one account's log, or of every account's log in
 * `logDir` (by account id), in the order they were written. Tolerates a torn last line.
 */
export function readDeliveryLog(logDir: string, accountId?: number): DeliveryRecord[] {
  if (accountId !== undefined) return parseDeliveryLog(readTextOrEmpty(deliveryLogPath(logDir, accountId)));
  let names: string[];
  try {
    names = fs.readdirSync(logDir);
  } catch {
    return [];
  }
  return names
    .map((name) => /^account-(\d+)\.jsonl$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b)
    .flatMap((id) => parseDeliveryLog(readTextOrEmpty(deliveryLogPath(logDir, id))));
}

function contentText(content: OutgoingContent): string {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'image':
    case 'video':
    case 'document':
      return content.caption ?? '';
    case 'voice':
      return '';
    case 'location':
      return content.name ?? content.address ?? `${content.latitude},${content.longitude}`;
    case 'contact':
      return content.displayName;
    case 'poll':
      return content.question;
  }
}

/** Share of people who read a poll and vote on it. */
export const SIMULATOR_VOTE_SHARE = 0.7;

/**
 * Whether (and how) the recipient of a poll votes once they have read it: pure, from (seed, to,
 * nth), one option (the demo phone never picks several), a few seconds after reading.
 */
export function simulatorVote(seed: number, record: Pick<DeliveryRecord, 'kind' | 'to' | 'options'>, nth: number): { options: string[]; afterMs: number } | null {
  if (record.kind !== 'poll' || !record.options || record.options.length === 0) return null;
  const random = seededRandom(seed, 'vote', `${record.to}#${nth}`);
  if (random() >= SIMULATOR_VOTE_SHARE) return null;
  const option = record.options[Math.floor(random() * record.options.length)]!;
  return { options: [option], afterMs: between(random, [2_000, 20_000]) };
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

export type SimulatorDriverOptions = {
  accountId: number;
  seed: number;
  /** Folder for the saved session (`simulator-session.json`). */
  sessionDir: string;
  /** Folder for the durable delivery logs (`account-<id>.jsonl`). */
  logDir: string;
  clock: Clock;
  /** Divides every made-up delay (default 1). */
  speed?: number;
  /** Wait before the pretend phone scans the QR / types the pairing code (default 4000, ÷ speed); null waits for scanNow(). */
  autoScanMs?: number | null;
  /** Drop the connection now and then (seeded), as a flaky network would (default false). */
  randomDisconnects?: boolean;
};

type SessionFile = { version: 1; phone: string; displayName: string; linkedAt: string };

type Waiter = { handle: TimerHandle; reject: (error: DriverError) => void };

/** The log, indexed: by recipient (for reconciliation) and by message id (for acks). */
type LogIndex = {
  size: number;
  nextSeq: number;
  /** In log order. */
  records: DeliveryRecord[];
  byPhone: Map<string, DeliveryRecord[]>;
  byId: Map<string, { record: DeliveryRecord; nth: number }>;
};

const E164 = /^\+[1-9]\d{6,14}$/;
const CONNECTED: ReadonlySet<AccountState> = new Set(['starting', 'qr', 'pairing', 'authenticating', 'ready']);
/** Letters and digits without the ambiguous 0/O and 1/I. */
const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const SIMULATOR_BLOCK_REASON = 'WhatsApp blocked this number (demo)';

export class SimulatorDriver extends TypedEmitter<DriverEvents> implements WhatsAppDriver {
  readonly kind = 'simulator' as const;

  private readonly accountId: number;
  private readonly seed: number;
  private readonly sessionDir: string;
  private readonly logDir: string;
  private readonly clock: Clock;
  private readonly speed: number;
  private readonly autoScanMs: number | null;
  private readonly randomDisconnects: boolean;

  private current: AccountState = 'disconnected';
  private currentReason: string | undefined;
  /** Bumped whenever the connection goes away: work from an older epoch must not continue. */
  private epoch = 0;
  private connectCount = 0;
  private readyCount = 0;
  /** The number being linked (own number, or the one paired with). */
  private linking: string | null = null;
  private linkedPhone: string | null = null;
  private failRemaining = 0;
  private loseRemaining = 0;
  /** Spam-signal faults of the messages sent from now on (%). */
  private faultRates = { undeliveredPct: 0, optOutPct: 0 };
  private incomingCount = 0;
  private readonly timers = new Set<TimerHandle>();
  private readonly waiters = new Set<Waiter>();
  private readonly sendAttempts = new Map<string, number>();
  private logIndex: LogIndex | null = null;

  constructor(options: SimulatorDriverOptions) {
    super();
    const speed = options.speed ?? 1;
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError('speed must be a positive number');
    this.accountId = options.accountId;
    this.seed = options.seed;
    this.sessionDir = options.sessionDir;
    this.logDir = options.logDir;
    this.clock = options.clock;
    this.speed = speed;
    this.autoScanMs = options.autoScanMs === undefined ? SIMULATOR_TIMINGS.autoScanMs : options.autoScanMs;
    this.randomDisconnects = options.randomDisconnects ?? false;
  }

  // --- what tests and the demo panel can look at -------------------------------------------

  /** The driver's current state. */
  get state(): AccountState {
    return this.current;
  }

  /** The reason given with the current state, if any. */
  get stateReason(): string | undefined {
    return this.currentReason;
  }

  /** The number this demo phone links as (unless paired with another number). */
  get ownPhone(): string {
    return simulatorOwnPhone(this.seed);
  }

  /** The linked phone while ready. */
  get phone(): string | null {
    return this.linkedPhone;
  }

  get sessionFile(): string {
    return path.join(this.sessionDir, SIMULATOR_SESSION_FILE);
  }

  get deliveryLogFile(): string {
    return deliveryLogPath(this.logDir, this.accountId);
  }

  // --- the driver interface ----------------------------------------------------------------

  connect(options: ConnectOptions = {}): Promise<void> {
    if (CONNECTED.has(this.current)) return Promise.resolve();
    const pairWith = options.pairWithPhone;
    if (pairWith !== undefined && !E164.test(pairWith)) {
      return Promise.reject(new DriverError('invalid_number', 'The number to pair with is not a full international number'));
    }
    this.stopEverything(new DriverError('not_ready', 'The demo phone is reconnecting'));
    this.connectCount += 1;
    const connectNo = this.connectCount;
    const random = seededRandom(this.seed, 'connect', connectNo);
    const startingMs = this.scaled(between(random, SIMULATOR_TIMINGS.startingMs));
    const restoreMs = this.scaled(between(random, SIMULATOR_TIMINGS.restoreMs));
    const authenticatingMs = this.scaled(between(random, SIMULATOR_TIMINGS.authenticatingMs));

    this.setState('starting');
    const session = this.readSession();
    if (session) {
      this.after(restoreMs, () => {
        this.setState('authenticating');
        this.after(authenticatingMs, () => this.becomeReady(session.phone, session.displayName));
      });
    } else if (pairWith !== undefined) {
      this.after(startingMs, () => this.showPairingCode(pairWith, connectNo, authenticatingMs));
    } else {
      this.after(startingMs, () => this.showQr(connectNo, authenticatingMs));
    }
    return Promise.resolve();
  }

  async isRegistered(phone: string): Promise<boolean> {
    if (!E164.test(phone)) throw new DriverError('invalid_number', 'The number is not a full international number');
    this.assertReady();
    await this.wait(this.scaled(between(seededRandom(this.seed, 'lookup', phone), SIMULATOR_TIMINGS.lookupMs)));
    this.assertReady();
    return simulatorHasWhatsApp(phone);
  }

  async send(to: string, content: OutgoingContent): Promise<{ messageId: string }> {
    try {
      return await this.deliver(to, content);
    } catch (error) {
      throw error instanceof DriverError ? error : new DriverError('failed', 'The demo phone could not send the message', { cause: error });
    }
  }

  private async deliver(to: string, content: OutgoingContent): Promise<{ messageId: string }> {
    // Everything up to the log write fails before WhatsApp has the message: provably not sent.
    const before = (error: unknown): never => {
      throw error instanceof DriverError ? DriverError.beforeSend(error) : error;
    };
    if (!E164.test(to)) before(new DriverError('invalid_number', 'The number is not a full international number'));
    try {
      this.assertReady();
    } catch (error) {
      before(error);
    }
    const attempt = (this.sendAttempts.get(to) ?? 0) + 1;
    this.sendAttempts.set(to, attempt);
    const random = seededRandom(this.seed, 'send', `${to}#${attempt}`);
    const latencyMs = this.scaled(between(random, SIMULATOR_TIMINGS.sendMs));
    const lookupMs = this.scaled(between(random, SIMULATOR_TIMINGS.lookupMs));

    if (this.failRemaining > 0) {
      this.failRemaining -= 1;
      await this.wait(latencyMs).catch(before);
      before(new DriverError('failed', 'The demo phone was told to fail this send'));
    }
    if (!simulatorHasWhatsApp(to)) {
      await this.wait(lookupMs).catch(before);
      before(new DriverError('not_on_whatsapp', 'This number is not on WhatsApp'));
    }
    let media: MediaFacts | undefined;
    try {
      media = checkMedia(content);
    } catch (error) {
      before(error);
    }
    await this.wait(latencyMs).catch(before);
    try {
      this.assertReady();
    } catch (error) {
      before(error);
    }
    const { record, nth } = this.appendDelivery(to, content, media);

    this.playStory(record, nth, 0);
    // Delivered, but the caller hears so only after the confirmation comes back (or never, if the
    // connection drops meanwhile: then only sentMessagesTo() can tell it went out).
    await this.wait(this.scaled(between(seededRandom(this.seed, 'confirm', `${to}#${attempt}`), SIMULATOR_TIMINGS.confirmMs)));
    if (this.loseRemaining > 0) {
      this.loseRemaining -= 1;
      throw new DriverError('failed', 'WhatsApp did not confirm the message (demo)');
    }
    return { messageId: record.messageId };
  }

  async sendTyping(_to: string, durationMs: number): Promise<void> {
    if (this.current !== 'ready' || !(durationMs > 0)) return;
    try {
      await this.wait(durationMs);
    } catch {
      // The connection went away meanwhile: nothing more to show.
    }
  }

  sentMessagesTo(to: string, since: number): Promise<SentMessageInfo[] | null> {
    try {
      this.assertReady();
      const index = this.index();
      const mine = index.byPhone.get(to) ?? [];
      const found: SentMessageInfo[] = [];
      // Newest first, back to `since`: the whole log for this number is indexed, not a window.
      for (let i = mine.length - 1; i >= 0; i--) {
        const record = mine[i]!;
        const at = Date.parse(record.at);
        if (at < since) break;
        found.push({ ...evidenceOfRecord(record), messageId: record.messageId, to, timestamp: at, ack: this.ackNow(record, i + 1) });
      }
      return Promise.resolve(found);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  acksOf(messageIds: readonly string[]): Promise<Map<string, AckLevel>> {
    try {
      this.assertReady();
      const index = this.index();
      const acks = new Map<string, AckLevel>();
      for (const id of messageIds) {
        const hit = index.byId.get(id);
        if (hit) acks.set(id, this.ackNow(hit.record, hit.nth));
      }
      return Promise.resolve(acks);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Where a logged message's story stands now: the furthest ack that has fallen due. */
  private ackNow(record: DeliveryRecord, nth: number): AckLevel {
    const now = this.clock.now();
    let level: AckLevel = 'pending';
    for (const step of this.storySteps(record, nth)) if (step.at <= now) level = step.ack;
    return level;
  }

  /** A message's acks, each with the time it falls due (its story, from its place in the log). */
  private storySteps(record: DeliveryRecord, nth: number): { ack: AckLevel; at: number }[] {
    const story = simulatorRecordStory(this.seed, record, nth);
    const steps: { ack: AckLevel; at: number }[] = [];
    let at = Date.parse(record.at) + this.scaled(story.serverAfterMs);
    steps.push({ ack: 'server', at });
    if (record.fault === 'undelivered') return steps; // one tick, forever
    at += this.scaled(story.deviceAfterMs);
    steps.push({ ack: 'device', at });
    if (story.readAfterMs !== null) {
      at += this.scaled(story.readAfterMs);
      steps.push({ ack: 'read', at });
      if (record.kind === 'voice' && story.playedAfterMs !== null) steps.push({ ack: 'played', at: at + this.scaled(story.playedAfterMs) });
    }
    return steps;
  }

  describe(): DriverDescription {
    return { browser: null, canSendVideo: true, historyComplete: true };
  }

  disconnect(): Promise<void> {
    this.stopEverything(new DriverError('not_ready', 'The demo phone was disconnected'));
    this.current = 'disconnected';
    this.currentReason = undefined;
    this.linkedPhone = null;
    return Promise.resolve();
  }

  logout(): Promise<void> {
    this.stopEverything(new DriverError('not_ready', 'The demo phone was logged out'));
    this.deleteSession();
    this.linkedPhone = null;
    this.setState('loggedOut');
    return Promise.resolve();
  }

  // --- controls for the demo panel and tests -----------------------------------------------

  /** The pretend phone scans the QR code (or types the pairing code) now. False when not waiting for one. */
  scanNow(): boolean {
    if (this.current !== 'qr' && this.current !== 'pairing') return false;
    const phone = this.linking ?? this.ownPhone;
    this.clearTimers();
    const authenticatingMs = this.scaled(between(seededRandom(this.seed, 'scan', this.connectCount), SIMULATOR_TIMINGS.authenticatingMs));
    this.setState('authenticating');
    this.after(authenticatingMs, () => this.becomeReady(phone, SIMULATOR_DISPLAY_NAME));
    return true;
  }

  /**
   * The connection drops (the session is kept): emits `disconnected` { loggedOut: false }; sends in
   * flight fail with not_ready, pending acks and replies are dropped. connect() starts again.
   * False when not ready.
   */
  dropConnection(reason = 'The demo phone lost its connection'): boolean {
    if (this.current !== 'ready') return false;
    this.stopEverything(new DriverError('not_ready', 'The connection dropped before the message went out'));
    this.current = 'disconnected';
    this.currentReason = reason;
    this.linkedPhone = null;
    this.emit('disconnected', { reason, loggedOut: false });
    return true;
  }

  /**
   * The phone unlinks this device: the session is deleted and `disconnected` { loggedOut: true }
   * is emitted. False when not ready.
   */
  unlinkFromPhone(reason = 'The demo phone unlinked this device'): boolean {
    if (this.current !== 'ready') return false;
    this.stopEverything(new DriverError('not_ready', 'The demo phone was unlinked'));
    this.deleteSession();
    this.current = 'loggedOut';
    this.currentReason = reason;
    this.linkedPhone = null;
    this.emit('disconnected', { reason, loggedOut: true });
    return true;
  }

  /**
   * WhatsApp blocks the number: state `blocked`; sends in flight and later ones fail with
   * `blocked`. Lasts until disconnect(), logout() or connect() (which starts afresh). False when
   * not ready.
   */
  block(reason = SIMULATOR_BLOCK_REASON): boolean {
    if (this.current !== 'ready') return false;
    this.stopEverything(new DriverError('blocked', reason));
    this.setState('blocked', reason);
    return true;
  }

  /** The next `n` sends (that pass number and state checks) fail with DriverError('failed'), before leaving. */
  failNextSends(n: number): void {
    this.failRemaining = Math.max(0, Math.floor(n));
  }

  /**
   * The next `n` sends reach WhatsApp (they are in the log, their acks follow) but their
   * confirmation is lost: send() fails with DriverError('failed') as if nothing went out.
   */
  loseConfirmations(n: number): void {
    this.loseRemaining = Math.max(0, Math.floor(n));
  }

  /** Of the messages sent from now on, `pct` % are answered with an opt-out word (0: none beyond the usual few). */
  setOptOutRate(pct: number): void {
    this.faultRates.optOutPct = Math.max(0, Math.min(100, pct));
  }

  /** Of the messages sent from now on, `pct` % are never delivered: one tick, forever (0: none). */
  setUndeliveredRate(pct: number): void {
    this.faultRates.undeliveredPct = Math.max(0, Math.min(100, pct));
  }

  /**
   * Someone writes to us now. Returns the emitted message, or null when not ready (nothing
   * arrives then). Throws DriverError('invalid_number') for a malformed `from`.
   */
  receive(from: string, text: string): IncomingWhatsAppMessage | null {
    if (!E164.test(from)) throw new DriverError('invalid_number', 'The sender is not a full international number');
    if (this.current !== 'ready') return null;
    this.incomingCount += 1;
    const now = this.clock.now();
    const tag = hash32(`${this.seed}|${from}|${text}|${this.incomingCount}|${now}`).toString(36);
    const id = `sim-in-${this.accountId}-${now.toString(36)}-${this.incomingCount}-${tag}`;
    return this.deliverIncoming(id, from, text);
  }

  // --- linking -----------------------------------------------------------------------------

  private showQr(connectNo: number, authenticatingMs: number): void {
    this.linking = this.ownPhone;
    const keys = seededRandom(this.seed, 'qr-keys', connectNo);
    // WhatsApp's payload: ref, noise public key, identity public key, adv secret. The ref rotates.
    const fixed = [randomBase64(keys, 32), randomBase64(keys, 32), randomBase64(keys, 32)].join(',');
    let rotation = 0;
    const show = (): void => {
      const ref = randomBase64(seededRandom(this.seed, 'qr-ref', `${connectNo}:${rotation}`), 60);
      rotation += 1;
      this.emit('qr', { payload: `2@${ref},${fixed}` });
      this.after(this.scaled(SIMULATOR_TIMINGS.qrRotateMs), show);
    };
    this.setState('qr');
    show();
    this.scheduleAutoScan(authenticatingMs);
  }

  private showPairingCode(phone: string, connectNo: number, authenticatingMs: number): void {
    this.linking = phone;
    const random = seededRandom(this.seed, 'pairing', `${phone}:${connectNo}`);
    let code = '';
    for (let i = 0; i < 8; i++) code += pick(random, [...PAIRING_ALPHABET]);
    this.setState('pairing');
    this.emit('pairingCode', { code: `${code.slice(0, 4)}-${code.slice(4)}` });
    this.scheduleAutoScan(authenticatingMs);
  }

  private scheduleAutoScan(authenticatingMs: number): void {
    if (this.autoScanMs === null) return;
    this.after(this.scaled(this.autoScanMs), () => {
      const phone = this.linking ?? this.ownPhone;
      this.clearTimers();
      this.setState('authenticating');
      this.after(authenticatingMs, () => this.becomeReady(phone, SIMULATOR_DISPLAY_NAME));
    });
  }

  private becomeReady(phone: string, displayName: string): void {
    const session: SessionFile = { version: 1, phone, displayName, linkedAt: new Date(this.clock.now()).toISOString() };
    try {
      fs.mkdirSync(this.sessionDir, { recursive: true });
      fs.writeFileSync(this.sessionFile, JSON.stringify(session, null, 2));
    } catch {
      this.stopEverything(new DriverError('not_ready', 'The demo phone could not start'));
      this.setState('failed', 'Could not save the demo session to the data folder');
      return;
    }
    this.linking = null;
    this.linkedPhone = phone;
    this.readyCount += 1;
    this.setState('ready');
    this.emit('ready', { phone, displayName });
    this.replayPendingAcks();
    if (this.randomDisconnects) {
      // Keyed by how far the story has got (the log's length), so reconnects do not repeat it.
      let logLength = 0;
      try {
        logLength = this.index().nextSeq;
      } catch {
        // An unreadable log only makes the drop time less varied.
      }
      const key = `${this.readyCount}:${logLength}`;
      const afterMs = between(seededRandom(this.seed, 'drop', key), SIMULATOR_TIMINGS.randomDisconnectMs);
      this.after(this.scaled(afterMs), () => this.dropConnection('Lost the connection to WhatsApp (demo)'));
    }
  }

  private readSession(): SessionFile | null {
    try {
      const value: unknown = JSON.parse(fs.readFileSync(this.sessionFile, 'utf8'));
      if (typeof value !== 'object' || value === null) return null;
      const v = value as Record<string, unknown>;
      if (typeof v.phone !== 'string' || !E164.test(v.phone)) return null;
      const displayName = typeof v.displayName === 'string' ? v.displayName : SIMULATOR_DISPLAY_NAME;
      const linkedAt = typeof v.linkedAt === 'string' ? v.linkedAt : '';
      return { version: 1, phone: v.phone, displayName, linkedAt };
    } catch {
      // No session, or an unreadable one: link again with a QR code.
      return null;
    }
  }

  private deleteSession(): void {
    fs.rmSync(this.sessionFile, { force: true });
  }

  // --- sending -----------------------------------------------------------------------------

  /** The log, indexed; reloaded whenever the file changed under us (another run appended). */
  private index(): LogIndex {
    const file = this.deliveryLogFile;
    const size = fileSize(file);
    if (this.logIndex && this.logIndex.size === size) return this.logIndex;
    fs.mkdirSync(this.logDir, { recursive: true });
    const text = readTextOrEmpty(file);
    // Seal a torn last line so the next record starts on a line of its own.
    if (text.length > 0 && !text.endsWith('\n')) fs.appendFileSync(file, '\n');
    const index: LogIndex = { size: fileSize(file), nextSeq: 1, records: [], byPhone: new Map(), byId: new Map() };
    for (const record of parseDeliveryLog(text)) {
      index.nextSeq = Math.max(index.nextSeq, record.seq + 1);
      this.addToIndex(index, record);
    }
    this.logIndex = index;
    return index;
  }

  private addToIndex(index: LogIndex, record: DeliveryRecord): number {
    index.records.push(record);
    const mine = index.byPhone.get(record.to) ?? [];
    mine.push(record);
    index.byPhone.set(record.to, mine);
    index.byId.set(record.messageId, { record, nth: mine.length });
    return mine.length;
  }

  /** Writes the delivery durably (before send() resolves). */
  private appendDelivery(to: string, content: OutgoingContent, media: MediaFacts | undefined): { record: DeliveryRecord; nth: number } {
    try {
      const index = this.index();
      const seq = index.nextSeq;
      const now = this.clock.now();
      const fault = simulatorFault(this.seed, to, (index.byPhone.get(to)?.length ?? 0) + 1, this.faultRates);
      const tag = hash32(`${this.seed}|${this.accountId}|${seq}|${to}|${now}`).toString(36);
      const record: DeliveryRecord = {
        at: new Date(now).toISOString(),
        accountId: this.accountId,
        messageId: `sim-${this.accountId}-${seq}-${tag}`,
        to,
        kind: content.kind,
        text: contentText(content),
        ...(media ?? {}),
        ...(content.kind === 'location' ? { latitude: content.latitude, longitude: content.longitude } : {}),
        ...(content.kind === 'contact' ? { contactPhone: content.phone.replace(/\D/g, '') } : {}),
        ...(content.kind === 'poll' ? { options: content.options } : {}),
        seq,
        ...(fault ? { fault } : {}),
      };
      const line = `${JSON.stringify(record)}\n`;
      fs.appendFileSync(this.deliveryLogFile, line);
      index.size += Buffer.byteLength(line);
      index.nextSeq = seq + 1;
      const nth = this.addToIndex(index, record);
      return { record, nth };
    } catch (error) {
      this.logIndex = null;
      throw new DriverError('failed', 'The demo phone could not record the message', { cause: error, nothingSent: true });
    }
  }

  /**
   * Acks (and maybe a reply) for a delivered message, each step scheduled by the one before;
   * `from` skips the steps already played (a replay after a reconnect).
   */
  private playStory(record: DeliveryRecord, nth: number, from: number): void {
    const messageId = record.messageId;
    const story = simulatorRecordStory(this.seed, record, nth);
    const steps = this.storySteps(record, nth);
    const play = (i: number): void => {
      const step = steps[i];
      if (!step) return;
      const next = steps[i + 1];
      const fire = () => {
        this.ack(messageId, step.ack);
        if (step.ack === 'read' && story.reply) {
          const reply = story.reply;
          this.after(this.scaled(reply.afterMs), () => this.deliverIncoming(`${messageId}-reply`, record.to, reply.text));
        }
        if (step.ack === 'read') {
          const vote = simulatorVote(this.seed, record, nth);
          if (vote) this.after(this.scaled(vote.afterMs), () => this.emit('vote', { messageId, voter: record.to, options: vote.options, at: this.clock.now() }));
        }
        if (next) this.after(Math.max(0, next.at - step.at), () => play(i + 1));
      };
      if (i === from) this.after(Math.max(0, step.at - this.clock.now()), fire);
      else fire();
    };
    play(from);
  }

  /** After a (re)connect: the acks of logged messages that are still to come are played. */
  private replayPendingAcks(): void {
    let index: LogIndex;
    try {
      index = this.index();
    } catch {
      return; // an unreadable log: no receipts to replay
    }
    const now = this.clock.now();
    // No story lasts longer than this: older messages have nothing left to play.
    const horizon = now - this.scaled(STORY_MAX_MS);
    for (let i = index.records.length - 1; i >= 0; i--) {
      const record = index.records[i]!;
      if (Date.parse(record.at) < horizon) break;
      const nth = index.byId.get(record.messageId)?.nth ?? 1;
      const steps = this.storySteps(record, nth);
      const next = steps.findIndex((step) => step.at > now);
      if (next >= 0) this.playStory(record, nth, next);
    }
  }

  private ack(messageId: string, ack: AckLevel): void {
    this.emit('ack', { messageId, ack });
  }

  private deliverIncoming(id: string, from: string, body: string): IncomingWhatsAppMessage {
    const message: IncomingWhatsAppMessage = { id, from, body, type: 'text', timestamp: this.clock.now() };
    this.emit('message', message);
    return message;
  }

  // --- state, timers and waits -------------------------------------------------------------

  private setState(state: AccountState, reason?: string): void {
    this.current = state;
    this.currentReason = reason;
    this.emit('state', reason === undefined ? { state } : { state, reason });
  }

  private assertReady(): void {
    if (this.current === 'ready') return;
    if (this.current === 'blocked') throw new DriverError('blocked', this.currentReason ?? SIMULATOR_BLOCK_REASON);
    throw new DriverError('not_ready', 'The demo phone is not connected');
  }

  private scaled(ms: number): number {
    return Math.max(0, Math.round(ms / this.speed));
  }

  /** Runs `fn` after `ms` unless the connection goes away first. */
  private after(ms: number, fn: () => void): void {
    const epoch = this.epoch;
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (epoch === this.epoch) fn();
    }, ms);
    this.timers.add(handle);
  }

  /** Waits `ms`; rejects with the stop's error when the connection goes away first. */
  private wait(ms: number): Promise<void> {
    // No timer for "no delay" (a fast demo phone in benchmarks): a timer costs at least 1 ms.
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        handle: this.clock.setTimeout(() => {
          this.waiters.delete(waiter);
          resolve();
        }, ms),
        reject,
      };
      this.waiters.add(waiter);
    });
  }

  private clearTimers(): void {
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
  }

  /** Cancels every timer and fails every wait: nothing of this connection may happen later. */
  private stopEverything(error: DriverError): void {
    this.epoch += 1;
    this.linking = null;
    this.clearTimers();
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) {
      this.clock.clearTimeout(waiter.handle);
      waiter.reject(error);
    }
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

type MediaFacts = { fileName: string; fileSize: number; mimeType: string };

/** Checks a media file exists; returns what identifies it (undefined for content without a file). */
function checkMedia(content: OutgoingContent): MediaFacts | undefined {
  if (content.kind !== 'image' && content.kind !== 'video' && content.kind !== 'document' && content.kind !== 'voice') {
    return undefined;
  }
  let size = -1;
  try {
    const stat = fs.statSync(content.file.path);
    if (stat.isFile()) size = stat.size;
  } catch {
    size = -1;
  }
  if (size < 0) throw new DriverError('bad_media', 'The file to send is missing', { nothingSent: true });
  return { fileName: content.file.fileName, fileSize: size, mimeType: content.file.mimeType };
}

/** What a log line says about its message, as reconciliation compares it. */
function evidenceOfRecord(record: DeliveryRecord): MessageEvidence {
  const evidence: MessageEvidence = { kind: record.kind, body: record.kind === 'location' || record.kind === 'contact' ? '' : record.text };
  if (record.fileName !== undefined) evidence.fileName = record.fileName;
  if (record.fileSize !== undefined) evidence.fileSize = record.fileSize;
  if (record.mimeType !== undefined) evidence.mimeType = record.mimeType;
  if (record.latitude !== undefined) evidence.latitude = record.latitude;
  if (record.longitude !== undefined) evidence.longitude = record.longitude;
  if (record.contactPhone !== undefined) evidence.contactPhone = record.contactPhone;
  return evidence;
}

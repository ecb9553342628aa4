/** WhatsApp accounts, their event log, incoming messages and number checks: plain data for IPC. */

/** Which driver an account runs on: the real WhatsApp Web client, or the built-in demo phone. */
export type DriverKind = 'wweb' | 'simulator';
export const DRIVER_KINDS = ['wweb', 'simulator'] as const satisfies readonly DriverKind[];

/**
 * What the user sees of an account's connection.
 * - `disconnected`: not running (never linked, or stopped).
 * - `starting`: the client is launching.
 * - `qr` / `pairing`: waiting for the phone to scan the QR code / enter the pairing code.
 * - `authenticating`: the phone accepted; loading chats.
 * - `ready`: connected and able to send.
 * - `reconnecting`: lost the connection; retrying with backoff.
 * - `blocked`: WhatsApp blocked the account, or another device took over the session (conflict).
 * - `failed`: could not start or keep going; `stateDetail` says why in plain words.
 * - `loggedOut`: the session was unlinked (here or from the phone); needs a new QR.
 */
export type AccountState =
  | 'disconnected'
  | 'starting'
  | 'qr'
  | 'pairing'
  | 'authenticating'
  | 'ready'
  | 'reconnecting'
  | 'blocked'
  | 'failed'
  | 'loggedOut';

/** WhatsApp's delivery levels for a message we sent, in order (error aside). */
export type AckLevel = 'error' | 'pending' | 'server' | 'device' | 'read' | 'played';

export type Account = {
  id: number;
  label: string;
  driver: DriverKind;
  state: AccountState;
  /** Plain-words detail for `failed`, `blocked`, `reconnecting` (e.g. "Retrying in 8 s"). */
  stateDetail: string | null;
  /** The linked phone's own number (E.164) and push name, once known. */
  phone: string | null;
  displayName: string | null;
  /** While state is `qr`: the QR code as an SVG document. */
  qrSvg: string | null;
  /** While state is `pairing`: the code to type on the phone (e.g. "K7PD-2QXM"). */
  pairingCode: string | null;
  /** A saved session exists: the account reconnects at start without a new QR. */
  linked: boolean;
  /** Something the user should know about this account's client (e.g. video needs Google Chrome). */
  note: string | null;
  createdAt: string;
  lastReadyAt: string | null;
};

export type LogLevel = 'info' | 'warning' | 'error';

export type AccountEvent = {
  id: number;
  accountId: number | null;
  accountLabel: string | null;
  at: string;
  level: LogLevel;
  /** A stable machine code ("state.ready", "optout", "check.finished", …). */
  code: string;
  message: string;
};

export type IncomingMessage = {
  id: number;
  accountId: number;
  accountLabel: string | null;
  fromPhone: string;
  contactId: number | null;
  contactName: string | null;
  body: string;
  receivedAt: string;
  /** The message was an opt-out word and the sender was blacklisted. */
  optOut: boolean;
};

/** A number checked more recently than this is skipped by a new check unless the user asks. */
export const RECHECK_AFTER_DAYS = 30;

/** Whether a contact's number is on WhatsApp, as last checked. */
export type WaStatus = 'yes' | 'no';

export type NumberCheckProgress = {
  checkId: string;
  accountId: number;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  total: number;
  done: number;
  onWhatsApp: number;
  notOnWhatsApp: number;
  /** Numbers that could not be checked (the account dropped, an error): left as unknown. */
  unknown: number;
  message: string | null;
};

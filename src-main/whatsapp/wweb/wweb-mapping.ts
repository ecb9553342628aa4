/**
 * Pure translations between whatsapp-web.js's words and ours: connection states, delivery acks,
 * disconnect reasons, WhatsApp ids ↔ E.164 phones, message types, vCards and error messages.
 * Nothing here touches the browser, so all of it is unit-tested directly.
 */
import type { AccountState, AckLevel } from '#shared/accounts';
import type { IncomingWhatsAppMessage } from '#main/whatsapp/driver';
import { DriverError, type DriverErrorCode } from '#main/whatsapp/errors';

// ---------------------------------------------------------------------------------------------
// Connection states (whatsapp-web.js WAState, reported by `change_state`)

export type MappedState = { state: AccountState; reason?: string };

const BLOCKED_REASON = 'WhatsApp has blocked this number. Sending on this account is paused.';
const CONFLICT_REASON =
  'WhatsApp was opened on another computer or browser with this number, which took over the session.';
const UNLINKED_REASON = 'This computer was unlinked from the phone (or logged out). Link it again with a new QR code.';

/**
 * Our view of a WhatsApp Web socket state. `null` means "nothing to report" (a state that is always
 * followed by a `disconnected` event, which says more).
 */
export function mapWaState(waState: string): MappedState | null {
  switch (waState) {
    case 'CONNECTED':
      return { state: 'ready' };
    case 'OPENING':
      return { state: 'authenticating', reason: 'Connecting to WhatsApp…' };
    case 'PAIRING':
      return { state: 'authenticating', reason: 'Linking with the phone…' };
    case 'TIMEOUT':
      return { state: 'authenticating', reason: 'WhatsApp is not answering; trying again…' };
    case 'CONFLICT':
      return { state: 'blocked', reason: CONFLICT_REASON };
    case 'TOS_BLOCK':
    case 'SMB_TOS_BLOCK':
      return { state: 'blocked', reason: BLOCKED_REASON };
    case 'PROXYBLOCK':
      return {
        state: 'failed',
        reason: 'WhatsApp refused the connection from this network (a proxy or VPN may be blocked). Try another network.',
      };
    case 'DEPRECATED_VERSION':
      return { state: 'failed', reason: 'This version of WhatsApp Web is too old. Update Pigeon.' };
    case 'UNPAIRED':
    case 'UNPAIRED_IDLE':
      return { state: 'loggedOut', reason: UNLINKED_REASON };
    case 'UNLAUNCHED':
      return null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Acks (whatsapp-web.js MessageAck: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played)

const ACKS: Readonly<Record<string, AckLevel>> = {
  '-1': 'error',
  '0': 'pending',
  '1': 'server',
  '2': 'device',
  '3': 'read',
  '4': 'played',
};

export function mapAck(ack: unknown): AckLevel | null {
  if (typeof ack !== 'number' || !Number.isInteger(ack)) return null;
  return ACKS[String(ack)] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Disconnect reasons (the `disconnected` event: 'LOGOUT', 'NAVIGATION' or a WAState)

export type MappedDisconnect = {
  /** The session is gone: no reconnect, a new QR is needed. */
  loggedOut: boolean;
  /** WhatsApp blocked the account or another device took over: stop sending, no automatic reconnect. */
  blocked: boolean;
  /** Plain words for the user. */
  reason: string;
};

export function mapDisconnectReason(raw: unknown): MappedDisconnect {
  const code = typeof raw === 'string' ? raw : '';
  switch (code) {
    case 'LOGOUT':
    case 'UNPAIRED':
    case 'UNPAIRED_IDLE':
      return { loggedOut: true, blocked: false, reason: UNLINKED_REASON };
    case 'TOS_BLOCK':
    case 'SMB_TOS_BLOCK':
      return { loggedOut: false, blocked: true, reason: BLOCKED_REASON };
    case 'CONFLICT':
      return { loggedOut: false, blocked: true, reason: CONFLICT_REASON };
    case 'NAVIGATION':
      return { loggedOut: false, blocked: false, reason: 'WhatsApp Web reloaded.' };
    case 'PROXYBLOCK':
      return { loggedOut: false, blocked: false, reason: 'WhatsApp refused the connection from this network.' };
    case 'DEPRECATED_VERSION':
      return { loggedOut: false, blocked: false, reason: 'This version of WhatsApp Web is too old. Update Pigeon.' };
    case 'UNLAUNCHED':
    case 'TIMEOUT':
      return { loggedOut: false, blocked: false, reason: 'The connection to WhatsApp was lost.' };
    case 'Max qrcode retries reached':
      return { loggedOut: false, blocked: false, reason: 'The QR code was not scanned in time.' };
    default:
      // Only known, short, upper-case codes are echoed; anything else could carry page text.
      return {
        loggedOut: false,
        blocked: false,
        reason: /^[A-Z_]{2,40}$/.test(code)
          ? `The connection to WhatsApp was lost (${code}).`
          : 'The connection to WhatsApp was lost.',
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Phones and WhatsApp ids

const E164 = /^\+[1-9]\d{5,14}$/;

/** "+905321234567" → "905321234567"; throws DriverError('invalid_number') when it is not E.164. */
export function phoneToDigits(phone: string): string {
  const trimmed = phone.trim();
  if (!E164.test(trimmed)) throw new DriverError('invalid_number', 'This phone number is not in international format.');
  return trimmed.slice(1);
}

/** "+905321234567" → "905321234567@c.us". */
export function phoneToWid(phone: string): string {
  return `${phoneToDigits(phone)}@c.us`;
}

export type WidKind = 'user' | 'lid' | 'group' | 'status' | 'broadcast' | 'newsletter' | 'other';

export function widKind(wid: string): WidKind {
  const at = wid.lastIndexOf('@');
  const server = at >= 0 ? wid.slice(at + 1).toLowerCase() : '';
  if (wid.toLowerCase() === 'status@broadcast') return 'status';
  switch (server) {
    case 'c.us':
    case 's.whatsapp.net':
      return 'user';
    case 'lid':
      return 'lid';
    case 'g.us':
      return 'group';
    case 'broadcast':
      return 'broadcast';
    case 'newsletter':
      return 'newsletter';
    default:
      return 'other';
  }
}

/**
 * "905321234567@c.us" (or "905321234567:3@s.whatsapp.net", with a device suffix) → "+905321234567".
 * Null for anything that is not one person's phone-number id: groups, status, broadcast lists,
 * channels and @lid ids (those hide the number; the driver asks WhatsApp for the contact's number).
 */
export function widToPhone(wid: string): string | null {
  if (widKind(wid) !== 'user') return null;
  const user = wid.slice(0, wid.lastIndexOf('@')).split(':')[0] ?? '';
  return digitsToPhone(user);
}

/** "905321234567" (or "+90 532…", as a contact's number may be written) → "+905321234567". */
export function digitsToPhone(digits: string): string | null {
  const clean = digits.replace(/[\s()+-]/g, '');
  if (!/^\d+$/.test(clean)) return null;
  const phone = `+${clean}`;
  return E164.test(phone) ? phone : null;
}

// ---------------------------------------------------------------------------------------------
// Incoming messages

/** Types that are not something a person wrote: system notices, revoked messages, protocol noise. */
const NOT_A_MESSAGE: ReadonlySet<string> = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'call_log',
  'protocol',
  'revoked',
  'ciphertext',
  'debug',
  'broadcast_notification',
  'reaction',
]);

export function mapMessageType(type: string): IncomingWhatsAppMessage['type'] {
  switch (type) {
    case 'chat':
      return 'text';
    case 'image':
    case 'video':
    case 'audio':
    case 'ptt':
    case 'document':
    case 'sticker':
    case 'album':
      return 'media';
    case 'location':
      return 'location';
    case 'vcard':
    case 'multi_vcard':
      return 'contact';
    default:
      return 'other';
  }
}

export type IncomingShape = {
  fromMe: boolean;
  from: string;
  type: string;
  isStatus?: boolean;
  broadcast?: boolean;
};

/** Why an incoming message is not passed on, or null when it should be. */
export function incomingSkipReason(message: IncomingShape): string | null {
  if (message.fromMe) return 'own message';
  if (message.isStatus) return 'status update';
  if (message.broadcast) return 'broadcast';
  const kind = widKind(message.from);
  if (kind !== 'user' && kind !== 'lid') return kind;
  if (NOT_A_MESSAGE.has(message.type)) return 'notification';
  return null;
}

/** The text we keep: the body of a text, the caption of media, nothing for the rest. */
export function incomingBody(type: IncomingWhatsAppMessage['type'], body: unknown): string {
  if (type !== 'text' && type !== 'media') return '';
  return typeof body === 'string' ? body : '';
}

// ---------------------------------------------------------------------------------------------
// Pairing codes and vCards

/** "K7PD2QXM" → "K7PD-2QXM" (as WhatsApp shows it on the phone). */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}

/** Escapes a vCard text value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** A contact card WhatsApp shows with a "Message" button (waid = the number's digits). */
export function buildVCard(displayName: string, phone: string): string {
  const digits = phoneToDigits(phone);
  const name = escapeVCardText(displayName.trim() || `+${digits}`);
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${name}`,
    `N:;${name};;;`,
    `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`,
    'END:VCARD',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The text of whatever was thrown (whatsapp-web.js sometimes throws plain strings). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '';
}

export type StartFailure = { code: DriverErrorCode; reason: string };

export const NETWORK_REASON = 'Couldn’t reach WhatsApp Web — check the internet connection.';

/** Why `initialize()` failed, in plain words, with the DriverError code to reject with. */
export function classifyStartError(error: unknown): StartFailure {
  const text = errorText(error);
  if (/ERR_PROXY|ERR_TUNNEL/i.test(text)) {
    return { code: 'network', reason: 'Couldn’t reach WhatsApp Web through the proxy — check the internet connection and proxy settings.' };
  }
  if (/net::ERR_|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|getaddrinfo/i.test(text)) {
    return { code: 'network', reason: NETWORK_REASON };
  }
  if (/auth timeout|ready timeout|Navigation timeout|TimeoutError/i.test(text)) {
    return { code: 'timeout', reason: 'WhatsApp Web did not load in time — check the internet connection.' };
  }
  if (/already running for|SingletonLock|ProcessSingleton/i.test(text)) {
    return {
      code: 'failed',
      reason: 'The browser profile for this account is in use by another window. Close other Pigeon windows and try again.',
    };
  }
  if (/Failed to launch the browser process|spawn .*ENOENT|EACCES|Browser was not found/i.test(text)) {
    return {
      code: 'failed',
      reason: 'The browser could not be started. Reinstall Google Chrome, or choose another browser in Settings.',
    };
  }
  if (/Target closed|Session closed|Protocol error|browser has disconnected|Connection closed/i.test(text)) {
    return { code: 'failed', reason: 'The browser closed while WhatsApp Web was starting.' };
  }
  return { code: 'failed', reason: 'WhatsApp Web could not be started.' };
}

/** A DriverError for a failed send, number check or chat read. */
export function mapOperationError(error: unknown, action: string): DriverError {
  if (error instanceof DriverError) return error;
  const text = errorText(error);
  const make = (code: DriverErrorCode, message: string) => new DriverError(code, message, { cause: error });
  if (/ENOENT|EISDIR|EACCES|EPERM/.test(text)) return make('bad_media', 'The file to send could not be read.');
  if (/invalid wid|wid error|invalid number/i.test(text)) return make('invalid_number', 'WhatsApp says this number is not valid.');
  if (/Media upload failed|media.*(too large|not supported)|unsupported.*media|Invalid media/i.test(text)) {
    return make('bad_media', 'WhatsApp did not accept the file.');
  }
  if (
    /Target closed|Session closed|Protocol error|detached Frame|Execution context was destroyed|browser has disconnected|Connection closed|Cannot read properties of null \(reading 'evaluate'\)/i.test(
      text,
    )
  ) {
    return make('not_ready', 'WhatsApp Web is not connected right now.');
  }
  if (/net::ERR_|ECONNRESET|ENOTFOUND/i.test(text)) return make('network', 'The connection to WhatsApp dropped.');
  if (/timeout|timed out/i.test(text)) return make('timeout', `WhatsApp took too long to ${action}.`);
  return make('failed', `WhatsApp could not ${action}.`);
}

/**
 * The one interface everything WhatsApp goes through (docs/architecture.md). Two implementations:
 * `wweb/wweb-driver.ts` (whatsapp-web.js in an installed Chrome) and `simulator/simulator-driver.ts`
 * (a seeded pretend phone). The account manager owns drivers; nothing else calls one directly.
 *
 * Phones cross this interface as E.164 strings ("+905321234567"); each driver converts to its own ids.
 */
import type { AccountState, AckLevel, DriverKind } from '#shared/accounts';
import type { TypedEmitter } from './emitter';

/** A file to send, already copied into the data folder and checked. */
export type MediaFile = { path: string; mimeType: string; fileName: string };

/** One message part, as the driver sends it. */
export type OutgoingContent =
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'video' | 'document'; file: MediaFile; caption?: string }
  | { kind: 'voice'; file: MediaFile }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: 'contact'; displayName: string; phone: string }
  | { kind: 'poll'; question: string; options: string[]; multipleAnswers: boolean };

export type IncomingWhatsAppMessage = {
  /** WhatsApp's message id. */
  id: string;
  /** Sender, E.164. */
  from: string;
  /** Text, or the caption of media ('' when none). */
  body: string;
  /** What it was: text, image, … (drivers map their own types to these words). */
  type: 'text' | 'media' | 'location' | 'contact' | 'other';
  /** Milliseconds since the epoch. */
  timestamp: number;
};

/**
 * What identifies a message we sent, per kind, so that reconciliation after a crash compares a
 * location with a location (its coordinates), a card with a card (its number), a file with a file
 * (its name, size, type), never "any message to that person". Fields a driver cannot read are
 * left out.
 */
export type MessageEvidence = {
  kind: OutgoingContent['kind'] | 'other';
  /** The text, caption or poll question ('' when none). */
  body: string;
  fileName?: string;
  fileSize?: number;
  mimeType?: string;
  latitude?: number;
  longitude?: number;
  /** A contact card's number, digits only. */
  contactPhone?: string;
};

export type SentMessageInfo = MessageEvidence & { messageId: string; to: string; timestamp: number; ack: AckLevel };

export type DriverEvents = {
  /**
   * The driver's own view of its state. Drivers never report `reconnecting` (the manager decides
   * that) or `disconnected` for a stop the manager asked for. `reason` is plain words for the user.
   */
  state: { state: AccountState; reason?: string };
  /** A new QR payload to show (it rotates every ~20 s on WhatsApp). */
  qr: { payload: string };
  /** The code to type on the phone, for pairing by phone number. */
  pairingCode: { code: string };
  /** Linked and ready: the phone's own number (E.164) and push name. */
  ready: { phone: string; displayName: string };
  /** A delivery level for a message we sent. */
  ack: { messageId: string; ack: AckLevel };
  /** Someone wrote to us (not our own messages, not groups or status updates). */
  message: IncomingWhatsAppMessage;
  /**
   * Someone voted on a poll we sent: the options chosen now (empty: every vote taken back), the
   * voter (E.164) and when (ms).
   */
  vote: { messageId: string; voter: string; options: string[]; at: number };
  /**
   * The connection dropped after having been ready. `loggedOut` means the session is gone (unlinked
   * from the phone): no reconnect. Otherwise the manager reconnects with backoff.
   */
  disconnected: { reason: string; loggedOut: boolean };
};

export type DriverDescription = { browser: string | null; canSendVideo: boolean; historyComplete: boolean };

export type ConnectOptions = {
  /** Link by pairing code for this phone (E.164) instead of a QR code. */
  pairWithPhone?: string;
};

export interface WhatsAppDriver extends Pick<TypedEmitter<DriverEvents>, 'on' | 'removeAllListeners'> {
  readonly kind: DriverKind;

  /**
   * Starts the client. Resolves once it is started (not once ready): progress then comes as
   * events. Rejects with a DriverError (code `browser_missing`, `network`, `timeout`, …) when it
   * cannot start; by then every resource (browser process) it opened is closed again.
   */
  connect(options?: ConnectOptions): Promise<void>;

  /** Whether `phone` (E.164) has WhatsApp. Needs `ready`. */
  isRegistered(phone: string): Promise<boolean>;

  /** Sends one message; resolves with WhatsApp's message id. Throws DriverError. */
  send(to: string, content: OutgoingContent): Promise<{ messageId: string }>;

  /** Shows "typing…" in the chat with `to` for about `durationMs`. */
  sendTyping(to: string, durationMs: number): Promise<void>;

  /**
   * Our own messages to `to` sent at or after `since` (ms), newest first, so a send interrupted
   * by a crash or an error can be reconciled (did it go out?). Drivers that cannot tell return null.
   */
  sentMessagesTo(to: string, since: number): Promise<SentMessageInfo[] | null>;

  /**
   * The delivery level WhatsApp has now for each of these message ids (ids it does not know are
   * left out), to catch up on acks that came while Pigeon was not running.
   */
  acksOf(messageIds: readonly string[]): Promise<Map<string, AckLevel>>;

  /**
   * What this client can do: notes for the UI (video needs Google Chrome's codecs), and whether
   * sentMessagesTo() sees everything ever sent, so that "not found" after a crash proves a
   * message never left (the simulator's durable log) rather than "can't tell" (WhatsApp Web,
   * whose browser may have sent it after Pigeon died).
   */
  describe(): DriverDescription;

  /** Closes the client and browser but keeps the saved session (reconnects without QR). */
  disconnect(): Promise<void>;

  /** Unlinks the device from the phone and deletes the saved session; then closes. */
  logout(): Promise<void>;
}

/** Builds a driver for an account. The manager calls it again for every (re)connect. */
export type DriverFactory = (account: {
  id: number;
  driver: DriverKind;
  /** The simulator's seed (stored per account, so its story repeats). */
  seed: number;
  /** Folder for this account's saved session (created by the driver when needed). */
  sessionDir: string;
}) => WhatsAppDriver;

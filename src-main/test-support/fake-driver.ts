/**
 * A scriptable driver for testing the account manager's own logic (reconnect, backoff, blocked,
 * failure) where the simulator's realism would only get in the way. Tests reach the instances a
 * factory made through `drivers`.
 */
import type { AccountState, AckLevel, DriverKind } from '#shared/accounts';
import type {
  ConnectOptions,
  DriverDescription,
  DriverEvents,
  DriverFactory,
  OutgoingContent,
  SentMessageInfo,
  WhatsAppDriver,
} from '#main/whatsapp/driver';
import { TypedEmitter } from '#main/whatsapp/emitter';
import { DriverError } from '#main/whatsapp/errors';

export class FakeDriver extends TypedEmitter<DriverEvents> implements WhatsAppDriver {
  readonly kind: DriverKind = 'wweb';
  connected = false;
  disconnects = 0;
  logouts = 0;
  connectOptions: ConnectOptions | undefined;
  /** What connect() does: resolve (then the test drives events), or reject with this error. */
  connectError: DriverError | null = null;
  sent: { to: string; content: OutgoingContent }[] = [];

  constructor(readonly sessionDir: string) {
    super();
  }

  fire<E extends keyof DriverEvents>(event: E, payload: DriverEvents[E]): void {
    this.emit(event, payload);
  }

  state(state: AccountState, reason?: string): void {
    this.emit('state', reason === undefined ? { state } : { state, reason });
  }

  connect(options?: ConnectOptions): Promise<void> {
    this.connectOptions = options;
    if (this.connectError) {
      // As the real driver does: say `failed` with the reason, then reject.
      this.state('failed', this.connectError.message);
      return Promise.reject(this.connectError);
    }
    this.connected = true;
    return Promise.resolve();
  }

  isRegistered(phone: string): Promise<boolean> {
    if (!this.connected) return Promise.reject(new DriverError('not_ready', 'not connected'));
    return Promise.resolve(!phone.endsWith('0'));
  }

  send(to: string, content: OutgoingContent): Promise<{ messageId: string }> {
    this.sent.push({ to, content });
    return Promise.resolve({ messageId: `fake-${this.sent.length}` });
  }

  sendTyping(_to: string, _durationMs: number): Promise<void> {
    return Promise.resolve();
  }

  /** Can't tell, unless a test replaces it with a chat history. */
  sentMessagesTo(_to: string, _since: number): Promise<SentMessageInfo[] | null> {
    return Promise.resolve(null);
  }

  /** Knows no acks, unless a test replaces it. */
  acksOf(_messageIds: readonly string[]): Promise<Map<string, AckLevel>> {
    return Promise.resolve(new Map<string, AckLevel>());
  }

  describe(): DriverDescription {
    return { browser: null, canSendVideo: true, historyComplete: false };
  }

  disconnect(): Promise<void> {
    this.connected = false;
    this.disconnects++;
    return Promise.resolve();
  }

  logout(): Promise<void> {
    this.connected = false;
    this.logouts++;
    return Promise.resolve();
  }
}

/** A factory that records every driver it made, and lets the test prepare the next one. */
export function fakeDriverFactory(prepare: (driver: FakeDriver, n: number) => void = () => undefined): {
  factory: DriverFactory;
  drivers: FakeDriver[];
} {
  const drivers: FakeDriver[] = [];
  const factory: DriverFactory = (account) => {
    const driver = new FakeDriver(account.sessionDir);
    prepare(driver, drivers.length);
    drivers.push(driver);
    return driver;
  };
  return { factory, drivers };
}

/** Errors a driver throws, with a code the queue and the UI can act on. */
export type DriverErrorCode =
  /** The driver is not connected (or not yet ready). Transient. */
  | 'not_ready'
  /** The number does not have WhatsApp. Permanent for that number. */
  | 'not_on_whatsapp'
  /** The number is malformed. Permanent. */
  | 'invalid_number'
  /** A file could not be read or is not accepted. Permanent for that message. */
  | 'bad_media'
  /** WhatsApp blocked the account. Stop sending on it. */
  | 'blocked'
  /** No usable browser was found (real driver). */
  | 'browser_missing'
  /** WhatsApp Web could not be reached. */
  | 'network'
  /** Something took longer than allowed. Transient. */
  | 'timeout'
  /** Any other failure; treated as transient. */
  | 'failed';

const PERMANENT: ReadonlySet<DriverErrorCode> = new Set(['not_on_whatsapp', 'invalid_number', 'bad_media']);

export class DriverError extends Error {
  readonly code: DriverErrorCode;
  /**
   * The driver can prove nothing reached WhatsApp (it failed before handing the message over: not
   * connected, no such number, a file it would not read). Every other failure of a send is in
   * doubt — the message may have left — and goes to reconciliation, never to a blind retry.
   */
  readonly nothingSent: boolean;

  /** `message` is plain words for the user; it must not contain message text or file contents. */
  constructor(code: DriverErrorCode, message: string, options?: { cause?: unknown; nothingSent?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DriverError';
    this.code = code;
    this.nothingSent = options?.nothingSent ?? false;
  }

  /** The same error, marked as failing before anything was handed to WhatsApp. */
  static beforeSend(error: DriverError): DriverError {
    if (error.nothingSent) return error;
    return new DriverError(error.code, error.message, { cause: error.cause, nothingSent: true });
  }

  /** A retry will not help (for this recipient or message). */
  get permanent(): boolean {
    return PERMANENT.has(this.code);
  }
}

export function isDriverError(error: unknown): error is DriverError {
  return error instanceof DriverError;
}

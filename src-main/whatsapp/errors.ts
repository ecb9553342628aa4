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

  /** `message` is plain words for the user; it must not contain message text or file contents. */
  constructor(code: DriverErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DriverError';
    this.code = code;
  }

  /** A retry will not help (for this recipient or message). */
  get permanent(): boolean {
    return PERMANENT.has(this.code);
  }
}

export function isDriverError(error: unknown): error is DriverError {
  return error instanceof DriverError;
}

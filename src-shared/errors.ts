/**
 * Errors that cross the IPC boundary. A handler throws an AppError; the boundary turns it into an
 * ErrorPayload; the renderer shows `message` (already in plain words) or translates `code`.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'cancelled'
  | 'file_too_large'
  | 'too_many_rows'
  | 'not_a_spreadsheet'
  | 'encrypted_workbook'
  | 'corrupt_workbook'
  | 'empty_sheet'
  | 'no_header_row'
  | 'unsupported_format'
  | 'content_mismatch'
  | 'bad_mapping'
  | 'import_busy'
  | 'database_too_new'
  /** A backup or .pigeon file that is not one, is damaged, or is from a newer Pigeon. */
  | 'bad_backup'
  | 'not_ready'
  | 'busy'
  | 'internal';

export type ErrorPayload = {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, params: this.params };
  }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The error a client-side call rejects with, carrying the boundary's payload. */
export class RemoteError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'RemoteError';
    this.code = payload.code;
    this.params = payload.params ?? {};
  }
}

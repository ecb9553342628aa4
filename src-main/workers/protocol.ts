/** Messages between the main thread and the spreadsheet worker. */
import type { MessagePort } from 'node:worker_threads';
import type { CalendarChoice, Language } from '#shared/i18n';
import type { ColumnMapping, ImportPhase, ImportPreview, ImportRowWarning } from '#shared/domain';
import type { ErrorPayload } from '#shared/errors';
import type { PreparedContact, RejectedWithCells } from '#main/imports/prepare';
import type { WriteOptions, WriteResult } from '#main/imports/write';
import type { ReportFileInput } from '#main/reports/export-sheets';

export type OpenRequest = {
  type: 'open';
  bytes: Uint8Array;
  fileName: string;
  sheetName?: string;
  readAsText?: boolean;
  defaultCountry: string;
};

/** To the reader: check the open file's rows and stream the good ones to the writer's port. */
export type PrepareRequest = {
  type: 'prepare';
  port: MessagePort;
  mapping: ColumnMapping;
  /** Other sheets of the open workbook to check after the mapped one (same columns). */
  extraSheets: string[];
  defaultCountry: string;
  cancelFlag: SharedArrayBuffer;
};

/** To the writer: write what arrives on the port in one transaction. */
export type WriteRequest = {
  type: 'write';
  port: MessagePort;
  dbFile: string;
  options: WriteOptions;
  cancelFlag: SharedArrayBuffer;
};

/** Between the reader and the writer. */
export type ChunkMessage = { type: 'chunk'; contacts: PreparedContact[] } | { type: 'end' } | { type: 'abort' };

export type ExportRequest = {
  type: 'export';
  dbFile: string;
  whereSql: string;
  parameters: unknown[];
  format: 'xlsx' | 'csv';
  cancelFlag: SharedArrayBuffer;
};

/** A campaign report export: the reports come from main, the recipients are read here. */
export type ReportExportRequest = {
  type: 'reportExport';
  /** The queue file (campaigns.sqlite3) and the contact book, attached as `book`. */
  queueFile: string;
  bookFile: string;
  input: ReportFileInput;
  cancelFlag: SharedArrayBuffer;
};

/**
 * A read of the contact book that scans it (contacts/off-thread.ts): the whole book in an ORDER BY
 * no index serves, or the ids or the number of contacts meeting a condition on `contacts c`.
 */
export type BookReadRequest = { type: 'bookRead'; dbFile: string; what: 'order' | 'ids' | 'count'; sql: string; parameters: unknown[] };

/** Every request carries main's language, so what the worker writes or explains is in it. */
export type ToWorker = (OpenRequest | PrepareRequest | WriteRequest | ExportRequest | ReportExportRequest | BookReadRequest) & { locale?: { language: Language; calendar: CalendarChoice } };

export type FromWorker =
  | { type: 'preview'; preview: Omit<ImportPreview, 'importId' | 'fileName'> }
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | {
      type: 'prepared';
      status: 'completed' | 'cancelled';
      valid: number;
      rejected: RejectedWithCells[];
      warnings: ImportRowWarning[];
      headers: string[];
      duplicatesInFile: number;
    }
  | { type: 'written'; status: 'completed' | 'cancelled'; result: WriteResult | null }
  | { type: 'exported'; bytes: Uint8Array; rows: number; status: 'completed' | 'cancelled' }
  | { type: 'bookOrder'; idAt: Int32Array; rankOf: Int32Array }
  | { type: 'bookIds'; ids: Int32Array }
  | { type: 'bookCount'; count: number }
  | { type: 'error'; error: ErrorPayload };

/**
 * The spreadsheet worker: everything that reads an untrusted file, and every heavy spreadsheet
 * job, runs here so the main thread (and later the send queue) never stalls. One worker serves one
 * import (open, then run) or one export, and is terminated afterwards.
 */
import fs from 'node:fs';
import { setLocale, t } from '#shared/i18n';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { FieldPairs, ImportSheet } from '#shared/domain';
import type { ErrorPayload } from '#shared/errors';
import { openSqlite } from '#main/db/connection';
import { parseFieldPairs } from '#main/contacts/queries';
import { sortBook } from '#main/contacts/column-order';
import { idsOf } from '#main/contacts/sort-order';
import { RowPreparer } from '#main/imports/prepare';
import { ContactWriter } from '#main/imports/write';
import { guessMapping } from '#main/spreadsheets/mapping';
import { parseSpreadsheet, SpreadsheetError, type ParsedSheet } from '#main/spreadsheets/parse';
import { buildReportFile, ExportCancelled } from '#main/reports/export-sheets';
import { writeCsv, writeXlsx } from '#main/spreadsheets/write';
import { lowerThisThreadsPriority } from './priority';
import type { BookReadRequest, ChunkMessage, ExportRequest, FromWorker, PrepareRequest, ReportExportRequest, ToWorker, WriteRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('spreadsheet-worker must run in a worker thread');

let sheet: ParsedSheet | null = null;

lowerThisThreadsPriority();

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function toPayload(error: unknown): ErrorPayload {
  if (error instanceof SpreadsheetError) return { code: error.code, message: error.message, params: error.params };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

const CHUNK_ROWS = 2000;

/** Column titles compared as the operator reads them: case and spacing do not matter. */
function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((h, i) => h.trim().toLowerCase() === (b[i] ?? '').trim().toLowerCase());
}

/** The workbook's sheets as the import page shows them. */
function importSheets(parsed: ParsedSheet): ImportSheet[] {
  return parsed.sheets.map((s) => ({
    name: s.name,
    rows: s.rowCount,
    mapped: s.name === parsed.sheetName,
    sameHeaders: s.problem === null && sameHeaders(s.headers, parsed.headers),
    problem: s.problem,
  }));
}

/** Reader side of an import run: check rows in chunks and stream the good ones to the writer. */
function prepare(req: PrepareRequest): void {
  if (!sheet) throw new Error('No file is open in this import.');
  const open = sheet;
  const flag = new Int32Array(req.cancelFlag);
  // The mapped sheet first, then the other picked sheets (checked by the service: same columns).
  const parts: { name: string; rows: string[][]; rowNumbers: number[] }[] = [
    { name: open.sheetName, rows: open.rows, rowNumbers: open.rowNumbers },
  ];
  for (const name of req.extraSheets) {
    const extra = open.sheets.find((s) => s.name === name && s.problem === null && s.name !== open.sheetName);
    if (!extra) throw new Error(`The sheet "${name}" cannot be imported with this one.`);
    parts.push(extra);
  }
  const total = parts.reduce((n, p) => n + p.rows.length, 0);
  const preparer = new RowPreparer(req.mapping, req.defaultCountry, open.sheetName);
  let valid = 0;
  let checked = 0;
  let status: 'completed' | 'cancelled' = 'completed';
  outer: for (const part of parts) {
    preparer.startSheet(part.name);
    const rows = part.rows;
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      if (Atomics.load(flag, 0) === 1) {
        status = 'cancelled';
        break outer;
      }
      const end = Math.min(rows.length, start + CHUNK_ROWS);
      const contacts = preparer.prepare(rows, part.rowNumbers, start, end);
      valid += contacts.length;
      checked += end - start;
      if (contacts.length > 0) req.port.postMessage({ type: 'chunk', contacts } satisfies ChunkMessage);
      send({ type: 'progress', phase: 'checking', done: checked, total });
    }
  }
  req.port.postMessage({ type: status === 'completed' ? 'end' : 'abort' } satisfies ChunkMessage);
  req.port.close();
  send({
    type: 'prepared',
    status,
    valid,
    rejected: preparer.rejected,
    warnings: preparer.warnings,
    headers: sheet.headers,
    duplicatesInFile: preparer.duplicatesInFile,
  });
}

/** Writer side: one transaction from the first chunk to the end (or a rollback on cancel/error). */
function write(req: WriteRequest): void {
  const flag = new Int32Array(req.cancelFlag);
  const db = openSqlite(req.dbFile, { busyTimeoutMs: 10_000 });
  let writer: ContactWriter;
  try {
    writer = new ContactWriter(db, req.options);
  } catch (error) {
    db.close();
    throw error;
  }
  let written = 0;
  const finish = (message: FromWorker) => {
    req.port.close();
    db.close();
    send(message);
  };
  req.port.on('message', (m: ChunkMessage) => {
    try {
      if (Atomics.load(flag, 0) === 1 || m.type === 'abort') {
        writer.rollback();
        finish({ type: 'written', status: 'cancelled', result: null });
      } else if (m.type === 'chunk') {
        writer.writeChunk(m.contacts);
        written += m.contacts.length;
        send({ type: 'progress', phase: 'writing', done: written, total: written });
      } else {
        const result = writer.commit();
        finish({ type: 'written', status: 'completed', result });
      }
    } catch (error) {
      writer.rollback();
      req.port.close();
      db.close();
      send({ type: 'error', error: toPayload(error) });
    }
  });
}

type ExportRecord = [id: number, phone: string, name: string, fields: string, note: string];

/** Export: every matching contact in name order; one column per custom field, in first-seen order. */
function exportContacts(req: ExportRequest): void {
  const flag = new Int32Array(req.cancelFlag);
  const db = openSqlite(req.dbFile, { readonly: true });
  try {
    attachQueueFor(db, req.dbFile, req.whereSql);
    const total = (
      db.prepare(`SELECT count(*) AS n FROM contacts c WHERE ${req.whereSql}`).get(...req.parameters) as { n: number }
    ).n;
    // Tags in one grouped pass: far cheaper than a subquery per exported row.
    const tagsOf = new Map(
      db.prepare("SELECT contact_id, group_concat(tag, ', ') FROM (SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag) GROUP BY contact_id").raw().all() as [number, string][],
    );
    const statement = db
      .prepare(`SELECT c.id, c.phone, c.name, c.fields, c.note FROM contacts c WHERE ${req.whereSql} ORDER BY c.name_key, c.id`)
      .raw();
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    const records: { row: ExportRecord; fields: FieldPairs }[] = [];
    let done = 0;
    for (const row of statement.iterate(...req.parameters) as IterableIterator<ExportRecord>) {
      const fields = parseFieldPairs(row[3]);
      for (const [k] of fields) {
        if (!keyIndex.has(k)) {
          keyIndex.set(k, keys.length);
          keys.push(k);
        }
      }
      records.push({ row, fields });
      if (++done % 5000 === 0) {
        send({ type: 'progress', phase: 'reading', done, total });
        if (Atomics.load(flag, 0) === 1) {
          send({ type: 'exported', bytes: new Uint8Array(), rows: 0, status: 'cancelled' });
          return;
        }
      }
    }
    const headers = [t('export.col.phone'), t('export.col.name'), ...keys, t('export.col.tags'), t('export.col.note')];
    const width = headers.length;
    const rows = records.map(({ row, fields }) => {
      const out = new Array<string>(width).fill('');
      out[0] = row[1];
      out[1] = row[2];
      for (const [k, v] of fields) out[2 + (keyIndex.get(k) ?? 0)] = v;
      out[width - 2] = tagsOf.get(row[0]) ?? '';
      out[width - 1] = row[4];
      return out;
    });
    send({ type: 'progress', phase: 'writing', done: total, total });
    const bytes = req.format === 'xlsx' ? writeXlsx(t('export.sheet.contacts'), headers, rows) : writeCsv(headers, rows);
    send({ type: 'exported', bytes, rows: rows.length, status: 'completed' }, [bytes.buffer as ArrayBuffer]);
  } finally {
    db.close();
  }
}

/** A campaign report export: reads the queue file read-only; a cancel abandons the bytes. */
function exportReport(req: ReportExportRequest): void {
  const flag = new Int32Array(req.cancelFlag);
  const db = openSqlite(req.queueFile, { readonly: true });
  try {
    db.prepare('ATTACH DATABASE ? AS book').run(req.bookFile);
    const bytes = buildReportFile(db, req.input, (done, total) => {
      if (Atomics.load(flag, 0) === 1) throw new ExportCancelled();
      send({ type: 'progress', phase: 'writing', done, total });
    });
    send({ type: 'exported', bytes, rows: 0, status: 'completed' }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    if (!(error instanceof ExportCancelled)) throw error;
    send({ type: 'exported', bytes: new Uint8Array(), rows: 0, status: 'cancelled' });
  } finally {
    db.close();
  }
}

/** Smart lists may filter on campaign outcome (`cq.*`): the queue's file beside the book, attached when the SQL reads it. */
function attachQueueFor(db: ReturnType<typeof openSqlite>, bookFile: string, sqlText: string): void {
  const queueFile = path.join(path.dirname(bookFile), 'campaigns.sqlite3');
  if (sqlText.includes('cq.') && fs.existsSync(queueFile)) db.prepare('ATTACH DATABASE ? AS cq').run(queueFile);
}

/** A scan of the book for main (contacts/off-thread.ts), on a read-only connection of its own. */
function readBook(req: BookReadRequest): void {
  const db = openSqlite(req.dbFile, { readonly: true });
  try {
    attachQueueFor(db, req.dbFile, req.sql);
    if (req.what === 'order') {
      const { idAt, rankOf } = sortBook(db, req.sql, req.parameters);
      send({ type: 'bookOrder', idAt, rankOf }, [idAt.buffer as ArrayBuffer, rankOf.buffer as ArrayBuffer]);
    } else if (req.what === 'ids') {
      const ids = idsOf(db, `SELECT c.id AS id FROM contacts c WHERE ${req.sql}`, req.parameters);
      send({ type: 'bookIds', ids }, [ids.buffer as ArrayBuffer]);
    } else {
      const count = db.prepare(`SELECT count(*) FROM contacts c WHERE ${req.sql}`).pluck().get(...req.parameters) as number;
      send({ type: 'bookCount', count });
    }
  } finally {
    db.close();
  }
}

port.on('message', (message: ToWorker) => {
  // Rejection reasons, headers and sheet names come out in the language main speaks now.
  if (message.locale) setLocale(message.locale.language, message.locale.calendar);
  try {
    switch (message.type) {
      case 'open': {
        send({ type: 'progress', phase: 'reading', done: 0, total: message.bytes.byteLength });
        sheet = parseSpreadsheet(message.bytes, message.fileName, undefined, message.sheetName, {
          readAsText: message.readAsText === true,
        });
        const sampleRows = sheet.rows.slice(0, 20);
        send({
          type: 'preview',
          preview: {
            fileType: sheet.fileType,
            sheetName: sheet.sheetName,
            headers: sheet.headers,
            sampleRows,
            totalRows: sheet.rows.length,
            mapping: guessMapping(sheet.headers, sheet.rows.slice(0, 200), message.defaultCountry),
            warnings: sheet.warnings,
            sheets: importSheets(sheet),
          },
        });
        break;
      }
      case 'prepare':
        prepare(message);
        break;
      case 'write':
        write(message);
        break;
      case 'export':
        exportContacts(message);
        break;
      case 'reportExport':
        exportReport(message);
        break;
      case 'bookRead':
        readBook(message);
        break;
    }
  } catch (error) {
    send({ type: 'error', error: toPayload(error) });
  }
});

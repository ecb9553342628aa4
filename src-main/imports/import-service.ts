/**
 * Imports as the user sees them: open a file (parsed in a worker), choose the mapping and options,
 * run with progress and cancel, read the summary, download the rejected rows.
 */
import { t } from '#shared/i18n';
import { randomUUID } from 'node:crypto';
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import type { MethodParsedInput } from '#shared/contract';
import type { FileBlob, ImportNow, ImportPreview, ImportProgress, ImportRecord, ImportSummary } from '#shared/domain';
import { AppError } from '#shared/errors';

import { realClock, type Clock, type TimerHandle } from '#main/kernel/clock';
import type { EventBus } from '#main/kernel/events';
import { validateMapping } from '#main/spreadsheets/mapping';
import { DEFAULT_PARSE_LIMITS } from '#main/spreadsheets/parse';
import { writeXlsx } from '#main/spreadsheets/write';
import type { RejectedWithCells } from './prepare';
import { SpreadsheetWorker } from '#main/workers/worker-client';
import type { Db } from '#main/kernel/db';

type Session = {
  id: string;
  fileName: string;
  worker: SpreadsheetWorker | null;
  /** Started with the reader, so it is warm when the user presses Import. */
  writer: SpreadsheetWorker | null;
  preview: ImportPreview;
  state: 'ready' | 'running' | 'finished';
  cancelFlag: SharedArrayBuffer;
  rejected: RejectedWithCells[];
  headers: string[];
  /** Rows of several sheets were imported: the rejected-rows file names each row's sheet. */
  multiSheet: boolean;
  /** Discards the session when it has not been used for a while (not while it runs). */
  idleTimer: TimerHandle | null;
  /** The last progress of its run, and its summary once finished (shown again after a reload). */
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  /** The rows its run takes (every picked sheet); the preview's count until it runs. */
  totalRows: number;
};

/** A file being read by `open`, not yet a session. */
type Reading = { worker: SpreadsheetWorker; dropped: boolean };

export type ImportServiceDeps = {
  db: Db;
  dbFile: string;
  bus: EventBus;
  workerPath: string;
  defaultCountry: () => Promise<string>;
  onChanged: () => void;
  /** Heap limits of the import's workers (default IMPORT_WORKER_LIMITS; tests pass small ones). */
  workerLimits?: ResourceLimits;
  /** Time for the idle discard (tests pass a FakeClock). */
  clock?: Clock;
  /** An import not used for this long is discarded (default 30 minutes). */
  sessionIdleMs?: number;
};

/**
 * Heap limits of an import's reader and writer. Measured (open + check, Node 20): 100 000 rows × 6
 * columns need under 96 MB of old generation with the fast .xlsx reader and under 128 MB through
 * SheetJS; 250 000 × 6 (the row limit) under 192 MB and 256 MB. 1 GB leaves four times that for
 * wider sheets, and stops a file built to exhaust memory long before the machine runs short.
 * ArrayBuffers (the file, zlib's output) are outside this limit: zip-guard.ts bounds those.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

const SESSION_IDLE_MS = 30 * 60_000;

/** Which sheets an import took and which it left, with why (for the summary). */
function sheetsOutcome(preview: ImportPreview, extraSheets: readonly string[]): Pick<ImportSummary, 'sheetsImported' | 'sheetsSkipped'> {
  if (preview.sheets.length === 0) return { sheetsImported: [], sheetsSkipped: [] };
  const imported = [preview.sheetName, ...extraSheets];
  const sheetsSkipped = preview.sheets
    .filter((x) => !imported.includes(x.name))
    .map((x) => ({
      name: x.name,
      reason:
        x.problem ?? (x.sameHeaders ? t('import.sheets.skipped.notPicked') : t('import.sheets.skipped.differ', { sheet: preview.sheetName })),
    }));
  return { sheetsImported: imported, sheetsSkipped };
}

/** Whether `bytes` is the whole of an ordinary ArrayBuffer (so handing that buffer over takes nothing else with it). */
function ownsItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength > 64 * 1024;
}
const OPEN_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 600_000;
const SAMPLE_REJECTED = 200;

/**
 * One import open at a time: opening a file discards the import opened before it (ready or
 * finished) and stops a file still being read, so one parsed file at most is held besides a running
 * import. The contract names no window and Pigeon shows one window, so "per window" is "per
 * service"; a second browser tab that opens a file takes over from the first, whose next step then
 * says the import is no longer open. A running import is never discarded this way: it is left to
 * finish. An import left alone (no run, no discard: a window closed or reloaded mid-way) is
 * discarded after `sessionIdleMs`.
 */
export class ImportService {
  private readonly sessions = new Map<string, Session>();
  private reading: Reading | null = null;
  private readonly clock: Clock;
  private readonly idleMs: number;
  private readonly limits: ResourceLimits;
  /** Settles when the running import's write transaction has ended. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * Resolves once no import holds SQLite's write lock. Main-thread writes wait here instead of in
   * SQLite's busy handler, which would block the whole event loop until the import commits.
   */
  async writable(): Promise<void> {
    for (;;) {
      const current = this.writing;
      await current.catch(() => undefined);
      if (current === this.writing) return;
    }
  }

  constructor(private readonly deps: ImportServiceDeps) {
    this.clock = deps.clock ?? realClock;
    this.idleMs = deps.sessionIdleMs ?? SESSION_IDLE_MS;
    this.limits = deps.workerLimits ?? IMPORT_WORKER_LIMITS;
  }

  /** (Re)starts a session's idle timer. */
  private touch(s: Session): void {
    if (s.idleTimer !== null) this.clock.clearTimeout(s.idleTimer);
    s.idleTimer = this.clock.setTimeout(() => {
      s.idleTimer = null;
      if (s.state !== 'running') void this.discard(s.id);
    }, this.idleMs);
    // A real timer must not keep the process alive for half an hour.
    (s.idleTimer as unknown as { unref?: () => void }).unref?.();
  }

  private stopIdleTimer(s: Session): void {
    if (s.idleTimer !== null) this.clock.clearTimeout(s.idleTimer);
    s.idleTimer = null;
  }

  /** Makes room for a new file: stops the one being read, discards the imports not running. */
  private async replacePrevious(): Promise<void> {
    const reading = this.reading;
    this.reading = null;
    if (reading) {
      reading.dropped = true;
      void reading.worker.terminate();
    }
    const idle = [...this.sessions.values()].filter((s) => s.state !== 'running');
    await Promise.all(idle.map((s) => this.discard(s.id)));
  }

  async open(input: MethodParsedInput<'imports.open'>): Promise<ImportPreview> {
    const limit = DEFAULT_PARSE_LIMITS.maxBytes;
    if (input.bytes.byteLength > limit) {
      throw new AppError(
        'file_too_large',
        t('import.tooBig', { sizeMb: Math.round(input.bytes.byteLength / 1048576), maxMb: Math.round(limit / 1048576) }),
        { sizeMb: Math.round(input.bytes.byteLength / 1048576), maxMb: Math.round(limit / 1048576) },
      );
    }
    // The new reader is registered before anything is awaited, so a later open replaces it too.
    const previous = this.replacePrevious();
    const worker = new SpreadsheetWorker(this.deps.workerPath, { resourceLimits: this.limits });
    const reading: Reading = { worker, dropped: false };
    this.reading = reading;
    const id = randomUUID();
    this.deps.bus.emit('imports.progress', { importId: id, phase: 'reading', done: 0, total: 1 });
    try {
      await previous;
      const bytes = input.bytes;
      const answer = await worker.request(
        {
          type: 'open',
          bytes,
          fileName: input.fileName,
          defaultCountry: await this.deps.defaultCountry(),
          ...(input.sheetName ? { sheetName: input.sheetName } : {}),
          ...(input.readAsText === true ? { readAsText: true } : {}),
        },
        // Handed over, not copied: on the main thread a copy of a big file costs tens of ms (a
        // stall of the queue's pace). The bytes came over IPC and are this call's alone; a view
        // on a shared buffer (Node's small-buffer pool) is copied as before.
        { timeoutMs: OPEN_TIMEOUT_MS, transfer: ownsItsBuffer(bytes) ? [bytes.buffer] : [] },
      );
      if (answer.type !== 'preview') throw new AppError('internal', t('worker.err.readerAnswer'));
      if (reading.dropped) throw new AppError('cancelled', t('err.importReplaced'));
      const preview: ImportPreview = { importId: id, fileName: input.fileName, ...answer.preview };
      const session: Session = {
        id,
        fileName: input.fileName,
        worker,
        writer: new SpreadsheetWorker(this.deps.workerPath, { resourceLimits: this.limits }),
        preview,
        state: 'ready',
        cancelFlag: new SharedArrayBuffer(4),
        rejected: [],
        headers: preview.headers,
        multiSheet: false,
        idleTimer: null,
        progress: null,
        summary: null,
        totalRows: preview.totalRows,
      };
      this.sessions.set(id, session);
      this.touch(session);
      return preview;
    } catch (error) {
      await worker.terminate();
      if (reading.dropped) throw new AppError('cancelled', t('err.importReplaced'));
      throw error;
    } finally {
      if (this.reading === reading) this.reading = null;
    }
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new AppError('not_found', t('err.importGone'));
    return s;
  }

  async run(input: MethodParsedInput<'imports.run'>): Promise<ImportSummary> {
    const s = this.session(input.importId);
    if (s.state !== 'ready' || !s.worker || !s.writer) throw new AppError('import_busy', t('err.importDone'));
    if ([...this.sessions.values()].some((o) => o.state === 'running')) {
      throw new AppError('import_busy', t('err.importBusy'));
    }
    const problem = validateMapping(input.mapping);
    if (problem) throw new AppError('bad_mapping', problem);
    for (const m of input.mapping) {
      if (m.index >= s.preview.headers.length) throw new AppError('bad_mapping', t('err.mappingMismatch'));
    }
    const extraSheets = this.pickedSheets(s.preview, input.sheets ?? []);
    if (input.target.kind === 'existingGroup') {
      const g = await this.deps.db.selectFrom('groups').select('id').where('id', '=', input.target.groupId).executeTakeFirst();
      if (!g) throw new AppError('not_found', t('err.groupGone'));
    }
    s.state = 'running';
    this.stopIdleTimer(s);
    const started = Date.now();
    const startedIso = new Date(started).toISOString();
    await this.deps.db
      .insertInto('imports')
      .values({ id: s.id, file_name: s.fileName, status: 'running', started_at: startedIso })
      .execute();
    const emit = (phase: 'checking' | 'writing' | 'reading' | 'done', done: number, total: number) => {
      s.progress = { importId: s.id, phase, done, total };
      this.deps.bus.emit('imports.progress', s.progress);
    };

    let summary: ImportSummary;
    const reader = s.worker;
    const writer = s.writer;
    try {
      const { port1, port2 } = new MessageChannel();
      const total = s.preview.totalRows + extraSheets.reduce((n, name) => n + (s.preview.sheets.find((x) => x.name === name)?.rows ?? 0), 0);
      s.totalRows = total;
      let checked = 0;
      let written = 0;
      // One bar for the user: rows checked by the reader, then rows saved by the writer.
      const report = () =>
        checked < total ? emit('checking', checked, total) : emit('writing', Math.min(written, total), total);
      const writing = writer.request(
        {
          type: 'write',
          port: port2,
          dbFile: this.deps.dbFile,
          options: {
            fileName: s.fileName,
            onDuplicate: input.onDuplicate,
            target: input.target,
            tags: input.tags,
            now: startedIso,
          },
          cancelFlag: s.cancelFlag,
        },
        {
          timeoutMs: RUN_TIMEOUT_MS,
          transfer: [port2],
          onProgress: (p) => {
            written = p.done;
            report();
          },
        },
      );
      const preparing = reader.request(
        { type: 'prepare', port: port1, mapping: input.mapping, extraSheets, defaultCountry: await this.deps.defaultCountry(), cancelFlag: s.cancelFlag },
        {
          timeoutMs: RUN_TIMEOUT_MS,
          transfer: [port1],
          onProgress: (p) => {
            checked = p.done;
            report();
          },
        },
      );
      this.writing = writing;
      const [prepared, wrote] = await Promise.all([preparing, writing]);
      if (prepared.type !== 'prepared' || wrote.type !== 'written') {
        throw new AppError('internal', t('worker.err.importerAnswer'));
      }
      s.rejected = prepared.rejected;
      s.multiSheet = extraSheets.length > 0;
      s.headers = prepared.headers;
      const status = prepared.status === 'cancelled' || wrote.status === 'cancelled' ? 'cancelled' : 'completed';
      const r = status === 'completed' ? wrote.result : null;
      summary = {
        importId: s.id,
        status,
        added: r?.added ?? 0,
        updated: r?.updated ?? 0,
        skipped: r?.skipped ?? 0,
        rejected: prepared.rejected.length - prepared.duplicatesInFile,
        duplicatesInFile: prepared.duplicatesInFile,
        groupId: r?.groupId ?? null,
        groupName: r?.groupName ?? null,
        blacklisted: r?.blacklisted ?? 0,
        rejectedSample: prepared.rejected
          .slice(0, SAMPLE_REJECTED)
          .map(({ row, sheet, phone, name, reason }) => ({ row, sheet, phone, name, reason })),
        warned: prepared.warnings.length,
        warningSample: prepared.warnings.slice(0, SAMPLE_REJECTED),
        ...sheetsOutcome(s.preview, extraSheets),
        durationMs: Date.now() - started,
        message: status === 'cancelled' ? 'Import cancelled. Nothing was changed.' : null,
      };
    } catch (error) {
      // Whatever failed, make sure the writer's transaction is gone before reporting.
      Atomics.store(new Int32Array(s.cancelFlag), 0, 1);
      const message = error instanceof Error ? error.message : String(error);
      summary = {
        importId: s.id,
        status: 'failed',
        added: 0,
        updated: 0,
        skipped: 0,
        rejected: 0,
        duplicatesInFile: 0,
        groupId: null,
        groupName: null,
        blacklisted: 0,
        rejectedSample: [],
        warned: 0,
        warningSample: [],
        sheetsImported: [],
        sheetsSkipped: [],
        durationMs: Date.now() - started,
        message: `The import failed and nothing was changed: ${message}`,
      };
    } finally {
      s.state = 'finished';
      s.worker = null;
      s.writer = null;
      // Kept for "Download rejected rows" until it is discarded, replaced or left alone too long.
      if (this.sessions.get(s.id) === s) this.touch(s);
      await Promise.all([reader.terminate(), writer.terminate()]);
    }
    s.summary = summary;
    await this.deps.db
      .updateTable('imports')
      .set({
        status: summary.status,
        finished_at: new Date().toISOString(),
        added: summary.added,
        updated: summary.updated,
        skipped: summary.skipped,
        rejected: summary.rejected + summary.duplicatesInFile,
      })
      .where('id', '=', s.id)
      .execute();
    emit('done', 1, 1);
    if (summary.status === 'completed') this.deps.onChanged();
    return summary;
  }

  /**
   * The import running now, or else the last one that finished and is still kept: what the Import
   * page shows again after the window was closed or reloaded meanwhile.
   */
  current(): ImportNow | null {
    const all = [...this.sessions.values()];
    const s = all.find((x) => x.state === 'running') ?? all.filter((x) => x.state === 'finished' && x.summary).at(-1);
    if (!s) return null;
    return { importId: s.id, fileName: s.fileName, totalRows: s.totalRows, running: s.state === 'running', progress: s.progress, summary: s.summary };
  }

  /** The latest imports, newest first, with their counts (the Imports history). */
  async history(limit: number): Promise<ImportRecord[]> {
    const rows = await this.deps.db.selectFrom('imports').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      added: r.added,
      updated: r.updated,
      skipped: r.skipped,
      rejected: r.rejected,
      kept: this.sessions.has(r.id),
    }));
  }

  /**
   * The other sheets picked to import with the mapped one, checked: each must be a sheet of this
   * workbook, with data, and with the mapped sheet's columns; together within the row limit.
   */
  private pickedSheets(preview: ImportPreview, picked: readonly string[]): string[] {
    const mapped = preview.sheetName;
    const out: string[] = [];
    let rows = preview.totalRows;
    for (const name of picked) {
      if (name === mapped || out.includes(name)) continue;
      const sheet = preview.sheets.find((x) => x.name === name);
      if (!sheet || sheet.problem !== null) throw new AppError('bad_mapping', t('err.sheetUnknown', { sheet: name }));
      if (!sheet.sameHeaders) throw new AppError('bad_mapping', t('err.sheetHeadersDiffer', { sheet: name, mapped }));
      rows += sheet.rows;
      out.push(name);
    }
    if (rows > DEFAULT_PARSE_LIMITS.maxRows) {
      throw new AppError('too_many_rows', t('err.sheetsTooManyRows', { count: rows, maxRows: DEFAULT_PARSE_LIMITS.maxRows }));
    }
    return out;
  }

  cancel(importId: string): { cancelled: boolean } {
    const s = this.sessions.get(importId);
    if (!s || s.state !== 'running') return { cancelled: false };
    Atomics.store(new Int32Array(s.cancelFlag), 0, 1);
    return { cancelled: true };
  }

  async discard(importId: string): Promise<{ discarded: boolean }> {
    const s = this.sessions.get(importId);
    if (!s) return { discarded: false };
    if (s.state === 'running') this.cancel(importId);
    this.sessions.delete(importId);
    this.stopIdleTimer(s);
    await Promise.all([s.worker?.terminate(), s.writer?.terminate()]);
    return { discarded: true };
  }

  rejectedFile(importId: string): FileBlob {
    const s = this.session(importId);
    if (s.state !== 'running') this.touch(s);
    const headers = [...(s.multiSheet ? ['Sheet'] : []), 'Row', 'Reason', ...s.headers];
    const rows = s.rejected.map((r) => [...(s.multiSheet ? [r.sheet] : []), String(r.row), r.reason, ...r.cells]);
    const base = s.fileName.replace(/\.[^.]+$/, '');
    return {
      fileName: `${base} - rejected rows.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: writeXlsx('Rejected rows', headers, rows),
    };
  }

  async closeAll(): Promise<void> {
    const reading = this.reading;
    this.reading = null;
    if (reading) {
      reading.dropped = true;
      await reading.worker.terminate();
    }
    for (const id of [...this.sessions.keys()]) await this.discard(id);
  }

  /** Imports that were running when the app stopped were rolled back by SQLite; say so in history. */
  static async markInterrupted(db: Db): Promise<void> {
    await db
      .updateTable('imports')
      .set({ status: 'failed', finished_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .execute();
  }
}

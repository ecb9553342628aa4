/**
 * Exporting campaign reports (`reports.export`, `reports.cancelExport`). Main asks `reports.get`
 * for each campaign's figures, then the spreadsheet worker reads the recipients from the queue file
 * (its own read-only connection) and builds the whole file in memory. Nothing is written to disk
 * here: the bytes go back to the renderer only once complete, and the save (Electron's download
 * with its save dialog) writes them under the chosen name; a cancel or a failure hands back no
 * file at all, so there is never a half-written file under that name.
 */
import { randomUUID } from 'node:crypto';
import { utcDate } from '#shared/dates';
import type { FileBlob } from '#shared/domain';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { CampaignReport } from '#shared/reports';
import { MIME, safeFileName } from '#main/exports/export-service';
import type { EventBus } from '#main/kernel/events';
import type { HandlersOf } from '#main/kernel/handlers';
import { SpreadsheetWorker } from '#main/workers/worker-client';

export type ReportExportDeps = {
  /** campaigns.sqlite3 and the contact book. */
  queueFile: string;
  bookFile: string;
  bus: EventBus;
  workerPath: string;
  /** A campaign's report (the `reports.get` handler). */
  getReport: (id: number, replyWindowHours: number) => Promise<CampaignReport>;
};

export type ReportExportInput = { ids: number[]; format: 'xlsx' | 'csv'; exportId?: string | undefined; replyWindowHours: number };

/** The exports under way, by id: the flag the worker reads between chunks. */
const running = new Map<string, Int32Array>();

export async function exportReports(deps: ReportExportDeps, input: ReportExportInput): Promise<FileBlob> {
  const exportId = input.exportId ?? randomUUID();
  if (running.has(exportId)) throw new AppError('import_busy', t('export.err.busy'));
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  running.set(exportId, flag);
  const cancelled = () => new AppError('cancelled', t('reportExport.cancelled'));
  try {
    const ids = [...new Set(input.ids)];
    const reports: CampaignReport[] = [];
    for (const id of ids) {
      reports.push(await deps.getReport(id, input.replyWindowHours));
      if (Atomics.load(flag, 0) === 1) throw cancelled();
    }
    const worker = new SpreadsheetWorker(deps.workerPath);
    try {
      const answer = await worker.request(
        {
          type: 'reportExport',
          queueFile: deps.queueFile,
          bookFile: deps.bookFile,
          input: { reports, format: input.format, replyWindowHours: input.replyWindowHours },
          cancelFlag,
        },
        {
          timeoutMs: 1_800_000,
          onProgress: (p) => deps.bus.emit('exports.progress', { exportId, done: p.done, total: p.total }),
        },
      );
      if (answer.type !== 'exported') throw new AppError('internal', t('worker.err.exporterAnswer'));
      if (answer.status === 'cancelled') throw cancelled();
      const first = reports[0];
      const base = reports.length === 1 && first ? `${first.campaign.name} report` : `Pigeon ${reports.length} campaign reports`;
      return {
        fileName: `${safeFileName(`${base} ${utcDate(Date.now())}`)}.${input.format}`,
        mimeType: MIME[input.format],
        bytes: answer.bytes,
      };
    } finally {
      await worker.terminate();
    }
  } finally {
    running.delete(exportId);
  }
}

/** Asks a running export to stop; false when there is none under that id (finished, or unknown). */
export function cancelReportExport(exportId: string): boolean {
  const flag = running.get(exportId);
  if (!flag) return false;
  Atomics.store(flag, 0, 1);
  return true;
}

/** The export's part of the `reports.*` handlers (the rest are in handlers.ts). */
export function reportExportHandlers(deps: ReportExportDeps): Pick<HandlersOf<'reports'>, 'reports.export' | 'reports.cancelExport'> {
  return {
    'reports.export': (input) => exportReports(deps, input),
    'reports.cancelExport': (input) => ({ cancelled: cancelReportExport(input.exportId) }),
  };
}

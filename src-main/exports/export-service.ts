/** Exports run in a worker on their own read-only connection; the main thread only relays progress. */
import { randomUUID } from 'node:crypto';
import { t } from '#shared/i18n';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { utcDate } from '#shared/dates';
import type { FileBlob } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { ContactQuery } from '#shared/filters';
import { queryCondition } from '#main/contacts/queries';
import type { EventBus } from '#main/kernel/events';
import { SpreadsheetWorker } from '#main/workers/worker-client';
import type { Db } from '#main/kernel/db';

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

export type ExportDeps = { db: Db; dbFile: string; bus: EventBus; workerPath: string };

/** A name any file system takes (no path or reserved characters), at most 120 characters. */
export function safeFileName(name: string, fallback = 'contacts'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not have
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? fallback : cleaned.slice(0, 120);
}

export async function exportContacts(
  deps: ExportDeps,
  input: { query: ContactQuery; ids?: number[] | undefined; format: 'xlsx' | 'csv'; fileName?: string | undefined },
): Promise<FileBlob> {
  let where: RawBuilder<SqlBool> = await queryCondition(deps.db, input.query);
  if (input.ids && input.ids.length > 0) {
    where = sql<SqlBool>`(${where}) AND c.id IN (SELECT value FROM json_each(${JSON.stringify(input.ids)}))`;
  }
  const compiled = where.compile(deps.db);
  const exportId = randomUUID();
  const worker = new SpreadsheetWorker(deps.workerPath);
  try {
    const answer = await worker.request(
      {
        type: 'export',
        dbFile: deps.dbFile,
        whereSql: compiled.sql,
        parameters: [...compiled.parameters],
        format: input.format,
        cancelFlag: new SharedArrayBuffer(4),
      },
      {
        timeoutMs: 600_000,
        onProgress: (p) => deps.bus.emit('exports.progress', { exportId, done: p.done, total: p.total }),
      },
    );
    if (answer.type !== 'exported') throw new AppError('internal', t('worker.err.exporterAnswer'));
    const date = utcDate(Date.now());
    return {
      fileName: `${safeFileName(input.fileName ?? t('export.file.contacts', { date }))}.${input.format}`,
      mimeType: MIME[input.format],
      bytes: answer.bytes,
    };
  } finally {
    await worker.terminate();
  }
}

import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { BookReader } from '#main/contacts/off-thread';
import type { BookReadRequest, FromWorker } from './protocol';
import { SpreadsheetWorker } from './worker-client';

/** Scans of the book in a worker of its own (a read-only connection), answers handed back without a copy. */
export function workerBookReader(workerPath: string, dbFile: string): BookReader {
  const ask = async (what: BookReadRequest['what'], sql: string, parameters: readonly unknown[]): Promise<FromWorker> => {
    const worker = new SpreadsheetWorker(workerPath);
    try {
      return await worker.request({ type: 'bookRead', dbFile, what, sql, parameters: [...parameters] }, { timeoutMs: 300_000 });
    } finally {
      await worker.terminate();
    }
  };
  const wrong = () => new AppError('internal', t('worker.err.stopped'));
  return {
    async order(sql, parameters) {
      const a = await ask('order', sql, parameters);
      if (a.type !== 'bookOrder') throw wrong();
      return { idAt: a.idAt, rankOf: a.rankOf };
    },
    async ids(sql, parameters) {
      const a = await ask('ids', sql, parameters);
      if (a.type !== 'bookIds') throw wrong();
      return a.ids;
    },
    async count(sql, parameters) {
      const a = await ask('count', sql, parameters);
      if (a.type !== 'bookCount') throw wrong();
      return a.count;
    },
  };
}

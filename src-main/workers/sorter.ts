import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import type { BookSorter } from '#main/contacts/queries';
import { SpreadsheetWorker } from './worker-client';

/** Sorts the book in a worker of its own (a read-only connection), handing the order back without a copy. */
export function workerSorter(workerPath: string, dbFile: string): BookSorter {
  return async (orderSql, parameters) => {
    const worker = new SpreadsheetWorker(workerPath);
    try {
      const answer = await worker.request({ type: 'sort', dbFile, orderSql, parameters: [...parameters] }, { timeoutMs: 120_000 });
      if (answer.type !== 'sorted') throw new AppError('internal', t('worker.err.stopped'));
      return { idAt: answer.idAt, rankOf: answer.rankOf };
    } finally {
      await worker.terminate();
    }
  };
}

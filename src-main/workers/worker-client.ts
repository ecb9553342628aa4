import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { t, getCalendar, getLanguage } from '#shared/i18n';
import { AppError } from '#shared/errors';
import type { FromWorker, ToWorker } from './protocol';

/** One spreadsheet worker, driven by request/response with progress in between. */
export class SpreadsheetWorker {
  private readonly worker: Worker;
  private exited = false;
  private pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private progressListener: ((m: Extract<FromWorker, { type: 'progress' }>) => void) | null = null;

  /**
   * `resourceLimits` caps the worker's JavaScript heap (not ArrayBuffers: zlib output lives outside
   * it). Past it the worker is stopped and the request fails with a plain "needs more memory" error;
   * the process goes on. The default is the old one, sized for exports of large contact books.
   */
  constructor(workerPath: string, options: { resourceLimits?: ResourceLimits } = {}) {
    this.worker = new Worker(workerPath, { resourceLimits: options.resourceLimits ?? { maxOldGenerationSizeMb: 4096 } });
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') {
        this.progressListener?.(m);
        return;
      }
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (m.type === 'error') p.reject(new AppError(m.error.code, m.error.message, m.error.params ?? {}));
      else p.resolve(m);
    });
    const fail = (error: Error) => {
      const p = this.pending;
      this.pending = null;
      p?.reject(error);
    };
    this.worker.on('error', (error) => {
      if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') fail(new AppError('file_too_large', t('err.readerOutOfMemory')));
      else fail(new AppError('internal', t('err.readerStopped', { message: error.message })));
    });
    this.worker.on('exit', () => {
      this.exited = true;
      fail(new AppError('cancelled', t('err.readerEnded')));
    });
  }

  /** Sends one request; resolves with the worker's answer, or rejects after `timeoutMs`. */
  request(
    message: ToWorker,
    options: { timeoutMs: number; onProgress?: (m: Extract<FromWorker, { type: 'progress' }>) => void; transfer?: TransferListItem[] },
  ): Promise<FromWorker> {
    if (this.exited) return Promise.reject(new AppError('internal', t('worker.err.stopped')));
    if (this.pending) return Promise.reject(new AppError('import_busy', t('worker.err.busy')));
    this.progressListener = options.onProgress ?? null;
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        void this.terminate();
        reject(
          new AppError('internal', t('err.readerTimeout')),
        );
      }, options.timeoutMs);
      this.pending = {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.worker.postMessage({ ...message, locale: { language: getLanguage(), calendar: getCalendar() } }, options.transfer ?? []);
    });
  }

  async terminate(): Promise<void> {
    if (this.exited) return;
    await this.worker.terminate();
  }
}

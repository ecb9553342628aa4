/**
 * The backup worker: writes one backup (job in workerData) off the main thread, which goes on
 * pacing sends meanwhile, and answers with the backup or the error in plain words. Lowers its own
 * priority so the send queue gets a core first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '#shared/errors';
import { lowerThisThreadsPriority } from '#main/workers/priority';
import { writeBackup, type BackupJob } from './write';

lowerThisThreadsPriority();

writeBackup(workerData as BackupJob).then(
  (backup) => parentPort?.postMessage({ type: 'done', backup }),
  (error: unknown) =>
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof AppError ? error.message : String((error as Error)?.message ?? error),
    }),
);

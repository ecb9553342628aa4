/**
 * The backup worker: writes one backup, or checks and stages one for a restore (job in
 * workerData), off the main thread, which goes on pacing sends meanwhile; answers with the backup
 * or the error in plain words. Lowers its own priority so the send queue gets a core first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupInfo } from '#shared/backups';
import { AppError } from '#shared/errors';
import { lowerThisThreadsPriority } from '#main/workers/priority';
import { stageRestore, type StageJob } from './restore';
import { writeBackup, type BackupJob } from './write';

export type BackupWorkerJob = { kind: 'backup'; job: BackupJob } | { kind: 'stage'; job: StageJob };

lowerThisThreadsPriority();

const work = workerData as BackupWorkerJob;
const run = async (): Promise<BackupInfo> => (work.kind === 'stage' ? stageRestore(work.job) : writeBackup(work.job));
run().then(
  (backup) => parentPort?.postMessage({ type: 'done', backup }),
  (error: unknown) =>
    parentPort?.postMessage({
      type: 'error',
      code: error instanceof AppError ? error.code : 'internal',
      message: error instanceof AppError ? error.message : String((error as Error)?.message ?? error),
    }),
);

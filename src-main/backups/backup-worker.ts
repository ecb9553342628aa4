/**
 * The backup worker: writes one backup, checks and stages one for a restore, writes one to a
 * `.pigeon` file or reads one from it (job in workerData), off the main thread, which goes on pacing sends meanwhile; answers with the backup
 * or the error in plain words. Lowers its own priority so the send queue gets a core first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupInfo } from '#shared/backups';
import { AppError } from '#shared/errors';
import { lowerThisThreadsPriority } from '#main/workers/priority';
import { importArchive, packArchive, type ImportJob, type PackJob } from './archive';
import { stageRestore, type StageJob } from './restore';
import { writeBackup, type BackupJob } from './write';

export type BackupWorkerJob =
  | { kind: 'backup'; job: BackupJob }
  | { kind: 'stage'; job: StageJob }
  | { kind: 'pack'; job: PackJob }
  | { kind: 'import'; job: ImportJob };
/** What each kind of job answers with. */
export type BackupWorkerResult<K extends BackupWorkerJob['kind']> = K extends 'pack' ? { bytes: number } : BackupInfo;

lowerThisThreadsPriority();

const work = workerData as BackupWorkerJob;
const run = async (): Promise<unknown> => {
  switch (work.kind) {
    case 'backup':
      return writeBackup(work.job);
    case 'stage':
      return stageRestore(work.job);
    case 'pack':
      return packArchive(work.job);
    case 'import':
      return importArchive(work.job);
  }
};
run().then(
  (result) => parentPort?.postMessage({ type: 'done', result }),
  (error: unknown) =>
    parentPort?.postMessage({
      type: 'error',
      code: error instanceof AppError ? error.code : 'internal',
      message: error instanceof AppError ? error.message : String((error as Error)?.message ?? error),
    }),
);

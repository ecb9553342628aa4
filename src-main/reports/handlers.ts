import { AppError } from '#shared/errors';
import type { Sqlite } from '#main/kernel/db';
import type { Kernel } from '#main/kernel/context';
import type { HandlersOf } from '#main/kernel/handlers';

export type ReportsDeps = { queueDb: Sqlite };

const notYet = (): never => {
  throw new AppError('internal', 'Reports are not available yet.');
};

/** Campaign reports (being built: issue 11). */
export function reportsHandlers(_kernel: Kernel, _deps: ReportsDeps): Omit<HandlersOf<'reports'>, 'reports.export' | 'reports.cancelExport'> {
  return {
    'reports.get': notYet,
    'reports.series': notYet,
    'reports.recipients': notYet,
    'reports.toGroup': notYet,
    'reports.retryFailed': notYet,
  };
}

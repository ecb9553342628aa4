/**
 * Exporting campaign reports: which campaigns the export dialog is open for (any page opens it with
 * `openReportExport`; App mounts the dialog), and the actions that run and stop an export.
 */
import { create } from 'zustand';
import { RemoteError } from '#shared/errors';
import { t } from '#shared/i18n';
import { api, onEvent, saveFile } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

/** At most this many campaigns go into one workbook (the contract's limit). */
export const MAX_EXPORT_CAMPAIGNS = 50;

export const useReportExport = create<{ ids: number[] | null }>(() => ({ ids: null }));

export function openReportExport(ids: number[]): void {
  if (ids.length === 0) return;
  useReportExport.setState({ ids: ids.slice(0, MAX_EXPORT_CAMPAIGNS) });
}

export function closeReportExport(): void {
  useReportExport.setState({ ids: null });
}

/**
 * Runs one export and saves its file; `onProgress` follows it. Resolves true when a file was
 * saved, false when it was stopped (nothing is saved then); other failures reject.
 */
export async function runReportExport(
  input: { ids: number[]; format: 'xlsx' | 'csv'; exportId: string },
  onProgress: (done: number, total: number) => void,
): Promise<boolean> {
  const off = onEvent('exports.progress', (p) => {
    if (p.exportId === input.exportId) onProgress(p.done, p.total);
  });
  try {
    const file = await api.reports.export(input);
    saveFile(file);
    toast.success(t('reportExport.done', { file: file.fileName }));
    return true;
  } catch (error) {
    if (error instanceof RemoteError && error.code === 'cancelled') {
      toast.info(t('reportExport.cancelled'));
      return false;
    }
    throw error;
  } finally {
    off();
  }
}

/** Asks main to stop an export under way (its call then resolves false). */
export async function cancelReportExport(exportId: string): Promise<void> {
  await api.reports.cancelExport({ exportId });
}

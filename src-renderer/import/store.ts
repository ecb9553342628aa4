/**
 * Imports: reading a spreadsheet, running the import with its progress, cancelling it, and the
 * files the user can download (the template, the rows that were not imported). The wizard's steps
 * stay in the page; everything that talks to main is here.
 */
import type { ImportPreview, ImportProgress, ImportSummary } from '#shared/domain';
import type { MethodInput } from '#shared/contract';
import { refreshGroups } from '#renderer/groups/store';
import { api, onEvent, saveFile } from '#renderer/ui/api';

export const imports = {
  /** Sends the chosen file to main, which reads it and answers with what it found. */
  async open(file: File, options: { readAsText?: boolean; sheetName?: string } = {}): Promise<ImportPreview> {
    const buf = await file.arrayBuffer();
    return api.imports.open({
      fileName: file.name,
      bytes: new Uint8Array(buf),
      ...(options.readAsText === true ? { readAsText: true } : {}),
      ...(options.sheetName !== undefined ? { sheetName: options.sheetName } : {}),
    });
  },

  /** Frees the file main keeps for an open import; nothing to tell the user if it is already gone. */
  discard(importId: string): void {
    void api.imports.discard({ importId }).catch(() => undefined);
  },

  /**
   * Runs an import, passing on its progress meanwhile; a completed import may have made a group,
   * so the groups are read again.
   */
  async run(input: MethodInput<'imports.run'>, onProgress: (progress: ImportProgress) => void): Promise<ImportSummary> {
    // Subscribed before the run starts so that no progress event is missed.
    const stop = onEvent('imports.progress', (progress) => {
      if (progress.importId === input.importId) onProgress(progress);
    });
    try {
      const summary = await api.imports.run(input);
      if (summary.status === 'completed') void refreshGroups().catch(() => undefined);
      return summary;
    } finally {
      stop();
    }
  },

  cancel: (importId: string) => api.imports.cancel({ importId }),

  async downloadTemplate(): Promise<void> {
    saveFile(await api.resources.importTemplate());
  },

  async downloadRejected(importId: string): Promise<void> {
    saveFile(await api.imports.rejectedFile({ importId }));
  },
};

import fs from 'node:fs';
import path from 'node:path';
import type { Kernel } from '#main/kernel/context';
import type { HandlersOf } from '#main/kernel/handlers';
import { exportContacts, MIME, type ExportDeps } from './export-service';
import { exportSuppressions } from './suppressions';

/** Files the user saves: exports of the book and the lists, and the import template. */
export function exportsHandlers(
  { db }: Kernel,
  deps: ExportDeps & { resourcesDir: string },
): HandlersOf<'exports' | 'resources'> {
  return {
    'exports.contacts': (input) => exportContacts(deps, input),
    'exports.suppressions': (input) => exportSuppressions(db, input),
    'resources.importTemplate': () => ({
      fileName: 'Pigeon import template.xlsx',
      mimeType: MIME.xlsx,
      bytes: new Uint8Array(fs.readFileSync(path.join(deps.resourcesDir, 'import-template.xlsx'))),
    }),
  };
}

import type { HandlersOf } from '#main/kernel/handlers';
import type { ImportService } from './import-service';

/** Imports write through their own worker, which holds the write lock: none of these is `mutating`. */
export function importsHandlers(imports: ImportService): HandlersOf<'imports'> {
  return {
    'imports.open': (input) => imports.open(input),
    'imports.run': (input) => imports.run(input),
    'imports.cancel': (input) => imports.cancel(input.importId),
    'imports.discard': (input) => imports.discard(input.importId),
    'imports.current': () => imports.current(),
    'imports.history': (input) => imports.history(input.limit),
    'imports.rejectedFile': (input) => imports.rejectedFile(input.importId),
  };
}

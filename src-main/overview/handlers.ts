import type { HandlersOf } from '#main/kernel/handlers';
import { overview, type OverviewDeps } from './overview';

/** The Overview reads only; nothing here waits for an import's write lock. */
export function overviewHandlers(deps: OverviewDeps): HandlersOf<'overview'> {
  return {
    'overview.get': () => overview(deps),
  };
}

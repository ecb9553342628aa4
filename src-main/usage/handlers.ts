import type { HandlersOf } from '#main/kernel/handlers';
import { usageFile } from './export';
import { usageYear, type UsageDeps } from './service';

/** Usage per account per day / month / year, read from the queue file's send ledger. */
export function usageHandlers(deps: UsageDeps): HandlersOf<'usage'> {
  return {
    'usage.year': (input) => usageYear(deps, input.year),
    'usage.export': (input) => usageFile(usageYear(deps, input.year)),
  };
}

import type { Settings } from '#shared/domain';
import type { AccountManager } from '#main/accounts/account-manager';
import type { ImportService } from '#main/imports/import-service';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { finishWelcome, firstRunState, hideChecklist, savePlace, startDemo, type FirstRunDeps } from './firstrun';

/**
 * The welcome and the checklist. The demo imports through the import service, which takes the
 * write lock itself, so only the settings writes are `mutating`.
 */
export function firstRunHandlers(
  deps: FirstRunDeps & { manager: AccountManager; imports: ImportService; onSettings: (settings: Settings) => void },
): HandlersOf<'firstRun'> {
  return {
    'firstRun.get': () => firstRunState(deps),
    'firstRun.place': mutating(async (input) => {
      const settings = await savePlace(deps.db, input);
      deps.onSettings(settings);
      return settings;
    }),
    'firstRun.demo': (input) => startDemo(deps, input.language),
    'firstRun.done': mutating(async (input) => {
      if (input.what === 'welcome') await finishWelcome(deps.db);
      else await hideChecklist(deps.db, input.hidden);
      return firstRunState(deps);
    }),
  };
}

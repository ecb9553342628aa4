import type { AppInfo, Settings } from '#shared/domain';
import { AppError } from '#shared/errors';
import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { browserPathMessage, checkBrowserPath, nodeBrowserPathFs } from '#main/whatsapp/wweb/browser-path';
import { getSettings, updateSettings } from './settings';

export function settingsHandlers(
  { db }: Kernel,
  deps: { info: () => AppInfo; onUpdated: (settings: Settings) => void },
): HandlersOf<'app' | 'settings'> {
  return {
    'app.info': () => deps.info(),
    'settings.get': () => getSettings(db),
    'settings.update': mutating(async (input) => {
      if (input.browserPath) {
        // Only a browser Pigeon knows may be launched; the message never repeats the path.
        const check = checkBrowserPath(input.browserPath, { platform: process.platform, fs: nodeBrowserPathFs });
        if (!check.ok) throw new AppError(check.problem === 'missing' ? 'not_found' : 'unsupported_format', browserPathMessage(check.problem));
      }
      const settings = await updateSettings(db, input);
      deps.onUpdated(settings);
      return settings;
    }),
  };
}

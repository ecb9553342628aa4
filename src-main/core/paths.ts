import os from 'node:os';
import path from 'node:path';

/**
 * Where Pigeon keeps its data when no folder is given: the same folder Electron's `userData` uses
 * for an app named Pigeon, so the desktop app and the browser host share one contact book.
 * PIGEON_DATA_DIR overrides it (one folder per test, or a folder on another disk).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIGEON_DATA_DIR) return path.resolve(env.PIGEON_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Pigeon');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Pigeon');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Pigeon');
  }
}

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

/** PIGEON_SIM_SPEED: how much faster the demo phone runs (tests use 20); 1 when unset or invalid. */
export function simulatorSpeedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PIGEON_SIM_SPEED);
  return Number.isFinite(value) && value >= 1 && value <= 1000 ? value : 1;
}

/**
 * whatsapp-web.js runs some handlers fire-and-forget; after a logout or a closed page they can
 * reject with nobody listening. Such a rejection must not end the app: note it (name and message
 * only: nothing from messages or contacts) and carry on.
 */
export function keepRunningOnStrayRejections(): void {
  process.on('unhandledRejection', (reason) => {
    const text = reason instanceof Error ? `${reason.name}: ${reason.message.split('\n')[0] ?? ''}` : typeof reason;
    console.warn(`[pigeon] ignored an unhandled rejection (${text})`);
  });
}

/**
 * "Start Pigeon when I log in", per platform, as plain data (the Electron glue applies it):
 * Windows and macOS through Electron's login item, Linux through an XDG autostart entry (Electron
 * has no login item there). Opened at login, Pigeon starts in the tray without a window: on
 * Windows and Linux the login item passes LOGIN_ARG; macOS says so itself (wasOpenedAtLogin).
 */
import path from 'node:path';

export const LOGIN_ARG = '--pigeon-at-login';
export const AUTOSTART_FILE = 'pigeon.desktop';

export type LoginPlan =
  | { kind: 'login-item'; settings: { openAtLogin: boolean; path?: string; args?: string[] } }
  | { kind: 'autostart'; file: string; content: string | null };

/**
 * `appArgs`: what the executable needs before Pigeon's own arguments (the app folder when run as
 * `electron .` in development; nothing in the installed app).
 */
export function loginPlan(
  on: boolean,
  env: { platform: NodeJS.Platform; execPath: string; appArgs: string[]; configHome: string },
): LoginPlan {
  if (env.platform === 'darwin') return { kind: 'login-item', settings: { openAtLogin: on } };
  if (env.platform === 'win32') {
    return { kind: 'login-item', settings: { openAtLogin: on, path: env.execPath, args: [...env.appArgs.map(quoteWindows), LOGIN_ARG] } };
  }
  return {
    kind: 'autostart',
    file: path.join(env.configHome, 'autostart', AUTOSTART_FILE),
    content: on ? autostartEntry(env.execPath, [...env.appArgs, LOGIN_ARG]) : null,
  };
}

/** Whether this start was the login item's (then Pigeon stays in the tray). */
export function openedAtLogin(env: { platform: NodeJS.Platform; argv: readonly string[]; wasOpenedAtLogin: boolean }): boolean {
  return env.platform === 'darwin' ? env.wasOpenedAtLogin : env.argv.includes(LOGIN_ARG);
}

/** Electron's Windows login item joins its args into a command line: paths with spaces are quoted. */
function quoteWindows(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg;
}

/** An XDG autostart entry (Desktop Entry Specification: Exec arguments quoted and escaped). */
export function autostartEntry(execPath: string, args: string[]): string {
  const exec = [execPath, ...args].map(quoteExec).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Pigeon', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=false', ''].join('\n');
}

function quoteExec(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  // Inside double quotes, " ` $ \ are escaped with a backslash; the file format then escapes the backslash again.
  const quoted = `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

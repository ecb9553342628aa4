/**
 * Checks the browser path a person sets in Settings before Pigeon ever launches it: it must be a
 * full path to an existing regular file that can run (on Windows, an .exe), and its file name must
 * be one of the browsers find-browser.ts looks for (Google Chrome, Microsoft Edge, Chromium, Brave).
 * A macOS .app bundle stands for the program inside it, as in findBrowser.
 *
 * The name is checked first, without touching the disk, so the check tells nothing about files
 * that are not browsers. Messages never repeat the path. Pure apart from `nodeBrowserPathFs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '#shared/i18n';
import { browserCandidates, macBundleProgram } from './find-browser';

export type BrowserFileKind = 'file' | 'directory' | 'other';

/** What the check needs from the disk (following symbolic links). */
export type BrowserPathFs = {
  /** null when nothing is there. */
  kind(p: string): BrowserFileKind | null;
  /** Whether this process may run the file (POSIX; not asked on Windows). */
  executable(p: string): boolean;
};

export type BrowserPathProblem = 'not_absolute' | 'unknown_browser' | 'missing' | 'not_a_file' | 'not_executable';

export type BrowserPathCheck = { ok: true; program: string } | { ok: false; problem: BrowserPathProblem };

const basename = (platform: NodeJS.Platform, p: string): string => (platform === 'win32' ? path.win32 : path.posix).basename(p);

/** Program names in use beyond find-browser's install places (other channels and packages). */
const EXTRA_PROGRAMS = ['google-chrome-unstable', 'microsoft-edge-dev', 'brave-browser-stable', 'brave-browser-beta'];

/** Windows program names (all .exe). */
const WINDOWS_PROGRAMS: readonly string[] = [...new Set(browserCandidates('win32', {}).map((c) => basename('win32', c.path)))];

/** Linux and macOS program names. */
const POSIX_PROGRAMS: readonly string[] = [
  ...new Set([
    ...browserCandidates('linux', {}).map((c) => basename('linux', c.path)),
    ...browserCandidates('darwin', {}).map((c) => basename('darwin', c.path)),
    ...EXTRA_PROGRAMS,
  ]),
];

/** Every browser program name Pigeon accepts, from the places findBrowser looks in. */
export const KNOWN_BROWSER_PROGRAMS: readonly string[] = [...WINDOWS_PROGRAMS, ...POSIX_PROGRAMS];

function knownName(platform: NodeJS.Platform, program: string): boolean {
  const name = basename(platform, program).toLowerCase();
  const known = platform === 'win32' ? WINDOWS_PROGRAMS : POSIX_PROGRAMS;
  return known.some((k) => k.toLowerCase() === name);
}

/** Checks a browser path from Settings (trimmed, not empty). */
export function checkBrowserPath(configured: string, options: { platform: NodeJS.Platform; fs: BrowserPathFs }): BrowserPathCheck {
  const { platform, fs: disk } = options;
  const p = configured.trim();
  const paths = platform === 'win32' ? path.win32 : path.posix;
  if (!paths.isAbsolute(p)) return { ok: false, problem: 'not_absolute' };
  const program = platform === 'darwin' && /\.app\/?$/i.test(p) ? macBundleProgram(p.replace(/\/$/, '')) : p;
  if (!knownName(platform, program)) return { ok: false, problem: 'unknown_browser' };
  const kind = disk.kind(program);
  if (kind === null) return { ok: false, problem: 'missing' };
  if (kind !== 'file') return { ok: false, problem: 'not_a_file' };
  if (platform !== 'win32' && !disk.executable(program)) return { ok: false, problem: 'not_executable' };
  return { ok: true, program };
}

/** What is wrong, in plain words, without the path. */
export function browserPathMessage(problem: BrowserPathProblem): string {
  switch (problem) {
    case 'not_absolute':
      return t('settings.browser.err.notAbsolute');
    case 'unknown_browser':
      return t('settings.browser.err.unknown');
    case 'missing':
      return t('settings.browser.err.missing');
    case 'not_a_file':
      return t('settings.browser.err.folder');
    case 'not_executable':
      return t('settings.browser.err.notExecutable');
  }
}

/** The real disk. */
export const nodeBrowserPathFs: BrowserPathFs = {
  kind(p) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p, { throwIfNoEntry: false });
    } catch {
      return null; // a file where a folder should be, no permission to look…
    }
    if (!stat) return null;
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  },
  executable(p) {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Finds a Chromium-based browser for whatsapp-web.js on this machine: the path set in Settings
 * first, then the usual install places of Google Chrome, Microsoft Edge, Chromium and Brave.
 *
 * Pure: the platform, the environment and the file check are passed in, so tests can pretend to be
 * any machine.
 */
import path from 'node:path';

export type FoundBrowser = {
  found: true;
  /** The program file to launch. */
  path: string;
  /** A name for people ("Google Chrome", "Chromium", …). */
  name: string;
  /** Google Chrome or Microsoft Edge: they ship the proprietary codecs WhatsApp needs for video. */
  isChrome: boolean;
  /** Whether the path came from Settings or was found in a standard install place. */
  source: 'configured' | 'installed';
};

export type BrowserNotFound = {
  found: false;
  /**
   * `configured_missing`: the path set in Settings does not exist. `configured_unusable`: it is not
   * a browser Pigeon may launch (see browser-path.ts). `none_found`: nothing installed.
   */
  reason: 'configured_missing' | 'configured_unusable' | 'none_found';
  /** The path from Settings, when that is what was missing. */
  configuredPath: string | null;
  /** Every place looked at, in order (for a log line or a details box). */
  checked: string[];
  platform: NodeJS.Platform;
};

export type FindBrowserResult = FoundBrowser | BrowserNotFound;

export type FindBrowserOptions = {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists: (p: string) => boolean;
  /** The browser path from Settings; empty or blank means "not set". */
  configuredPath?: string | null;
  /**
   * Whether the configured path may be launched (checkBrowserPath). Settings checks it when it is
   * saved; this catches a path stored before that check existed.
   */
  isUsableConfigured?: (configuredPath: string) => boolean;
};

type Candidate = { path: string; name: string; isChrome: boolean };

type Product = { name: string; isChrome: boolean };
const CHROME: Product = { name: 'Google Chrome', isChrome: true };
const CHROME_BETA: Product = { name: 'Google Chrome Beta', isChrome: true };
const EDGE: Product = { name: 'Microsoft Edge', isChrome: true };
const EDGE_BETA: Product = { name: 'Microsoft Edge Beta', isChrome: true };
const CHROMIUM: Product = { name: 'Chromium', isChrome: false };
const BRAVE: Product = { name: 'Brave', isChrome: false };

/** Environment lookup that ignores case, as Windows does. */
function envValue(env: Record<string, string | undefined>, key: string): string | undefined {
  const direct = env[key];
  if (direct) return direct;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(env)) {
    if (k.toLowerCase() === lower && v) return v;
  }
  return undefined;
}

function windowsCandidates(env: Record<string, string | undefined>): Candidate[] {
  const join = (...parts: string[]) => path.win32.join(...parts);
  const programFiles = envValue(env, 'PROGRAMFILES') ?? 'C:\\Program Files';
  const programFilesX86 = envValue(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)';
  const localAppData = envValue(env, 'LOCALAPPDATA');
  const roots = [programFiles, programFilesX86, ...(localAppData ? [localAppData] : [])];
  const inRoots = (product: Product, ...rest: string[]): Candidate[] =>
    roots.map((root) => ({ path: join(root, ...rest), ...product }));
  return [
    ...inRoots(CHROME, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ...inRoots(CHROME_BETA, 'Google', 'Chrome Beta', 'Application', 'chrome.exe'),
    ...inRoots(EDGE, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ...inRoots(EDGE_BETA, 'Microsoft', 'Edge Beta', 'Application', 'msedge.exe'),
    ...inRoots(CHROMIUM, 'Chromium', 'Application', 'chrome.exe'),
    ...inRoots(BRAVE, 'BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'),
  ];
}

/** The program inside a macOS .app bundle: "X.app/Contents/MacOS/X". */
export function macBundleProgram(bundle: string): string {
  const appName = path.posix.basename(bundle).replace(/\.app$/i, '');
  return path.posix.join(bundle, 'Contents', 'MacOS', appName);
}

function macCandidates(env: Record<string, string | undefined>): Candidate[] {
  const home = envValue(env, 'HOME');
  const folders = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
  const bundles: [Product, string][] = [
    [CHROME, 'Google Chrome.app'],
    [CHROME_BETA, 'Google Chrome Beta.app'],
    [EDGE, 'Microsoft Edge.app'],
    [EDGE_BETA, 'Microsoft Edge Beta.app'],
    [CHROMIUM, 'Chromium.app'],
    [BRAVE, 'Brave Browser.app'],
  ];
  return bundles.flatMap(([product, bundle]) =>
    folders.map((folder) => ({ path: macBundleProgram(path.posix.join(folder, bundle)), ...product })),
  );
}

function linuxCandidates(): Candidate[] {
  const list: [Product, string][] = [
    [CHROME, '/usr/bin/google-chrome'],
    [CHROME, '/usr/bin/google-chrome-stable'],
    [CHROME, '/opt/google/chrome/chrome'],
    [CHROME_BETA, '/usr/bin/google-chrome-beta'],
    [CHROME_BETA, '/opt/google/chrome-beta/chrome'],
    [EDGE, '/usr/bin/microsoft-edge'],
    [EDGE, '/usr/bin/microsoft-edge-stable'],
    [EDGE, '/opt/microsoft/msedge/msedge'],
    [EDGE_BETA, '/usr/bin/microsoft-edge-beta'],
    [CHROMIUM, '/usr/bin/chromium'],
    [CHROMIUM, '/usr/bin/chromium-browser'],
    [CHROMIUM, '/snap/bin/chromium'],
    [CHROMIUM, '/usr/lib/chromium/chromium'],
    [CHROMIUM, '/usr/lib/chromium-browser/chromium-browser'],
    [BRAVE, '/usr/bin/brave-browser'],
    [BRAVE, '/usr/bin/brave'],
    [BRAVE, '/opt/brave.com/brave/brave'],
    [BRAVE, '/snap/bin/brave'],
  ];
  return list.map(([product, p]) => ({ path: p, ...product }));
}

/** The standard install places for `platform`, best first (Chrome, Edge, Chromium, Brave). */
export function browserCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): Candidate[] {
  switch (platform) {
    case 'win32':
      return windowsCandidates(env);
    case 'darwin':
      return macCandidates(env);
    default:
      return linuxCandidates();
  }
}

/** Guesses which browser a path set by hand is, from its file name. */
export function guessBrowserFromPath(p: string): Product {
  const lower = p.replace(/\\/g, '/').toLowerCase();
  const file = lower.slice(lower.lastIndexOf('/') + 1);
  if (lower.includes('msedge') || lower.includes('microsoft edge') || lower.includes('microsoft-edge')) return EDGE;
  if (lower.includes('brave')) return BRAVE;
  if (lower.includes('chromium')) return CHROMIUM;
  if (lower.includes('google chrome') || lower.includes('google-chrome') || lower.includes('/google/chrome')) return CHROME;
  if (file === 'chrome' || file === 'chrome.exe') return CHROME;
  return { name: 'Browser', isChrome: false };
}

export function findBrowser(options: FindBrowserOptions): FindBrowserResult {
  const { platform, env, exists } = options;
  const configured = options.configuredPath?.trim() ?? '';

  if (configured) {
    // On macOS people often pick the .app bundle rather than the program inside it.
    const program = platform === 'darwin' && /\.app\/?$/i.test(configured)
      ? macBundleProgram(configured.replace(/\/$/, ''))
      : configured;
    const checked = program === configured ? [configured] : [configured, program];
    if (exists(program) && options.isUsableConfigured && !options.isUsableConfigured(configured)) {
      return { found: false, reason: 'configured_unusable', configuredPath: configured, checked, platform };
    }
    if (exists(program)) {
      return { found: true, path: program, ...guessBrowserFromPath(program), source: 'configured' };
    }
    // The user chose this path on purpose: say it is missing instead of quietly using another browser.
    return { found: false, reason: 'configured_missing', configuredPath: configured, checked, platform };
  }

  const checked: string[] = [];
  for (const candidate of browserCandidates(platform, env)) {
    checked.push(candidate.path);
    if (exists(candidate.path)) {
      return { found: true, path: candidate.path, name: candidate.name, isChrome: candidate.isChrome, source: 'installed' };
    }
  }
  return { found: false, reason: 'none_found', configuredPath: null, checked, platform };
}

/** Plain words for when no browser could be used, saying how to fix it on this platform. */
export function browserNotFoundMessage(result: BrowserNotFound): string {
  if (result.reason === 'configured_unusable') {
    return (
      'The browser set in Settings is not one Pigeon can use. ' +
      'Choose Google Chrome, Microsoft Edge, Chromium or Brave in Settings, or clear the field so Pigeon looks for an installed one.'
    );
  }
  if (result.reason === 'configured_missing') {
    return (
      `The browser set in Settings was not found at “${result.configuredPath ?? ''}”. ` +
      'Choose the browser’s program file in Settings, or clear the field so Pigeon looks for an installed Google Chrome.'
    );
  }
  const install = ((): string => {
    switch (result.platform) {
      case 'win32':
        return 'Install Google Chrome (google.com/chrome) or use Microsoft Edge, which comes with Windows';
      case 'darwin':
        return 'Install Google Chrome (google.com/chrome) into your Applications folder';
      default:
        return 'Install Google Chrome (google.com/chrome) or Chromium (for example “sudo apt install chromium”)';
    }
  })();
  return (
    'WhatsApp needs Google Chrome, Microsoft Edge or Chromium on this computer, and none was found. ' +
    `${install}, then try again — or set the browser’s program file in Settings.`
  );
}

/**
 * The app's own origin, app://pigeon/, in plain TypeScript (no Electron): the only origin trusted
 * with IPC, the only page the window may show, and the parser protocol.ts serves files by.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pigeon';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** A `.` or `..` path segment, plain or %-encoded. */
export const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|%2f|%5c|$)/i;

/** The parts of an address on our origin, or null for anything else (another scheme, host, port or credentials). */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

/** True for any address on the app's own origin (app://pigeon/…): the only pages trusted with IPC. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}

/** True for the app's page itself (what the window may load or reload), false for anything else. */
export function isAppPage(url: string): boolean {
  const parsed = parseAppUrl(url);
  return parsed !== null && parsed.search === '' && (parsed.pathname === '/' || parsed.pathname === '/index.html');
}


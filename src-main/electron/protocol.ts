/**
 * The desktop window's pages come from `app://pigeon/`, a privileged custom scheme that serves the
 * built renderer (dist/renderer) and nothing else: never file://, whose pages Chromium lets read
 * any other file: URL. Which file a request names is decided by a pure function (resolveAppPath),
 * tested with hostile addresses; the symlink check and the response are in appResponse, tested on
 * a real folder; only the two registration calls touch Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, DOT_SEGMENT, parseAppUrl } from './app-origin';

export { APP_HOST, APP_ORIGIN, APP_PAGE_URL, APP_SCHEME, isAppPage, isAppUrl } from './app-origin';

/**
 * The desktop page's policy, sent with every file: scripts and styles only from the app itself, no
 * socket of any kind (the desktop talks to main over IPC, so there is no `ws:` here, unlike the
 * browser host whose page needs its loopback socket), no plugins, frames, <base> or form targets.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What the built renderer holds; any other kind of file is not served (source maps included). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/**
 * The file under `root` that an app:// request names, with its type, or null (served as 404) for
 * anything that is not plainly a file of the renderer: another origin, a query string, an empty,
 * dot or dot-dot segment (encoded or not), a hidden file, an encoded slash, backslash or per-cent sign (double encoding), a drive
 * letter or colon, a NUL, or a kind of file the renderer does not hold.
 */
export function resolveAppPath(url: string, root: string): { file: string; type: string } | null {
  // Dot segments and backslashes are refused as written, before the URL parser folds them away.
  if (url.includes('\\') || DOT_SEGMENT.test(url)) return null;
  const parsed = parseAppUrl(url);
  if (!parsed || parsed.search !== '') return null;
  const raw = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\:%]/.test(segment) || [...segment].some(isControl)) return null;
    segments.push(segment);
  }
  const type = TYPES[path.extname(segments[segments.length - 1] ?? '').toLowerCase()];
  if (!type) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return null;
  return { file, type };
}

/** NUL and the other control characters: never part of a file the renderer ships. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The answer to one app:// request: the file with its type and the desktop policy, or 404 when
 * the address is refused, the file is missing, or its real path (symlinks followed) leaves `root`.
 */
export async function appResponse(request: { url: string; method: string }, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const target = resolveAppPath(request.url, root);
  if (!target) return notFound();
  let data: Buffer;
  try {
    const realRoot = await fs.promises.realpath(root);
    const realFile = await fs.promises.realpath(target.file);
    if (!realFile.startsWith(realRoot + path.sep)) return notFound();
    const stat = await fs.promises.stat(realFile);
    if (!stat.isFile()) return notFound();
    data = await fs.promises.readFile(realFile);
  } catch {
    return notFound();
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), {
    status: 200,
    headers: {
      'Content-Type': target.type,
      'Content-Security-Policy': DESKTOP_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Must run before the app is ready: makes app:// a standard, secure origin (relative URLs, module
 * scripts and a secure context work as on https) that may not be bypassed by CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, allowServiceWorkers: false } },
  ]);
}

/** After ready: serves app:// from the built renderer folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir));
}

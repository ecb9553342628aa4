/**
 * Opening the operator's browser on the host's address without putting its token on a command
 * line: any user of the machine can read another's (/proc/<pid>/cmdline), the opener's and the
 * browser's alike. As Jupyter does, the address goes into a page only the owner can read, and the
 * opener is given that page.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '#shared/i18n';

/** The redirect page's name in the data folder. */
export const REDIRECT_PAGE = 'open-pigeon.html';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A string literal safe inside <script>: JSON, with no "<" to end the element early. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

/**
 * Writes (replacing any older one, never through a link) the page that sends the browser to `url`,
 * readable by its owner only, in `dir`; returns its path.
 */
export function writeRedirectPage(dir: string, url: string): string {
  const file = path.join(dir, REDIRECT_PAGE);
  const attr = escapeHtml(url);
  const html = [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${attr}">`,
    `<title>${escapeHtml(t('app.name'))}</title>`,
    '</head>',
    '<body>',
    `<script>location.replace(${scriptString(url)});</script>`,
    `<p>${escapeHtml(t('host.redirect.opening'))} <a href="${attr}">${escapeHtml(t('host.redirect.link'))}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  fs.rmSync(file, { force: true });
  // 'wx': created here and now, so it is neither an older file's mode nor a link planted in its place.
  fs.writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return file;
}

/** Opens `file` in the default browser; nothing happens where there is no opener (the address is printed anyway). */
export function openInBrowser(file: string): void {
  const target = pathToFileURL(file).href;
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', target] : [target];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener.
  }
}

/**
 * The app:// scheme serves the built renderer and nothing else: attacked with the addresses a page
 * (or anything that can make Chromium request app://) would try, on a real folder with a secret
 * file beside it and a symlink pointing out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}));

const { APP_PAGE_URL, DESKTOP_CONTENT_SECURITY_POLICY, appResponse, isAppPage, isAppUrl, registerAppScheme, resolveAppPath, serveRenderer } = await import('./protocol');

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Pigeon</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js.map'), '{}');
  fs.writeFileSync(path.join(root, 'pigeon.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(base, 'secret.json'), '{"secret":true}');
  fs.writeFileSync(path.join(base, 'renderer-evil.js'), 'evil()');
  fs.symlinkSync(path.join(base, 'secret.json'), path.join(root, 'assets', 'link.json'));
  fs.symlinkSync(base, path.join(root, 'up'));
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

const HOSTILE = [
  'app://pigeon/../secret.json',
  'app://pigeon/assets/../../secret.json',
  'app://pigeon/%2e%2e/secret.json',
  'app://pigeon/%2E%2E%2Fsecret.json',
  'app://pigeon/assets%2f..%2f..%2fsecret.json',
  'app://pigeon/assets%5c..%5c..%5csecret.json',
  'app://pigeon/..%5csecret.json',
  'app://pigeon/%252e%252e/secret.json',
  'app://pigeon//etc/passwd',
  'app://pigeon/%2Fetc%2Fpasswd',
  `app://pigeon/${encodeURIComponent(path.join(os.tmpdir(), 'x.json'))}`,
  'app://pigeon/C:/Windows/win.ini',
  'app://pigeon/C%3A%5CWindows%5Cwin.ini',
  'app://pigeon/index.html%00.js',
  'app://pigeon/index.html?x=1',
  'app://pigeon/?x=1',
  'app://pigeon/assets/index-abc.js?v=2',
  'app://pigeon/.env',
  'app://pigeon/assets/index-abc.js.map',
  'app://pigeon/%E0%A4%A',
  'app://evil/index.html',
  'app://pigeon:8080/index.html',
  'app://user@pigeon/index.html',
  'file:///etc/passwd',
  'https://pigeon/index.html',
];

describe('which file an app:// address names', () => {
  it('serves the page and its assets from the renderer folder, with their types', () => {
    expect(resolveAppPath('app://pigeon/', root)).toEqual({ file: path.join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveAppPath(APP_PAGE_URL, root)).toEqual({ file: path.join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveAppPath('app://pigeon/assets/index-abc.js', root)).toEqual({ file: path.join(root, 'assets', 'index-abc.js'), type: 'text/javascript; charset=utf-8' });
    expect(resolveAppPath('app://pigeon/assets/index-abc.css', root)?.type).toBe('text/css; charset=utf-8');
    expect(resolveAppPath('app://pigeon/pigeon.svg', root)?.type).toBe('image/svg+xml');
    expect(resolveAppPath('app://pigeon/assets/a%20b.png', root)).toEqual({ file: path.join(root, 'assets', 'a b.png'), type: 'image/png' });
  });

  it('refuses traversal, encoded separators, absolute paths, queries, hidden files, maps and other origins', () => {
    for (const url of HOSTILE) expect(resolveAppPath(url, root), url).toBeNull();
  });
});

describe('the app:// answers', () => {
  it('sends the file with its type, nosniff and the desktop policy (no socket sources)', async () => {
    const page = await appResponse({ url: 'app://pigeon/index.html', method: 'GET' }, root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Pigeon</title>');
    const script = await appResponse({ url: 'app://pigeon/assets/index-abc.js', method: 'GET' }, root);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 to every hostile address, to symlinks leading out, to folders and missing files', async () => {
    for (const url of [...HOSTILE, 'app://pigeon/assets/link.json', 'app://pigeon/up/secret.json', 'app://pigeon/missing.js', 'app://pigeon/assets', 'app://pigeon/renderer-evil.js']) {
      const response = await appResponse({ url, method: 'GET' }, root);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await appResponse({ url: APP_PAGE_URL, method: 'POST' }, root)).status).toBe(405);
    const head = await appResponse({ url: APP_PAGE_URL, method: 'HEAD' }, root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('keeps the desktop policy strict: no ws:, no inline or eval scripts, no frames, no plugins', () => {
    const csp = DESKTOP_CONTENT_SECURITY_POLICY;
    expect(csp).not.toMatch(/\bwss?:/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('leaves no socket source in the page’s own meta policy, which applies on top of the desktop’s header', () => {
    const html = fs.readFileSync(path.join(process.cwd(), 'src-renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/\bwss?:/);
    expect(meta).toContain("connect-src 'self'");
    expect(meta).toContain("script-src 'self'");
  });

  it('trusts only the app origin, and only its page for navigation', () => {
    expect(isAppUrl('app://pigeon/index.html')).toBe(true);
    expect(isAppUrl('app://pigeon/assets/x.js')).toBe(true);
    for (const url of ['file:///app/index.html', 'app://evil/index.html', 'app://pigeon.evil/', 'http://pigeon/', 'https://pigeon/index.html', 'app://a@pigeon/', 'app://pigeon:1/', '', 'nonsense']) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppPage('app://pigeon/index.html')).toBe(true);
    expect(isAppPage('app://pigeon/index.html#x')).toBe(true);
    expect(isAppPage('app://pigeon/')).toBe(true);
    expect(isAppPage('app://pigeon/other.html')).toBe(false);
    expect(isAppPage('app://pigeon/index.html?inject=1')).toBe(false);
  });
});

describe('the scheme registration', () => {
  it('makes app:// standard and secure (not CSP-bypassing, no service workers) and serves it from the renderer folder', async () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, allowServiceWorkers: false } },
    ]);
    serveRenderer(root);
    const handler = fake.handlers.get('app')!;
    expect((await handler({ url: APP_PAGE_URL, method: 'GET' })).status).toBe(200);
    expect((await handler({ url: 'app://pigeon/../secret.json', method: 'GET' })).status).toBe(404);
  });
});

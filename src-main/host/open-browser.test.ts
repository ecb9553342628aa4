import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type HostProcess } from '#main/test-support/host-process';
import { until } from '#main/test-support/until';
import { REDIRECT_PAGE, writeRedirectPage } from './open-browser';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-open-'));
  made.push(dir);
  return dir;
}
let host: HostProcess | null = null;
afterEach(async () => {
  await host?.kill();
  host = null;
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the redirect page', () => {
  it('sends the browser to the address by script and by meta refresh, escaped for HTML and for the script', () => {
    const dir = tempDir();
    const url = 'http://127.0.0.1:5000/#token=a"b<c>d&e\'f</script>';
    const file = writeRedirectPage(dir, url);
    expect(file).toBe(path.join(dir, REDIRECT_PAGE));
    const html = fs.readFileSync(file, 'utf8');
    const attr = 'http://127.0.0.1:5000/#token=a&quot;b&lt;c&gt;d&amp;e&#39;f&lt;/script&gt;';
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${attr}">`);
    expect(html).toContain(`<a href="${attr}">`);
    expect(html).toContain(`location.replace("http://127.0.0.1:5000/#token=a\\"b\\u003cc>d&e'f\\u003c/script>")`);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only, even where an older one was wider or a link', () => {
    const dir = tempDir();
    const elsewhere = path.join(tempDir(), 'victim.txt');
    fs.writeFileSync(elsewhere, 'keep me', { mode: 0o644 });
    fs.symlinkSync(elsewhere, path.join(dir, REDIRECT_PAGE));
    const file = writeRedirectPage(dir, 'http://127.0.0.1:1/#token=one');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('keep me');
    fs.chmodSync(file, 0o644);
    writeRedirectPage(dir, 'http://127.0.0.1:1/#token=two');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('token=two');
  });
});

// xdg-open is the Linux opener; a stand-in on PATH records the arguments it was given.
describe.skipIf(process.platform !== 'linux')('the host opening the browser', () => {
  it('gives the opener a private file that redirects, never the tokened address (command lines are public in /proc)', async () => {
    const bin = tempDir();
    const record = path.join(tempDir(), 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`, { mode: 0o755 });
    const dataDir = tempDir();
    host = await startHost(dataDir, { PIGEON_OPEN: '1', PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    const args = (await until(() => fs.existsSync(record) && fs.readFileSync(record, 'utf8'), 'the opener')).trim().split('\n');
    expect(args.join(' ')).not.toContain(host.token);
    expect(args).toHaveLength(1);
    const page = fileURLToPath(args[0] ?? '');
    expect(fs.statSync(page).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(page, 'utf8')).toContain(host.url.href);
  });
});

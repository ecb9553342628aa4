/**
 * `npm run dist` must stop within seconds with a plain message where Electron cannot be downloaded
 * (as on the build machines here), rather than fail half-way or wait (issue 14 §4).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadProbes, preflight } from '../../scripts/dist.mjs';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('dist preflight', () => {
  it('asks for the Electron release and its headers, honouring ELECTRON_MIRROR and disturl', () => {
    expect(downloadProbes('41.7.1', {}).map((p) => p.url)).toEqual([
      'https://github.com/electron/electron/releases/download/v41.7.1/SHASUMS256.txt',
      'https://www.electronjs.org/headers/v41.7.1/SHASUMS256.txt',
    ]);
    expect(downloadProbes('41.7.1', { ELECTRON_MIRROR: 'https://mirror.example/electron', npm_config_disturl: 'https://mirror.example/headers/' }).map((p) => p.url)).toEqual([
      'https://mirror.example/electron/v41.7.1/SHASUMS256.txt',
      'https://mirror.example/headers/v41.7.1/SHASUMS256.txt',
    ]);
  });

  it('a host that refuses: a plain message at once', async () => {
    const url = await serve(() => undefined);
    const closed = servers.pop();
    await new Promise((r) => closed?.close(r)); // nothing listens on that port any more
    const started = Date.now();
    const r = await preflight([{ what: 'Electron 41.7.1', url: `${url}v41.7.1/SHASUMS256.txt` }], { timeoutMs: 5000 });
    expect(r).toEqual({ ok: false, message: `Electron 41.7.1 cannot be downloaded from ${new URL(url).origin} (ECONNREFUSED)` });
    expect(Date.now() - started).toBeLessThan(4500); // well under the 5 s limit even on a busy machine
  });

  it('a host that never answers: stopped at the time limit, not waited on', async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const r = await preflight([{ what: 'Electron 41.7.1', url }], { timeoutMs: 800 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/no answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(4500); // well under the 5 s limit even on a busy machine
  });

  it('a missing release (404) is named; reachable downloads pass', async () => {
    const url = await serve((req, res) => {
      res.statusCode = req.url?.includes('v0.0.0') ? 404 : 200;
      res.end();
    });
    expect((await preflight([{ what: 'Electron 0.0.0', url: `${url}v0.0.0/SHASUMS256.txt` }])).message).toMatch(/answered 404/);
    expect(await preflight(downloadProbes('41.7.1', { ELECTRON_MIRROR: url, npm_config_disturl: url }))).toEqual({ ok: true, message: '' });
  });
});

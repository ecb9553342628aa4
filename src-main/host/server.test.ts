import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testCore } from '../test-support/core';
import { startHost, type Host } from './server';
import { decodeWire, encodeWire } from './wire';

let host: Host;
let cleanup: () => Promise<void>;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pigeon</title>');
  const t = await testCore();
  cleanup = t.cleanup;
  host = await startHost({ core: t.core, rendererDir, log: () => undefined });
});
afterAll(async () => {
  await host.close();
  await cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function connect(token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${encodeURIComponent(token)}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function get(pathname: string, hostHeader = `127.0.0.1:${host.port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: hostHeader } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

/** Sends `request` on a raw socket and reads the answer's status code (0 if the socket ends without one). */
function raw(request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(request.split('\r\n')[0])}`));
    }, 3000);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
    });
    socket.end(request);
  });
}

describe('browser host', () => {
  it('listens on loopback only and serves the app', async () => {
    expect(host.url.startsWith(`http://127.0.0.1:${host.port}/#token=`)).toBe(true);
    expect(await get('/')).toBe(200);
    expect(await get('/../../etc/passwd')).not.toBe(200);
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')).not.toBe(200);
  });

  const upgradeHeaders = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13';
  it.each([
    ['a bad escape', '/%', ''],
    ['a cut UTF-8 escape', '/%E0%A4%A', ''],
    ['a NUL byte', '/a%00b', ''],
    ['a target URL cannot parse', '//[', ''],
    ['an absolute target URL cannot parse', 'http://[', ''],
    ['a WebSocket upgrade whose target URL cannot parse', '//[', upgradeHeaders],
    ['a WebSocket upgrade whose absolute target URL cannot parse', 'http://[', upgradeHeaders],
  ])('answers 400 to %s without a token, and keeps serving', async (_what, target, extra) => {
    const headers = [`Host: 127.0.0.1:${host.port}`, extra || 'Connection: close'].join('\r\n');
    expect(await raw(`GET ${target} HTTP/1.1\r\n${headers}\r\n\r\n`)).toBe(400);
    expect(await get('/')).toBe(200);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect(await get('/', `evil.example:${host.port}`)).toBe(421);
  });

  it('refuses sockets without the token or from another origin', async () => {
    await expect(connect('wrong', host.origin)).rejects.toThrow(/403/);
    await expect(connect(host.token, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(connect(host.token, 'null')).rejects.toThrow(/403/);
  });

  it('answers contract calls, validated, with bytes round-tripping', async () => {
    const ws = await connect(host.token, host.origin);
    const ask = (id: number, method: string, input: unknown) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          const message = decodeWire(Buffer.isBuffer(data) ? data.toString('utf8') : '') as Record<string, unknown>;
          if (message.id === id) {
            ws.off('message', onMessage);
            resolve(message);
          }
        };
        ws.on('message', onMessage);
        ws.send(encodeWire({ id, method, input }));
      });
    expect(await ask(1, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'browser' } });
    expect(await ask(2, 'groups.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const template = await ask(3, 'resources.importTemplate', {});
    const bytes = (template.result as { bytes: Uint8Array }).bytes;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    ws.close();
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '#main/core/core';
import { testCore } from '#main/test-support/core';
import { startHost as startHostProcess } from '#main/test-support/host-process';
import { startHost, type Host } from './server';
import { decodeWire, encodeWire } from '#shared/wire';
import { MAX_WIRE_MESSAGE_BYTES } from './wire';

let host: Host;
let core: Core;
let cleanup: () => Promise<void>;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pigeon</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1);');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
  const t = await testCore();
  cleanup = t.cleanup;
  core = t.core;
  host = await startHost({ core: t.core, rendererDir, log: () => undefined });
});
afterAll(async () => {
  await host.close();
  await cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function connect(token: string, origin: string, port = host.port): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function fetchPage(pathname: string, hostHeader = `127.0.0.1:${host.port}`): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: hostHeader } }, (res) => {
        res.resume();
        resolve(res);
      })
      .on('error', reject);
  });
}

async function get(pathname: string, hostHeader = `127.0.0.1:${host.port}`): Promise<number> {
  return (await fetchPage(pathname, hostHeader)).statusCode ?? 0;
}

/** Sends `request` on a raw socket and reads the answer's status code (0 if the socket ends without one). */
function raw(request: string, port = host.port): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
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

/** A client frame as RFC 6455 writes it: FIN set, masked unless told, 64-bit length when claimed. */
function frame(opcode: number, payload: Buffer, options: { masked?: boolean; claimedLength?: number } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = options.claimedLength ?? payload.length;
  const head: number[] = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    head.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const key = crypto.randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ (key[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), key, body]);
}

/**
 * A raw socket upgraded with the token and a matching Origin and Host, for frames no client
 * library would send. `closeCode` resolves with the code of the server's close frame (0 if the
 * socket ends without one).
 */
type Target = { port: number; token: string; origin: string };
async function rawSocket(to: Target = host): Promise<{ socket: net.Socket; closeCode: Promise<number> }> {
  const socket = net.connect(to.port, '127.0.0.1');
  socket.on('error', () => undefined);
  let buffered = Buffer.alloc(0);
  let upgraded: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (upgraded = resolve));
  const closeCode = new Promise<number>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0 && buffered.subarray(0, 12).toString() === 'HTTP/1.1 101') {
        upgraded(true);
        const frames = buffered.subarray(end + 4);
        if (frames[0] === 0x88 && frames.length >= 4) resolve(frames.readUInt16BE(2));
      }
    });
    socket.on('close', () => {
      upgraded(false);
      resolve(0);
    });
  });
  socket.write(
    [
      `GET /ws?token=${encodeURIComponent(to.token)} HTTP/1.1`,
      `Host: 127.0.0.1:${to.port}`,
      `Origin: ${to.origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  if (!(await ready)) throw new Error('the upgrade was refused');
  return { socket, closeCode };
}

async function ask(ws: WebSocket, id: number, method: string, input: unknown): Promise<Record<string, unknown>> {
  return new Promise<Record<string, unknown>>((resolve) => {
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
}

const UPGRADE_HEADERS = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13';
/** Requests any web page could send (an <img> tag suffices for the first ones): what, target, extra headers. */
const BAD_TARGETS: [string, string, string][] = [
  ['a bad escape', '/%', ''],
  ['a cut UTF-8 escape', '/%E0%A4%A', ''],
  ['a NUL byte', '/a%00b', ''],
  ['a target URL cannot parse', '//[', ''],
  ['an absolute target URL cannot parse', 'http://[', ''],
  ['a WebSocket upgrade whose target URL cannot parse', '//[', UPGRADE_HEADERS],
  ['a WebSocket upgrade whose absolute target URL cannot parse', 'http://[', UPGRADE_HEADERS],
];
function badRequest(target: string, extra: string, port: number): string {
  return `GET ${target} HTTP/1.1\r\n${[`Host: 127.0.0.1:${port}`, extra || 'Connection: close'].join('\r\n')}\r\n\r\n`;
}
/** Frames that break the protocol: what, the close code RFC 6455 gives, the bytes. */
const BAD_FRAMES: [string, number, () => Buffer][] = [
  ['invalid UTF-8 in a text frame', 1007, () => frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
  ['an unmasked client frame', 1002, () => frame(0x1, Buffer.from('{}'), { masked: false })],
  ['a frame just over the largest message', 1009, () => frame(0x1, Buffer.alloc(0), { claimedLength: MAX_WIRE_MESSAGE_BYTES + 1 })],
];

describe('browser host', () => {
  it('listens on loopback only and serves the app', async () => {
    expect(host.url.startsWith(`http://127.0.0.1:${host.port}/#token=`)).toBe(true);
    expect(await get('/')).toBe(200);
    expect(await get('/../../etc/passwd')).not.toBe(200);
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')).not.toBe(200);
  });

  it.each(BAD_TARGETS)('answers 400 to %s without a token, and keeps serving', async (_what, target, extra) => {
    expect(await raw(badRequest(target, extra, host.port))).toBe(400);
    expect(await get('/')).toBe(200);
  });

  it('sends a Content-Security-Policy that lets the page talk only to this host, and no base or form targets', async () => {
    const page = await fetchPage('/');
    const policy = new Map(
      String(page.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values.join(' ')]),
    );
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
  });

  it('serves the app’s scripts but not their source maps', async () => {
    expect(await get('/assets/index.js')).toBe(200);
    expect(await get('/assets/index.js.map')).toBe(404);
    expect(await get('/assets/index.js.MAP')).toBe(404);
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
    expect(await ask(ws, 1, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'browser' } });
    expect(await ask(ws, 2, 'groups.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const template = await ask(ws, 3, 'resources.importTemplate', {});
    const bytes = (template.result as { bytes: Uint8Array }).bytes;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    ws.close();
  });

  it.each(BAD_FRAMES)('closes a socket that sends %s (code %i) and keeps serving the others', async (_what, code, bad) => {
    const other = await connect(host.token, host.origin);
    const { socket, closeCode } = await rawSocket();
    socket.write(bad());
    expect(await closeCode).toBe(code);
    socket.destroy();
    expect(await ask(other, 1, 'app.info', {})).toMatchObject({ ok: true });
    const fresh = await connect(host.token, host.origin);
    expect(await ask(fresh, 1, 'app.info', {})).toMatchObject({ ok: true });
    other.close();
    fresh.close();
  });

  it('waits for the rest of a frame of exactly the largest message instead of refusing it', async () => {
    const { socket, closeCode } = await rawSocket();
    socket.write(frame(0x1, Buffer.alloc(0), { claimedLength: MAX_WIRE_MESSAGE_BYTES }));
    const outcome = await Promise.race([closeCode, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 300))]);
    expect(outcome).toBe('waiting');
    socket.destroy();
  });
});

describe('a call the host cannot answer', () => {
  it('ignores messages that are JSON but not a call (null, a number, an array) and keeps answering', async () => {
    const ws = await connect(host.token, host.origin);
    for (const text of ['null', '1', '[]', '"x"', '{"id":null}', 'not json']) ws.send(text);
    expect(await ask(ws, 7, 'app.info', {})).toMatchObject({ id: 7, ok: true });
    ws.close();
  });


  it('is answered with an internal error, never left as an unhandled rejection', async () => {
    const stray: unknown[] = [];
    const onStray = (reason: unknown) => stray.push(reason);
    process.on('unhandledRejection', onStray);
    // A result JSON cannot write (a BigInt), and a failing call whose log line itself throws (so
    // dispatch rejects): neither may leave a promise rejected with nobody listening.
    const handlers = {
      ...core.handlers,
      'app.info': () => ({ big: 1n }),
      'groups.list': () => {
        throw new Error('boom');
      },
    } as unknown as Core['handlers'];
    const odd = await startHost({
      core: { ...core, handlers },
      rendererDir,
      log: () => {
        throw new Error('log broken');
      },
    });
    try {
      const ws = await connect(odd.token, odd.origin, odd.port);
      const within = <T>(p: Promise<T>) =>
        Promise.race([p, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error('no answer')), 2000))]);
      expect(await within(ask(ws, 1, 'app.info', {}))).toMatchObject({ id: 1, ok: false, error: { code: 'internal' } });
      expect(await within(ask(ws, 2, 'groups.list', {}))).toMatchObject({ id: 2, ok: false, error: { code: 'internal' } });
      expect(await within(ask(ws, 3, 'contacts.count', { query: { search: '' } }))).toMatchObject({ id: 3 });
      ws.close();
      await new Promise((r) => setTimeout(r, 20));
      expect(stray).toEqual([]);
    } finally {
      process.off('unhandledRejection', onStray);
      await odd.close();
    }
  });
});

describe('the browser host process', () => {
  it('survives every bad request and frame above, and keeps serving', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-host-'));
    const child = await startHostProcess(dataDir);
    try {
      const to = { port: Number(child.url.port), token: child.token, origin: child.url.origin };
      for (const [what, target, extra] of BAD_TARGETS) {
        expect(await raw(badRequest(target, extra, to.port), to.port), what).toBe(400);
      }
      for (const [what, code, bad] of BAD_FRAMES) {
        const { socket, closeCode } = await rawSocket(to);
        socket.write(bad());
        expect(await closeCode, what).toBe(code);
        socket.destroy();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(child.child.exitCode).toBe(null);
      expect(child.child.signalCode).toBe(null);
      await expect(child.ask('app.info', {})).resolves.toMatchObject({ shell: 'browser' });
      const fresh = await connect(to.token, to.origin, to.port);
      fresh.send('null'); // JSON, but not a call
      expect(await ask(fresh, 1, 'app.info', {})).toMatchObject({ ok: true });
      fresh.close();
    } finally {
      await child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

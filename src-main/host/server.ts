/**
 * The browser host: serves the built renderer and the IPC contract over a WebSocket on 127.0.0.1.
 * A per-run secret token (in the page's URL fragment, never sent to the server in a page request)
 * and an Origin check on the socket keep any other web page on this machine from driving Pigeon;
 * a Host check stops DNS-rebinding.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Core } from '#main/core/core';
import { isMethodName } from '#shared/contract';
import { t } from '#shared/i18n';
import { dispatch } from '#main/ipc/dispatch';
import { decodeWire, encodeWire } from '#shared/wire';
import { MAX_WIRE_MESSAGE_BYTES } from './wire';

export type HostOptions = {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
};

export type Host = { url: string; origin: string; token: string; port: number; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The page may load and talk only to this host ('self' covers a WebSocket to the same host and port
 * in Chromium), may not be framed, and has no <base> or form targets to redirect.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The request target's decoded path and its query, or null when it cannot be read: a URL that does
 * not parse, a bad %-escape, or a NUL byte (which the file system refuses by throwing).
 */
function readTarget(target: string | undefined): { path: string; query: URLSearchParams } | null {
  try {
    const url = new URL(target ?? '/', 'http://x');
    const decoded = decodeURIComponent(url.pathname);
    return decoded.includes('\0') ? null : { path: decoded, query: url.searchParams };
  } catch {
    return null;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const writeLine = options.log ?? ((line: string) => console.log(line));
  /** Logging must never be what ends a request, or the process. */
  const log = (line: string): void => {
    try {
      writeLine(line);
    } catch {
      // Nowhere left to say it.
    }
  };
  const root = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const serve = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421).end('Wrong host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const target = readTarget(req.url);
    if (!target) {
      // Never the target itself in the log: it is whatever a web page chose to send.
      log('[pigeon] host: refused a request whose address it could not read (400)');
      res.writeHead(400).end('Bad request');
      return;
    }
    const file = path.resolve(root, `.${target.path === '/' ? '/index.html' : target.path}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (path.extname(file).toLowerCase() === '.map') {
      // Source maps are for a developer's own tools, not for whoever can reach this port.
      res.writeHead(404).end('Not found');
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  };

  const server = http.createServer((req, res) => {
    // Whatever a request holds, it must not end the process (a campaign may be sending).
    try {
      serve(req, res);
    } catch (error) {
      log(`[pigeon] host: a request failed (${error instanceof Error ? error.name : typeof error})`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const target = readTarget(req.url);
    if (!target) {
      log('[pigeon] host: refused a socket whose address it could not read (400)');
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const origin = req.headers.origin ?? '';
    const given = target.query.get('token') ?? '';
    if (target.path !== '/ws' || !allowedHosts().has(req.headers.host ?? '') || !allowedOrigins().has(origin) || !sameSecret(given, token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  };

  server.on('upgrade', (req, socket, head) => {
    // Node hands the socket over without an error listener: a reset must not end the process.
    socket.on('error', () => undefined);
    try {
      upgrade(req, socket, head);
    } catch (error) {
      log(`[pigeon] host: a socket request failed (${error instanceof Error ? error.name : typeof error})`);
      socket.destroy();
    }
  });

  /** Runs one call from a client and sends the outcome; anything that is not a call is ignored. */
  const answer = (ws: WebSocket, data: RawData, isBinary: boolean): void => {
    if (isBinary) return;
    let message: unknown;
    try {
      message = decodeWire(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, method, input } = message as { id?: unknown; method?: unknown; input?: unknown };
    if (typeof id !== 'number') return;
    const name = isMethodName(method) ? method : 'a call';
    void dispatch(options.core.handlers, method, input, log)
      .then((outcome) => encodeWire({ id, ...outcome }))
      .catch((error: unknown) => {
        // dispatch rejected (its log threw) or the result cannot be written as JSON: say so, once.
        log(`[pigeon] host: ${name} could not be answered (${error instanceof Error ? error.name : typeof error})`);
        return encodeWire({ id, ok: false, error: { code: 'internal', message: t('common.error') } });
      })
      .then((text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      })
      .catch(() => undefined);
  };

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // A protocol error (a frame over maxPayload, invalid UTF-8, an unmasked frame…): ws has already
    // sent the close code and drops this socket; without a listener the error would end the process.
    ws.on('error', (error: Error & { code?: unknown }) => {
      log(`[pigeon] host: closed a socket after a protocol error (${typeof error.code === 'string' ? error.code : error.name})`);
    });
    ws.on('message', (data, isBinary) => {
      // Whatever a client sends, the listener must not throw: that would end the process.
      try {
        answer(ws, data, isBinary);
      } catch (error) {
        log(`[pigeon] host: a message failed (${error instanceof Error ? error.name : typeof error})`);
      }
    });
  });

  const unsubscribe = options.core.bus.subscribe((event, payload) => {
    const text = encodeWire({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // Once listening, a server error (out of file handles, say) is logged, never a crash.
  server.on('error', (error: NodeJS.ErrnoException) => log(`[host] server error: ${error.code ?? error.name}`));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

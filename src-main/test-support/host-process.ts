/**
 * The real browser host (dist/main/host.cjs) in a child process, driven over its WebSocket as the
 * renderer drives it: what the crash tests kill with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import type { MethodName, MethodResult } from '#shared/contract';
import { decodeWire, encodeWire } from '#shared/wire';
import { projectRoot } from './core';

export type HostProcess = {
  child: ChildProcess;
  /** The address the host printed (its token in the fragment), and that token. */
  url: URL;
  token: string;
  /** Calls a contract method; rejects with the error message when the host answers with an error. */
  ask<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  /** SIGKILL, as a crash or a power cut of the process would. */
  kill(): Promise<void>;
};

export async function startHost(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main', 'host.cjs')], {
    env: { ...process.env, PIGEON_DATA_DIR: dataDir, PIGEON_OPEN: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Passed through as before, and kept for the error when the host exits before serving.
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
    process.stderr.write(c);
  });
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PIGEON_URL=(\S+)/.exec(out);
      if (m?.[1]) resolve(new URL(m[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`host exited (code ${code ?? signal}): ${out}${err}`)));
  });
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const ws = new WebSocket(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data: WebSocket.RawData) => {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : '';
    const m = decodeWire(text) as { id?: number; ok?: boolean; result?: unknown; error?: { message: string } };
    if (typeof m.id !== 'number') return;
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (m.ok) waiter.resolve(m.result);
    else waiter.reject(new Error(m.error?.message ?? 'error'));
  });
  const closed = () => {
    for (const w of pending.values()) w.reject(new Error('host gone'));
    pending.clear();
  };
  ws.on('close', closed);
  ws.on('error', closed);
  return {
    child,
    url,
    token,
    ask<M extends MethodName>(method: M, input: unknown) {
      return new Promise<MethodResult<M>>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(encodeWire({ id, method, input }));
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      ws.terminate();
    },
  };
}

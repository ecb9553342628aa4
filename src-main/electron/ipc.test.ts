/**
 * The Electron glue without Electron: its two IPC modules run against a stand-in for the
 * `electron` module, so what they register and expose is checked here (the real binary cannot
 * start on these machines; see e2e/electron.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore } from '#main/test-support/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

type Handler = (event: { senderFrame?: { url: string } }, method: unknown, input: unknown) => unknown;
type Listener = (event: unknown, name: string, payload: unknown) => void;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Set<Listener>(),
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => fake.handlers.set(channel, h),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, result: 'answer' });
    },
    on: (_channel: string, l: Listener) => fake.rendererListeners.add(l),
    removeListener: (_channel: string, l: Listener) => fake.rendererListeners.delete(l),
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
}));

describe('main-side IPC', () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeEach(async () => {
    t = await testCore();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('serves the contract on one channel, only to the app page, and forwards events', async () => {
    const { registerIpc } = await import('./ipc-main');
    const sent: unknown[][] = [];
    const window = { isDestroyed: () => false, webContents: { send: (...a: unknown[]) => sent.push(a) } };
    const unregister = registerIpc(t.core, () => window as never);
    const handle = fake.handlers.get(INVOKE_CHANNEL);
    expect(handle).toBeDefined();
    const trusted = { senderFrame: { url: 'app://pigeon/index.html' } };
    expect(await handle?.(trusted, 'groups.create', { name: 'Shop' })).toMatchObject({ ok: true, result: { name: 'Shop' } });
    expect(await handle?.(trusted, 'groups.create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Only the app:// origin is trusted: not the old file:// page, another scheme, host or port, nor a frame with no URL.
    for (const url of ['file:///app/index.html', 'https://evil.example', 'http://127.0.0.1:5173/', 'app://evil/index.html', 'app://pigeon:1/index.html', 'app://x@pigeon/', 'about:blank', '']) {
      expect(await handle?.({ senderFrame: { url } }, 'groups.list', {}), url).toMatchObject({
        ok: false,
        error: { message: 'Request from an unknown page.' },
      });
    }
    expect(await handle?.({}, 'groups.list', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sent).toContainEqual([EVENT_CHANNEL, 'groups.changed', {}]);
    unregister();
    expect(fake.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});

describe('preload', () => {
  it('exposes only invoke and on, refusing unknown methods and events', async () => {
    await import('./preload');
    const bridge = fake.exposed.get('pigeon') as {
      invoke: (m: string, i: unknown) => Promise<unknown>;
      on: (e: string, l: (p: unknown) => void) => () => void;
    };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(await bridge.invoke('contacts.list', {})).toEqual({ ok: true, result: 'answer' });
    expect(fake.invoked).toEqual([[INVOKE_CHANNEL, 'contacts.list', {}]]);
    expect(await bridge.invoke('fs.readFile', {})).toMatchObject({ ok: false });
    expect(fake.invoked).toHaveLength(1);

    const got: unknown[] = [];
    const off = bridge.on('contacts.changed', (p) => got.push(p));
    for (const l of fake.rendererListeners) {
      l({}, 'contacts.changed', { reason: 'edit' });
      l({}, 'groups.changed', {});
    }
    expect(got).toEqual([{ reason: 'edit' }]);
    off();
    expect(fake.rendererListeners.size).toBe(0);
    bridge.on('not.an.event', () => undefined);
    expect(fake.rendererListeners.size).toBe(0);
  });
});

/**
 * How the renderer reaches the core. In Electron the preload exposes `window.pigeon`; in a browser
 * (the browser host) the same calls travel over a WebSocket to 127.0.0.1 with the per-run token
 * taken from the page's URL fragment.
 */
import type { Transport } from '#shared/client';
import type { EventName, MethodName } from '#shared/contract';
import { RemoteError, type ErrorPayload } from '#shared/errors';
import { decodeWire, encodeWire } from '#shared/wire';

type Outcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

type PreloadBridge = {
  invoke(method: string, input: unknown): Promise<Outcome>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};

declare global {
  interface Window {
    pigeon?: PreloadBridge;
  }
}

function unwrap(outcome: Outcome): unknown {
  if (outcome.ok) return outcome.result;
  throw new RemoteError(outcome.error);
}

function electronTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: async (method, input) => unwrap(await bridge.invoke(method, input)),
    on: (event, listener) => bridge.on(event, listener),
  };
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

function socketTransport(token: string, onState: (s: ConnectionState) => void): Transport {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket> | null = null;
  let retry = 0;

  const connect = (): Promise<WebSocket> => {
    if (ready) return ready;
    onState('connecting');
    ready = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        retry = 0;
        socket = ws;
        onState('open');
        resolve(ws);
      };
      ws.onmessage = (e: MessageEvent<string>) => {
        const message = decodeWire(e.data) as { id?: number; event?: string; payload?: unknown } & Partial<Outcome>;
        if (typeof message.id === 'number') {
          const p = pending.get(message.id);
          pending.delete(message.id);
          if (!p) return;
          try {
            p.resolve(unwrap(message as Outcome));
          } catch (error) {
            p.reject(error as Error);
          }
        } else if (typeof message.event === 'string') {
          for (const l of listeners.get(message.event) ?? []) l(message.payload);
        }
      };
      ws.onclose = () => {
        socket = null;
        ready = null;
        onState('closed');
        for (const [, p] of pending) p.reject(new RemoteError({ code: 'internal', message: 'The connection to Pigeon was lost.' }));
        pending.clear();
        reject(new RemoteError({ code: 'internal', message: 'Pigeon is not reachable. Is it still running?' }));
        retry = Math.min(retry + 1, 6);
        setTimeout(() => void connect().catch(() => undefined), 250 * 2 ** retry);
      };
    });
    return ready;
  };
  void connect().catch(() => undefined);

  return {
    async invoke(method: MethodName, input: unknown) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(encodeWire({ id, method, input }));
      });
    },
    on(event: EventName, listener: (payload: unknown) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

export function createTransport(onState: (s: ConnectionState) => void): Transport {
  if (window.pigeon) {
    onState('open');
    return electronTransport(window.pigeon);
  }
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token') ?? sessionStorage.getItem('pigeon.token') ?? '';
  if (token) sessionStorage.setItem('pigeon.token', token);
  // Keep the key out of the address bar (and out of screenshots) once read.
  if (location.hash) history.replaceState(null, '', location.pathname);
  return socketTransport(token, onState);
}

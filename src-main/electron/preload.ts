/**
 * The preload (sandboxed): exposes exactly `invoke` and `on` to the page, nothing of Node or
 * Electron. The renderer's typed client sits on top of these two.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, isMethodName, type EventName } from '#shared/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

type Outcome = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

contextBridge.exposeInMainWorld('pigeon', {
  invoke: (method: string, input: unknown): Promise<Outcome> => {
    if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Unknown request.' } });
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Outcome>;
  },
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(event as EventName)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
});

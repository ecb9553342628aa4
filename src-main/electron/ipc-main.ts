/**
 * One of the two modules allowed to touch raw Electron IPC (the other is preload.ts). Registers the
 * contract's single invoke channel and forwards core events to the window.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import type { Core } from '#main/core/core';
import { dispatch } from '#main/ipc/dispatch';
import { t } from '#shared/i18n';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { isAppUrl } from './app-origin';

/** Only a frame showing the app's own origin (app://pigeon/) may call main: never file://, http(s) or another scheme. */
export function isTrustedUrl(url: string): boolean {
  return isAppUrl(url);
}

export function registerIpc(core: Core, window: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'invalid_input', message: t('val.unknownPage') } };
    }
    return dispatch(core.handlers, method, input, (line) => console.error(line));
  });
  const unsubscribe = core.bus.subscribe((name, payload) => {
    const w = window();
    if (w && !w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}

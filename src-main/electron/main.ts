/**
 * The Electron shell: a window over the same core the browser host serves. Kept thin on purpose —
 * everything it calls is tested in plain Node, and the security-relevant parts live in their own
 * modules, asserted against a stand-in `electron` module: window.ts (webPreferences and the
 * navigation, window-open and webview guards), protocol.ts (the app:// scheme the page comes from),
 * external.ts (which links may open in the browser), permissions.ts (web permissions, all denied).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { t } from '#shared/i18n';
import { appPaths } from '#main/core/app-paths';
import { openCore, type Core } from '#main/core/core';
import { keepNewFilesPrivate } from '#main/core/data-dir';
import { keepRunningOnStrayRejections, simulatorSpeedFromEnv } from '#main/core/paths';
import { registerIpc } from './ipc-main';
import { installPermissionHandlers } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, electronLinkOpener, guardAllContents, linkOpener } from './window';
import { installBackground, startsHidden } from './background';

// Everything this process writes (the contact book, sessions, Chromium's profile) is the user's alone.
keepNewFilesPrivate();
const paths = appPaths();
let core: Core | null = null;
let window: BrowserWindow | null = null;
let unregister: (() => void) | null = null;
const openLink = linkOpener(electronLinkOpener(() => window));

// Before ready: every renderer sandboxed whatever its preferences, app:// a standard, secure
// scheme, and every web page guarded from birth.
app.enableSandbox();
registerAppScheme();
guardAllContents(openLink);

/**
 * Shows the window, creating it when there is none (the tray and a second launch call this too);
 * `hidden` creates it without showing it.
 */
export function showWindow(options: { hidden?: boolean } = {}): BrowserWindow {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }
  const created = createMainWindow({ preload: paths.preloadPath, devTools: !app.isPackaged, openLink, hidden: options.hidden });
  created.on('closed', () => {
    if (window === created) window = null;
  });
  window = created;
  return created;
}

app.setName('Pigeon');
const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window) showWindow();
  });
  keepRunningOnStrayRejections();
  app.on('session-created', (created) => installPermissionHandlers(created));
  app
    .whenReady()
    .then(async () => {
      installPermissionHandlers(session.defaultSession);
      serveRenderer(paths.rendererDir);
      core = await openCore({
        dataDir: process.env.PIGEON_DATA_DIR ? path.resolve(process.env.PIGEON_DATA_DIR) : app.getPath('userData'),
        workerPath: paths.workerPath,
        resourcesDir: paths.resourcesDir,
        shell: 'electron',
        dailyBackups: true,
        version: paths.version,
        simulatorSpeed: simulatorSpeedFromEnv(),
      });
      unregister = registerIpc(core, () => window);
      // Opened by "Start Pigeon when I log in": the window is made but stays hidden (Pigeon waits in the tray).
      showWindow({ hidden: startsHidden() });
      await installBackground({ core, window: () => window, createWindow: () => void showWindow(), resourcesDir: paths.resourcesDir });
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showWindow();
      });
    })
    .catch((error: unknown) => {
      // Such as "Pigeon is already open on this folder": a desktop user has no terminal to read it in.
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      dialog.showErrorBox(t('app.name'), message);
      app.exit(1);
    });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the core to close: WhatsApp browsers are shut and the database is closed.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    event.preventDefault();
    closing = true;
    unregister?.();
    const done = () => {
      core = null;
      app.quit();
    };
    core.close().then(done, done);
  });
}

/**
 * The Electron shell: a window over the same core the browser host serves. Kept thin on purpose —
 * everything it calls is tested in plain Node.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { t } from '#shared/i18n';
import { appPaths } from '#main/core/app-paths';
import { openCore, type Core } from '#main/core/core';
import { keepNewFilesPrivate } from '#main/core/data-dir';
import { keepRunningOnStrayRejections, simulatorSpeedFromEnv } from '#main/core/paths';
import { registerIpc } from './ipc-main';
import { installBackground, startsHidden } from './background';

// Everything this process writes (the contact book, sessions, Chromium's profile) is the user's alone.
keepNewFilesPrivate();
const paths = appPaths();
let core: Core | null = null;
let window: BrowserWindow | null = null;
let unregister: (() => void) | null = null;
// Opened by "Start Pigeon when I log in": the first window stays hidden (Pigeon waits in the tray).
let hideFirstWindow = false;
const pageUrl = pathToFileURL(path.join(paths.rendererDir, 'index.html')).toString();

function createWindow(): void {
  window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Pigeon',
    show: false,
    webPreferences: {
      preload: paths.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== pageUrl) event.preventDefault();
  });
  window.once('ready-to-show', () => (hideFirstWindow ? (hideFirstWindow = false) : window?.show()));
  window.on('closed', () => {
    window = null;
  });
  void window.loadURL(pageUrl);
}

app.setName('Pigeon');
const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  keepRunningOnStrayRejections();
  app
    .whenReady()
    .then(async () => {
      core = await openCore({
        dataDir: process.env.PIGEON_DATA_DIR ? path.resolve(process.env.PIGEON_DATA_DIR) : app.getPath('userData'),
        workerPath: paths.workerPath,
        resourcesDir: paths.resourcesDir,
        shell: 'electron',
        dailyBackups: true,
        version: paths.version,
        simulatorSpeed: simulatorSpeedFromEnv(),
      });
      unregister = registerIpc(core, () => window, (url) => url === pageUrl);
      hideFirstWindow = startsHidden();
      createWindow();
      await installBackground({ core, window: () => window, createWindow, resourcesDir: paths.resourcesDir });
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow();
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

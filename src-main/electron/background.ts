/**
 * Keeps sending in the background, the Electron side: the real tray, power-save blocker,
 * notifications, dialog, login item and window behind the port the shell logic uses
 * (src-main/shell/background.ts, where every decision is made and tested). Thin on purpose.
 *
 * main.ts calls installBackground() once the core and the first window exist, and asks
 * startsHidden() before showing that first window (opened at login, Pigeon stays in the tray).
 * The main window's close is intercepted here (every window main.ts makes, through
 * 'browser-window-created'), so main.ts need not know about it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeImage, Notification, powerSaveBlocker, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Core } from '#main/core/core';
import { BackgroundShell } from '#main/shell/background';
import { loginPlan, openedAtLogin } from '#main/shell/login';
import type { ShellPort, TrayModel } from '#main/shell/port';
import { sourceOf } from '#main/shell/source';

export type BackgroundOptions = {
  core: Core;
  /** The main window, when there is one. */
  window: () => BrowserWindow | null;
  /** Makes the main window again (after it was closed on macOS); main.ts's own function. */
  createWindow: () => void;
  /** resources/ (holds tray/). */
  resourcesDir: string;
};

/** Whether this start was the login item's: the first window then stays hidden (Pigeon is in the tray). */
export function startsHidden(): boolean {
  return openedAtLogin({ platform: process.platform, argv: process.argv, wasOpenedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin });
}

function trayImage(resourcesDir: string): Electron.NativeImage {
  // macOS: a black template image the menu bar tints; elsewhere the colour icon (@2x picked by scale).
  const file = process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
  const image = nativeImage.createFromPath(path.join(resourcesDir, 'tray', file));
  if (process.platform === 'darwin') image.setTemplateImage(true);
  return image;
}

function menuOf(model: TrayModel): Menu {
  const template: MenuItemConstructorOptions[] = model.items.map((item) =>
    item.kind === 'separator'
      ? { type: 'separator' }
      : { id: item.testId, label: item.label, enabled: item.enabled, ...(item.click ? { click: item.click } : {}) },
  );
  return Menu.buildFromTemplate(template);
}

/**
 * Called once by main.ts when the core and the first window exist. Returns the shell (its
 * `dispose` runs at will-quit by itself), or null when it could not start: Pigeon then works as
 * before (closing the window quits), and the reason is logged.
 */
export async function installBackground(options: BackgroundOptions): Promise<BackgroundShell | null> {
  try {
    return await install(options);
  } catch (error) {
    console.error(`Background sending is off: ${(error as Error).message}`);
    return null;
  }
}

/** electron-builder.yml's appId: Windows shows notifications only for an app with this identity. */
const APP_USER_MODEL_ID = 'app.pigeon.desktop';

async function install(options: BackgroundOptions): Promise<BackgroundShell> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  let tray: Tray | null = null;
  const shown = (): BrowserWindow | null => {
    const w = options.window();
    return w && !w.isDestroyed() ? w : null;
  };
  const port: ShellPort = {
    setTray(model) {
      try {
        tray ??= new Tray(trayImage(options.resourcesDir));
        tray.setToolTip(model.tooltip);
        tray.setContextMenu(menuOf(model));
      } catch (error) {
        // A desktop without a tray area: everything else (closing, notifications) still works.
        console.error(`Tray: ${(error as Error).message}`);
      }
    },
    removeTray() {
      tray?.destroy();
      tray = null;
    },
    startSleepBlocker: () => powerSaveBlocker.start('prevent-app-suspension'),
    stopSleepBlocker(id) {
      if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
    },
    notify(notice) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: notice.title, body: notice.body, silent: false });
      n.on('click', notice.onClick);
      n.show();
    },
    async ask(question) {
      const w = shown();
      const opts = { type: 'question' as const, noLink: true, ...question };
      return w && w.isVisible() ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts);
    },
    setOpenAtLogin(on) {
      const plan = loginPlan(on, {
        platform: process.platform,
        execPath: process.execPath,
        // Run as `electron .` (development), the app folder comes before Pigeon's own argument.
        appArgs: process.defaultApp && process.argv[1] ? [path.resolve(process.argv[1])] : [],
        configHome: process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'),
      });
      try {
        if (plan.kind === 'login-item') app.setLoginItemSettings(plan.settings);
        else if (plan.content === null) fs.rmSync(plan.file, { force: true });
        else {
          fs.mkdirSync(path.dirname(plan.file), { recursive: true });
          fs.writeFileSync(plan.file, plan.content);
        }
      } catch (error) {
        console.error(`Start at login: ${(error as Error).message}`);
      }
    },
    async showWindow() {
      let w = shown();
      if (!w) {
        options.createWindow();
        w = shown();
        if (!w) return;
      }
      if (w.webContents.isLoading()) await new Promise<void>((resolve) => w.webContents.once('did-finish-load', () => resolve()));
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
    hideWindow() {
      shown()?.hide();
    },
    closeWindow() {
      shown()?.close();
    },
    windowFocused() {
      const w = shown();
      return !!w && w.isVisible() && !w.isMinimized() && w.isFocused();
    },
    quit: () => app.quit(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };

  const shell = await BackgroundShell.install(port, sourceOf(options.core));
  const guard = (w: BrowserWindow) => {
    w.on('close', (event) => {
      if (w !== options.window()) return;
      if (!shell.onWindowClose()) event.preventDefault();
    });
  };
  for (const w of BrowserWindow.getAllWindows()) guard(w);
  app.on('browser-window-created', (_event, w) => guard(w));
  // The dock icon (macOS) or a second start shows the window Pigeon was hidden in.
  app.on('activate', () => {
    if (shown() && !shown()?.isVisible()) void port.showWindow();
  });
  app.on('second-instance', () => void port.showWindow());
  app.on('before-quit', () => shell.onBeforeQuit());
  app.on('will-quit', () => shell.dispose());
  return shell;
}

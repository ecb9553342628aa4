/**
 * The desktop window and the guards on every web page Electron creates. What each setting and
 * guard answers is asserted in window.test.ts against a stand-in `electron` module.
 */
import { app, BrowserWindow, dialog, shell, type WebContents, type WebPreferences } from 'electron';
import { t } from '#shared/i18n';
import { openExternalLink, type LinkOpener } from './external';
import { APP_PAGE_URL, isAppPage, isAppUrl } from './app-origin';

/**
 * The page runs with no Node, in Chromium's sandbox, isolated from the preload (which exposes only
 * `invoke` and `on`), with the web's own security on and every optional power off.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
    spellcheck: true,
  };
}

const guarded = new WeakSet<object>();

/**
 * Every web page Electron creates gets these answers: no new windows (a link meant for the browser
 * goes through the external-link policy instead), no navigation, redirect or frame navigation away
 * from the app's own page, no <webview>.
 */
export function guardContents(contents: WebContents, openLink: (url: string) => void): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isAppPage(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Guards every web page from its creation on (registered before any window exists). */
export function guardAllContents(openLink: (url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openLink));
}

/** The Electron side of the link policy: the OS browser, and a native dialog that names the host. */
export function electronLinkOpener(parent: () => BrowserWindow | null): LinkOpener {
  return {
    openExternal: (url) => shell.openExternal(url),
    confirm: async (host, url) => {
      const options = {
        type: 'question' as const,
        title: t('links.title'),
        message: t('links.ask', { host }),
        detail: url,
        buttons: [t('links.open'), t('common.cancel')],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const owner = parent();
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
  };
}

/** Opens a link with the policy of external.ts, never throwing (a window-open handler cannot wait). */
export function linkOpener(opener: LinkOpener): (url: string) => void {
  return (url) => {
    void openExternalLink(url, opener);
  };
}

/**
 * The app's window, loading its page from app://pigeon/, shown once it has painted (or left hidden,
 * e.g. when Pigeon starts at log-in and waits in the tray).
 */
export function createMainWindow(options: { preload: string; devTools: boolean; openLink: (url: string) => void; hidden?: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Pigeon',
    show: false,
    webPreferences: secureWebPreferences(options.preload, options.devTools),
  });
  guardContents(window.webContents, options.openLink);
  if (!options.hidden) window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_PAGE_URL);
  return window;
}

/**
 * The window's settings and the guards on every web page, against a stand-in `electron` module
 * (the real binary cannot start on these machines; see e2e/electron.spec.ts): each webPreferences
 * flag, and what each guard answers to a page trying to leave, redirect, open windows or embed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

class FakeContents {
  listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  on(name: string, l: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
    return this;
  }
  /** Emits like Electron: returns whether some listener called preventDefault. */
  emit(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(name) ?? []) {
      if (name === 'will-frame-navigate') l({ ...event, ...(args[0] as object) });
      else l(event, ...args);
    }
    return prevented;
  }
}

const fake = vi.hoisted(() => ({
  appListeners: new Map<string, ((...a: unknown[]) => void)[]>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[]; webContents: unknown }[],
  opened: [] as string[],
  dialogs: [] as Record<string, unknown>[],
  answer: 1,
}));

vi.mock('electron', () => ({
  app: {
    on: (name: string, l: (...a: unknown[]) => void) => fake.appListeners.set(name, [...(fake.appListeners.get(name) ?? []), l]),
  },
  shell: {
    openExternal: (url: string) => {
      fake.opened.push(url);
      return Promise.resolve();
    },
  },
  dialog: {
    showMessageBox: (...args: unknown[]) => {
      fake.dialogs.push(args[args.length - 1] as Record<string, unknown>);
      return Promise.resolve({ response: fake.answer, checkboxChecked: false });
    },
  },
  BrowserWindow: class {
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      fake.windows.push(this);
    }
    readyListeners: (() => void)[] = [];
    once(name: string, l: () => void) {
      if (name === 'ready-to-show') this.readyListeners.push(l);
      return this;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, electronLinkOpener, guardAllContents, guardContents, linkOpener, secureWebPreferences } = await import('./window');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fake.opened.length = 0;
  fake.dialogs.length = 0;
  fake.answer = 1;
});

describe('the window', () => {
  it('sets every security-relevant webPreferences flag', () => {
    const prefs = secureWebPreferences('/app/dist/main/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
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
      devTools: false,
    });
    // Nothing that widens the page's powers is set at all.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'plugins', 'webgl', 'javascript', 'disableHtmlFullscreenWindowResize']) {
      expect(prefs, key).not.toHaveProperty(key);
    }
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('loads the page from app://pigeon/ with those preferences and guards it before loading', () => {
    const openLink = vi.fn();
    const window = createMainWindow({ preload: '/p/preload.cjs', devTools: false, openLink }) as unknown as {
      options: { webPreferences: Record<string, unknown>; show: boolean };
      loaded: string[];
      webContents: FakeContents;
    };
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/p/preload.cjs', false));
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual(['app://pigeon/index.html']);
    expect(window.webContents.openHandler).not.toBeNull();
    expect(window.webContents.emit('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('shows the window once painted, unless asked to start hidden', () => {
    const shown = createMainWindow({ preload: '/p', devTools: false, openLink: () => undefined }) as unknown as { readyListeners: unknown[] };
    expect(shown.readyListeners).toHaveLength(1);
    const hidden = createMainWindow({ preload: '/p', devTools: false, openLink: () => undefined, hidden: true }) as unknown as { readyListeners: unknown[] };
    expect(hidden.readyListeners).toHaveLength(0);
  });
});

describe('the guards on every web page', () => {
  let contents: FakeContents;
  let links: string[];
  beforeEach(() => {
    contents = new FakeContents();
    links = [];
    guardContents(contents as never, (url) => links.push(url));
  });

  it('prevents navigation away from the app page (other origins, file:, javascript:, other app pages)', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html', 'app://pigeon/other.html', 'data:text/html,x', 'about:blank']) {
      expect(contents.emit('will-navigate', url), url).toBe(true);
    }
    expect(contents.emit('will-navigate', 'app://pigeon/index.html')).toBe(false);
    // Navigation never opens the browser either: only a link meant for it (target=_blank) does.
    expect(links).toEqual([]);
  });

  it('prevents redirects off the app origin', () => {
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-redirect', 'app://pigeon/index.html')).toBe(false);
  });

  it('prevents any frame navigating anywhere but the app page', () => {
    expect(contents.emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(true);
    expect(contents.emit('will-frame-navigate', { url: 'app://pigeon/index.html', isMainFrame: true })).toBe(false);
  });

  it('denies every new window and hands its address to the link policy', () => {
    expect(contents.openHandler?.({ url: 'https://faq.whatsapp.com/1' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://pigeon/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(links).toEqual(['https://faq.whatsapp.com/1', 'app://pigeon/index.html', 'javascript:alert(1)']);
  });

  it('refuses to attach any <webview>', () => {
    expect(contents.emit('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('guards a page once however often it is asked', () => {
    guardContents(contents as never, () => undefined);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  it('guards every web page Electron creates, from its creation', () => {
    guardAllContents(() => undefined);
    const created = new FakeContents();
    for (const l of fake.appListeners.get('web-contents-created') ?? []) l({}, created);
    expect(created.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(created.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('links to the browser', () => {
  it('opens allow-listed help pages without asking', async () => {
    linkOpener(electronLinkOpener(() => null))('https://faq.whatsapp.com/5');
    await flush();
    expect(fake.dialogs).toEqual([]);
    expect(fake.opened).toEqual(['https://faq.whatsapp.com/5']);
  });

  it('asks in a native dialog naming the host before any other web address, and respects Cancel', async () => {
    const open = linkOpener(electronLinkOpener(() => null));
    open('https://example.com/path');
    await flush();
    expect(fake.dialogs).toHaveLength(1);
    expect(fake.dialogs[0]).toMatchObject({ message: 'Open example.com in your browser?', detail: 'https://example.com/path', cancelId: 1, defaultId: 1 });
    expect(fake.opened).toEqual([]);
    fake.answer = 0;
    open('https://example.com/path');
    await flush();
    expect(fake.opened).toEqual(['https://example.com/path']);
  });

  it('never hands file:, javascript: or custom schemes to the OS, not even after asking', async () => {
    fake.answer = 0;
    const open = linkOpener(electronLinkOpener(() => null));
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'ms-msdt:/id x', 'smb://host/share', 'app://pigeon/index.html']) open(url);
    await flush();
    expect(fake.dialogs).toEqual([]);
    expect(fake.opened).toEqual([]);
  });
});

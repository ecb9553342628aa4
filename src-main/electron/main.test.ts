/**
 * electron/main itself, started against a stand-in `electron` module and a stand-in core: the
 * scheme is registered before ready, every web page is guarded from creation, permissions are
 * denied on every session, the renderer is served from app://, and the window loads app://pigeon/
 * with the secure preferences. (The real binary cannot start here; see e2e/electron.spec.ts.)
 */
import { describe, expect, it, vi } from 'vitest';

type AnyFn = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const log: string[] = [];
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    ready = resolve;
  });
  return {
    log,
    ready: () => ready(),
    readyPromise,
    appListeners: new Map<string, AnyFn[]>(),
    sessionHandlers: new Map<string, AnyFn>(),
    windows: [] as { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[],
    schemes: [] as unknown[],
    handled: new Map<string, AnyFn>(),
  };
});

vi.mock('electron', () => {
  class FakeContents {
    setWindowOpenHandler() {
      fake.log.push('guarded');
    }
    on() {
      return this;
    }
  }
  const fakeSession = {
    setPermissionRequestHandler: (h: AnyFn) => fake.sessionHandlers.set('request', h),
    setPermissionCheckHandler: (h: AnyFn) => fake.sessionHandlers.set('check', h),
    setDevicePermissionHandler: (h: AnyFn) => fake.sessionHandlers.set('device', h),
  };
  return {
    app: {
      isPackaged: true,
      enableSandbox: () => fake.log.push('enableSandbox'),
      setName: () => undefined,
      requestSingleInstanceLock: () => true,
      on: (name: string, l: AnyFn) => {
        fake.log.push(`app.on ${name}`);
        fake.appListeners.set(name, [...(fake.appListeners.get(name) ?? []), l]);
      },
      whenReady: () => fake.readyPromise,
      getPath: () => '/tmp/pigeon-user-data',
      quit: () => undefined,
      exit: () => undefined,
    },
    session: { defaultSession: fakeSession },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        fake.log.push('registerSchemesAsPrivileged');
        fake.schemes.push(...s);
      },
      handle: (scheme: string, h: AnyFn) => {
        fake.log.push(`protocol.handle ${scheme}`);
        fake.handled.set(scheme, h);
      },
    },
    ipcMain: { handle: () => fake.log.push('ipcMain.handle'), removeHandler: () => undefined },
    dialog: { showErrorBox: (_t: string, m: string) => fake.log.push(`error ${m}`), showMessageBox: () => Promise.resolve({ response: 1 }) },
    shell: { openExternal: () => Promise.resolve() },
    BrowserWindow: class {
      static getAllWindows = () => [];
      webContents = new FakeContents();
      loaded: string[] = [];
      constructor(public options: { webPreferences: Record<string, unknown> }) {
        fake.windows.push(this);
      }
      once() {
        return this;
      }
      on() {
        return this;
      }
      isDestroyed() {
        return false;
      }
      loadURL(url: string) {
        fake.log.push(`loadURL ${url}`);
        this.loaded.push(url);
        return Promise.resolve();
      }
    },
  };
});

vi.mock('#main/core/core', () => ({
  openCore: () => {
    fake.log.push('openCore');
    return Promise.resolve({ handlers: {}, bus: { subscribe: () => () => undefined }, close: () => Promise.resolve() });
  },
}));
vi.mock('#main/core/data-dir', () => ({ keepNewFilesPrivate: () => undefined }));

describe('electron/main', () => {
  it('hardens before ready, then serves app://, denies permissions and opens a secure window on app://pigeon/', async () => {
    await import('./main');
    // Before ready: the privileged scheme (Electron refuses it later) and the guard on every page.
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) as unknown }]);
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
    expect(fake.appListeners.has('session-created')).toBe(true);
    expect(fake.log).not.toContain('openCore');

    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const order = fake.log.filter((l) => !l.startsWith('app.on'));
    expect(order.indexOf('enableSandbox')).toBe(0);
    expect(order.indexOf('registerSchemesAsPrivileged')).toBe(1);
    expect(order.indexOf('protocol.handle app')).toBeLessThan(order.indexOf('loadURL app://pigeon/index.html'));
    expect(order.indexOf('ipcMain.handle')).toBeLessThan(order.indexOf('loadURL app://pigeon/index.html'));
    expect(order.indexOf('guarded')).toBeLessThan(order.indexOf('loadURL app://pigeon/index.html'));

    const [window] = fake.windows;
    expect(window!.loaded).toEqual(['app://pigeon/index.html']);
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload\.cjs$/);

    // The default session denies; so does any session created later.
    const answers: boolean[] = [];
    fake.sessionHandlers.get('request')!({ getURL: () => 'app://pigeon/index.html' }, 'media', (g: boolean) => answers.push(g), { requestingUrl: 'app://pigeon/index.html' });
    expect(answers).toEqual([false]);
    expect(fake.sessionHandlers.get('check')!(null, 'notifications', 'app://pigeon', {})).toBe(false);
    fake.sessionHandlers.clear();
    const later = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    for (const l of fake.appListeners.get('session-created') ?? []) l(later);
    expect(later.setPermissionRequestHandler).toHaveBeenCalled();
    expect(later.setPermissionCheckHandler).toHaveBeenCalled();
  });
});

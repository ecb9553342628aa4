/**
 * The background glue against a stand-in `electron` module and a real core: the tray menu is
 * built from the shell's model, closing the window with nothing to send closes it, and "Start
 * Pigeon when I log in" writes the login entry (here, on Linux, the XDG autostart file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callCore, testCore } from '#main/test-support/core';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  appListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  trays: [] as { tooltip: string; menu: { id?: string; label?: string; enabled?: boolean; type?: string }[]; destroyed: boolean }[],
  blockers: new Set<number>(),
  loginItems: [] as unknown[],
  windows: [] as unknown[],
}));

vi.mock('electron', () => {
  class Tray {
    state = { tooltip: '', menu: [] as unknown[], destroyed: false };
    constructor() {
      fake.trays.push(this.state as never);
    }
    setToolTip(text: string) {
      this.state.tooltip = text;
    }
    setContextMenu(menu: { items: unknown[] }) {
      this.state.menu = menu.items;
    }
    destroy() {
      this.state.destroyed = true;
    }
  }
  let next = 1;
  return {
    app: {
      on: (event: string, l: (...args: unknown[]) => void) => fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), l]),
      quit: () => undefined,
      setLoginItemSettings: (s: unknown) => fake.loginItems.push(s),
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    },
    BrowserWindow: { getAllWindows: () => fake.windows },
    Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
    Tray,
    nativeImage: { createFromPath: () => ({ setTemplateImage: () => undefined }) },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    powerSaveBlocker: {
      start: () => {
        const id = next++;
        fake.blockers.add(id);
        return id;
      },
      stop: (id: number) => fake.blockers.delete(id),
      isStarted: (id: number) => fake.blockers.has(id),
    },
    dialog: { showMessageBox: () => Promise.resolve({ response: 2, checkboxChecked: false }) },
  };
});

class FakeWindow {
  listeners = new Map<string, Listener[]>();
  closed = 0;
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
  }
  isDestroyed() {
    return false;
  }
  /** Emits 'close' as Electron does; true when no listener prevented it. */
  tryClose(): boolean {
    let prevented = false;
    for (const l of this.listeners.get('close') ?? []) l({ preventDefault: () => (prevented = true) });
    if (!prevented) this.closed++;
    return !prevented;
  }
}

let t: Awaited<ReturnType<typeof testCore>>;
let configHome: string;
const saved = process.env.XDG_CONFIG_HOME;
beforeEach(async () => {
  t = await testCore({ connectAccounts: false });
  configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-xdg-'));
  process.env.XDG_CONFIG_HOME = configHome;
  fake.appListeners.clear();
  fake.trays.length = 0;
  fake.loginItems.length = 0;
});
afterEach(async () => {
  for (const l of fake.appListeners.get('will-quit') ?? []) l();
  await t.cleanup();
  fs.rmSync(configHome, { recursive: true, force: true });
  if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = saved;
});

describe.runIf(process.platform === 'linux')('the background glue (Linux)', () => {
  it('shows the tray, lets the window close when nothing sends, and follows "Start Pigeon when I log in"', async () => {
    const { installBackground } = await import('./background');
    const window = new FakeWindow();
    fake.windows = [window];
    await installBackground({ core: t.core, window: () => window as never, createWindow: () => undefined, resourcesDir: '/nowhere' });

    expect(fake.trays).toHaveLength(1);
    expect(fake.trays[0]?.tooltip).toBe('Pigeon');
    expect(fake.trays[0]?.menu.map((i) => i.label ?? i.type)).toEqual(['Open Pigeon', 'separator', 'No campaign is sending', 'separator', 'Pause all', 'Quit Pigeon']);
    expect(window.tryClose()).toBe(true);

    const autostart = path.join(configHome, 'autostart', 'pigeon.desktop');
    expect(fs.existsSync(autostart)).toBe(false); // off by default
    await callCore(t.core, 'settings.update', { openAtLogin: true });
    expect(fs.readFileSync(autostart, 'utf8')).toMatch(/^Exec=.* --pigeon-at-login$/m);
    await callCore(t.core, 'settings.update', { openAtLogin: false });
    expect(fs.existsSync(autostart)).toBe(false);

    // Quitting takes the tray down.
    for (const l of fake.appListeners.get('will-quit') ?? []) l();
    expect(fake.trays[0]?.destroyed).toBe(true);
  });
});

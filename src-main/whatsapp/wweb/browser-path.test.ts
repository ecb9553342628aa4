import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserPathMessage, checkBrowserPath, KNOWN_BROWSER_PROGRAMS, nodeBrowserPathFs, type BrowserFileKind, type BrowserPathFs } from './browser-path';

/** A pretend file system: path -> kind, and the set of executable paths. */
function fakeFs(files: Record<string, BrowserFileKind>, executable: string[] = Object.keys(files)): BrowserPathFs & { touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    kind: (p) => {
      touched.push(p);
      return files[p] ?? null;
    },
    executable: (p) => {
      touched.push(p);
      return executable.includes(p);
    },
  };
}

describe('checkBrowserPath', () => {
  it('accepts the usual programs of Chrome, Edge, Chromium and Brave on Linux', () => {
    for (const p of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge', '/usr/bin/brave-browser', '/opt/brave.com/brave/brave']) {
      expect(checkBrowserPath(p, { platform: 'linux', fs: fakeFs({ [p]: 'file' }) }), p).toEqual({ ok: true, program: p });
    }
  });

  it('accepts .exe programs on Windows, in any case, without an executable bit', () => {
    for (const p of ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\MSEDGE.EXE', 'D:\\Portable\\brave.exe']) {
      expect(checkBrowserPath(p, { platform: 'win32', fs: fakeFs({ [p]: 'file' }, []) }), p).toEqual({ ok: true, program: p });
    }
    // A Linux name is no Windows program.
    expect(checkBrowserPath('C:\\tools\\chrome', { platform: 'win32', fs: fakeFs({ 'C:\\tools\\chrome': 'file' }) })).toEqual({ ok: false, problem: 'unknown_browser' });
  });

  it('accepts a macOS .app bundle by the program inside it', () => {
    const program = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const f = fakeFs({ '/Applications/Google Chrome.app': 'directory', [program]: 'file' });
    expect(checkBrowserPath('/Applications/Google Chrome.app', { platform: 'darwin', fs: f })).toEqual({ ok: true, program });
    expect(checkBrowserPath('/Applications/Brave Browser.app/', { platform: 'darwin', fs: fakeFs({ '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser': 'file' }) })).toMatchObject({ ok: true });
    expect(checkBrowserPath('/Applications/Calculator.app', { platform: 'darwin', fs: fakeFs({ '/Applications/Calculator.app/Contents/MacOS/Calculator': 'file' }) })).toEqual({ ok: false, problem: 'unknown_browser' });
  });

  it('refuses other programs by name, before looking at the disk at all', () => {
    for (const p of ['/bin/sh', '/usr/bin/python3', '/tmp/chrome.sh', '/home/me/chromium-launcher', '/usr/bin/firefox', '/usr/bin/chrome/evil']) {
      const f = fakeFs({ [p]: 'file' });
      expect(checkBrowserPath(p, { platform: 'linux', fs: f }), p).toEqual({ ok: false, problem: 'unknown_browser' });
      expect(f.touched, p).toEqual([]);
    }
  });

  it('says when the path is relative, missing, a folder, or not executable', () => {
    expect(checkBrowserPath('chromium', { platform: 'linux', fs: fakeFs({ chromium: 'file' }) })).toEqual({ ok: false, problem: 'not_absolute' });
    expect(checkBrowserPath('Application\\chrome.exe', { platform: 'win32', fs: fakeFs({}) })).toEqual({ ok: false, problem: 'not_absolute' });
    expect(checkBrowserPath('/opt/chromium', { platform: 'linux', fs: fakeFs({}) })).toEqual({ ok: false, problem: 'missing' });
    expect(checkBrowserPath('/opt/chromium', { platform: 'linux', fs: fakeFs({ '/opt/chromium': 'directory' }) })).toEqual({ ok: false, problem: 'not_a_file' });
    expect(checkBrowserPath('/dev/chromium', { platform: 'linux', fs: fakeFs({ '/dev/chromium': 'other' }) })).toEqual({ ok: false, problem: 'not_a_file' });
    expect(checkBrowserPath('/opt/chromium', { platform: 'linux', fs: fakeFs({ '/opt/chromium': 'file' }, []) })).toEqual({ ok: false, problem: 'not_executable' });
  });

  it('knows the program names find-browser looks for on every platform', () => {
    for (const name of ['chrome', 'google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'msedge', 'microsoft-edge', 'brave', 'brave-browser', 'chrome.exe', 'msedge.exe', 'brave.exe', 'Google Chrome', 'Microsoft Edge', 'Brave Browser', 'Chromium']) {
      expect(KNOWN_BROWSER_PROGRAMS, name).toContain(name);
    }
  });

  it('has a plain message for every problem, naming no path', () => {
    for (const problem of ['not_absolute', 'missing', 'not_a_file', 'not_executable', 'unknown_browser'] as const) {
      const m = browserPathMessage(problem);
      expect(m.length, problem).toBeGreaterThan(30);
      expect(m, problem).not.toMatch(/\/|\\|undefined|Error/);
      expect(m.endsWith('.'), problem).toBe(true);
    }
    expect(browserPathMessage('unknown_browser')).toBe('That file is not a browser Pigeon knows: choose Google Chrome, Microsoft Edge, Chromium or Brave.');
  });
});

describe('nodeBrowserPathFs (the real disk)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-browser-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.runIf(process.platform !== 'win32')('tells files, folders, missing paths and the executable bit apart, following links', () => {
    const exe = path.join(dir, 'chromium');
    fs.writeFileSync(exe, '#!/bin/sh\n');
    fs.chmodSync(exe, 0o755);
    const plain = path.join(dir, 'google-chrome');
    fs.writeFileSync(plain, 'not a program');
    fs.chmodSync(plain, 0o644);
    const link = path.join(dir, 'brave');
    fs.symlinkSync(exe, link);
    fs.mkdirSync(path.join(dir, 'msedge'));
    const real = nodeBrowserPathFs;
    expect([real.kind(exe), real.kind(plain), real.kind(link), real.kind(path.join(dir, 'msedge')), real.kind(path.join(dir, 'nope'))]).toEqual(['file', 'file', 'file', 'directory', null]);
    expect([real.executable(exe), real.executable(link)]).toEqual([true, true]);
    expect(real.executable(plain)).toBe(false); // no x bit: not even root may run it
    expect(checkBrowserPath(plain, { platform: process.platform, fs: real })).toEqual({ ok: false, problem: 'not_executable' });
    expect(checkBrowserPath(exe, { platform: process.platform, fs: real })).toEqual({ ok: true, program: exe });
    expect(checkBrowserPath(link, { platform: process.platform, fs: real })).toEqual({ ok: true, program: link });
  });
});

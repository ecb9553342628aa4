import { describe, expect, it } from 'vitest';
import { browserCandidates, browserNotFoundMessage, findBrowser, guessBrowserFromPath, type BrowserNotFound } from './find-browser';

const only = (...paths: string[]) => {
  const set = new Set(paths);
  return (p: string) => set.has(p);
};

const winEnv = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\Ayse\\AppData\\Local',
};

describe('findBrowser', () => {
  it('uses the configured path when it exists', () => {
    const result = findBrowser({
      platform: 'linux',
      env: {},
      exists: only('/home/me/chrome-linux/chrome', '/usr/bin/chromium'),
      configuredPath: '/home/me/chrome-linux/chrome',
    });
    expect(result).toEqual({ found: true, path: '/home/me/chrome-linux/chrome', name: 'Google Chrome', isChrome: true, source: 'configured' });
  });

  it('says plainly when the configured path is missing, without falling back', () => {
    const result = findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium'), configuredPath: '/nope/chrome' });
    expect(result.found).toBe(false);
    const missing = result as BrowserNotFound;
    expect(missing.reason).toBe('configured_missing');
    expect(browserNotFoundMessage(missing)).toContain('/nope/chrome');
    expect(browserNotFoundMessage(missing)).toMatch(/Settings/);
  });

  it('refuses a configured path that is not a usable browser (a stored path from before Settings checked it), without launching anything else', () => {
    const result = findBrowser({
      platform: 'linux',
      env: {},
      exists: only('/bin/sh', '/usr/bin/chromium'),
      configuredPath: '/bin/sh',
      isUsableConfigured: (p) => p !== '/bin/sh',
    });
    expect(result).toMatchObject({ found: false, reason: 'configured_unusable', configuredPath: '/bin/sh' });
    const message = browserNotFoundMessage(result as BrowserNotFound);
    expect(message).toBe('The browser set in Settings is not one Pigeon can use. Choose Google Chrome, Microsoft Edge, Chromium or Brave in Settings, or clear the field so Pigeon looks for an installed one.');
    // A usable one is used as before.
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium'), configuredPath: '/usr/bin/chromium', isUsableConfigured: () => true })).toMatchObject({ found: true, source: 'configured' });
  });

  it('treats a blank configured path as not set', () => {
    const result = findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium'), configuredPath: '   ' });
    expect(result).toMatchObject({ found: true, path: '/usr/bin/chromium', name: 'Chromium', isChrome: false, source: 'installed' });
  });

  it('accepts a macOS .app bundle as the configured path', () => {
    const program = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const result = findBrowser({ platform: 'darwin', env: {}, exists: only(program), configuredPath: '/Applications/Google Chrome.app' });
    expect(result).toMatchObject({ found: true, path: program, isChrome: true });
  });

  it('prefers Google Chrome over Chromium and Brave on Linux', () => {
    const result = findBrowser({
      platform: 'linux',
      env: {},
      exists: only('/usr/bin/chromium', '/usr/bin/brave-browser', '/opt/google/chrome/chrome'),
    });
    expect(result).toMatchObject({ found: true, path: '/opt/google/chrome/chrome', name: 'Google Chrome', isChrome: true });
  });

  it('finds Edge, snap Chromium and Brave on Linux', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/microsoft-edge') })).toMatchObject({ name: 'Microsoft Edge', isChrome: true });
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium') })).toMatchObject({ name: 'Chromium', isChrome: false });
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/brave-browser') })).toMatchObject({ name: 'Brave', isChrome: false });
  });

  it('looks in Program Files, Program Files (x86) and LOCALAPPDATA on Windows (env keys in any case)', () => {
    const perUser = 'C:\\Users\\Ayse\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env: winEnv, exists: only(perUser) })).toMatchObject({ path: perUser, name: 'Google Chrome' });
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ platform: 'win32', env: winEnv, exists: only(edge) })).toMatchObject({ path: edge, name: 'Microsoft Edge', isChrome: true });
    const brave = 'C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe';
    expect(findBrowser({ platform: 'win32', env: winEnv, exists: only(brave) })).toMatchObject({ path: brave, isChrome: false });
  });

  it('uses default Program Files folders when the environment lacks them', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env: {}, exists: only(chrome) })).toMatchObject({ path: chrome });
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const userChrome = '/Users/ayse/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: { HOME: '/Users/ayse' }, exists: only(userChrome) })).toMatchObject({
      path: userChrome,
      isChrome: true,
    });
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser({ platform: 'darwin', env: {}, exists: only(chromium) })).toMatchObject({ path: chromium, isChrome: false });
  });

  it('reports every place checked, and a per-platform fix, when nothing is installed', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const result = findBrowser({ platform, env: winEnv, exists: () => false });
      expect(result.found).toBe(false);
      const missing = result as BrowserNotFound;
      expect(missing.reason).toBe('none_found');
      expect(missing.checked).toEqual(browserCandidates(platform, winEnv).map((c) => c.path));
      const message = browserNotFoundMessage(missing);
      expect(message).toMatch(/Google Chrome/);
      expect(message).toMatch(/Settings/);
    }
    const linux = browserNotFoundMessage(findBrowser({ platform: 'linux', env: {}, exists: () => false }) as BrowserNotFound);
    expect(linux).toMatch(/apt install chromium/);
    const mac = browserNotFoundMessage(findBrowser({ platform: 'darwin', env: {}, exists: () => false }) as BrowserNotFound);
    expect(mac).toMatch(/Applications/);
  });
});

describe('guessBrowserFromPath', () => {
  it('names browsers from their program paths', () => {
    expect(guessBrowserFromPath('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toMatchObject({ name: 'Google Chrome', isChrome: true });
    expect(guessBrowserFromPath('C:\\Users\\x\\AppData\\Local\\Chromium\\Application\\chrome.exe')).toMatchObject({ name: 'Chromium', isChrome: false });
    expect(guessBrowserFromPath('/opt/microsoft/msedge/msedge')).toMatchObject({ name: 'Microsoft Edge', isChrome: true });
    expect(guessBrowserFromPath('/usr/bin/brave-browser')).toMatchObject({ name: 'Brave', isChrome: false });
    expect(guessBrowserFromPath('/usr/local/bin/vivaldi')).toMatchObject({ name: 'Browser', isChrome: false });
  });
});

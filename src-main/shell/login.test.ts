import { describe, expect, it } from 'vitest';
import { autostartEntry, LOGIN_ARG, loginPlan, openedAtLogin } from './login';

describe('the login item', () => {
  const env = { execPath: '/opt/Pigeon/pigeon', appArgs: [] as string[], configHome: '/home/ada/.config' };

  it('uses Electron’s login item on macOS and Windows, telling Windows to start in the tray', () => {
    expect(loginPlan(true, { ...env, platform: 'darwin' })).toEqual({ kind: 'login-item', settings: { openAtLogin: true } });
    expect(loginPlan(true, { ...env, platform: 'win32', execPath: 'C:\\Users\\Ada\\AppData\\Local\\Programs\\Pigeon\\Pigeon.exe' })).toEqual({
      kind: 'login-item',
      settings: { openAtLogin: true, path: 'C:\\Users\\Ada\\AppData\\Local\\Programs\\Pigeon\\Pigeon.exe', args: [LOGIN_ARG] },
    });
    // Run as `electron .` (development): the app folder comes first, quoted when it has spaces.
    expect(loginPlan(false, { ...env, platform: 'win32', execPath: 'electron.exe', appArgs: ['C:\\My Work\\pigeon'] })).toEqual({
      kind: 'login-item',
      settings: { openAtLogin: false, path: 'electron.exe', args: ['"C:\\My Work\\pigeon"', LOGIN_ARG] },
    });
  });

  it('writes (or removes) an XDG autostart entry on Linux', () => {
    expect(loginPlan(true, { ...env, platform: 'linux' })).toEqual({
      kind: 'autostart',
      file: '/home/ada/.config/autostart/pigeon.desktop',
      content: `[Desktop Entry]\nType=Application\nName=Pigeon\nExec=/opt/Pigeon/pigeon ${LOGIN_ARG}\nX-GNOME-Autostart-enabled=true\nNoDisplay=false\n`,
    });
    expect(loginPlan(false, { ...env, platform: 'linux' })).toMatchObject({ kind: 'autostart', content: null });
    // Spaces and shell characters are quoted and escaped as the specification asks.
    expect(autostartEntry('/home/ada/My Apps/Pigeon.AppImage', ['a$b'])).toContain('Exec="/home/ada/My Apps/Pigeon.AppImage" "a\\\\$b"\n');
  });

  it('knows a start at login: the argument on Windows and Linux, macOS’s own word', () => {
    expect(openedAtLogin({ platform: 'win32', argv: ['Pigeon.exe', LOGIN_ARG], wasOpenedAtLogin: false })).toBe(true);
    expect(openedAtLogin({ platform: 'linux', argv: ['pigeon'], wasOpenedAtLogin: false })).toBe(false);
    expect(openedAtLogin({ platform: 'darwin', argv: ['Pigeon'], wasOpenedAtLogin: true })).toBe(true);
    expect(openedAtLogin({ platform: 'darwin', argv: ['Pigeon', LOGIN_ARG], wasOpenedAtLogin: false })).toBe(false);
  });
});

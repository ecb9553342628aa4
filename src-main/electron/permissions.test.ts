/** Web permissions are denied by default: every request and every check, for any page. */
import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, installPermissionHandlers, permissionGranted } from './permissions';

type RequestHandler = (contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

const PERMISSIONS = [
  'camera',
  'media',
  'microphone',
  'geolocation',
  'notifications',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'pointerLock',
  'keyboardLock',
  'midi',
  'midiSysex',
  'mediaKeySystem',
  'idle-detection',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'speaker-selection',
  'unknown',
];

describe('web permissions', () => {
  it('grants nothing by default', () => {
    expect([...GRANTED_PERMISSIONS]).toEqual([]);
  });

  it('denies every request and every check, from the app page and from anywhere else', () => {
    let request: RequestHandler | null = null;
    let check: CheckHandler | null = null;
    let device: (() => boolean) | null = null;
    installPermissionHandlers({
      setPermissionRequestHandler: (h: unknown) => (request = h as RequestHandler),
      setPermissionCheckHandler: (h: unknown) => (check = h as CheckHandler),
      setDevicePermissionHandler: (h: unknown) => (device = h as () => boolean),
    });
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
    for (const origin of ['app://pigeon/index.html', 'https://evil.example/', 'file:///x']) {
      for (const permission of PERMISSIONS) {
        const answers: boolean[] = [];
        request!({ getURL: () => origin }, permission, (granted) => answers.push(granted), { requestingUrl: origin });
        expect(answers, `${permission} from ${origin}`).toEqual([false]);
        expect(check!(null, permission, origin, {}), `${permission} check from ${origin}`).toBe(false);
        expect(permissionGranted(permission, origin)).toBe(false);
      }
    }
    expect(device!()).toBe(false);
  });
});

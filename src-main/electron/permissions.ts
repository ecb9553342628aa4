/**
 * Web permissions, denied by default: the page asks for none (OS notifications come from the main
 * process, which needs no page permission; the page copies no text through navigator.clipboard;
 * camera, microphone, location, screen, devices, MIDI, fullscreen… are never used). A permission
 * the page one day needs is added to GRANTED_PERMISSIONS, and only for the app's own origin.
 */
import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** Whether `permission` is granted to a page at `origin`: never, unless listed above and ours. */
export function permissionGranted(permission: string, origin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(origin);
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Installs the deny-by-default answers on a session (the default one, and every one created later). */
export function installPermissionHandlers(session: PermissionSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionGranted(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

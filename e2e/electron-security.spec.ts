/**
 * The hardened shell in the real Electron (its settings are asserted against a stand-in in
 * src-main/electron/*.test.ts; this checks what Chromium makes of them). Needs the Electron binary;
 * where it is not installed the test is skipped and says why, rather than passing without running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { electronReady, launchPigeon } from './electron-app';
import { skipWelcome } from './fixtures';

test('the desktop page comes from app://pigeon, has no Node, opens no window, gets no permission and reads no file', async () => {
  const { binary, skip } = electronReady();
  test.skip(binary === null, skip ?? '');
  if (binary === null) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-electron-'));
  const app = await launchPigeon(binary, dataDir);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(page.url()).toBe('app://pigeon/index.html');
    const probe = await page.evaluate(async () => {
      const g = globalThis as unknown as Record<string, unknown>;
      const opened = globalThis.open('https://example.com/', '_blank');
      let fileRead = 'refused';
      try {
        await fetch('file:///etc/hosts');
        fileRead = 'read';
      } catch {
        fileRead = 'refused';
      }
      let outside = 0;
      try {
        outside = (await fetch('app://pigeon/../package.json')).status;
      } catch {
        outside = -1;
      }
      const geolocation = (await navigator.permissions.query({ name: 'geolocation' })).state;
      const notifications = (await navigator.permissions.query({ name: 'notifications' })).state;
      return { require: typeof g.require, process: typeof g.process, opened: opened === null, fileRead, outside, geolocation, notifications, secure: globalThis.isSecureContext };
    });
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', opened: true, fileRead: 'refused', outside: 404, geolocation: 'denied', notifications: 'denied', secure: true });
    expect(app.windows()).toHaveLength(1);

    // Navigating away is refused: the window stays on the app page.
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://pigeon/index.html');

    await skipWelcome(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'About Pigeon' }).click();
    await expect(page.getByTestId('about-shell')).toHaveText('Desktop app');
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

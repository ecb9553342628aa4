/**
 * Settings → Desktop app, in the browser host: the section says these settings are for the desktop
 * app, starts as a new install has it (ask on close, no start at login, every notification on),
 * and each change is saved and read back after a reload. In Persian it reads right to left.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, SHOTS_DIR } from './helpers';

async function shot(page: Page, section: Locator, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

test('the Desktop app settings: said to be for the desktop app here, saved and read back', async ({ pigeon }) => {
  const { page } = pigeon;
  await goTo(page, 'Settings');
  const section = page.getByTestId('settings-desktop');
  await expect(section.getByRole('heading', { name: 'Desktop app' })).toBeVisible();
  await expect(section.getByTestId('settings-desktop-browser')).toHaveText(
    'These settings apply to the Pigeon desktop app. Here Pigeon runs in your browser, so they change nothing until you use the desktop app.',
  );

  // A new install: ask on close, not started at login, every notification on.
  const close = section.getByRole('group', { name: 'When you close the window while a campaign is sending or scheduled' });
  await expect(close.getByRole('radio', { name: 'Ask me' })).toBeChecked();
  const login = section.getByRole('checkbox', { name: 'Start Pigeon when I log in' });
  await expect(login).not.toBeChecked();
  const notifications = section.getByRole('group', { name: 'Notifications' });
  const kinds = ['A campaign finished', /^A campaign paused by itself or stopped/, 'An account lost its connection or needs a new QR code', 'A scheduled campaign started'];
  for (const name of kinds) await expect(notifications.getByRole('checkbox', { name })).toBeChecked();
  await shot(page, section, 'settings-desktop-en');

  const saved = page.getByTestId('toast').filter({ hasText: 'Settings saved' });
  await close.getByRole('radio', { name: /^Keep sending in the background/ }).check();
  await expect(saved).toBeVisible();
  await login.check();
  await expect(login).toBeChecked();
  await notifications.getByRole('checkbox', { name: 'A campaign finished' }).uncheck();
  await expect(notifications.getByRole('checkbox', { name: 'A campaign finished' })).not.toBeChecked();

  await page.reload();
  await goTo(page, 'Settings');
  await expect(close.getByRole('radio', { name: /^Keep sending in the background/ })).toBeChecked();
  await expect(login).toBeChecked();
  await expect(notifications.getByRole('checkbox', { name: 'A campaign finished' })).not.toBeChecked();
  await expect(notifications.getByRole('checkbox', { name: 'A scheduled campaign started' })).toBeChecked();

  // Back to asking; then in Persian.
  await close.getByRole('radio', { name: 'Ask me' }).check();
  await expect(close.getByRole('radio', { name: 'Ask me' })).toBeChecked();
  await page.getByTestId('settings-language-select').selectOption('fa');
  await expect(section.getByRole('heading', { name: 'برنامهٔ دسکتاپ' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(section.getByRole('radio', { name: 'از من بپرس' })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'اجرای Pigeon هنگام ورود به سیستم' })).toBeChecked();
  await shot(page, section, 'settings-desktop-fa');
});

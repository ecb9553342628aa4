/**
 * About Pigeon, opened from Settings in the browser host: the version, the data folder of this
 * very host, "in your browser", and the open-source libraries inside the app with their licences,
 * searchable, in English and in Persian (right to left).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, SHOTS_DIR } from './helpers';

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: false });
  }
  if (before) await page.setViewportSize(before);
}

const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

test('About Pigeon shows the version, the data folder, the browser host and the bundled libraries', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'About Pigeon' }).click();
  const dialog = page.getByRole('dialog', { name: 'About Pigeon' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toContainText(version);
  await expect(dialog.getByTestId('about-data-dir')).toHaveText(dataDir);
  await expect(dialog.getByTestId('about-shell')).toHaveText('In your browser, served by this computer only');
  await expect(dialog).toContainText(/Pigeon is built with \d+ open-source libraries\./);
  await expect(dialog.getByTestId('about-texts')).toContainText('THIRD-PARTY-LICENSES.txt');

  // The renderer's own libraries and the main process's are listed with their licences.
  const rows = dialog.getByTestId('about-library');
  expect(await rows.count()).toBeGreaterThan(100);
  await expect(rows.filter({ hasText: /^react-dom/ })).toContainText('MIT');
  await expect(rows.filter({ hasText: /^whatsapp-web\.js/ })).toContainText('Apache-2.0');
  await expect(rows.filter({ hasText: /^electron/ }).first()).toContainText('desktop runtime');

  // The list scrolls inside the dialog rather than pushing the Close button off screen.
  const list = dialog.getByTestId('about-libraries');
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await shot(page, 'about-en');
  const axe = await new AxeBuilder({ page }).include('[data-testid="about-dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  const search = dialog.getByRole('searchbox', { name: 'Search libraries' });
  await search.fill('ZUSTAND');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('zustand');
  await search.fill('LGPL');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain('LGPL');
  await search.fill('no-such-library');
  await expect(rows).toHaveCount(0);
  await expect(dialog).toContainText('No library matches “no-such-library”.');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // In Persian, right to left.
  await page.getByTestId('settings-language-select').selectOption('fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'دربارهٔ Pigeon' }).click();
  const fa = page.getByRole('dialog', { name: 'دربارهٔ Pigeon' });
  await expect(fa.getByTestId('about-shell')).toHaveText('در مرورگر شما، فقط از همین رایانه');
  await expect(fa.getByTestId('about-data-dir')).toHaveText(dataDir);
  await expect(fa.getByRole('searchbox', { name: 'جست‌وجوی کتابخانه‌ها' })).toBeVisible();
  await shot(page, 'about-fa');
  await page.keyboard.press('Escape');
  await expect(fa).toHaveCount(0);
});

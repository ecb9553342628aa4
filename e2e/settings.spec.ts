/**
 * Settings: your time zone (where each account's day for the daily limit starts) is the
 * computer's at first, is picked from the searchable list, refuses what is no time zone, and stays
 * saved after a reload.
 */
import { expect, test } from './fixtures';
import { goTo } from './helpers';

test('set your time zone: it is saved and read back after a reload', async ({ pigeon }) => {
  const { page } = pigeon;
  await goTo(page, 'Settings');
  const section = page.getByTestId('settings-timezone');
  const zone = section.getByRole('combobox', { name: 'Time zone' });
  const save = section.getByRole('button', { name: 'Save' });
  // The computer's own zone on a new install (the host and this browser share the machine's clock).
  const local = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(zone).toHaveValue(local);
  await expect(section).toContainText('daily limit starts again at midnight here');
  await expect(save).toBeDisabled();

  // Something that is no time zone is refused before saving.
  await zone.fill('Mars/Olympus');
  await expect(section).toContainText('Pick a time zone from the list');
  await expect(save).toBeDisabled();

  const chosen = local === 'Asia/Tehran' ? 'Asia/Jakarta' : 'Asia/Tehran';
  await zone.fill(chosen);
  await expect(save).toBeEnabled();
  await zone.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(save).toBeDisabled();

  await page.reload();
  await goTo(page, 'Settings');
  await expect(zone).toHaveValue(chosen);

  // Back to this computer's zone in one click.
  await section.getByRole('button', { name: `Use ${local}` }).click();
  await expect(zone).toHaveValue(local);
  await save.click();
  await expect(save).toBeDisabled();
  await page.reload();
  await goTo(page, 'Settings');
  await expect(zone).toHaveValue(local);
});

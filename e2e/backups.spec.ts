/**
 * Backups as the operator: Settings → Backups says there is none yet; "Back up now" takes one and
 * lists it with what it holds; a second one is listed above it; keeping one removes the older; the
 * sessions option shows its warning before it is saved.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addContactByHand, expectContactsCount, goTo, screenshots } from './helpers';

const section = (page: Page) => page.getByTestId('settings-backups');
const shot = (page: Page, name: string) =>
  screenshots(page, `backups-${name}`, { settle: async () => void (await section(page).evaluate((el) => el.scrollIntoView({ block: 'start' }))) });

test('take a backup from Settings, see what it holds, keep only the newest', async ({ pigeon }) => {
  const { page } = pigeon;
  await addContactByHand(page, 'Ayla Demir', '+90 532 111 00 01');
  await addContactByHand(page, 'Cem Yıldız', '+90 532 111 00 02');

  await goTo(page, 'Settings');
  const s = section(page);
  await expect(s.getByTestId('backup-none')).toHaveText('No backup yet.');
  await s.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Backup taken: 2 contacts, 0 campaigns.' })).toBeVisible();
  const rows = s.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('By hand');
  await expect(rows.first()).toContainText('2 contacts · 0 campaigns · 0 messages');

  await addContactByHand(page, 'Deniz Ak', '+90 532 111 00 03');
  await goTo(page, 'Settings');
  await s.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('3 contacts');
  await expect(rows.nth(1)).toContainText('2 contacts');

  // The sessions option warns before anything is saved.
  const form = s.getByTestId('backup-settings');
  await form.getByRole('checkbox', { name: 'Include WhatsApp sessions' }).check();
  await expect(s.getByTestId('backup-sessions-warning')).toContainText('as good as a password');
  await shot(page, 'settings');
  await form.getByRole('checkbox', { name: 'Include WhatsApp sessions' }).uncheck();

  // Keep one: the next backup leaves only itself.
  await form.getByRole('spinbutton', { name: 'Backups to keep' }).fill('1');
  await form.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Backup settings saved.' })).toBeVisible();
  await s.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('3 contacts');

  // A folder that is not a full path is refused in words.
  await form.getByRole('textbox', { name: 'Folder' }).fill('my backups');
  await form.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(form).toContainText('Choose a full folder path');
});

test('restore a backup: deleted contacts come back, and the data it replaced is backed up first', async ({ pigeon }) => {
  const { page } = pigeon;
  await addContactByHand(page, 'Ayla Demir', '+90 532 111 00 01');
  await addContactByHand(page, 'Cem Yıldız', '+90 532 111 00 02');
  await addContactByHand(page, 'Deniz Ak', '+90 532 111 00 03');
  await goTo(page, 'Settings');
  const s = section(page);
  await s.getByRole('button', { name: 'Back up now' }).click();
  await expect(s.getByTestId('backup-row')).toHaveCount(1);

  // Two contacts deleted by mistake.
  await goTo(page, 'Contacts');
  const confirmDialog = page.getByTestId('confirm-dialog');
  for (const name of ['Ayla Demir', 'Cem Yıldız']) {
    await page.getByTestId('contact-row').filter({ hasText: name }).click();
    await page.getByTestId('contact-detail').getByRole('button', { name: 'Delete' }).click();
    await confirmDialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('contact-row').filter({ hasText: name })).toHaveCount(0);
  }
  await expectContactsCount(page, 1);

  await goTo(page, 'Settings');
  await s.getByTestId('backup-row').first().getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toContainText('It holds 3 contacts, 0 groups, 0 drafts and 0 campaigns.');
  await expect(dialog).toContainText('STOP replies stay on the blacklist');
  await screenshots(page, 'backups-restore-dialog');
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await s.getByTestId('backup-row').first().getByRole('button', { name: 'Restore…' }).click();
  await dialog.getByRole('button', { name: 'Restore' }).click();

  // The app loads again on the restored data, on Settings, saying what it did.
  const restored = section(page).getByTestId('backup-restored');
  await expect(restored).toContainText('Restored the backup of');
  await expect(restored).toContainText('Nothing was sent or received on WhatsApp since then.');
  await expect(section(page).getByTestId('backup-row').first()).toContainText('Before a restore');
  await expect(section(page).getByTestId('backup-row').first()).toContainText('1 contact');
  await shot(page, 'restored');
  await goTo(page, 'Contacts');
  await expectContactsCount(page, 3);
  for (const name of ['Ayla Demir', 'Cem Yıldız', 'Deniz Ak']) await expect(page.getByTestId('contact-row').filter({ hasText: name })).toHaveCount(1);
});

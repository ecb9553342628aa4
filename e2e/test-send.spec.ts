/**
 * "Send a test" as the operator: a demo account linked, a draft written, a test sent from the draft
 * editor to a typed number; the dialog shows Delivered then Read, the demo phone's log has the
 * message, no campaign appears, and the number is offered again next time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, linkDemoAccount, writeTextDraft, screenshots } from './helpers';

const shot = (page: Page, name: string) => screenshots(page, name);

type LogLine = { to: string; text: string; kind: string };
const demoLog = (dataDir: string): LogLine[] => {
  const dir = path.join(dataDir, 'simulator');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^account-\d+\.jsonl$/.test(f))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine));
};

test('sends a test from the draft editor and shows Delivered, then Read', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await linkDemoAccount(page, 'Shop phone');
  await writeTextDraft(page, 'Spring offer', 'Hello {{name|friend}}, 20% off this week');

  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('draft-test-send').click();
  const dialog = page.getByTestId('test-send-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('test-send-account')).toContainText('Shop phone');

  // The demo phone reads ~70% of messages: try a few numbers until one is read.
  let read: string | null = null;
  for (const phone of ['+90 532 555 01 11', '+90 532 555 01 12', '+90 532 555 01 13', '+90 532 555 01 14', '+90 532 555 01 15']) {
    await dialog.getByTestId('test-send-phone').fill(phone);
    await dialog.getByTestId('test-send-submit').click();
    const status = dialog.getByTestId('test-send-status');
    await expect(status).toHaveText(/Delivered|Read/, { timeout: 10_000 });
    try {
      await expect(status).toHaveText('Read', { timeout: 4_000 });
      read = phone.replace(/\s/g, '');
      break;
    } catch {
      // Not read by this phone's story: the next number.
    }
  }
  expect(read).not.toBeNull();
  await shot(page, 'test-send-dialog');

  // The message reached the demo phone, with the variable's fallback (no contact chosen).
  expect(demoLog(dataDir).filter((l) => l.to === read).map((l) => l.text)).toEqual(['Hello friend, 20% off this week']);

  // The number is remembered for the account.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await editor.getByTestId('draft-test-send').click();
  await expect(page.getByTestId('test-send-dialog').getByTestId('test-send-phone')).toHaveValue(read!);
  await page.getByTestId('test-send-dialog').getByRole('button', { name: 'Close' }).click();

  // Not a campaign: the Campaigns page has none.
  await goTo(page, 'Campaigns');
  await expect(page.getByTestId('campaign-new')).toBeVisible();
  await expect(page.getByText('Spring offer')).toHaveCount(0);

  // The campaign editor's review step offers the same dialog, with the number remembered.
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Spring offer' });
  await e.getByRole('textbox', { name: 'Campaign name' }).press('Enter');
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill('+90 532 555 02 21');
  await expect(e.getByTestId('audience-count')).toBeVisible();
  for (let i = 0; i < 3; i++) await e.getByTestId('campaign-next').click();
  await e.getByTestId('review-test-send').click();
  await expect(page.getByTestId('test-send-dialog').getByTestId('test-send-phone')).toHaveValue(read!);
  await page.getByTestId('test-send-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('test-send-dialog')).toHaveCount(0);
});

test('refuses a number WhatsApp cannot reach, in plain words', async ({ pigeon }) => {
  const { page } = pigeon;
  await linkDemoAccount(page, 'Shop phone');
  await writeTextDraft(page, 'Spring offer', 'Hello');
  await page.getByTestId('draft-editor').getByTestId('draft-test-send').click();
  const dialog = page.getByTestId('test-send-dialog');
  await dialog.getByTestId('test-send-phone').fill('12');
  await dialog.getByTestId('test-send-submit').click();
  await expect(dialog.getByText(/is not a phone number WhatsApp can reach/)).toBeVisible();
  await expect(dialog.getByTestId('test-send-status')).toHaveCount(0);
});

/**
 * History and usage, as the operator: two small demo campaigns finish; the list shows each one's
 * figures, finds them by name and status, renames and archives a finished one (hidden until "Show
 * archived", then unarchived); the Usage page counts what the demo phone received and exports it.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, test, writeTempFile } from './fixtures';
import { goTo, importFile, linkDemoAccount, screenshots } from './helpers';

const shot = (page: Page, name: string) => screenshots(page, name);

const editor = (page: Page) => page.getByTestId('campaign-editor');

async function runCampaign(page: Page, name: string, draft: string, start = true): Promise<void> {
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = editor(page);
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: draft });
  await e.getByRole('textbox', { name: 'Campaign name' }).fill(name);
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /VIP/ }).check();
  await expect(e.getByTestId('audience-count')).toBeVisible();
  await e.getByTestId('campaign-next').click();
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('1');
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('50');
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByTestId(start ? 'campaign-start' : 'campaign-save-draft').click();
  const detail = page.getByTestId('campaign-detail');
  if (start) await expect(detail.getByTestId('campaign-status').first()).toHaveText('Completed', { timeout: 30_000 });
  await detail.getByTestId('campaigns-back').click();
}

test('history: figures, search, status, rename, archive; usage counts and exports', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  // Four people; the one ending in 0 is not on WhatsApp on the demo phone.
  const csv = ['Name,Phone', 'Ayla,+905321110001', 'Burak,+905321110010', 'Cem,+905321110002', 'Deniz,+905321110003'].join('\n');
  await importFile(page, writeTempFile(dataDir, 'vip.csv', csv), { target: 'newGroup', groupName: 'VIP' });
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const d = page.getByTestId('draft-editor');
  await d.getByTestId('draft-name').fill('Winter offer');
  await d.getByTestId('part-text-input').first().fill('Hello {{name}}');
  await d.getByTestId('draft-save').click();
  await expect(d.getByTestId('draft-state')).toHaveText('All changes saved');

  await runCampaign(page, 'First wave', 'Winter offer');
  // Not started (everyone was messaged in the last 24 hours): saved, so not finished.
  await runCampaign(page, 'Second wave', 'Winter offer', false);

  const rows = page.getByTestId('campaign-row');
  await expect(rows).toHaveCount(2);
  const first = rows.filter({ hasText: 'First wave' });
  await expect(first.getByTestId('history-figures')).toContainText('4 recipients · 3 sent');
  await expect(first.getByTestId('history-figures')).toContainText('1 failed');
  // Only a finished campaign offers Rename and Archive.
  await expect(rows.filter({ hasText: 'Second wave' }).getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await shot(page, 'history-list');
  await page.setViewportSize({ width: 1280, height: 800 });

  const bar = page.getByTestId('history-bar');
  await bar.getByRole('searchbox').fill('second');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Second wave');
  await bar.getByRole('searchbox').fill('winter'); // the message's name
  await expect(rows).toHaveCount(2);
  await bar.getByRole('combobox', { name: 'Status' }).selectOption('draft');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Second wave');
  await bar.getByRole('combobox', { name: 'Status' }).selectOption('failed');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No campaign matches.')).toBeVisible();
  await bar.getByRole('combobox', { name: 'Status' }).selectOption({ value: '' });
  await bar.getByRole('searchbox').fill('');

  // Sort by name, oldest/lowest first.
  await bar.getByLabel('Sort by').selectOption('name');
  await bar.getByLabel('Newest / highest first').uncheck();
  await expect(rows.first()).toContainText('First wave');

  await first.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByTestId('campaign-rename-dialog');
  await rename.getByRole('textbox', { name: 'New name for this campaign' }).fill('Winter wave one');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Winter wave one' })).toHaveCount(1);

  await rows.filter({ hasText: 'Winter wave one' }).getByRole('button', { name: 'Archive' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByTestId('history-archived').check();
  await expect(rows).toHaveCount(2);
  const archived = rows.filter({ hasText: 'Winter wave one' });
  await expect(archived.getByTestId('history-figures')).toContainText('Archived');
  await archived.getByRole('button', { name: 'Unarchive' }).click();
  await page.getByTestId('history-archived').uncheck();
  await expect(rows).toHaveCount(2);

  // Usage: the 3 messages that reached the demo phone today.
  await goTo(page, 'Usage');
  const summary = page.getByTestId('usage-summary');
  await expect(summary).toContainText('Shop phone');
  await expect(summary).toContainText('Total: 3');
  await expect(summary).toContainText('Daily cap: 50');
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  await expect(page.getByTestId('usage-table').getByRole('row', { name: new RegExp(today) })).toContainText('3 / 50');
  await shot(page, 'usage-month');
  await page.getByTestId('usage-month').selectOption({ value: '' });
  await shot(page, 'usage-year');

  const download = page.waitForEvent('download');
  await page.getByTestId('usage-export').click();
  const file = await (await download).path();
  const wb = XLSX.read(fs.readFileSync(file), { cellDates: true });
  const byMonth = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['By month']!, { header: 1 });
  expect(byMonth[0]).toEqual(['Month', 'Shop phone']);
  expect(byMonth[13]).toEqual(['Total', 3]);
});

/**
 * Warm-up of a new number as the operator sees it: the line on a freshly linked demo account's card,
 * its settings (a schedule checked in plain words), the review step's line and estimate, and a
 * running campaign that stops at the day's warm-up cap and says why.
 */
import type { Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { goTo, importFile, linkDemoAccount, writeTextDraft, setCustomPace, screenshots } from './helpers';

const shot = (page: Page, name: string) => screenshots(page, name);

test('a new number warms up: the card, the settings, the review and the campaign\u2019s wait', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const card = await linkDemoAccount(page, 'Shop phone');
  // A demo phone cannot be banned, so it does not warm up by itself; it can be marked a new number.
  await expect(card.getByTestId('account-budget')).toBeVisible();
  await expect(card.getByTestId('warmup-line')).toHaveCount(0);

  // The schedule, typed: a day below the day before is refused in plain words.
  await card.getByTestId('safety-open').click();
  const dialog = page.getByTestId('safety-dialog');
  await expect(dialog.getByTestId('warmup-now')).toHaveText('No warm-up applies to this account today.');
  await dialog.getByTestId('warmup-schedule').fill('20, 10');
  await expect(dialog.getByTestId('warmup-schedule-hint')).toHaveText('Day 2 allows fewer messages than the day before; each day must allow at least as many.');
  await dialog.getByTestId('safety-save').click();
  await expect(dialog).toContainText('The warm-up schedule is not valid yet');
  await dialog.getByTestId('warmup-schedule').fill('5, 10, x');
  await expect(dialog.getByTestId('warmup-schedule-hint')).toContainText('Day 3 is not a whole number');
  await dialog.getByTestId('warmup-schedule').fill('5, 10');
  await dialog.getByTestId('warmup-new').check();
  await shot(page, 'warmup-settings');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('warmup-line')).toContainText('Warm-up day 1 of 2: 0 of 5 today');
  await expect(card.getByTestId('warmup-line')).toContainText('Marked as a new number');

  // Eight customers: five today (the warm-up), three tomorrow.
  const csv = ['Name,Phone', ...Array.from({ length: 8 }, (_, i) => `Guest ${i + 1},+9053211140${String(i * 10 + 13).padStart(2, '0')}`)].join('\n');
  const stats = await importFile(page, writeTempFile(dataDir, 'guests.csv', csv), { target: 'newGroup', groupName: 'Guests' });
  expect(stats.added).toBe(8);
  await writeTextDraft(page, 'Invitation', 'You are invited!');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Invitation' });
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /Guests/ }).check();
  await expect(e.getByTestId('audience-count')).toBeVisible();
  await e.getByTestId('campaign-next').click();
  await setCustomPace(e, { waitSeconds: 1, dailyCap: null });
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();

  await expect(e.getByTestId('review-warmup')).toContainText('Warm-up on “Shop phone”: day 1 of 2, 5 messages today, across all campaigns (0 already sent).');
  // The estimate counts the warm-up: the last three go tomorrow.
  await expect(e.getByTestId('review-estimate')).toContainText('tomorrow');
  await shot(page, 'warmup-review');

  await e.getByTestId('campaign-start').click();
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-waiting')).toContainText('Warm-up day 1 of 2 on “Shop phone”: 5 messages today', { timeout: 30_000 });
  await expect(page.getByTestId('stat-sent')).toHaveAttribute('data-value', '5');

  await goTo(page, 'Accounts');
  await expect(card.getByTestId('warmup-line')).toContainText('Warm-up day 1 of 2: 5 of 5 today');
  await shot(page, 'warmup-card');
});

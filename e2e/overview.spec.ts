/**
 * The Overview opens first and follows a campaign while it sends: today's count per account, the
 * campaign's progress, and afterwards the 30-day rates.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, linkDemoAccount, setCustomPace, screenshots } from './helpers';

test.use({ startPage: null });

const PEOPLE = 20;

const shot = (page: Page, name: string) => screenshots(page, name, { fullPage: true });

test('the Overview opens first and changes while a demo campaign sends', async ({ pigeon }) => {
  const { page } = pigeon;
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText('No WhatsApp account yet.')).toBeVisible();
  await expect(page.getByText('Nothing is sending or scheduled.')).toBeVisible();
  await expect(page.getByTestId('ov-rates-summary')).toHaveText('No messages sent in the last 30 days.');
  await shot(page, 'overview-empty');

  await linkDemoAccount(page, 'Shop phone');
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('draft-name').fill('Opening hours');
  await editor.getByTestId('part-text-input').first().fill('We are open until 20:00 today.');
  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Opening hours' });
  await e.getByTestId('campaign-next').click();
  // None ends in 0: the demo phone says those are not on WhatsApp.
  const numbers = Array.from({ length: PEOPLE }, (_, i) => `+905321001${String(i).padStart(2, '0')}1`);
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill(numbers.join('\n'));
  await expect(e.getByTestId('audience-count')).toContainText(`${PEOPLE} people will get this message`);
  await e.getByTestId('campaign-next').click();
  await setCustomPace(e, { waitSeconds: 1, dailyCap: 100 });
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-start').click();

  await goTo(page, 'Overview');
  const campaign = page.getByTestId('ov-campaign').filter({ hasText: 'Opening hours' });
  await expect(campaign).toBeVisible();
  const account = page.getByTestId('ov-account').filter({ hasText: 'Shop phone' });
  await expect(account).toContainText('Ready');
  // Live: today's count rises while the page stays open, against the campaign's cap of 100.
  const sent = account.getByTestId('ov-account-sent');
  await expect(sent).not.toHaveText('0 sent', { timeout: 30_000 });
  await expect(account).toContainText(/\d+ of 100 left today/);
  const first = Number((await sent.textContent())?.split(' ')[0]);
  await expect(async () => expect(Number((await sent.textContent())?.split(' ')[0])).toBeGreaterThan(first)).toPass({ timeout: 30_000 });
  await shot(page, 'overview-sending');

  // Done: the campaign leaves the list; today's total and the 30-day summary count all of them.
  await expect(page.getByText('Nothing is sending or scheduled.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('overview-sent-today')).toHaveText(`${PEOPLE} messages sent today`);
  await expect(sent).toHaveText(`${PEOPLE} sent`);
  await expect(page.getByTestId('ov-rates-summary')).toContainText(`${PEOPLE} sent`);
  await expect(account).toContainText('No daily cap applies');
  await shot(page, 'overview-done');
});

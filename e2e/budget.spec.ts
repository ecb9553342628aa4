/**
 * The unanswered-message budget, as the operator meets it: a small budget set in the account's
 * safety settings, a campaign to more people than it allows, the review saying how much it may
 * use, then the pause with its reason on the campaign, the figure on the card and the Overview.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accountCard, fastestCustomPace, goTo, linkDemoAccount, writeTextDraft, screenshots } from './helpers';

const PEOPLE = 12;
const BUDGET = 4;

const shot = (page: Page, name: string) => screenshots(page, `budget-${name}`, { fullPage: true });

test('a campaign pauses when the account’s monthly budget of people who do not answer is used up', async ({ pigeon }) => {
  const { page } = pigeon;
  const card = await linkDemoAccount(page, 'Shop');
  await expect(card.getByTestId('account-budget-figure')).toHaveText(/Unanswered this month: 0 of 500/);
  // Nobody answers: the demo phone leaves every message at one tick. Otherwise a reader who
  // replies (about one in ten) leaves the count, and the figures below would move under the test.
  const rate = card.getByTestId('demo-undelivered-rate');
  await rate.getByRole('spinbutton', { name: 'Share of messages never delivered (%)' }).fill('100');
  await rate.getByRole('button', { name: '% of messages undelivered' }).click();
  await expect(page.getByText('From now on 100 % of messages stay undelivered.')).toBeVisible();

  // A small budget, set in the account's safety settings.
  await card.getByTestId('safety-open').click();
  const dialog = page.getByTestId('safety-dialog');
  await expect(dialog).toContainText('does not publish that number');
  await shot(page, 'settings');
  await dialog.getByRole('spinbutton', { name: 'People per month' }).fill('0');
  await dialog.getByTestId('safety-save').click();
  await expect(dialog).toContainText('Type a whole number from 1 to 1,000,000.');
  await dialog.getByRole('spinbutton', { name: 'People per month' }).fill(String(BUDGET));
  await dialog.getByTestId('safety-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('account-budget-figure')).toHaveText(new RegExp(`Unanswered this month: 0 of ${BUDGET}`));

  await writeTextDraft(page, 'Spring offer', 'Our spring offer starts today.');
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Spring offer' });
  await e.getByTestId('campaign-next').click();
  // None ends in 0: the demo phone says those are not on WhatsApp.
  const numbers = Array.from({ length: PEOPLE }, (_, i) => `+905321002${String(i).padStart(2, '0')}1`);
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill(numbers.join('\n'));
  await e.getByTestId('audience-warm-first').check();
  await shot(page, 'audience');
  await e.getByTestId('campaign-next').click();
  await fastestCustomPace(e);
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await expect(e.getByTestId('review-budget')).toHaveText(
    `This campaign may need up to ${PEOPLE} on “Shop”, but only ${BUDGET} are left this month: it will pause when the budget is used up.`,
  );
  await shot(page, 'review');
  await e.getByTestId('campaign-start').click();

  // Paused by the budget, with the reason, on the campaign.
  await expect(page.getByText(/“Shop” has messaged 4 of its 4 people this month who have not answered/).first()).toBeVisible({ timeout: 60_000 });
  await shot(page, 'campaign');

  await goTo(page, 'Accounts');
  const shop = accountCard(page, 'Shop');
  await expect(shop.getByTestId('account-budget-figure')).toHaveText(new RegExp(`Unanswered this month: ${BUDGET} of ${BUDGET}.*Budget used up`));
  await expect(shop.getByTestId('account-budget-figure')).toHaveAttribute('data-level', 'full');
  await shot(page, 'card');

  await goTo(page, 'Overview');
  await expect(page.getByTestId('ov-account-budget')).toHaveText(new RegExp(`Unanswered this month: ${BUDGET} of ${BUDGET}`));
  await shot(page, 'overview');

  // One more person allowed: 4 of 5 is past 80 %, shown in amber (the campaign stays paused until resumed).
  await goTo(page, 'Accounts');
  await shop.getByTestId('safety-open').click();
  await page.getByTestId('safety-dialog').getByRole('spinbutton', { name: 'People per month' }).fill(String(BUDGET + 1));
  await page.getByTestId('safety-save').click();
  await expect(shop.getByTestId('account-budget-figure')).toHaveAttribute('data-level', 'warn');
  await expect(shop.getByTestId('account-budget-figure')).toHaveText(new RegExp(`Unanswered this month: ${BUDGET} of ${BUDGET + 1}.*1 left`));
  await shot(page, 'card-warn');
});

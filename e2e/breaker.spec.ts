/**
 * A spike of opt-outs on the demo phone trips the account's breaker: the campaign pauses with its
 * reason and figures, the account card says so, and Resume asks first with the figures; resuming
 * starts a fresh count, so the campaign sends again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accountCard, goTo, linkDemoAccount, writeTextDraft, setCustomPace, screenshots } from './helpers';

const PEOPLE = 120;

/** +90 533 then 7 digits, all different, none ending in 0 (those are not on the demo phone's WhatsApp). */
const numbers = (count: number) => Array.from({ length: count }, (_, i) => `+90533${String(1_000 + Math.floor(i / 9)).padStart(6, '0')}${(i % 9) + 1}`);

function phoneLog(dataDir: string, accountId = 1): { to: string; fault?: string }[] {
  const file = path.join(dataDir, 'simulator', `account-${accountId}.jsonl`);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { to: string; fault?: string });
}

const shot = (page: Page, name: string) => screenshots(page, name);

// Replies (and STOPs) come 50× sooner than on a real phone, while a message goes out every second.
test.use({ simSpeed: 50 });

test('a spike of opt-outs pauses the campaign with its figures; Resume asks first', async ({ pigeon }) => {
  test.setTimeout(150_000);
  const { page, dataDir } = pigeon;
  const card = await linkDemoAccount(page, 'Shop');
  // The demo phone: 30 % of the people messaged from now on reply STOP.
  const rate = card.getByTestId('demo-opt-out-rate');
  await rate.getByRole('spinbutton', { name: 'Share of people who reply STOP (%)' }).fill('30');
  await rate.getByRole('button', { name: '% of people reply STOP' }).click();
  await expect(page.getByText('From now on 30 % of people reply STOP.')).toBeVisible();
  await shot(page, 'breaker-demo-phone');

  await writeTextDraft(page, 'Offer', 'This week only: 20% off everything');
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Offer' });
  await e.getByRole('textbox', { name: 'Campaign name' }).fill('Spring sale');
  await e.getByTestId('campaign-next').click();
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill(numbers(PEOPLE).join('\n'));
  await expect(e.getByTestId('audience-count')).toContainText(`${PEOPLE} people will get this message`);
  await e.getByTestId('campaign-next').click();
  await setCustomPace(e, { waitSeconds: 1, dailyCap: 0 });
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-start').click();

  // Paused by the breaker (after at least 20 sends), with the figures in plain words.
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Paused', { timeout: 90_000 });
  const reason = detail.getByTestId('campaign-reason');
  await expect(reason).toHaveText(/^Paused: \d+ of the last \d+ people messaged from “Shop” opted out \(\d+(\.\d)? %; the limit is 5 %\)/);
  const [, count, of] = /Paused: (\d+) of the last (\d+)/.exec((await reason.textContent()) ?? '') ?? [];
  expect(Number(of)).toBeGreaterThanOrEqual(20);
  expect(Number(count) * 100).toBeGreaterThanOrEqual(5 * Math.max(Number(of), 100)); // 5 % of the 100-send window
  // The demo phone's log: what it received is what was judged, and nothing more goes out now.
  const sent = phoneLog(dataDir).length;
  expect(sent).toBe(Number(of));
  expect(phoneLog(dataDir).filter((r) => r.fault === 'optOut').length).toBeGreaterThanOrEqual(Number(count) - 2);
  await shot(page, 'breaker-campaign-paused');

  // Resume asks first, with the window's figures; Cancel keeps it paused.
  await detail.getByTestId('campaign-resume').click();
  const dialog = page.getByTestId('breaker-resume-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The breaker on “Shop” tripped');
  const figures = dialog.getByTestId('breaker-figures');
  await expect(figures.getByRole('row', { name: /Sends looked at/ })).toContainText(of!);
  // The figures now (STOPs to messages sent before the pause still arrive): at least the reason's.
  const optedOut = figures.getByRole('row', { name: /Opted out/ });
  await expect(optedOut).toContainText(new RegExp(`\\d+ of ${of} \\(`));
  const [, now] = /(\d+) of \d+/.exec((await optedOut.textContent()) ?? '') ?? [];
  expect(Number(now)).toBeGreaterThanOrEqual(Number(count));
  await expect(figures.getByRole('row', { name: /Opted out/ })).toContainText('limit 5 %');
  await shot(page, 'breaker-resume-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Paused');
  expect(phoneLog(dataDir).length).toBe(sent);

  // The account card says why its campaigns stopped.
  await goTo(page, 'Accounts');
  const line = accountCard(page, 'Shop').getByTestId('breaker-line');
  await expect(line).toContainText('Breaker tripped');
  await expect(line).toContainText(new RegExp(`\\d+ of the last ${of} people messaged opted out`));
  await shot(page, 'breaker-account-card');

  // Stop the spike, then resume for real: a fresh count, and it sends again.
  const card2 = accountCard(page, 'Shop');
  await card2.getByTestId('demo-opt-out-rate').getByRole('spinbutton').fill('0');
  await card2.getByTestId('demo-opt-out-rate').getByRole('button').click();
  await goTo(page, 'Campaigns');
  await detail.getByTestId('campaign-resume').click();
  await page.getByTestId('breaker-resume-confirm').click();
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Running');
  await expect.poll(() => phoneLog(dataDir).length, { timeout: 30_000 }).toBeGreaterThan(sent + 2);
  await goTo(page, 'Accounts');
  await expect(accountCard(page, 'Shop').getByTestId('breaker-line')).toHaveCount(0);
});

/**
 * Cancelling a big campaign while its recipients are still being prepared: the page says
 * "Preparing recipients…" (not "0 of N"), Cancel asks first and works at once, and the demo
 * phone's durable log proves nobody was messaged, then or afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, linkDemoAccount, SHOTS_DIR } from './helpers';

const PEOPLE = 20_000;

/** +90 532 then 7 digits, all different, none ending in 0 (the demo phone says those are not on WhatsApp). */
function numbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+90532${String(Math.floor(i / 9)).padStart(6, '0')}${(i % 9) + 1}`);
}

/**
 * Puts text in a box the way pasting does: one input event with all of it. (Playwright's fill
 * edits the box like typing and takes tens of seconds per thousand lines.)
 */
async function paste(box: Locator, text: string): Promise<void> {
  await box.focus();
  await box.evaluate((el: HTMLTextAreaElement, value: string) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setValue?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function writeDraft(page: Page, name: string, text: string): Promise<void> {
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('draft-name').fill(name);
  await editor.getByTestId('part-text-input').first().fill(text);
  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
}

/** What the demo phone received, from its durable log (none when it never wrote one). */
function phoneLog(dataDir: string, accountId: number): string[] {
  const file = path.join(dataDir, 'simulator', `account-${accountId}.jsonl`);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

test.use({
  // The demo phone answers 20× faster than a real one: had anything been let through, it would be in the log at once.
  simSpeed: 20,
  // 20 000 people are prepared in under a second, less than it takes to click Cancel and confirm
  // (and on a busy machine both slow down together): the host waits 3 s after each 8 000 rows
  // written, so the campaign stays "preparing" long enough on any machine. Nothing else changes.
  hostEnv: { PIGEON_TEST_BUILD_PAUSE_MS: '3000' },
});

/** Builds the 20 000-people campaign at the fastest pace through the form and clicks Start. */
async function startBigCampaign(page: Page): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  await writeDraft(page, 'Big news', 'We moved to a bigger shop!');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Big news' });
  await e.getByTestId('campaign-next').click();
  await paste(e.getByRole('textbox', { name: 'Numbers to add (optional)' }), numbers(PEOPLE).join('\n'));
  await expect(e.getByTestId('audience-count')).toContainText(`${PEOPLE.toLocaleString('en')} people will get this message`, { timeout: 60_000 });
  await e.getByTestId('campaign-next').click();

  // As fast as Pigeon allows: had the cancel not stopped it, messages would go out at once.
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('0');
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await expect(e.getByTestId('audience-total')).toHaveText(`${PEOPLE.toLocaleString('en')} people will get this message`, { timeout: 60_000 });

  await e.getByTestId('campaign-start').click();
  const detail = page.getByTestId('campaign-detail');
  // The page shows the campaign at once, while its people are prepared: no "0 of N", no blank state.
  await expect(detail.getByTestId('campaign-preparing')).toContainText('Preparing recipients…');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Preparing');
  await expect(detail.getByTestId('progress')).toHaveCount(0);
  return detail;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function cancel(page: Page, detail: Locator): Promise<void> {
  await detail.getByTestId('campaign-cancel').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('nobody has been sent anything');
  await confirm.getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Cancelled');
}

test('cancel a campaign for 20 000 people while it is being prepared: nobody is messaged', async ({ pigeon }) => {
  test.setTimeout(180_000);
  const { page, dataDir } = pigeon;
  const detail = await startBigCampaign(page);
  await shot(page, 'campaign-preparing');

  await cancel(page, detail);
  await expect(detail.getByTestId('campaign-preparing')).toHaveCount(0);
  await expect(detail.getByTestId('campaign-reason')).toHaveText('Cancelled by you.');

  // Nothing went out, and nothing goes out later: the demo phone's own log stays empty.
  await page.waitForTimeout(2_000);
  expect(phoneLog(dataDir, 1)).toEqual([]);
  await expect(detail.getByTestId('stat-sent')).toHaveAttribute('data-value', '0');

  await detail.getByTestId('campaigns-back').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: 'Big news' }).getByTestId('campaign-status')).toHaveText('Cancelled');
  expect(phoneLog(dataDir, 1)).toEqual([]);
});

test('pause while it is being prepared: nothing is sent, it says so, and Resume prepares it again', async ({ pigeon }) => {
  test.setTimeout(180_000);
  const { page, dataDir } = pigeon;
  const detail = await startBigCampaign(page);
  await detail.getByTestId('campaign-pause').click();
  const status = detail.getByTestId('campaign-status').first();
  await expect(status).toHaveText('Paused');
  // Not "0 of 8 000 still to send": it has no list of people until it is resumed.
  await expect(detail.getByTestId('campaign-preparing')).toContainText('Paused before the list of people was ready.');
  await expect(detail.getByTestId('progress')).toHaveCount(0);
  await shot(page, 'campaign-paused-preparing');
  await page.waitForTimeout(1_500);
  expect(phoneLog(dataDir, 1)).toEqual([]);

  await detail.getByTestId('campaign-resume').click();
  await expect(status).toHaveText('Preparing');
  await cancel(page, detail);
  await page.waitForTimeout(1_500);
  expect(phoneLog(dataDir, 1)).toEqual([]);
});

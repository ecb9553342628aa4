/**
 * Campaigns, acting as the operator: link a demo account, import customers into a group, write a
 * draft, build a campaign step by step, start it and watch it finish; pause, change the pace,
 * resume and cancel a slower one; schedule a copy, take it off the schedule and back, then start it
 * at once; send to people selected on the Contacts page (picked ones, or everyone a search finds).
 * The demo phone says numbers ending in 0 are not on WhatsApp, so those end as failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { accountCard, goTo, importFile, linkDemoAccount, pngBytes, SHOTS_DIR } from './helpers';

/** Screenshots for a person to look at, at the two window sizes the app is designed for. */
async function shot(page: Page, name: string, sizes: [number, number][] = [[1280, 800], [1024, 700]]): Promise<void> {
  const SHOTS = SHOTS_DIR;
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: false });
  }
  if (before) await page.setViewportSize(before);
}

type Customer = [name: string, phone: string];

/** Six customers; two of them (ending in 0) are not on WhatsApp on the demo phone. */
const CUSTOMERS: Customer[] = [
  ['Ayla Demir', '+905321110001'],
  ['Burak Şahin', '+905321110010'],
  ['Cem Yıldız', '+905321110002'],
  ['Deniz Arslan', '+905321110020'],
  ['Ece Koç', '+905321110003'],
  ['Fatih Aydın', '+905321110004'],
];
const NOT_ON_WHATSAPP = CUSTOMERS.filter(([, phone]) => phone.endsWith('0'));
/** Fatih is on the blacklist, so the campaign leaves him out. */
const BLACKLISTED = CUSTOMERS[5]!;
const REACHED = CUSTOMERS.filter((c) => c !== BLACKLISTED);

async function importCustomers(page: Page, dataDir: string, groupName: string, customers: Customer[]): Promise<void> {
  const csv = ['Name,Phone,City', ...customers.map(([name, phone], i) => `${name},${phone},${i % 2 === 0 ? 'Izmir' : ''}`)].join('\n');
  const stats = await importFile(page, writeTempFile(dataDir, `${groupName}.csv`, csv), { target: 'newGroup', groupName });
  expect(stats.added).toBe(customers.length);
}

async function blacklist(page: Page, phone: string): Promise<void> {
  await goTo(page, 'Blacklist');
  await page.getByTestId('suppr-add-text').fill(phone);
  await page.getByTestId('suppr-add-submit').click();
  await expect(page.getByTestId('suppr-add-result')).toContainText(/Added 1/);
}

/** Writes a draft on the Drafts page (a text, optionally an emoji from the picker and a picture) and saves it. */
async function writeDraft(page: Page, name: string, text: string, extras: { emoji?: string; picture?: string } = {}): Promise<void> {
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('draft-name').fill(name);
  await editor.getByTestId('part-text-input').first().fill(text);
  if (extras.emoji) {
    const part = page.getByTestId('part-text').first();
    await part.getByTestId('part-text-input').press('End');
    await part.getByTestId('tool-emoji').click();
    await page.getByTestId('emoji-picker').getByRole('button', { name: extras.emoji }).click();
    await expect(part.getByTestId('part-text-input')).toHaveValue(`${text}${extras.emoji}`);
  }
  if (extras.picture) {
    await editor.getByTestId('add-image').click();
    const picture = page.getByTestId('part-image').first();
    await picture.getByTestId('attach-input').setInputFiles({ name: extras.picture, mimeType: 'image/png', buffer: pngBytes(120, 80) });
    await expect(picture.getByTestId('attachment-thumb')).toBeVisible();
    await picture.getByTestId('part-caption-input').fill('Only this week, {{first_name|friend}}');
  }
  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
}

const editor = (page: Page) => page.getByTestId('campaign-editor');
const stepTitle = (page: Page) => editor(page).locator('#campaign-step-title');
const next = (page: Page) => editor(page).getByTestId('campaign-next').click();

/** A custom pace typed in the form (seconds), with no breaks, no cap, no typing, no checks. */
async function customPace(page: Page, minSeconds: number, maxSeconds: number): Promise<void> {
  const e = editor(page);
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill(String(minSeconds));
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill(String(maxSeconds));
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('0');
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
}

/** From the list: New campaign, then the message, audience and sending steps. */
async function buildCampaign(
  page: Page,
  options: { name: string; draft: string; group: string; pasted?: string; pace: [number, number]; cap?: [limit: number, says: string]; shots?: boolean },
): Promise<void> {
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = editor(page);
  await expect(stepTitle(page)).toHaveText('What to send');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: options.draft });
  // The name follows the draft until changed.
  await expect(e.getByRole('textbox', { name: 'Campaign name' })).toHaveValue(options.draft);
  await e.getByRole('textbox', { name: 'Campaign name' }).fill(options.name);
  await expect(e.getByTestId('campaign-draft-summary')).toBeVisible();
  if (options.shots) await shot(page, 'form-1-message');
  // Enter in a box moves to the next step, as Next does.
  await e.getByRole('textbox', { name: 'Campaign name' }).press('Enter');

  await expect(stepTitle(page)).toHaveText('Who gets it');
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: new RegExp(options.group) }).check();
  if (options.pasted) await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill(options.pasted);
  await expect(e.getByTestId('audience-count')).toBeVisible();
  if (options.shots) await shot(page, 'form-2-audience');
  await next(page);

  await expect(stepTitle(page)).toHaveText('Which accounts send, and how fast');
  // The only (ready) account is already ticked.
  await expect(e.getByTestId('campaign-account').getByRole('checkbox')).toBeChecked();
  await customPace(page, options.pace[0], options.pace[1]);
  if (options.cap) {
    await e.getByTestId('pace-custom').getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill(String(options.cap[0]));
    await expect(e.getByTestId('pace-cap-help')).toContainText(options.cap[1]);
  }
  if (options.shots) await shot(page, 'form-3-sending');
  await next(page);

  await expect(stepTitle(page)).toHaveText('When to send');
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
}

const status = (page: Page) => page.getByTestId('campaign-detail').getByTestId('campaign-status').first();

const stat = (page: Page, id: string) => page.getByTestId(`stat-${id}`);

test('build a campaign for a group, start it and watch it complete', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });

  await goTo(page, 'Campaigns');
  const empty = page.getByTestId('campaigns-empty');
  await expect(empty).toContainText('No campaigns yet');
  await expect(empty.getByRole('button', { name: 'Write a draft' })).toBeVisible();
  await shot(page, 'list-empty');

  await linkDemoAccount(page, 'Shop phone');
  await importCustomers(page, dataDir, 'VIP', CUSTOMERS);
  await blacklist(page, BLACKLISTED[1]);
  // A variable with a fallback, an emoji from the picker and a picture.
  await writeDraft(page, 'Spring sale', 'Hello {{name}}! Spring sale in {{city|your city}} this week ', { emoji: '🎉', picture: 'spring.png' });

  // Also pasted: one number already in the group, and a line that is no number.
  await buildCampaign(page, {
    name: 'Spring VIP',
    draft: 'Spring sale',
    group: 'VIP',
    pasted: `${CUSTOMERS[0]![1]}\n12345`,
    pace: [0, 1],
    // The daily limit counts messages: the text and the picture are two.
    cap: [150, 'Counts messages, not people: a customer getting this 2-part draft uses 2.'],
    shots: true,
  });
  const e = editor(page);
  await expect(e.getByTestId('schedule-now')).toBeChecked();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).check();
  // A window past midnight is said in words.
  await e.getByTestId('hours-start').fill('22:00');
  await e.getByTestId('hours-end').fill('02:00');
  await expect(e.getByTestId('hours-midnight')).toContainText('past midnight');
  await shot(page, 'form-4-timing');
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await next(page);

  await expect(stepTitle(page)).toHaveText('Check and start');
  const preview = e.getByTestId('audience-preview');
  await expect(preview.getByTestId('audience-total')).toHaveText(`${REACHED.length} people will get this message`);
  await expect(preview.getByTestId('excluded-blacklist')).toHaveAttribute('data-value', '1');
  await expect(preview.getByTestId('excluded-blacklist')).toContainText('on the blacklist');
  await expect(preview.getByTestId('excluded-duplicates')).toContainText('listed more than once');
  await expect(preview.getByTestId('excluded-invalid')).toHaveAttribute('data-value', '1');
  await expect(preview.getByTestId('excluded-graylist')).toHaveCount(0);
  await preview.getByText('Pasted lines that are not phone numbers (1)').click();
  await expect(preview).toContainText('12345');
  await expect(preview.getByTestId('variable-gaps')).toContainText(/\d will see “your city”/);
  await expect(e.getByTestId('campaign-review')).toContainText('group “VIP”');
  await expect(e.getByTestId('campaign-review')).toContainText('Any day, any time');
  await expect(e.getByTestId('campaign-review')).toContainText('At most 150 messages a day per account');
  await expect(e.getByTestId('review-cap-estimate')).toHaveText('Per account: 150 messages a day ≈ 75 customers a day with this 2-part draft');
  await shot(page, 'form-5-review');

  // Saved first, not started: nothing is sent; it waits to be reviewed and started.
  await e.getByTestId('campaign-save-draft').click();
  const detail = page.getByTestId('campaign-detail');
  await expect(status(page)).toHaveText('Not started');
  await expect(detail.getByTestId('campaign-not-started')).toBeVisible();
  await detail.getByTestId('campaign-review-start').click();
  await expect(stepTitle(page)).toHaveText('Check and start');
  await expect(e.getByTestId('audience-total')).toHaveText(`${REACHED.length} people will get this message`);
  await e.getByTestId('campaign-start').click();
  await expect(detail.getByRole('heading', { name: 'Spring VIP' })).toBeVisible();
  await expect(status(page)).toHaveText('Completed', { timeout: 30_000 });
  await expect(stat(page, 'sent')).toHaveAttribute('data-value', String(REACHED.length - NOT_ON_WHATSAPP.length));
  await expect(stat(page, 'failed')).toHaveAttribute('data-value', String(NOT_ON_WHATSAPP.length));
  await expect(stat(page, 'queued')).toHaveAttribute('data-value', '0');
  await expect(detail.getByTestId('progress')).toContainText(`${REACHED.length} of ${REACHED.length} done`);

  // What "WhatsApp" got, from the demo phone's durable log: each reachable customer once, the
  // text with their name, the city or its fallback and the emoji, then the picture with its caption.
  const logFile = path.join(dataDir, 'simulator', 'account-1.jsonl');
  const log = fs
    .readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { to: string; kind: string; text: string; fileName?: string });
  const onWhatsApp = REACHED.filter((c) => !NOT_ON_WHATSAPP.includes(c));
  expect(log).toHaveLength(onWhatsApp.length * 2);
  for (const [name, phone] of onWhatsApp) {
    const mine = log.filter((r) => r.to === phone);
    expect(mine.map((r) => r.kind)).toEqual(['text', 'image']);
    const index = CUSTOMERS.findIndex(([n]) => n === name);
    const city = index % 2 === 0 ? 'Izmir' : 'your city';
    expect(mine[0]!.text).toBe(`Hello ${name}! Spring sale in ${city} this week 🎉`);
    expect(mine[1]!.fileName).toBe('spring.png');
    expect(mine[1]!.text).toBe(`Only this week, ${name.split(' ')[0]}`);
  }

  // The recipients: everyone but the blacklisted number, once each; the failed ones say why.
  const recipients = detail.getByTestId('recipients');
  await expect(recipients.getByTestId('recipient-row')).toHaveCount(REACHED.length);
  await expect(recipients.getByTestId('recipient-row').filter({ hasText: BLACKLISTED[0] })).toHaveCount(0);
  await recipients.getByTestId('recipients-filter').selectOption('failed');
  await expect(recipients.getByTestId('recipient-row')).toHaveCount(NOT_ON_WHATSAPP.length);
  for (const [name] of NOT_ON_WHATSAPP) {
    await expect(recipients.getByTestId('recipient-row').filter({ hasText: name })).toContainText(/Not on WhatsApp/i);
  }
  await recipients.getByTestId('recipients-filter').selectOption('all');
  await recipients.getByTestId('recipients-search').fill('Ayla');
  await expect(recipients.getByTestId('recipient-row')).toHaveCount(1);
  await recipients.getByTestId('recipients-search').fill('');
  await expect(recipients.getByTestId('recipient-row')).toHaveCount(REACHED.length);
  await shot(page, 'campaign-completed');

  // The list shows it with its figures.
  await detail.getByTestId('campaigns-back').click();
  const row = page.getByTestId('campaign-row').filter({ hasText: 'Spring VIP' });
  await expect(row.getByTestId('campaign-status')).toHaveText('Completed');
  await expect(row.getByTestId('count-sent')).toHaveAttribute('data-value', String(REACHED.length - NOT_ON_WHATSAPP.length));
  await expect(row.getByTestId('count-failed')).toHaveAttribute('data-value', String(NOT_ON_WHATSAPP.length));
  await shot(page, 'list');

  // A finished campaign can't be cancelled, but it can be deleted (after asking).
  await row.getByRole('button', { name: 'Spring VIP' }).click();
  await expect(detail.getByTestId('campaign-cancel')).toHaveCount(0);
  await detail.getByTestId('campaign-delete').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(`${REACHED.length} people`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();
});

test('pause, change the pace, resume and cancel a slower campaign; schedule a copy', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  const many: Customer[] = Array.from({ length: 12 }, (_, i) => [`Customer ${i + 1}`, `+9053211120${String(i + 11).padStart(2, '0')}`]);
  await linkDemoAccount(page, 'Shop phone');
  await importCustomers(page, dataDir, 'Everyone', many);
  await writeDraft(page, 'Opening hours', 'We are open late on Friday.');

  await buildCampaign(page, { name: 'Friday news', draft: 'Opening hours', group: 'Everyone', pace: [2, 3] });
  await next(page);
  await expect(editor(page).getByTestId('audience-total')).toHaveText('12 people will get this message');
  await editor(page).getByTestId('campaign-start').click();

  const detail = page.getByTestId('campaign-detail');
  await expect(status(page)).toHaveText('Running');
  await expect(page.getByTestId('nav-campaigns-running')).toHaveText('1');
  await expect.poll(async () => Number(await stat(page, 'sent').getAttribute('data-value'))).toBeGreaterThanOrEqual(2);
  await expect(detail.getByTestId('campaign-rate')).toContainText('messages a minute');
  await expect(detail.getByTestId('campaign-sender')).toHaveText('Shop phone');
  await expect(detail.getByTestId('campaign-eta')).toContainText(/about|less than/);
  if (SHOTS_DIR) await page.screenshot({ path: path.join(SHOTS_DIR, 'campaign-running.png') });
  await shot(page, 'campaign-running');

  // Pause: nothing more goes out.
  await detail.getByTestId('campaign-pause').click();
  await expect(status(page)).toHaveText('Paused');
  await expect(detail.getByTestId('campaign-reason')).toHaveText('Paused by you.');
  await expect(page.getByTestId('nav-campaigns-running')).toHaveCount(0);
  // A message already on its way when Pause was pressed may still land; then nothing more goes.
  await page.waitForTimeout(1_000);
  const sentWhenPaused = Number(await stat(page, 'sent').getAttribute('data-value'));
  await page.waitForTimeout(3_500);
  await expect(stat(page, 'sent')).toHaveAttribute('data-value', String(sentWhenPaused));

  // Change the pace while paused: it says it applies at once; Escape closes without saving.
  await detail.getByTestId('campaign-change-pace').click();
  let dialog = page.getByTestId('change-pace-dialog');
  await expect(dialog).toContainText('applies at once');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await detail.getByTestId('campaign-change-pace').click();
  dialog = page.getByTestId('change-pace-dialog');
  await dialog.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('4');
  await shot(page, 'change-pace', [[1280, 800]]);
  await dialog.getByTestId('pace-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'new pace' })).toBeVisible();
  await expect(detail.getByTestId('campaign-setup')).toContainText(/One message every 2\W*4\W*s/);

  await detail.getByTestId('campaign-resume').click();
  await expect(status(page)).toHaveText('Running');
  await expect.poll(async () => Number(await stat(page, 'sent').getAttribute('data-value'))).toBeGreaterThan(sentWhenPaused);

  // Cancel asks first and says who won't get it.
  await detail.getByTestId('campaign-cancel').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('will not get this message');
  await confirm.getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(status(page)).toHaveText('Cancelled');
  await expect.poll(async () => Number(await stat(page, 'skipped').getAttribute('data-value'))).toBeGreaterThan(0);
  const recipients = detail.getByTestId('recipients');
  await recipients.getByTestId('recipients-filter').selectOption('skipped');
  await expect(recipients.getByTestId('recipient-reason').first()).toHaveText('Not sent: the campaign was cancelled.');

  // Duplicate, then schedule the copy for tomorrow.
  await detail.getByTestId('campaign-duplicate').click();
  const e = editor(page);
  await expect(e.getByRole('textbox', { name: 'Campaign name' })).toHaveValue('Friday news (copy)');
  await e.getByRole('button', { name: /When/ }).click();
  await e.getByTestId('schedule-at').check();
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const date = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await e.getByTestId('schedule-date').fill(date);
  await e.getByTestId('schedule-time').fill('10:30');
  await next(page);
  await expect(e.getByTestId('campaign-start')).toHaveText(/^Schedule for .*10:30/);
  await e.getByTestId('campaign-start').click();
  await expect(status(page)).toHaveText('Scheduled');
  await expect(detail.getByTestId('campaign-not-started')).toBeVisible();
  await detail.getByTestId('campaigns-back').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: 'Friday news (copy)' }).getByTestId('campaign-status')).toHaveText('Scheduled');
  await expect(page.getByTestId('campaign-row').filter({ hasText: 'Friday news (copy)' })).toContainText('Starts');
  await shot(page, 'list-scheduled');

  // Now can be chosen for a scheduled campaign: saved that way it comes off the schedule, a draft again.
  await page.getByTestId('campaign-row').filter({ hasText: 'Friday news (copy)' }).getByRole('button', { name: 'Friday news (copy)' }).click();
  await detail.getByTestId('campaign-edit').click();
  await e.getByRole('button', { name: /When/ }).click();
  await expect(e.getByTestId('schedule-now')).toBeEnabled();
  await e.getByTestId('schedule-now').check();
  await expect(e).toContainText('Takes it off the schedule');
  await next(page);
  await expect(e.getByTestId('campaign-start')).toHaveText('Start now');
  await e.getByTestId('campaign-save-draft').click();
  await expect(status(page)).toHaveText('Not started');
  await expect(detail.getByTestId('campaign-start-now')).toHaveCount(0);
  // Scheduled again for tomorrow.
  await detail.getByTestId('campaign-edit').click();
  await e.getByRole('button', { name: /When/ }).click();
  await e.getByTestId('schedule-at').check();
  await e.getByTestId('schedule-date').fill(date);
  await e.getByTestId('schedule-time').fill('10:30');
  await next(page);
  await e.getByTestId('campaign-start').click();
  await expect(status(page)).toHaveText('Scheduled');
  await shot(page, 'campaign-scheduled');

  // Start now, before its time, after confirming: it runs at once.
  await detail.getByTestId('campaign-start-now').click();
  const startNow = page.getByTestId('confirm-dialog');
  await expect(startNow).toContainText('Start “Friday news (copy)” now?');
  await expect(startNow).toContainText(/scheduled for .*10:30/);
  await shot(page, 'campaign-start-now', [[1280, 800]]);
  // Cancelling the question leaves it scheduled.
  await startNow.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText('Scheduled');
  await detail.getByTestId('campaign-start-now').click();
  await startNow.getByRole('button', { name: 'Start now' }).click();
  await expect(status(page)).toHaveText(/Running|Completed/);
  await expect(page.getByTestId('toast').filter({ hasText: '“Friday news (copy)” started.' })).toBeVisible();
  await expect(detail.getByTestId('campaign-not-started')).toHaveCount(0);
  await expect.poll(async () => Number(await stat(page, 'sent').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
  await detail.getByTestId('campaign-cancel').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(status(page)).toHaveText(/Cancelled|Completed/);
});

test('a campaign for the contacts selected on the Contacts page, or everyone a search finds', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  await importCustomers(page, dataDir, 'VIP', CUSTOMERS);
  await writeDraft(page, 'Spring sale', 'Hello {{name}}!');

  // Three contacts picked one by one: New campaign… opens the form with them as the audience.
  await goTo(page, 'Contacts');
  const picked = CUSTOMERS.slice(0, 3).map(([name]) => name);
  for (const name of picked) {
    await page.getByTestId('contact-row').filter({ hasText: name }).getByRole('checkbox', { name }).check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await shot(page, 'contacts-new-campaign');
  await page.getByRole('button', { name: 'New campaign…' }).click();
  const e = editor(page);
  await expect(e.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await expect(stepTitle(page)).toHaveText('What to send');
  // The only draft is already chosen.
  await expect(e.getByRole('textbox', { name: 'Campaign name' })).toHaveValue('Spring sale');
  await next(page);
  await expect(stepTitle(page)).toHaveText('Who gets it');
  await expect(e.getByTestId('audience-picked-item')).toHaveCount(1);
  await expect(e.getByTestId('audience-picked-item')).toContainText('3 contacts picked on the Contacts page');
  await expect(e.getByTestId('audience-count')).toContainText('3 people will get this message');
  await shot(page, 'form-2-audience-picked');
  await next(page);
  await expect(stepTitle(page)).toHaveText('Which accounts send, and how fast');
  await next(page);
  await expect(stepTitle(page)).toHaveText('When to send');
  await next(page);
  await expect(stepTitle(page)).toHaveText('Check and start');
  await expect(e.getByTestId('review-audience')).toHaveText('3 contacts picked on the Contacts page');
  await expect(e.getByTestId('audience-total')).toHaveText('3 people will get this message');
  await shot(page, 'form-5-review-picked');
  // Saved as a draft, its set-up says who it is for.
  await e.getByTestId('campaign-save-draft').click();
  await expect(page.getByTestId('campaign-setup')).toContainText('3 contacts picked on the Contacts page');

  // Everyone a search finds (Ctrl+A selects all matching): the audience is the search itself.
  await goTo(page, 'Contacts');
  await page.getByTestId('contacts-search').fill('Izmir');
  await expect(page.getByTestId('contacts-count')).toHaveText('3 contacts');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).click();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'New campaign…' }).click();
  await expect(stepTitle(page)).toHaveText('What to send');
  await e.getByRole('textbox', { name: 'Campaign name' }).fill('Izmir customers');
  await next(page);
  const item = e.getByTestId('audience-picked-item');
  await expect(item).toContainText('Everyone matching “Izmir” (3)');
  await expect(e.getByTestId('audience-count')).toContainText('3 people will get this message');
  await shot(page, 'form-2-audience-query');
  // A group ticked as well adds its people; those in both get it once.
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /VIP/ }).check();
  await expect(e.getByTestId('audience-count')).toContainText('6 people will get this message');
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /VIP/ }).uncheck();
  await next(page);
  await next(page);
  await next(page);
  await expect(e.getByTestId('review-audience')).toHaveText('Everyone matching “Izmir” (3)');
  await expect(e.getByTestId('audience-total')).toHaveText('3 people will get this message');
  // The selection can be removed, like any other choice; then the step asks for someone.
  await e.getByRole('button', { name: 'Change People' }).click();
  await e.getByRole('button', { name: 'Remove “Everyone matching “Izmir” (3)”' }).click();
  await expect(item).toHaveCount(0);
  await expect(e.getByText('Tip: to send to people found or picked on the Contacts page')).toBeVisible();
  await next(page);
  await expect(e.getByTestId('campaign-issues')).toContainText('pick people on the Contacts page');
});

test('an account blocked mid-campaign pauses it, and the notice shows on any page', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const many: Customer[] = Array.from({ length: 10 }, (_, i) => [`Guest ${i + 1}`, `+9053211130${String(i + 11).padStart(2, '0')}`]);
  await linkDemoAccount(page, 'Shop phone');
  await importCustomers(page, dataDir, 'Guests', many);
  await writeDraft(page, 'Invitation', 'You are invited!');
  await buildCampaign(page, { name: 'Invitations', draft: 'Invitation', group: 'Guests', pace: [2, 3] });
  await next(page);
  await editor(page).getByTestId('campaign-start').click();
  await expect(status(page)).toHaveText('Running');
  await expect.poll(async () => Number(await stat(page, 'sent').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);

  // On another page, WhatsApp blocks the account.
  await goTo(page, 'Accounts');
  const card = accountCard(page, 'Shop phone');
  await card.getByTestId('demo-phone').getByRole('button', { name: 'Get blocked' }).click();
  const notice = page.getByTestId('toast').filter({ hasText: 'Paused: WhatsApp blocked the account' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('campaign-detail').getByRole('heading', { name: 'Invitations' })).toBeVisible();
  await expect(status(page)).toHaveText('Paused');
  await expect(page.getByTestId('campaign-reason')).toContainText('blocked the account');
  await expect(page.getByTestId('campaign-setup')).toContainText('Blocked');
});

/**
 * A campaign's report, as the operator: finish a demo campaign, open its report from the campaign,
 * check its figures against the demo phone's durable log (what "WhatsApp" received), filter the
 * failed ones (by chip and by reason), list the excluded, sort, and make a group of the failed.
 * The demo phone says numbers ending in 0 are not on WhatsApp, so those end as failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { goTo, importFile, linkDemoAccount, screenshots } from './helpers';

const shot = (page: Page, name: string, scrollTo?: string) =>
  screenshots(page, `report-${name}`, {
    settle: async () => {
      if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
    },
  });

type Customer = [name: string, phone: string];
const CUSTOMERS: Customer[] = [
  ['Ayla Demir', '+905321110001'],
  ['Burak Şahin', '+905321110010'],
  ['Cem Yıldız', '+905321110002'],
  ['Deniz Arslan', '+905321110020'],
  ['Ece Koç', '+905321110003'],
  ['Fatih Aydın', '+905321110004'],
  ['Gül Kaya', '+905321110005'],
  ['Hakan Öz', '+905321110006'],
];
const BLACKLISTED = CUSTOMERS[5]!;
const REACHED = CUSTOMERS.filter((c) => c !== BLACKLISTED);
const NOT_ON_WHATSAPP = REACHED.filter(([, phone]) => phone.endsWith('0'));

/** The demo account, the customers in group VIP (one blacklisted), a draft, and a campaign started at this pace. */
async function startCampaign(page: Page, dataDir: string, pace: [number, number]): Promise<void> {
  await linkDemoAccount(page, 'Shop phone');
  const csv = ['Name,Phone', ...CUSTOMERS.map(([n, p]) => `${n},${p}`)].join('\n');
  expect((await importFile(page, writeTempFile(dataDir, 'vip.csv', csv), { target: 'newGroup', groupName: 'VIP' })).added).toBe(CUSTOMERS.length);
  await goTo(page, 'Blacklist');
  await page.getByTestId('suppr-add-text').fill(BLACKLISTED[1]);
  await page.getByTestId('suppr-add-submit').click();
  await expect(page.getByTestId('suppr-add-result')).toContainText(/Added 1/);

  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const draft = page.getByTestId('draft-editor');
  await draft.getByTestId('draft-name').fill('Winter sale');
  await draft.getByTestId('part-text-input').first().fill('Hello {{name}}, winter sale this week.');
  await draft.getByTestId('draft-save').click();
  await expect(draft.getByTestId('draft-state')).toHaveText('All changes saved');

  // The campaign: the group, a quick custom pace, any time.
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Winter sale' });
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /VIP/ }).check();
  await expect(e.getByTestId('audience-count')).toBeVisible();
  await e.getByTestId('campaign-next').click();
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill(String(pace[0]));
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill(String(pace[1]));
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('0');
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await expect(e.getByTestId('audience-total')).toHaveText(`${REACHED.length} people will get this message`);
  await e.getByTestId('campaign-start').click();
}

test('finish a campaign, open its report, check it against the demo phone, make a group of the failed', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  test.setTimeout(120_000);

  await startCampaign(page, dataDir, [0, 1]);
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Completed', { timeout: 60_000 });

  // What "WhatsApp" received, from the demo phone's durable log.
  const log = fs
    .readFileSync(path.join(dataDir, 'simulator', 'account-1.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { to: string });
  const received = [...new Set(log.map((r) => r.to))].sort();
  expect(received).toEqual(REACHED.filter((c) => !NOT_ON_WHATSAPP.includes(c)).map(([, p]) => p).sort());

  // The report, from the campaign.
  await detail.getByTestId('campaign-report').click();
  const report = page.getByTestId('report-page');
  await expect(report.getByRole('heading', { name: 'Report: Winter sale' })).toBeVisible();
  await expect(report.getByTestId('funnel-recipients')).toHaveAttribute('data-value', String(REACHED.length));
  await expect(report.getByTestId('funnel-sent')).toHaveAttribute('data-value', String(received.length));
  await expect(report.getByTestId('rate-sent')).toHaveText(`${Math.round((received.length / REACHED.length) * 100)}% of recipients`);
  await expect(report.getByTestId('side-failed')).toHaveAttribute('data-value', String(NOT_ON_WHATSAPP.length));
  await expect(report.getByTestId('side-excluded')).toHaveAttribute('data-value', '1');
  // Everything that reached the phone is delivered once its receipts are in (they come after the send).
  await expect(async () => {
    await report.getByTestId('report-refresh').click();
    await expect(report.getByTestId('funnel-delivered')).toHaveAttribute('data-value', String(received.length), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(report.getByTestId('delay-delivered')).toContainText(/^Half were delivered within .+, 9 in 10 within .+\.$/);
  const accountRow = report.getByTestId('report-accounts').getByTestId('account-row');
  await expect(accountRow).toHaveCount(1);
  await expect(accountRow.locator('td').nth(0)).toHaveText('Shop phone');
  await expect(accountRow.locator('td').nth(1)).toHaveText(String(received.length));
  await expect(accountRow.locator('td').nth(4)).toHaveText(String(NOT_ON_WHATSAPP.length));
  await expect(report.getByTestId('report-chart').locator('canvas').first()).toBeVisible();
  await expect(report.getByTestId('report-window')).toHaveValue('72');

  // The table: everyone reached; the phones it says were sent are the ones in the log.
  const rows = report.getByTestId('report-row');
  await expect(report.getByTestId('report-count')).toHaveAttribute('data-value', String(REACHED.length));
  await expect(rows).toHaveCount(REACHED.length);
  const shownSent = (await rows.evaluateAll((els) => els.filter((el) => el.getAttribute('data-status') !== 'failed').map((el) => el.querySelector('[data-testid="report-phone"]')?.textContent ?? '')))
    .map((p) => p.replace(/\D/g, ''))
    .sort();
  expect(shownSent).toEqual(received.map((p) => p.replace(/\D/g, '')));
  await shot(page, 'completed');
  await shot(page, 'table', 'report-recipients');

  // Sorting by name, Z to A.
  await report.getByTestId('rsort-name').click();
  await expect(report.getByTestId('rsort-name')).toHaveText('Name ▼');
  const firstName = () => rows.evaluateAll((els) => [...els].sort((a, b) => (a as HTMLElement).offsetTop - (b as HTMLElement).offsetTop)[0]?.querySelector('[data-testid="report-name"]')?.textContent);
  await expect.poll(firstName).toBe([...REACHED].map(([n]) => n).sort((a, b) => b.localeCompare(a))[0]);

  // The excluded: the blacklisted one, with why.
  await report.getByTestId('chip-excluded').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(BLACKLISTED[0]);
  await expect(rows.first().getByTestId('recipient-status')).toHaveText('Excluded');

  // The failed: by chip, then by their reason.
  await report.getByTestId('chip-failed').click();
  await expect(rows).toHaveCount(NOT_ON_WHATSAPP.length);
  for (const [name] of NOT_ON_WHATSAPP) await expect(rows.filter({ hasText: name })).toContainText(/Not on WhatsApp/i);
  await report.getByTestId('chip-all').click();
  await expect(rows).toHaveCount(REACHED.length);
  await report.getByTestId('report-failures').getByTestId('failure-reason').first().click();
  await expect(report.getByTestId('report-reason')).toBeVisible();
  await expect(rows).toHaveCount(NOT_ON_WHATSAPP.length);
  await shot(page, 'failed', 'report-recipients');

  // A group of them, and the toast's link opens it.
  await report.getByTestId('report-to-group').click();
  const dialog = page.getByTestId('report-group-dialog');
  await dialog.getByTestId('report-group-name').fill('Winter – not on WhatsApp');
  await dialog.getByTestId('report-group-submit').click();
  await expect(dialog).toHaveCount(0);
  const toast = page.getByTestId('toast').filter({ hasText: 'Group “Winter – not on WhatsApp” made with 2 contacts.' });
  await expect(toast.first()).toBeVisible();
  await toast.first().getByRole('button', { name: 'Open the group' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText('2 contacts');
  for (const [name] of NOT_ON_WHATSAPP) await expect(page.getByTestId('contact-row').filter({ hasText: name })).toHaveCount(1);
});

test('the report follows a running campaign live, and says when its draft was deleted; send again to the failed', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  test.setTimeout(120_000);
  await startCampaign(page, dataDir, [4, 5]);
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Running');
  await detail.getByTestId('campaign-report').click();
  const report = page.getByTestId('report-page');
  await expect(report.getByTestId('report-live')).toBeVisible();
  const sent = async () => Number(await report.getByTestId('funnel-sent').getAttribute('data-value'));
  const before = await sent();
  expect(before).toBeLessThan(REACHED.length - NOT_ON_WHATSAPP.length);
  // The table as it first shows: some still waiting (read now, not waited for: the campaign moves on).
  await expect(report.getByTestId('report-row').first()).toBeVisible();
  const notSent = '[data-testid="report-row"][data-status="queued"], [data-testid="report-row"][data-status="sending"]';
  const waitingAtFirst = await report.locator(notSent).count();
  await shot(page, 'running');
  // No click: the figures and the table move as messages go out.
  await expect.poll(sent, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(report.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 60_000 });
  await expect.poll(sent, { timeout: 10_000 }).toBe(REACHED.length - NOT_ON_WHATSAPP.length);
  await expect(report.getByTestId('report-live')).toHaveCount(0);
  // The table followed too (no click): nobody waits any more, the failed are there.
  expect(waitingAtFirst).toBeGreaterThan(0);
  await expect(report.locator(notSent)).toHaveCount(0);
  await expect(report.locator('[data-testid="report-row"][data-status="failed"]')).toHaveCount(NOT_ON_WHATSAPP.length);
  await expect(report.getByTestId('report-missing')).toHaveCount(0);

  // The draft goes; the report still opens and says so.
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-item').filter({ hasText: 'Winter sale' }).click();
  await page.getByTestId('draft-editor').getByTestId('draft-delete').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  // Campaigns shows again the report left open, read afresh.
  await goTo(page, 'Campaigns');
  await expect(report.getByTestId('report-missing')).toHaveText('The draft “Winter sale” has been deleted since; the message it sent is kept with the campaign.');
  await expect(report.getByTestId('funnel-recipients')).toHaveAttribute('data-value', String(REACHED.length));
  await shot(page, 'draft-deleted');
  // Back to the campaign, and to its report again.
  await report.getByTestId('report-back').click();
  await page.getByTestId('campaign-detail').getByTestId('campaign-report').click();
  await expect(report.getByTestId('report-missing')).toBeVisible();

  // Send again to the failed ones: a new campaign to them, opened to check and start.
  await report.getByTestId('report-retry-failed').click();
  const e = page.getByTestId('campaign-editor');
  await expect(e).toBeVisible();
  await expect(e.getByRole('heading', { level: 1 })).toHaveText('Edit “Winter sale – failed ones again”');
  await expect(e.locator('#campaign-step-title')).toHaveText('Check and start');
});

/**
 * Move to another computer, as the operator: on one Pigeon, import customers into a group, link a
 * demo account, send a campaign to the group until it is completed and note its figures; export
 * everything to one .pigeon file (Settings → Backups). Then a second Pigeon (another host on a new,
 * empty data folder, in another page) refuses a text file renamed .pigeon, imports the real file,
 * restores it, and shows the same contacts, the campaign completed and its report with the same
 * figures. The demo phone says numbers ending in 0 are not on WhatsApp, so those end as failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, skipWelcome, startHost, stopHost, test, writeTempFile } from './fixtures';
import { expectContactsCount, fastestCustomPace, goTo, importFile, linkDemoAccount, screenshots, writeTextDraft } from './helpers';

// A quicker demo phone: every receipt, read and reply of the story of a message has come within
// about a second of its send, so the figures settle soon after the campaign completes.
test.use({ simSpeed: 50 });

type Customer = [name: string, phone: string];
const CUSTOMERS: Customer[] = [
  ['Ayla Demir', '+905321110001'],
  ['Burak Şahin', '+905321110010'],
  ['Cem Yıldız', '+905321110002'],
  ['Deniz Arslan', '+905321110003'],
  ['Ece Koç', '+905321110004'],
];
const NOT_ON_WHATSAPP = CUSTOMERS.filter(([, phone]) => phone.endsWith('0'));
const CAMPAIGN = 'Spring news';

const archiveArea = (page: Page) => page.getByTestId('archive');
const shotArchive = (page: Page, name: string) =>
  screenshots(page, `archive-${name}`, { settle: async () => void (await archiveArea(page).evaluate((el) => el.scrollIntoView({ block: 'center' }))) });

/** Every figure of a report (its funnel and the outcomes beside it), by test id. */
function reportFigures(report: Locator): Promise<Record<string, number>> {
  return report
    .locator('[data-testid^="funnel-"], [data-testid^="side-"]')
    .evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-testid') ?? '', Number(el.getAttribute('data-value'))])));
}

/** The figures of a campaign's row in the list (sent, delivered, read, failed, skipped…), by test id. */
function rowFigures(row: Locator): Promise<Record<string, number>> {
  return row
    .locator('[data-testid^="count-"]')
    .evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-testid') ?? '', Number(el.getAttribute('data-value'))])));
}

/** From the Campaigns list (where the Campaigns page was left): the campaign's detail, then its report. */
async function openReport(page: Page, name: string): Promise<Locator> {
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-row').filter({ hasText: name }).getByRole('button', { name }).click();
  await page.getByTestId('campaign-detail').getByTestId('campaign-report').click();
  const report = page.getByTestId('report-page');
  await expect(report.getByRole('heading', { name: `Report: ${name}` })).toBeVisible();
  return report;
}

test('export everything, import it into a fresh Pigeon and see the same contacts, campaigns and reports', async ({ pigeon, browser }) => {
  test.setTimeout(180_000);
  const { page, dataDir } = pigeon;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-e2e-archive-'));
  const secondDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-e2e-second-'));
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  let secondPage: Page | null = null;
  try {
    // The first Pigeon: customers in a group, a demo account, a draft, a campaign sent to the end.
    const csv = ['Name,Phone', ...CUSTOMERS.map(([n, p]) => `${n},${p}`)].join('\n');
    const stats = await importFile(page, writeTempFile(dataDir, 'customers.csv', csv), { target: 'newGroup', groupName: 'Regulars' });
    expect(stats.added).toBe(CUSTOMERS.length);
    await linkDemoAccount(page, 'Shop phone');
    await writeTextDraft(page, 'Spring', 'Hello {{name}}, the spring menu is out.');

    await goTo(page, 'Campaigns');
    await page.getByTestId('campaign-new').click();
    const e = page.getByTestId('campaign-editor');
    await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Spring' });
    await e.getByRole('textbox', { name: 'Campaign name' }).fill(CAMPAIGN);
    await e.getByTestId('campaign-next').click();
    await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /Regulars/ }).check();
    await expect(e.getByTestId('audience-count')).toBeVisible();
    await e.getByTestId('campaign-next').click();
    await expect(e.getByTestId('campaign-account').getByRole('checkbox')).toBeChecked();
    await fastestCustomPace(e);
    await e.getByTestId('campaign-next').click();
    await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
    await e.getByTestId('campaign-next').click();
    await expect(e.getByTestId('audience-total')).toHaveText(`${CUSTOMERS.length} people will get this message`);
    await e.getByTestId('campaign-start').click();
    const detail = page.getByTestId('campaign-detail');
    await expect(detail.getByTestId('campaign-status').first()).toHaveText('Completed', { timeout: 60_000 });
    await expect(detail.getByTestId('stat-sent')).toHaveAttribute('data-value', String(CUSTOMERS.length - NOT_ON_WHATSAPP.length));
    await expect(detail.getByTestId('stat-failed')).toHaveAttribute('data-value', String(NOT_ON_WHATSAPP.length));

    // Its report, once every receipt (and any read or reply) is in: the same figures twice in a row.
    await detail.getByTestId('campaign-report').click();
    const report = page.getByTestId('report-page');
    await expect(report.getByRole('heading', { name: `Report: ${CAMPAIGN}` })).toBeVisible();
    let figures: Record<string, number> = {};
    await expect(async () => {
      await report.getByTestId('report-refresh').click();
      const now = await reportFigures(report);
      const settled = JSON.stringify(now) === JSON.stringify(figures);
      figures = now;
      expect(now['funnel-recipients']).toBe(CUSTOMERS.length);
      expect(now['funnel-sent']).toBe(CUSTOMERS.length - NOT_ON_WHATSAPP.length);
      expect(now['funnel-delivered']).toBe(now['funnel-sent']);
      expect(now['side-failed']).toBe(NOT_ON_WHATSAPP.length);
      expect(settled).toBe(true);
    }).toPass({ intervals: [1_500], timeout: 30_000 });
    // Back to the list (the Campaigns page stays on the report otherwise).
    await report.getByTestId('report-back').click();
    await detail.getByTestId('campaigns-back').click();
    const firstRow = page.getByTestId('campaign-row').filter({ hasText: CAMPAIGN });
    await expect(firstRow.getByTestId('campaign-status')).toHaveText('Completed');
    await expect(firstRow.getByTestId('count-delivered')).toHaveAttribute('data-value', String(figures['funnel-delivered']));
    const listFigures = await rowFigures(firstRow);

    // Export everything to a file outside the home folder.
    await goTo(page, 'Settings');
    const area = archiveArea(page);
    await expect(area.getByRole('heading', { name: 'Move to another computer' })).toBeVisible();
    const exportTo = area.getByRole('textbox', { name: 'Export to' });
    await expect(exportTo).toHaveValue(new RegExp(`^${os.homedir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+\\.pigeon$`));
    const file = path.join(outside, 'Moving day.pigeon');
    await exportTo.fill(file);
    await shotArchive(page, 'export');
    await area.getByRole('button', { name: 'Export everything' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: /^Exported .+ to / })).toHaveText(new RegExp(`Exported .+ to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    // Nothing moved on the first Pigeon while it was written.
    const firstReport = await openReport(page, CAMPAIGN);
    await expect.poll(() => reportFigures(firstReport)).toEqual(figures);

    // The second Pigeon: another host on an empty data folder, opened in a page of its own.
    second = await startHost(secondDataDir, 50);
    secondPage = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const p2 = secondPage;
    await p2.goto(second.url);
    await expect(p2.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await skipWelcome(p2);
    await goTo(p2, 'Contacts');
    await expectContactsCount(p2, 0);
    await goTo(p2, 'Settings');
    const area2 = archiveArea(p2);
    const importFrom = area2.getByRole('textbox', { name: 'Import from' });
    const restoreDialog = p2.getByTestId('restore-dialog');

    // A text file renamed .pigeon is refused in words, and nothing is offered to restore.
    const fake = writeTempFile(outside, 'notes.pigeon', 'Shopping list: flour, eggs, milk.\n');
    await importFrom.fill(fake);
    await area2.getByRole('button', { name: 'Import everything…' }).click();
    await expect(area2.getByRole('alert')).toContainText('not a Pigeon export');
    await expect(restoreDialog).toHaveCount(0);
    await expect(p2.getByTestId('backup-none')).toHaveText('No backup yet.');
    await shotArchive(p2, 'refused');

    // The real file: the dialog says what it holds; Restore.
    await importFrom.fill(file);
    await area2.getByRole('button', { name: 'Import everything…' }).click();
    await expect(restoreDialog).toContainText(`It holds ${CUSTOMERS.length} contacts, 1 group, 1 draft and 1 campaign.`);
    await screenshots(p2, 'archive-restore-dialog');
    await restoreDialog.getByRole('button', { name: 'Restore' }).click();
    const restored = p2.getByTestId('backup-restored');
    await expect(restored).toContainText('Restored the backup of', { timeout: 30_000 });
    await expect(restoreDialog).toHaveCount(0);
    await screenshots(p2, 'archive-restored', { settle: async () => void (await restored.evaluate((el) => el.scrollIntoView({ block: 'center' }))) });

    // The same customers.
    await goTo(p2, 'Contacts');
    await expectContactsCount(p2, CUSTOMERS.length);
    for (const [name] of CUSTOMERS) await expect(p2.getByTestId('contact-row').filter({ hasText: name })).toHaveCount(1);
    await screenshots(p2, 'archive-second-contacts');

    // The campaign, still completed, with the same figures in the list and in its report.
    await goTo(p2, 'Campaigns');
    const secondRow = p2.getByTestId('campaign-row').filter({ hasText: CAMPAIGN });
    await expect(secondRow).toHaveCount(1);
    await expect(secondRow.getByTestId('campaign-status')).toHaveText('Completed');
    await expect.poll(() => rowFigures(secondRow)).toEqual(listFigures);
    await screenshots(p2, 'archive-second-campaigns');
    const secondReport = await openReport(p2, CAMPAIGN);
    await expect.poll(() => reportFigures(secondReport)).toEqual(figures);
    await screenshots(p2, 'archive-second-report');
  } finally {
    await secondPage?.context().close();
    if (second) await stopHost(second.child);
    fs.rmSync(secondDataDir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

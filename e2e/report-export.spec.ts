/**
 * Exporting campaign reports as a user, from the campaigns list and from the report page: send a small demo campaign, tick it, "Export selected", save the .xlsx and read it back:
 * a summary, the recipients (each number the campaign had, with its status and a real date for
 * "sent") and the failures (the number the demo phone says is not on WhatsApp).
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';
import { fastestCustomPace, goTo, linkDemoAccount, writeTextDraft, screenshots } from './helpers';

/** Four on WhatsApp, and one ending in 0 (the demo phone says it is not). */
const PHONES = ['+905321230001', '+905321230002', '+905321230003', '+905321230004', '+905321230010'];

const shot = (page: Page, name: string) => screenshots(page, name);

/** A draft and a campaign to the pasted numbers at the fastest pace, started and finished. */
async function sendSmallCampaign(page: Page, name: string): Promise<void> {
  await writeTextDraft(page, `${name} text`, 'New opening hours from Monday.');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: `${name} text` });
  await e.getByRole('textbox', { name: 'Campaign name' }).fill(name);
  await e.getByTestId('campaign-next').click();
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill(PHONES.join('\n'));
  await expect(e.getByTestId('audience-count')).toContainText('5 people will get this message');
  await e.getByTestId('campaign-next').click();
  await fastestCustomPace(e);
  await e.getByTestId('campaign-next').click();
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-start').click();
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Completed', { timeout: 60_000 });
  await detail.getByTestId('campaigns-back').click();
}

test('export a finished campaign from the list and read the workbook back', async ({ pigeon }) => {
  const { page } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  await sendSmallCampaign(page, '=Opening hours');

  const row = page.getByTestId('campaign-row').filter({ hasText: 'Opening hours' });
  await expect(page.getByTestId('campaigns-export-selected')).toHaveCount(0);
  await row.getByTestId('campaign-pick').check();
  await page.getByTestId('campaigns-export-selected').click();
  const dialog = page.getByTestId('report-export-dialog');
  await expect(dialog).toContainText('a summary sheet');
  await shot(page, 'report-export-dialog');

  const downloadPromise = page.waitForEvent('download');
  await dialog.getByTestId('report-export-start').click();
  const download = await downloadPromise;
  await expect(dialog).toHaveCount(0);
  expect(download.suggestedFilename()).toMatch(/^=Opening hours report \d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByTestId('toast').filter({ hasText: `Saved ${download.suggestedFilename()}` }).last()).toBeVisible();

  const wb = XLSX.read(fs.readFileSync(await download.path()), { cellNF: true });
  expect(wb.SheetNames).toEqual(['Summary', 'Recipients', 'Failures']);
  const rows = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });

  // The campaign's name starts with "=": neutralised in the file, never a formula.
  const summary = rows('Summary');
  expect(summary).toContainEqual(expect.arrayContaining(['Campaign', "'=Opening hours"]));
  expect(summary.find((r) => r[0] === 'Recipients')?.[1]).toBe(5);
  expect(summary.find((r) => r[0] === 'Failed')?.[1]).toBe(1);

  const recipients = rows('Recipients');
  expect(recipients[0]).toEqual(['Name', 'Phone', 'Status', 'Reason', 'Account', 'Sent', 'Delivered', 'Read', 'Replied']);
  expect(recipients.slice(1).map((r) => String(r[1]).replace(/^'/, '')).sort()).toEqual([...PHONES].sort());
  const failed = recipients.find((r) => String(r[1]).endsWith('0010'));
  expect(failed?.[2]).toBe('failed');
  const sent = recipients.find((r) => String(r[1]).endsWith('0001'));
  expect(sent?.[4]).toBe('Shop phone');
  // "Sent" is a date cell (a number with a date format), not text.
  const sheet = wb.Sheets.Recipients as XLSX.WorkSheet;
  const sentRow = recipients.indexOf(sent as unknown[]) + 1;
  const cell = sheet[`F${sentRow}`] as XLSX.CellObject;
  expect(cell.t).toBe('n');
  expect(String(cell.z)).toContain('yyyy');

  const failures = rows('Failures');
  expect(failures.some((r) => typeof r[1] === 'string' && r[1].endsWith('0010'))).toBe(true);

  // From the report page: Export… → CSV, whose rows are the people the report's table shows.
  await row.getByRole('button', { name: 'Opening hours' }).click();
  await page.getByTestId('campaign-detail').getByTestId('campaign-report').click();
  const report = page.getByTestId('report-page');
  await expect(report.getByTestId('report-count')).toHaveAttribute('data-value', '5');
  await report.getByTestId('report-export').click();
  const again = page.getByTestId('report-export-dialog');
  await shot(page, 'report-export-from-report');
  await again.getByTestId('report-export-csv').check();
  const csvPromise = page.waitForEvent('download');
  await again.getByTestId('report-export-start').click();
  const csv = await csvPromise;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = fs.readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
  expect(lines[0]?.replace(/^\ufeff/, '')).toBe('Name,Phone,Status,Reason,Account,Sent,Delivered,Read,Replied');
  expect(lines).toHaveLength(1 + PHONES.length);
  const screenRows = await report.getByTestId('report-row').count();
  expect(screenRows).toBe(PHONES.length);
  for (const phone of PHONES) expect(lines.some((l) => l.includes(phone))).toBe(true);
});

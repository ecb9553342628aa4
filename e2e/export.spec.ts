/** Exporting the contact book as .xlsx and .csv, formula neutralisation, and the round trip back in. */
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseImportFile, expectContactsCount, finishImport, goTo, importFile, importMessy, messyExpectations, readDownload } from './helpers';

const expected = messyExpectations();
const FORMULA_NAME = '=HYPERLINK("http://x")';

async function seed(page: Page, dataDir: string): Promise<void> {
  const stats = await importMessy(page, dataDir);
  expect(stats.added).toBe(expected.added);
  await goTo(page, 'Contacts');
  await expectContactsCount(page, expected.added);
}

async function exportAll(page: Page, format: 'xlsx' | 'csv'): Promise<Download> {
  await page.getByTestId('contacts-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`All contacts (${expected.added})`);
  await dialog.getByTestId('export-scope-all').check();
  await dialog.getByTestId(`export-format-${format}`).check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByTestId('export-start').click();
  const download = await downloadPromise;
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: `Saved ${download.suggestedFilename()}` }).last()).toBeVisible();
  return download;
}

/** Rows of the sheet as objects keyed by header. */
function records(sheet: string[][]): Record<string, string>[] {
  const [headers = [], ...rows] = sheet;
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}

function checkExportedSheet(sheet: string[][]): void {
  const headers = sheet[0] ?? [];
  expect(headers[0]).toBe('Phone');
  expect(headers[1]).toBe('Name');
  expect(headers).toEqual(expect.arrayContaining(['City', 'Birthday', 'Tags', 'Note']));
  const recs = records(sheet);
  expect(recs).toHaveLength(expected.added);

  // Every valid number is there once, in E.164; they start with "+", so they carry the apostrophe.
  const phones = recs.map((r) => r.Phone ?? '');
  const wanted = expected.validRows.map((r) => ('e164' in r.expected ? r.expected.e164 : ''));
  expect(phones.map((p) => p.replace(/^'/, '')).sort()).toEqual([...wanted].sort());
  for (const p of phones) expect(p).toMatch(/^'\+\d+$/);

  // The formula-like name and the "@" note are neutralised; ordinary text is untouched.
  const formula = recs.find((r) => (r.Name ?? '').includes('HYPERLINK'));
  expect(formula?.Name).toBe(`'${FORMULA_NAME}`);
  expect(formula?.Note).toBe("'@evil");
  const ayse = recs.find((r) => r.Name === 'Ayşe Yılmaz');
  expect(ayse).toMatchObject({ City: 'İstanbul', Birthday: '15.03.1990', Tags: 'vip', Note: 'Prefers mornings' });
  expect(recs.find((r) => r.Name === 'علی رضایی')).toMatchObject({ City: 'تهران', Note: 'یادداشت' });
  expect(recs.find((r) => r.Name === 'Dewi Lestari 🌸')?.Phone).toBe("'+6281234567890");
  expect(recs.find((r) => r.Name === 'Kaya; Emre')).toMatchObject({ Note: 'Quote "inside" note', City: 'Eskişehir' });
}

test('export all contacts as .xlsx: one row per contact, formulas neutralised', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await seed(page, dataDir);
  const download = await exportAll(page, 'xlsx');
  expect(download.suggestedFilename()).toMatch(/^Pigeon contacts \d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip, i.e. a real .xlsx
  checkExportedSheet(await readDownload(download));
});

test('export all contacts as .csv (UTF-8 with BOM): same rows, formulas neutralised', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await seed(page, dataDir);
  const download = await exportAll(page, 'csv');
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('علی رضایی');
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  checkExportedSheet(await readDownload(download));

  // The CSV reads back in as updates, with nothing rejected.
  const file = `${dataDir}/exported.csv`;
  await download.saveAs(file);
  await chooseImportFile(page, file);
  await expect(page.getByTestId('import-role-0')).toHaveValue('phone');
  expect(await finishImport(page, { duplicates: 'update' })).toEqual({ added: 0, updated: expected.added, skipped: 0, rejected: 0, duplicates: 0 });
});

test('export only the contacts matching a search, and only the selected ones', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await seed(page, dataDir);
  await page.getByTestId('contacts-search').fill('0532');
  await expectContactsCount(page, 3);
  await page.getByTestId('contacts-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-scope-filtered')).toBeChecked();
  await expect(dialog).toContainText('Those matching the current search and filters (3)');
  let downloadPromise = page.waitForEvent('download');
  await dialog.getByTestId('export-start').click();
  let sheet = await readDownload(await downloadPromise);
  expect(records(sheet).map((r) => r.Name).sort()).toEqual([FORMULA_NAME, 'Ayşe Yılmaz', 'İbrahim Ünal'].map((n) => (n.startsWith('=') ? `'${n}` : n)).sort());

  await page.getByTestId('contact-row').filter({ hasText: 'İbrahim Ünal' }).getByRole('checkbox').check();
  await page.getByTestId('contacts-export').click();
  await expect(dialog.getByTestId('export-scope-selected')).toBeChecked();
  downloadPromise = page.waitForEvent('download');
  await dialog.getByTestId('export-start').click();
  sheet = await readDownload(await downloadPromise);
  expect(records(sheet).map((r) => r.Name)).toEqual(['İbrahim Ünal']);
});

test('round trip: the exported .xlsx imports back with nothing rejected, as updates and into an empty book', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await seed(page, dataDir);
  const download = await exportAll(page, 'xlsx');
  const file = `${dataDir}/exported.xlsx`;
  await download.saveAs(file);

  // 1. Back into the same book with "update": every row matches an existing contact.
  await chooseImportFile(page, file);
  await expect(page.getByTestId('import-role-0')).toHaveValue('phone');
  await expect(page.getByTestId('import-role-1')).toHaveValue('name');
  const again = await finishImport(page, { duplicates: 'update' });
  expect(again).toEqual({ added: 0, updated: expected.added, skipped: 0, rejected: 0, duplicates: 0 });

  // Updating from our own export changed nothing a person would see: no apostrophes crept in.
  await goTo(page, 'Contacts');
  await expectContactsCount(page, expected.added);
  await expect(page.getByTestId('contact-row').filter({ hasText: FORMULA_NAME })).toHaveCount(1);
  await expect(page.getByTestId('contact-row').filter({ hasText: `'${FORMULA_NAME}` })).toHaveCount(0);

  // 2. Empty the book (select all, delete) and import the export into it.
  await page.getByRole('checkbox', { name: `Select all ${expected.added} matching` }).check();
  await expect(page.getByTestId('selected-count')).toHaveText(`${expected.added} selected`);
  await page.getByTestId('bulk-delete').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expectContactsCount(page, 0);

  const fresh = await importFile(page, file);
  expect(fresh).toEqual({ added: expected.added, updated: 0, skipped: 0, rejected: 0, duplicates: 0 });
  await goTo(page, 'Contacts');
  await expectContactsCount(page, expected.added);

  // The contacts came back as they were: names, fields, tags and notes.
  const formulaRow = page.getByTestId('contact-row').filter({ hasText: 'HYPERLINK' });
  await expect(formulaRow.locator('[role="gridcell"]').nth(1)).toHaveText(FORMULA_NAME);
  await formulaRow.click();
  await expect(page.getByTestId('contact-detail').getByRole('textbox', { name: 'Note' })).toHaveValue('@evil');
  await page.getByTestId('contacts-search').fill('Ayşe');
  const ayse = page.getByTestId('contact-row').filter({ hasText: 'Ayşe Yılmaz' });
  await expect(ayse).toContainText('İstanbul');
  await expect(ayse.locator('.tag', { hasText: 'vip' })).toBeVisible();
  await expect(ayse).toContainText('+90 532 123 45 67');

  // A second export equals the first, row for row.
  await page.getByTestId('contacts-search').fill('');
  await expectContactsCount(page, expected.added);
  const second = await exportAll(page, 'xlsx');
  const a = records(await readDownload(download)).sort((x, y) => (x.Phone ?? '').localeCompare(y.Phone ?? ''));
  const b = records(await readDownload(second)).sort((x, y) => (x.Phone ?? '').localeCompare(y.Phone ?? ''));
  expect(b).toEqual(a);
});

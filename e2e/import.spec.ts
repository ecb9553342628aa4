/** Importing the messy real-world sheet: preview, mapping, options, result, rejected rows, re-import. */
import path from 'node:path';
import { messyContactsCsv, messyContactsXlsx, MESSY_ROWS } from '#main/spreadsheets/fixtures';
import { expect, test, writeTempFile } from './fixtures';
import {
  chooseImportFile,
  expectContactsCount,
  finishImport,
  goTo,
  importFile,
  importMessy,
  messyExpectations,
  readDownload,
} from './helpers';

const expected = messyExpectations();

const REASONS: Record<string, string> = {
  too_short: 'Too short to be a phone number',
  excel_scientific: 'Excel shortened this number',
  empty: 'No phone number',
  not_a_number: 'Not a phone number',
  invalid_number: 'Not a valid number for its country',
};

/** Downloads put an apostrophe before = + - @ so spreadsheets never run a cell as a formula. */
const neutralised = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** messyContactsCsv() writes an empty line ";;;;;" after data row index 7. */
const BLANK_LINE_AFTER = 7;
/** The spreadsheet row (as Excel numbers it) of MESSY_ROWS[index] in the CSV: header is row 1. */
const fileRow = (index: number) => index + 2 + (index > BLANK_LINE_AFTER ? 1 : 0);

test('messy semicolon CSV with BOM: preview, guessed mapping, new group, counts, rejected rows, members', async ({ pigeon }, testInfo) => {
  const { page, dataDir } = pigeon;
  const file = writeTempFile(dataDir, 'customers.csv', messyContactsCsv());

  await chooseImportFile(page, file);

  // The preview shows the file's columns and first rows, with the right roles guessed.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('columnheader')).toHaveCount(6);
  await expect(mapping).toContainText('Ad Soyad');
  await expect(mapping).toContainText('Telefon');
  await expect(mapping).toContainText('Ayşe Yılmaz');
  await expect(mapping).toContainText('علی رضایی');
  await expect(page.getByTestId('import-role-1')).toHaveValue('phone');
  await expect(page.getByTestId('import-role-0')).toHaveValue('name');
  await expect(page.getByTestId('import-role-2')).toHaveValue('field'); // City
  // The blank line Excel left behind is not counted as a row.
  await expect(page.getByText(`(${MESSY_ROWS.length} rows in all)`)).toBeVisible();

  const stats = await finishImport(page, { target: 'newGroup', groupName: 'Customers' });
  expect(stats).toEqual({ added: expected.added, updated: 0, skipped: 0, rejected: expected.rejected, duplicates: expected.duplicates });
  await expect(page.getByText('Put in group “Customers”')).toBeVisible();

  // The table of rejected rows names every rejected row with a plain reason.
  const rejectedTable = page.getByTestId('import-rejected-table');
  await expect(rejectedTable.locator('tbody tr')).toHaveCount(expected.rejected + expected.duplicates);
  await expect(rejectedTable).toContainText('Too short to be a phone number');
  await expect(rejectedTable).toContainText('Excel shortened this number');
  await expect(rejectedTable).toContainText('No phone number');
  await expect(rejectedTable).toContainText('Not a phone number');
  await expect(rejectedTable).toContainText('Not a valid number for its country');
  await expect(rejectedTable).toContainText('Same number as row 2 of this file');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'import-result.png'), fullPage: true });

  // The rejected rows download as .xlsx with row number, reason and the original cells.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('import-download-rejected').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('customers - rejected rows.xlsx');
  const sheet = await readDownload(download);
  expect(sheet[0]?.slice(0, 4)).toEqual(['Row', 'Reason', 'Ad Soyad', 'Telefon']);
  const body = sheet.slice(1);
  expect(body).toHaveLength(expected.rejected + expected.duplicates);
  const byName = new Map(body.map((r) => [r[2], r]));
  MESSY_ROWS.forEach((r, index) => {
    const exp = r.expected;
    if ('e164' in exp && exp.duplicateOf === undefined) {
      expect(byName.has(r.cells[0]), `${r.cells[0]} was imported, not rejected`).toBe(false);
      return;
    }
    const row = byName.get(r.cells[0]);
    expect(row, `rejected row for ${r.cells[0]}`).toBeDefined();
    expect(row?.[3]).toBe(neutralised(r.cells[1])); // the phone cell as it was in the file
    if ('reason' in exp) expect(row?.[1]).toContain(REASONS[exp.reason] ?? exp.reason);
    else expect(row?.[1]).toMatch(/^Same number as row \d+ of this file$/);
    // Row numbers are the spreadsheet's own, counting the blank line (so the user can find the row).
    expect(row?.[0], `row number of ${r.cells[0]}`).toBe(String(fileRow(index)));
    if ('e164' in exp && exp.duplicateOf !== undefined) {
      expect(row?.[1]).toBe(`Same number as row ${fileRow(exp.duplicateOf)} of this file`);
    }
  });

  // "Show contacts" opens the contacts page on the new group's members.
  await page.getByTestId('import-show-contacts').click();
  await expectContactsCount(page, expected.added);
  await expect(page.getByTestId('filter-group')).toHaveValue(/\d+/);
  await expect(page.getByTestId('filter-group').locator('option:checked')).toHaveText(`Customers (${expected.added})`);
  await expect(page.getByTestId('contact-row').filter({ hasText: 'Ayşe Yılmaz' })).toBeVisible();
  await expect(page.getByTestId('contact-row').filter({ hasText: 'Gül 😊' })).toBeVisible();
});

test('importing the same CSV again with "update" adds nothing and updates every valid row', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const file = writeTempFile(dataDir, 'customers.csv', messyContactsCsv());
  const first = await importFile(page, file);
  expect(first.added).toBe(expected.added);

  const second = await importFile(page, file, { duplicates: 'update' });
  expect(second).toEqual({ added: 0, updated: expected.added, skipped: 0, rejected: expected.rejected, duplicates: expected.duplicates });

  // And with "skip" every valid row is reported as already there.
  const third = await importFile(page, file);
  expect(third).toEqual({ added: 0, updated: 0, skipped: expected.added, rejected: expected.rejected, duplicates: expected.duplicates });

  await goTo(page, 'Contacts');
  await expectContactsCount(page, expected.added);
});

test('messy .xlsx into an existing group keeps numeric phones and fills the group', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await goTo(page, 'Groups');
  await page.getByTestId('group-new-name').fill('Shop regulars');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('group-card').filter({ hasText: 'Shop regulars' })).toContainText('0 members');

  const file = writeTempFile(dataDir, 'regulars.xlsx', messyContactsXlsx());
  await chooseImportFile(page, file);
  await expect(page.getByTestId('import-role-1')).toHaveValue('phone');
  // Row 1 holds its phone as the number 5321234567; the preview shows the exact digits.
  await expect(page.getByTestId('import-mapping')).toContainText('5321234567');
  const stats = await finishImport(page, { target: 'existingGroup', groupName: 'Shop regulars' });
  expect(stats).toEqual({ added: expected.added, updated: 0, skipped: 0, rejected: expected.rejected, duplicates: expected.duplicates });
  await expect(page.getByText('Put in group “Shop regulars”')).toBeVisible();

  await goTo(page, 'Groups');
  await expect(page.getByTestId('group-card').filter({ hasText: 'Shop regulars' })).toContainText(`${expected.added} members`);

  // The number stored as 5321234567 was read as a Turkish mobile.
  await goTo(page, 'Contacts');
  await page.getByTestId('contacts-search').fill('Ayşe Yılmaz');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row').first().locator('.phone')).toHaveText(/\+90 532 123 45 67/);
});

test('the rejected-rows table on screen shows spreadsheet row numbers, counting blank lines', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await importMessy(page, dataDir);
  const table = page.getByTestId('import-rejected-table');
  const shown = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  const byName = new Map(shown.map((r) => [r[2], r]));
  MESSY_ROWS.forEach((r, index) => {
    const exp = r.expected;
    if ('e164' in exp && exp.duplicateOf === undefined) return;
    expect(byName.get(r.cells[0])?.[0], `row number of ${r.cells[0]}`).toBe(String(fileRow(index)));
    if ('e164' in exp && exp.duplicateOf !== undefined) {
      expect(byName.get(r.cells[0])?.[3]).toBe(`Same number as row ${fileRow(exp.duplicateOf)} of this file`);
    }
  });
});

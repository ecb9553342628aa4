/** A workbook with three sheets, two of them with the same columns: pick two, import, find the contacts. */
import { threeSheetWorkbook } from '#main/spreadsheets/fixtures';
import { expect, test, writeTempFile } from './fixtures';
import { chooseImportFile, expectContactsCount, finishImport, goTo, screenshots, visibleNames } from './helpers';

test('three sheets: the sheets are listed with their rows; Customers and Old import together, Suppliers is named as skipped', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1024, height: 860 });
  const file = writeTempFile(dataDir, 'book.xlsx', threeSheetWorkbook());
  await chooseImportFile(page, file);

  const sheets = page.getByTestId('import-sheets');
  await expect(sheets.getByTestId('import-sheet')).toHaveCount(3);
  await expect(sheets.getByTestId('import-sheet').nth(0)).toContainText('Customers');
  await expect(sheets.getByTestId('import-sheet').nth(0)).toContainText('3 rows');
  await expect(sheets.getByTestId('import-sheet').nth(1)).toContainText('Suppliers');
  await expect(sheets.getByTestId('import-sheet').nth(1)).toContainText('2 rows');
  await expect(sheets.getByTestId('import-sheet').nth(1)).toContainText('Its columns differ from “Customers”: import it separately');
  await expect(sheets.getByTestId('import-sheet').nth(2)).toContainText('Old');
  // The first sheet is the one mapped (ticked); Suppliers cannot be added; Old can.
  await expect(page.getByTestId('import-sheet-check-Customers')).toBeChecked();
  await expect(page.getByTestId('import-sheet-check-Suppliers')).toBeDisabled();
  await expect(page.getByTestId('import-sheet-check-Old')).not.toBeChecked();
  await page.getByTestId('import-sheet-check-Old').check();
  await expect(page.getByTestId('import-role-1')).toHaveValue('phone');
  await screenshots(page, 'import-sheets', { fullPage: true });

  const stats = await finishImport(page);
  // Old's second row has a customer's number again: a duplicate inside the file.
  expect(stats).toEqual({ added: 4, updated: 0, skipped: 0, rejected: 0, duplicates: 1 });
  const result = page.getByTestId('import-result-sheets');
  await expect(result).toContainText('Sheets imported: “Customers”, “Old”');
  await expect(page.getByTestId('import-result-skipped-sheets')).toContainText('Suppliers: Not picked: its columns differ from “Customers”; import it separately');
  const rejected = page.getByTestId('import-rejected-table').locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.locator('td').nth(0)).toHaveText('Old');
  await expect(rejected.locator('td').nth(1)).toHaveText('3');
  await expect(rejected.locator('td').nth(4)).toHaveText('Same number as row 2 of sheet “Customers”');
  await screenshots(page, 'import-sheets-result', { fullPage: true });

  await goTo(page, 'Contacts');
  await expectContactsCount(page, 4);
  expect((await visibleNames(page)).sort()).toEqual(['Ali Veli', 'Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Demir']);

  // Suppliers, on its own: "Map this sheet instead" reads the workbook again with it mapped.
  await chooseImportFile(page, file);
  await page.getByTestId('import-sheet-map-Suppliers').click();
  await expect(page.getByTestId('import-sheet-check-Suppliers')).toBeChecked();
  await expect(page.getByTestId('import-mapping')).toContainText('Deniz Tekstil');
  await page.getByTestId('import-role-1').selectOption('phone');
  const second = await finishImport(page);
  expect(second).toMatchObject({ added: 2, rejected: 0 });
  await goTo(page, 'Contacts');
  await expectContactsCount(page, 6);
});

/**
 * Closing or reloading the window while a large import runs: the import goes on in main, and the
 * Import page shows it again on return, with its progress and then its result; the Imports
 * history lists it with its counts. (Before, the page came back blank while the import finished
 * unseen, and the operator imported the file again.)
 */
import { generateContactsXlsx } from '#main/spreadsheets/fixtures';
import { expect, test, writeTempFile } from './fixtures';
import { chooseImportFile, goTo, screenshots } from './helpers';

const ROWS = 150_000;

test('an import that runs through a reload is shown again with its progress, its result and in the history', async ({ pigeon }) => {
  test.setTimeout(240_000);
  const { page, dataDir } = pigeon;
  const file = writeTempFile(dataDir, 'big customers.xlsx', generateContactsXlsx(ROWS, 7));
  await chooseImportFile(page, file);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-start').click();
  await expect(page.getByRole('progressbar')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await goTo(page, 'Import');
  // Still running when the page came back (150 000 rows take far longer than a reload), or done.
  const running = page.getByTestId('import-elsewhere');
  const result = page.getByTestId('import-elsewhere-result');
  await expect(running.or(result)).toBeVisible({ timeout: 30_000 });
  const sawItRunning = await running.isVisible();
  if (sawItRunning) {
    await expect(running).toContainText('big customers.xlsx');
    await screenshots(page, 'import-reload-running');
  }
  await expect(result).toBeVisible({ timeout: 180_000 });
  await expect(result).toContainText('Import finished');
  const added = Number(await result.getByTestId('import-stat-added').getAttribute('data-value'));
  expect(added).toBeGreaterThan(ROWS * 0.9);
  const row = page.getByTestId('import-history-row').first();
  await expect(row).toContainText('big customers.xlsx');
  await expect(row).toContainText('Done');
  await expect(row).toContainText(added.toLocaleString('en-US'));
  await screenshots(page, 'import-reload-result');
  expect(sawItRunning).toBe(true);
});

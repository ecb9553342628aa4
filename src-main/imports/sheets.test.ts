/**
 * Workbooks with several sheets: every sheet with data is shown with its row count; the operator
 * maps the first and may add the others that have the same headers; the rest are named as skipped.
 * Through the contract, the real reader and writer workers, and real SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threeSheetWorkbook } from '#main/spreadsheets/fixtures';
import { callCore, testCore } from '#main/test-support/core';
import type { Core } from '#main/core/core';
import type { ImportPreview } from '#shared/domain';

let core: Core;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await testCore());
});
afterEach(async () => {
  await cleanup();
});

const run = (preview: ImportPreview, sheets: string[]) =>
  callCore(core, 'imports.run', {
    importId: preview.importId,
    mapping: preview.mapping,
    onDuplicate: 'skip',
    target: { kind: 'contacts' },
    tags: [],
    sheets,
  });

describe.each(['xlsx', 'xls'] as const)('a workbook with three sheets (%s)', (bookType) => {
  it('lists every sheet with its rows and whether its headers match the mapped one', async () => {
    const preview = await callCore(core, 'imports.open', { fileName: `book.${bookType}`, bytes: threeSheetWorkbook(bookType) });
    expect(preview.sheetName).toBe('Customers');
    expect(preview.sheets).toEqual([
      { name: 'Customers', rows: 3, mapped: true, sameHeaders: true, problem: null },
      { name: 'Suppliers', rows: 2, mapped: false, sameHeaders: false, problem: null },
      { name: 'Old', rows: 2, mapped: false, sameHeaders: true, problem: null },
    ]);
  });

  it('imports the mapped sheet and a picked sheet with the same headers together, and names the sheet left out', async () => {
    const preview = await callCore(core, 'imports.open', { fileName: `book.${bookType}`, bytes: threeSheetWorkbook(bookType) });
    const summary = await run(preview, ['Old']);
    expect(summary).toMatchObject({ status: 'completed', added: 4, rejected: 0, duplicatesInFile: 1 });
    expect(summary.sheetsImported).toEqual(['Customers', 'Old']);
    expect(summary.sheetsSkipped).toEqual([{ name: 'Suppliers', reason: 'Not picked: its columns differ from “Customers”; import it separately' }]);
    // A number already on the first sheet: rejected with the sheet and row it was first seen on.
    expect(summary.rejectedSample).toEqual([
      { row: 3, sheet: 'Old', phone: '0532 123 45 67', name: 'Ayşe Y. (old)', reason: 'Same number as row 2 of sheet “Customers”' },
    ]);
    const names = (await core.store.db.selectFrom('contacts').select('name').orderBy('id').execute()).map((r) => r.name);
    expect(names).toEqual(['Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Demir', 'Ali Veli']);
  });

  it('refuses a picked sheet whose headers differ, in plain words, and changes nothing', async () => {
    const preview = await callCore(core, 'imports.open', { fileName: `book.${bookType}`, bytes: threeSheetWorkbook(bookType) });
    await expect(run(preview, ['Suppliers'])).rejects.toMatchObject({
      code: 'bad_mapping',
      message: 'The sheet “Suppliers” has other columns than “Customers”. Import it separately.',
    });
    await expect(run(preview, ['Nope'])).rejects.toMatchObject({ code: 'bad_mapping' });
    expect(await core.store.db.selectFrom('contacts').select('id').execute()).toEqual([]);
    // The import is still open: the mapped sheet alone.
    const summary = await run(preview, []);
    expect(summary).toMatchObject({ status: 'completed', added: 3, sheetsImported: ['Customers'] });
    expect(summary.sheetsSkipped).toEqual([
      { name: 'Suppliers', reason: 'Not picked: its columns differ from “Customers”; import it separately' },
      { name: 'Old', reason: 'Not picked' },
    ]);
  });

  it('a sheet with other headers is mapped on its own when opened by name', async () => {
    const preview = await callCore(core, 'imports.open', { fileName: `book.${bookType}`, bytes: threeSheetWorkbook(bookType), sheetName: 'Suppliers' });
    expect(preview.sheets.find((s) => s.mapped)?.name).toBe('Suppliers');
    expect(preview.sheets.filter((s) => s.sameHeaders).map((s) => s.name)).toEqual(['Suppliers']);
    const summary = await run(preview, []);
    expect(summary).toMatchObject({ status: 'completed', added: 2 });
    expect(summary.sheetsSkipped.map((s) => s.name)).toEqual(['Customers', 'Old']);
    expect(summary.sheetsSkipped[1]?.reason).toBe('Not picked: its columns differ from “Suppliers”; import it separately');
  });
});

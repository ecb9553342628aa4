/**
 * Steps shared by the e2e specs, written the way a user does them: click the navigation, choose a
 * file, pick options, read the numbers on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Download, Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { messyContactsCsv, MESSY_ROWS } from '#main/spreadsheets/fixtures';
import { expect, writeTempFile } from './fixtures';

export type NavName =
  | 'Overview'
  | 'Contacts'
  | 'Groups'
  | 'Smart lists'
  | 'Drafts'
  | 'Campaigns'
  | 'Blacklist' | 'Graylist' | 'Import' | 'Inbox' | 'Accounts' | 'Settings' | 'Usage';

export async function goTo(page: Page, name: NavName): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: false }).first().click();
}

/** Types one contact in by hand (Contacts → New contact) and waits until it is saved. */
export async function addContactByHand(page: Page, name: string, phone: string): Promise<void> {
  await goTo(page, 'Contacts');
  await page.getByTestId('contacts-new').click();
  const panel = page.getByTestId('contact-detail');
  await panel.getByTestId('detail-phone').fill(phone);
  await panel.getByTestId('detail-name').fill(name);
  await panel.getByTestId('detail-save').click();
  await expect(panel.getByRole('heading', { name })).toBeVisible();
}

/** The card of the account called `label` on the Accounts page. */
export function accountCard(page: Page, label: string): Locator {
  return page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

/** Adds a demo account on the Accounts page and returns its card. */
export async function addDemoAccount(page: Page, label: string): Promise<Locator> {
  await goTo(page, 'Accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByRole('radio', { name: /^Demo account/ }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(label);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toHaveCount(0);
  const card = accountCard(page, label);
  await expect(card.getByTestId('account-state')).toHaveText('Not linked');
  return card;
}

/** Links a demo account by QR and waits until it is ready (the demo phone scans by itself). */
export async function linkDemoAccount(page: Page, label: string): Promise<Locator> {
  const card = await addDemoAccount(page, label);
  await card.getByRole('button', { name: 'Link with QR code' }).click();
  await expect(card.getByTestId('account-state')).toHaveText('Ready');
  return card;
}

/** Opens the import page on its first step, whatever step it was on. */
export async function openImport(page: Page): Promise<void> {
  // Going elsewhere first unmounts the wizard, so it starts again at "Choose a file".
  await goTo(page, 'Settings');
  await goTo(page, 'Import');
  await expect(page.getByRole('heading', { name: 'Choose a file' })).toBeVisible();
}

/** Chooses a file on the import page and waits for the column matching step. */
export async function chooseImportFile(page: Page, file: string): Promise<void> {
  await openImport(page);
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

export type ImportOptions = {
  target?: 'contacts' | 'newGroup' | 'existingGroup';
  groupName?: string;
  duplicates?: 'skip' | 'update';
  tags?: string;
};

export type ImportStats = { added: number; updated: number; skipped: number; rejected: number; duplicates: number };

/** From the column matching step: Next, the options, Import, and the numbers the result shows. */
export async function finishImport(page: Page, options: ImportOptions = {}): Promise<ImportStats> {
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-start')).toBeVisible();
  if (options.duplicates === 'update') await page.getByTestId('import-dup-update').check();
  if (options.target === 'newGroup') {
    await page.getByTestId('import-target-newGroup').check();
    await page.getByTestId('import-new-group-name').fill(options.groupName ?? 'Imported');
  } else if (options.target === 'existingGroup') {
    await page.getByTestId('import-target-existingGroup').check();
    if (options.groupName !== undefined) {
      await page.getByTestId('import-group-select').selectOption({ label: options.groupName });
    }
  }
  if (options.tags !== undefined) await page.getByTestId('import-tags').fill(options.tags);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Import finished')).toBeVisible();
  return readImportStats(page);
}

async function readImportStats(page: Page): Promise<ImportStats> {
  const stat = async (id: string) => Number(await page.getByTestId(`import-stat-${id}`).getAttribute('data-value'));
  return {
    added: await stat('added'),
    updated: await stat('updated'),
    skipped: await stat('skipped'),
    rejected: await stat('rejected'),
    duplicates: await stat('duplicates'),
  };
}

export async function importFile(page: Page, file: string, options: ImportOptions = {}): Promise<ImportStats> {
  await chooseImportFile(page, file);
  return finishImport(page, options);
}

/** Imports the messy sheet (messyContactsCsv, the rows of MESSY_ROWS) through the import page. */
export async function importMessy(page: Page, dataDir: string, options: ImportOptions = {}): Promise<ImportStats> {
  return importFile(page, writeTempFile(dataDir, 'customers.csv', messyContactsCsv()), options);
}

/** What importing the messy sheet into an empty book must give, worked out from MESSY_ROWS. */
export function messyExpectations() {
  const valid = MESSY_ROWS.filter((r) => 'e164' in r.expected && r.expected.duplicateOf === undefined);
  const duplicates = MESSY_ROWS.filter((r) => 'e164' in r.expected && r.expected.duplicateOf !== undefined);
  const rejected = MESSY_ROWS.filter((r) => 'reason' in r.expected);
  return { added: valid.length, rejected: rejected.length, duplicates: duplicates.length, validRows: valid, rejectedRows: rejected };
}

export async function expectContactsCount(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('contacts-count')).toHaveText(n === 1 ? '1 contact' : `${n} contacts`);
}

/** The names in the visible table rows, top to bottom. */
export async function visibleNames(page: Page): Promise<string[]> {
  const rows = page.getByTestId('contact-row');
  const names = await rows.evaluateAll((els) =>
    els
      .map((el) => ({ top: (el as HTMLElement).offsetTop, name: el.querySelectorAll('[role="gridcell"]')[1]?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.name),
  );
  return names;
}

/** The phones (as shown) in the visible table rows, top to bottom, digits and + only. */
export async function visiblePhones(page: Page): Promise<string[]> {
  const rows = page.getByTestId('contact-row');
  return rows.evaluateAll((els) =>
    els
      .map((el) => ({ top: (el as HTMLElement).offsetTop, phone: el.querySelector('.phone')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.phone.replace(/[^\d+]/g, '')),
  );
}

/** The sheet of a downloaded .xlsx/.csv as rows of strings (first row: headers). */
export async function readDownload(download: Download): Promise<string[][]> {
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  // CSV is read as UTF-8 text (SheetJS would guess a legacy code page from the raw bytes); raw keeps
  // every cell as the text written, so "+90…" is not turned into a number.
  const wb = download.suggestedFilename().toLowerCase().endsWith('.csv')
    ? XLSX.read(bytes.toString('utf8').replace(/^\ufeff/, ''), { type: 'string', raw: true })
    : XLSX.read(bytes, { type: 'buffer' });
  const sheetName = wb.SheetNames[0];
  if (sheetName === undefined) throw new Error('workbook has no sheet');
  const sheet = wb.Sheets[sheetName];
  if (!sheet) throw new Error('sheet missing');
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
}

/**
 * Where specs save screenshots for a person to look at: only when PIGEON_SHOTS_DIR is set, so a
 * normal test run writes nothing outside its temp folders.
 */
export const SHOTS_DIR: string | null = process.env.PIGEON_SHOTS_DIR ?? null;

/**
 * Saves `<name>-1360.png` and `<name>-1024.png` in SHOTS_DIR (nothing when it is not set), then
 * puts the viewport back as it was. `settle` runs at each size before the picture (a scroll, a wait).
 */
export async function screenshots(page: Page, name: string, options: { fullPage?: boolean; settle?: () => Promise<void> } = {}): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const was = page.viewportSize();
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await options.settle?.();
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: options.fullPage ?? false });
  }
  if (was) await page.setViewportSize(was);
}

/** A small valid PNG (a colour gradient), built here so no binary fixture is needed. */
export function pngBytes(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x++) rows.push(40 + Math.round((x / width) * 200), 120 + Math.round((y / height) * 100), 110);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * In the campaign form's sending step: a custom pace of `waitSeconds` between messages, no breaks,
 * the daily cap given (null: left as it is), no "typing…" and no check of each number first.
 */
export async function setCustomPace(editor: Locator, options: { waitSeconds: number; dailyCap: number | null }): Promise<void> {
  await editor.getByRole('radio', { name: /^Custom/ }).check();
  const custom = editor.getByTestId('pace-custom');
  const wait = String(options.waitSeconds);
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill(wait);
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill(wait);
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  if (options.dailyCap !== null) {
    await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill(String(options.dailyCap));
  }
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
}

/** The quickest pace: no wait, no breaks, no daily cap (the demo phone then sends at once). */
export function fastestCustomPace(editor: Locator): Promise<void> {
  return setCustomPace(editor, { waitSeconds: 0, dailyCap: 0 });
}

/** A one-text draft written and saved on the Drafts page. */
export async function writeTextDraft(page: Page, name: string, text: string): Promise<void> {
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('draft-name').fill(name);
  await editor.getByTestId('part-text-input').first().fill(text);
  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
}

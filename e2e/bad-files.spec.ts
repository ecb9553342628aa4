/**
 * Files a shop owner may choose by mistake or that arrive broken: each gets a plain message on the
 * import page and nothing is imported. Plus the awkward-but-valid sheets that must still import.
 */
import { corruptXlsxBytes, encryptedWorkbookBytes, zipBomb } from '#main/spreadsheets/fixtures';
import { mulberry32 } from '#shared/random';
import { expect, test, writeTempFile } from './fixtures';
import { chooseImportFile, expectContactsCount, finishImport, goTo, openImport, screenshots } from './helpers';

/** The first bytes of a real PNG (signature and IHDR chunk) followed by filler. */
function pngBytes(): Uint8Array {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x10];
  const out = new Uint8Array(2048);
  out.set(head);
  for (let i = head.length; i < out.length; i++) out[i] = (i * 131 + 17) & 0xff;
  return out;
}

function randomBytes(n: number, seed: number): Uint8Array {
  const next = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

/** A message a person can act on: says what is wrong, with no programmer's words in it. */
function expectPlain(message: string): void {
  expect(message.length).toBeGreaterThan(20);
  expect(message).not.toMatch(/\bat \S+:\d+|Error:|undefined|null|\[object|TypeError|ZodError|SQLITE|stack/i);
}

type BadFile = { title: string; name: string; bytes: () => Uint8Array | string; message: RegExp };

const BAD_FILES: BadFile[] = [
  { title: 'a PNG picture renamed .xlsx', name: 'photo.xlsx', bytes: pngBytes, message: /not a spreadsheet/i },
  { title: 'random binary renamed .xlsx', name: 'random.xlsx', bytes: () => randomBytes(8192, 42), message: /not a spreadsheet|damaged/i },
  { title: 'a password-protected workbook', name: 'locked.xlsx', bytes: encryptedWorkbookBytes, message: /password/i },
  { title: 'a truncated .xlsx (zip cut in half)', name: 'half.xlsx', bytes: corruptXlsxBytes, message: /damaged|incomplete/i },
  { title: 'an .xlsx built to fill memory (64 MiB of zeros in 70 KB)', name: 'bomb.xlsx', bytes: () => zipBomb({ format: 'xlsx', mib: 64 }), message: /damaged.*memory/i },
  { title: 'the same as .ods', name: 'bomb.ods', bytes: () => zipBomb({ format: 'ods', mib: 64 }), message: /damaged.*memory/i },
  { title: 'an .xlsx with a byte after its end (once read by SheetJS)', name: 'tail.xlsx', bytes: () => zipBomb({ format: 'xlsx', mib: 1, trailingByte: true }), message: /damaged or incomplete/i },
  { title: 'an empty CSV', name: 'empty.csv', bytes: () => '', message: /empty/i },
  { title: 'a CSV with only a header row', name: 'header-only.csv', bytes: () => 'Name,Phone,City\r\n', message: /no contacts|header row/i },
];

for (const bad of BAD_FILES) {
  test(`bad file: ${bad.title} gets a clear message and imports nothing`, async ({ pigeon }) => {
    const { page, dataDir } = pigeon;
    const file = writeTempFile(dataDir, bad.name, bad.bytes());
    await openImport(page);
    await page.getByTestId('import-file-input').setInputFiles(file);
    const error = page.getByTestId('import-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveText(bad.message);
    expectPlain((await error.textContent()) ?? '');
    // Still on the first step, ready for another file; no preview appeared.
    await expect(page.getByTestId('import-mapping')).toHaveCount(0);
    await expect(page.getByTestId('import-file-input')).toBeAttached();
    await goTo(page, 'Contacts');
    await expectContactsCount(page, 0);
  });
}

test('a CSV without any phone-like column: the mapping step asks for a phone column and Next is disabled', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const csv = 'Name,City,Favourite colour\r\nAyşe,İstanbul,blue\r\nMehmet,Ankara,green\r\n';
  await chooseImportFile(page, writeTempFile(dataDir, 'no-phone.csv', csv));
  for (const i of [0, 1, 2]) await expect(page.getByTestId(`import-role-${i}`)).not.toHaveValue('phone');
  const alert = page.getByRole('alert').filter({ hasText: 'which column holds the phone numbers' });
  await expect(alert).toBeVisible();
  await expect(page.getByTestId('import-next')).toBeDisabled();

  // Choosing "Phone number" for a column lifts the block; nothing was imported meanwhile.
  await page.getByTestId('import-role-2').selectOption('phone');
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('import-next')).toBeEnabled();
  await page.getByTestId('import-role-2').selectOption('ignore');
  await expect(page.getByTestId('import-next')).toBeDisabled();
  await goTo(page, 'Contacts');
  await expectContactsCount(page, 0);
});

test('a header named __proto__ shows the reserved-name warning and the rest imports', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const csv = 'Name,Phone,__proto__,City\r\nAyşe Yılmaz,0532 123 45 67,{"polluted":true},İstanbul\r\nMehmet Öztürk,0533 765 43 21,x,Ankara\r\n';
  await chooseImportFile(page, writeTempFile(dataDir, 'proto.csv', csv));
  await expect(page.getByRole('note').filter({ hasText: '__proto__' })).toContainText('reserved name');
  await expect(page.getByTestId('import-role-1')).toHaveValue('phone');
  const stats = await finishImport(page);
  expect(stats).toMatchObject({ added: 2, rejected: 0, duplicates: 0 });

  await page.getByTestId('import-show-contacts').click();
  await expectContactsCount(page, 2);
  await page.getByTestId('contact-row').filter({ hasText: 'Ayşe Yılmaz' }).click();
  const detail = page.getByTestId('contact-detail');
  await expect(detail).toBeVisible();
  // City was kept as a field; the reserved column was not.
  const values = (name: string) =>
    detail.getByRole('textbox', { name, exact: true }).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  await expect.poll(() => values('Field')).toEqual(['City']);
  await expect.poll(() => values('Value')).toEqual(['İstanbul']);
  await expect(detail).not.toContainText('polluted');
  expect(errors).toEqual([]);
});

test('a 10 000-character cell in a custom column is cut to 5 000 and listed as a warning; every contact imports', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const long = 'x'.repeat(10_000);
  const csv = [
    'Name,Phone,Remarks about customer',
    'Ayşe Yılmaz,0532 123 45 67,likes tea',
    `Long Cell,0533 765 43 21,${long}`,
    'Çağrı Şen,0542 111 22 33,',
  ].join('\r\n');
  await chooseImportFile(page, writeTempFile(dataDir, 'long.csv', csv));
  // The custom column is kept as a field (the guess may be "note" or "field"; make it a field).
  await page.getByTestId('import-role-2').selectOption('field');
  const stats = await finishImport(page);
  expect(stats).toMatchObject({ added: 3, rejected: 0, duplicates: 0 });
  await expect(page.getByTestId('import-stat-warned')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('import-rejected-table')).toHaveCount(0);
  const row = page.getByTestId('import-warnings-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(0)).toHaveText('3');
  await expect(row.locator('td').nth(1)).toHaveText('Remarks about customer');
  await expect(row.locator('td').nth(2)).toHaveText('Long Cell');
  await expect(row.locator('td').nth(3)).toHaveText(
    /^Column “Remarks about customer” had 10[,.\u00a0 ]?000 characters; only the first 5[,.\u00a0 ]?000 were kept$/,
  );
  await page.setViewportSize({ width: 1024, height: 800 });
  await screenshots(page, 'import-warnings', { fullPage: true });

  await page.getByTestId('import-show-contacts').click();
  await expectContactsCount(page, 3);
  await expect(page.getByTestId('contact-row').filter({ hasText: 'Long Cell' })).toHaveCount(1);
});

test('names in mixed scripts with emoji survive the import and are searchable', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const people = [
    ['Ayşe Yılmaz 🌸', '0532 123 45 67'],
    ['علی رضایی', '+98 912 345 6789'],
    ['محمد العتيبي', '00966 50 123 4567'],
    ['Dewi Lestari 🙏🏽', '+62 812-3456-7890'],
    ['İbrahim Ünal', '0532 987 65 43'],
    ['Zoë 👩‍👩‍👧 Ñandú', '0505 111 22 33'],
    ['佐藤 花子', '0544 222 33 44'],
  ] as const;
  const csv = '\ufeffİsim;Telefon\r\n' + people.map(([n, p]) => `${n};${p}`).join('\r\n') + '\r\n';
  await chooseImportFile(page, writeTempFile(dataDir, 'scripts.csv', csv));
  const stats = await finishImport(page);
  expect(stats).toMatchObject({ added: people.length, rejected: 0 });

  await goTo(page, 'Contacts');
  await expectContactsCount(page, people.length);
  const search = page.getByTestId('contacts-search');
  const cases: [query: string, expected: string][] = [
    ['Ayşe', 'Ayşe Yılmaz 🌸'],
    ['🌸', 'Ayşe Yılmaz 🌸'],
    ['رضایی', 'علی رضایی'],
    ['العتيبي', 'محمد العتيبي'],
    ['Lestari', 'Dewi Lestari 🙏🏽'],
    ['İbrahim', 'İbrahim Ünal'],
    ['Ñandú', 'Zoë 👩‍👩‍👧 Ñandú'],
    ['👩‍👩‍👧', 'Zoë 👩‍👩‍👧 Ñandú'],
    ['花子', '佐藤 花子'],
  ];
  for (const [query, name] of cases) {
    await search.fill(query);
    await expect(page.getByTestId('contact-row'), `search "${query}"`).toHaveCount(1);
    await expect(page.getByTestId('contact-row').first()).toContainText(name);
  }
  // Every name is shown exactly as it was written, emoji and all.
  await search.fill('');
  await expect(page.getByTestId('contact-row')).toHaveCount(people.length);
  for (const [name] of people) await expect(page.getByTestId('contact-row').filter({ hasText: name })).toHaveCount(1);
});

test('a text file named .xlsx: Pigeon asks before reading it as CSV; Cancel reads nothing, "Read it as text" imports it', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const csv = 'Name;Phone;City\r\nAyşe Yılmaz;0532 123 45 67;İstanbul\r\nMehmet Kaya;0533 765 43 21;Ankara\r\n';
  const file = writeTempFile(dataDir, 'customers.xlsx', csv);
  await openImport(page);
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.getByTestId('import-file-input').setInputFiles(file);
  const question = page.getByTestId('import-mismatch');
  await expect(question).toBeVisible();
  await expect(question).toContainText('This file is named .xlsx but holds plain text. Read it as text (CSV)?');
  await expect(page.getByTestId('import-mapping')).toHaveCount(0);
  await screenshots(page, 'import-mismatch', { fullPage: true });

  await question.getByTestId('import-mismatch-cancel').click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('import-mapping')).toHaveCount(0);
  await expect(page.getByTestId('import-file-input')).toBeAttached();

  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-read-as-text').click();
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('columnheader')).toHaveCount(3);
  await expect(mapping).toContainText('Ayşe Yılmaz');
  await expect(page.getByTestId('import-role-1')).toHaveValue('phone');
  const stats = await finishImport(page);
  expect(stats).toMatchObject({ added: 2, rejected: 0 });
  await goTo(page, 'Contacts');
  await expectContactsCount(page, 2);
});

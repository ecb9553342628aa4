/**
 * Zip bombs and lying archives through parseSpreadsheet, on every path a zip can take: the fast
 * .xlsx reader, SheetJS for .xlsx (fast reader off, or a file it leaves to SheetJS because of a
 * trailing byte or a case clash), and SheetJS for .ods. Every one must be refused before anything
 * is unpacked; legitimate workbooks must still be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '#shared/random';
import {
  generateContactsXlsx,
  makeZip,
  messyContactsWorkbook,
  messyWorkbookParts,
  overlappingZipBomb,
  zerosDeflated,
  zipBomb,
  withTrailingByte,
  type ZipFile,
  type ZipPath,
} from './fixtures';
import { parseSpreadsheet, SpreadsheetError, type ParsedSheet } from './parse';
import { readXlsxFast } from './xlsx-fast';

afterEach(() => {
  delete process.env.PIGEON_XLSX_FAST;
});

type Outcome = { ok: true; sheet: ParsedSheet } | { ok: false; code: string; message: string };

function parse(bytes: Uint8Array, fast = true): Outcome {
  process.env.PIGEON_XLSX_FAST = fast ? '1' : '0';
  try {
    return { ok: true, sheet: parseSpreadsheet(bytes, 'contacts.xlsx') };
  } catch (e) {
    if (e instanceof SpreadsheetError) return { ok: false, code: e.code, message: e.message };
    throw e;
  } finally {
    delete process.env.PIGEON_XLSX_FAST;
  }
}

/** Plain words that say what is wrong and what to do, with no programmer's words or paths. */
function expectPlain(message: string): void {
  expect(message).not.toMatch(/undefined|null|Error|exception|stack|zip|ZIP|inflate|deflate|entry|header|\/|\\/);
  expect(message.endsWith('.')).toBe(true);
}

const UNSAFE = /damaged.*memory|memory.*damaged/i;
const DAMAGED = /damaged or incomplete/;
const TOO_LARGE = /too large once unpacked/;

type Path = { label: string; path: ZipPath; fast: boolean };

/**
 * Every way a zip reaches a parser. The fast .xlsx reader leaves a file to SheetJS when it has a
 * byte after its end record (the reader wants the end record last; SheetJS scans back for it) or
 * two entries whose names differ only in case (SheetJS picks one without regard to case, so the
 * reader cannot know which), or a sheet holding what it does not read exactly (t="d" cells).
 */
const PATHS: Path[] = [
  { label: '.xlsx, fast reader', path: { format: 'xlsx' }, fast: true },
  { label: '.xlsx, SheetJS', path: { format: 'xlsx' }, fast: false },
  { label: '.xlsx whose sheet the fast reader leaves to SheetJS', path: { format: 'xlsx', dateCell: true }, fast: true },
  { label: '.xlsx with a trailing byte', path: { format: 'xlsx', trailingByte: true }, fast: true },
  { label: '.xlsx with a case clash', path: { format: 'xlsx', caseClash: true }, fast: true },
  { label: '.ods', path: { format: 'ods' }, fast: true },
];

/**
 * `make` on every path is refused as `expected`; with a trailing byte or a case clash it is
 * refused for that first (damaged, unsafe), which is how the guard now closes those two doors.
 */
function expectRefusedEverywhere(make: (path: ZipPath) => Uint8Array, expected: { code: string; message: RegExp }, except: Path[] = []): void {
  for (const { label, path, fast } of PATHS.filter((p) => !except.includes(p))) {
    const want = path.trailingByte ? { code: 'corrupt_workbook', message: DAMAGED } : path.caseClash ? { code: 'corrupt_workbook', message: UNSAFE } : expected;
    const r = parse(make(path), fast);
    expect(r, label).toMatchObject({ ok: false, code: want.code, message: expect.stringMatching(want.message) as unknown });
    if (!r.ok) expectPlain(r.message);
  }
}

describe('zip bombs are refused on every path, before unpacking', () => {
  it('an entry of 64 MiB of zeros in a 70 KB file (compression ratio about 1000)', () => {
    expect(zipBomb({ format: 'xlsx', mib: 64 }).length).toBeLessThan(100_000);
    expectRefusedEverywhere((path) => zipBomb({ ...path, mib: 64 }), { code: 'corrupt_workbook', message: UNSAFE });
  });

  it('entries declaring more than the unpacked total allowed (3 × 200 MiB)', () => {
    expectRefusedEverywhere((path) => zipBomb({ ...path, mib: 200, entries: 3 }), { code: 'file_too_large', message: TOO_LARGE });
  });

  it('an entry declaring more than one entry may hold is refused from its declared size alone', () => {
    // The packed data is not even deflate: a refusal that unpacked first would say "damaged".
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) & 0xff);
    expectRefusedEverywhere((path) => withExtra(path, { data: new Uint8Array(0), raw: garbage, declaredSize: 300 * 1024 * 1024 }), { code: 'file_too_large', message: TOO_LARGE });
  });

  it('overlapping entries (the non-recursive "overlapping files" bomb), even at a low ratio', () => {
    const random = mulberry32(5);
    const kernelData = Uint8Array.from({ length: 256 * 1024 }, () => Math.floor(random() * 256));
    const kernel = new Uint8Array(deflateRawSync(kernelData));
    expectRefusedEverywhere((path) => overlappingZipBomb({ ...path, entries: 12, kernel, kernelSize: kernelData.length }), { code: 'corrupt_workbook', message: UNSAFE });
  });

  it('an entry whose data descriptor lies: it unpacks to 64 MiB but declares 1000 bytes', () => {
    // SheetJS only warns when a data descriptor disagrees, after unpacking everything: every path
    // that reaches SheetJS refuses it. The fast reader never unpacks a picture, and stops any part
    // it reads at its declared size (xlsx-fast.test.ts), so there the file is simply read.
    const make = (path: ZipPath) => withExtra(path, { data: new Uint8Array(0), flags: 8, raw: zerosDeflated(64), declaredSize: 1000 });
    const fastOnly = PATHS.filter((p) => p.fast && p.path.format === 'xlsx' && !p.path.dateCell && !p.path.trailingByte && !p.path.caseClash);
    expect(fastOnly).toHaveLength(1);
    expect(parse(make({ format: 'xlsx' }), true)).toMatchObject({ ok: true });
    expectRefusedEverywhere(make, { code: 'corrupt_workbook', message: UNSAFE }, fastOnly);
  });

  it('a local header that names another file, or declares another packed size, than the directory', () => {
    const data = new TextEncoder().encode('<x/>'.repeat(100));
    for (const lie of [{ localName: 'xl/media/other.bin' }, { localCompressedSize: 3 }]) {
      expectRefusedEverywhere((path) => withExtra(path, { data, ...lie }), { code: 'corrupt_workbook', message: UNSAFE });
    }
  });

  it('the fallbacks are real: without a bomb, each of these files is read, by SheetJS where said', () => {
    for (const { label, path, fast } of PATHS) {
      const bytes = zipBomb({ ...path, mib: 1 }); // 1 MiB of zeros: within every limit
      const r = parse(bytes, fast);
      if (path.trailingByte || path.caseClash) {
        expect(r, label).toMatchObject({ ok: false });
        continue;
      }
      expect(r.ok && r.sheet.rows.length, label).toBe(19);
      if (path.dateCell) expect(readXlsxFast(bytes, { maxRows: 100 })?.readSheet('Contacts'), label).toBeNull();
    }
  });

  it('two entries whose names differ only in case', () => {
    const bytes = zipBomb({ format: 'xlsx', mib: 1, caseClash: true });
    for (const fast of [true, false]) expect(parse(bytes, fast)).toMatchObject({ ok: false, code: 'corrupt_workbook', message: expect.stringMatching(UNSAFE) as unknown });
  });

  it('an end record whose comment holds another end-record signature (readers disagree which is real)', () => {
    const bytes = makeZip(messyWorkbookParts('xlsx'), 'a comment with PK\u0005\u0006 inside');
    for (const fast of [true, false]) expect(parse(bytes, fast)).toMatchObject({ ok: false, code: 'corrupt_workbook', message: expect.stringMatching(UNSAFE) as unknown });
  });

  it('bytes after the end record, on an otherwise good workbook: damaged', () => {
    for (const format of ['xlsx', 'ods'] as const) {
      const good = messyContactsWorkbook(format);
      const bytes = new Uint8Array(good.length + 1);
      bytes.set(good);
      for (const fast of [true, false]) {
        expect(parse(bytes, fast), format).toMatchObject({ ok: false, code: 'corrupt_workbook', message: expect.stringMatching(/damaged or incomplete/) as unknown });
      }
    }
  });
});

/** The messy workbook plus one picture-like entry `extra`, dressed for `path`. */
function withExtra(path: ZipPath, extra: Omit<ZipFile, 'name'>): Uint8Array {
  const folder = path.format === 'xlsx' ? 'xl/media' : 'Pictures';
  return withTrailingByte(makeZip([...messyWorkbookParts(path.format, path), { name: `${folder}/image1.bin`, ...extra }]), path);
}

describe('legitimate workbooks still pass', () => {
  it('SheetJS-written .xlsx and .ods, on both paths', () => {
    for (const format of ['xlsx', 'ods'] as const) {
      for (const fast of [true, false]) {
        const r = parse(messyContactsWorkbook(format), fast);
        expect(r.ok, `${format} fast=${fast}`).toBe(true);
        if (r.ok) expect(r.sheet.rows.length).toBeGreaterThan(10);
      }
    }
  });

  it('the import template users download', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'import-template.xlsx')));
    for (const fast of [true, false]) expect(parse(bytes, fast)).toMatchObject({ ok: true });
  });

  it('a plain archive comment, data descriptors as Excel writes them, a stored picture', () => {
    const parts = messyWorkbookParts('xlsx').map((f) => ({ ...f, flags: 8 }));
    const picture = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 31) & 0xff);
    const bytes = makeZip([...parts, { name: 'xl/media/image1.png', data: picture, stored: true }], 'written by hand');
    for (const fast of [true, false]) expect(parse(bytes, fast)).toMatchObject({ ok: true });
  });

  it('a 50 000-row workbook', () => {
    const r = parse(generateContactsXlsx(50_000, 2));
    expect(r.ok && r.sheet.rows.length).toBe(50_000);
  });
});

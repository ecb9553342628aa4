import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { normalisePhone } from '#shared/phone';
import {
  corruptXlsxBytes,
  encryptedWorkbookBytes,
  generateContactsRows,
  generateContactsXlsx,
  generatedPhoneE164,
  MESSY_HEADERS,
  MESSY_ROWS,
  messyContactsCsv,
  messyContactsWorkbook,
  messyContactsXlsx,
} from './fixtures';
import {
  columnLetters,
  DEFAULT_PARSE_LIMITS,
  parseSpreadsheet,
  SpreadsheetError,
  type ParsedSheet,
  type SpreadsheetErrorCode,
} from './parse';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function parseError(bytes: Uint8Array, name = 'file', limits = DEFAULT_PARSE_LIMITS): SpreadsheetError {
  try {
    parseSpreadsheet(bytes, name, limits);
  } catch (e) {
    if (e instanceof SpreadsheetError) return e;
    throw e;
  }
  throw new Error('expected a SpreadsheetError');
}

function expectCode(bytes: Uint8Array, code: SpreadsheetErrorCode, name = 'file'): SpreadsheetError {
  const e = parseError(bytes, name);
  expect(e.code).toBe(code);
  expect(e.message.length).toBeGreaterThan(20);
  return e;
}

function book(aoa: unknown[][], bookType: 'xlsx' | 'biff8' | 'ods', sheets: [string, unknown[][]][] = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, data] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(data), name);
  if (aoa.length > 0 || sheets.length === 0) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Main');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

function expectMessy(p: ParsedSheet): void {
  expect(p.headers).toEqual([...MESSY_HEADERS]);
  expect(p.rows).toHaveLength(MESSY_ROWS.length);
  p.rows.forEach((row, i) => {
    const want = MESSY_ROWS[i];
    if (!want) throw new Error('row');
    expect(row).toHaveLength(6);
    // Phones may come back as digits (stored as numbers in workbooks); the normalised result is what matters.
    const got = normalisePhone(row[1] ?? '', 'TR');
    if ('e164' in want.expected) expect(got).toEqual({ ok: true, e164: want.expected.e164 });
    else expect(got).toEqual({ ok: false, reason: want.expected.reason });
    expect([row[0], row[2], row[3], row[4], row[5]]).toEqual([want.cells[0], want.cells[2], want.cells[3], want.cells[4], want.cells[5]]);
  });
}

describe('error codes', () => {
  it('file_too_large is refused before reading (200 MB)', () => {
    const big = new Uint8Array(200 * 1024 * 1024); // zero-filled: would be "not a spreadsheet" if read
    const e = expectCode(big, 'file_too_large', 'big.xlsx');
    expect(e.params).toMatchObject({ sizeMb: 200, maxMb: 100 });
    expect(e.message).toContain('200');
    expect(e.message).toContain('100 MB');
  });

  it('too_many_rows: a million-row CSV is refused quickly', () => {
    const line = '+905321234567,Ayşe Yılmaz,İstanbul,a@example.com,vip,note\n';
    const total = 1_000_000;
    const body = utf8('Phone,Name,City,Email,Tags,Note\n' + line.repeat(total));
    const t = performance.now();
    const e = expectCode(body, 'too_many_rows', 'million.csv');
    const ms = performance.now() - t;
    console.log(`million-row CSV (${(body.length / 1e6).toFixed(1)} MB) refused in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(3000);
    expect(e.params).toEqual({ maxRows: 250_000 });
  });

  it('too_many_rows: blank lines and quoted newlines are not counted as rows', () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxRows: 3 };
    const ok = utf8('Phone,Note\n\n1,"a\nb\nc\nd"\n\n2,x\n\n3,y\n\n\n');
    expect(parseSpreadsheet(ok, 'x.csv', limits).rows).toHaveLength(3);
    expect(parseError(utf8('Phone\n1\n2\n3\n4\n'), 'x.csv', limits).code).toBe('too_many_rows');
  });

  it('too_many_rows in a workbook', () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxRows: 10 };
    const aoa: unknown[][] = [['Phone', 'Name']];
    for (let i = 0; i < 11; i++) aoa.push([`0532 000 00 ${10 + i}`, `N${i}`]);
    expect(parseError(book(aoa, 'xlsx'), 'x.xlsx', limits).code).toBe('too_many_rows');
    aoa.pop();
    expect(parseSpreadsheet(book(aoa, 'xlsx'), 'x.xlsx', limits).rows).toHaveLength(10);
    // Blank rows in between must not hide rows past the limit.
    const gappy: unknown[][] = [['Phone'], [], [], ['1'], [], ['2'], [], ['3'], [], [], [], [], [], [], ['4'], ['5'], ['6'], ['7'], ['8'], ['9'], ['10'], ['11']];
    expect(parseError(book(gappy, 'xlsx'), 'x.xlsx', limits).code).toBe('too_many_rows');
  });

  it('not_a_spreadsheet: PNG, PDF, random bytes, a zip of something else, a Word .doc', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expectCode(png, 'not_a_spreadsheet', 'contacts.xlsx');
    const pdf = utf8('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n');
    const pdfBin = new Uint8Array([...pdf, 0x78, 0x9c, 0x03, 0x00, 0x01]);
    expectCode(pdfBin, 'not_a_spreadsheet', 'contacts.csv');
    const random = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expectCode(random, 'not_a_spreadsheet');
    // A zip holding a text file (built with SheetJS's zip writer through an .ods-less workbook is
    // not possible), so write a tiny stored zip by hand.
    expectCode(tinyZip('hello.txt', 'hello'), 'not_a_spreadsheet', 'contacts.xlsx');
    // A Compound File without a Workbook stream (like a Word .doc).
    const doc = encryptedWorkbookBytes();
    renameCfbEntries(doc, ['WordDocument', '1Table']);
    expectCode(doc, 'not_a_spreadsheet', 'contacts.xls');
  });

  it('encrypted_workbook', () => {
    const e = expectCode(encryptedWorkbookBytes(), 'encrypted_workbook', 'secret.xlsx');
    expect(e.message).toBe('This workbook is password-protected. Remove the password in Excel and try again.');
  });

  it('corrupt_workbook: a truncated zip', () => {
    expectCode(corruptXlsxBytes(), 'corrupt_workbook', 'broken.xlsx');
  });

  it('corrupt_workbook: a workbook zip whose parts are garbage', () => {
    const good = messyContactsXlsx();
    const bad = good.slice();
    for (let i = 200; i < bad.length - 2000; i++) bad[i] = (bad[i] ?? 0) ^ 0x5a;
    const e = parseError(bad, 'x.xlsx');
    expect(e.code).toBe('corrupt_workbook');
  });

  it('corrupt_workbook: a truncated Compound File', () => {
    expectCode(encryptedWorkbookBytes().slice(0, 600), 'corrupt_workbook', 'x.xls');
  });

  it('empty_sheet: empty file, blank cells only, header only', () => {
    expectCode(new Uint8Array(0), 'empty_sheet', 'x.csv');
    expectCode(utf8('\ufeff\r\n;;;\r\n  \r\n'), 'empty_sheet', 'x.csv');
    expectCode(book([[''], ['', '  ']], 'xlsx'), 'empty_sheet', 'x.xlsx');
    const e = expectCode(utf8('Name;Phone\r\n;\r\n'), 'empty_sheet', 'x.csv');
    expect(e.message).toContain('The sheet has a header row but no contacts');
    const e2 = expectCode(book([['Name', 'Phone']], 'xlsx'), 'empty_sheet', 'x.xlsx');
    expect(e2.message).toContain('The sheet has a header row but no contacts');
  });

  it('unsupported_format: a CSV that is not UTF-8, an HTML page', () => {
    // "Ayşe;0532" in Windows-1254: ş = 0xFE, invalid as UTF-8.
    const win1254 = new Uint8Array([0x41, 0x79, 0xfe, 0x65, 0x3b, 0x30, 0x35, 0x33, 0x32, 0x0a, 0x41, 0x3b, 0x31, 0x0a]);
    const e = expectCode(win1254, 'unsupported_format', 'x.csv');
    expect(e.message).toContain('UTF-8');
    expectCode(utf8('<!DOCTYPE html><html><body><table></table></body></html>'), 'unsupported_format', 'x.xls');
  });

  it('every message is plain English without technical words', () => {
    const errors = [
      parseError(new Uint8Array(101 * 1024 * 1024)),
      parseError(encryptedWorkbookBytes()),
      parseError(corruptXlsxBytes()),
      parseError(utf8('Name')),
      parseError(tinyZip('a.txt', 'a')),
    ];
    for (const e of errors) {
      expect(e.message).not.toMatch(/undefined|null|Error|exception|stack|CFB|OOXML/);
      expect(e.message.endsWith('.')).toBe(true);
    }
  });
});

describe('CSV', () => {
  it('reads the messy semicolon CSV with BOM and CRLF', () => {
    const p = parseSpreadsheet(utf8(messyContactsCsv()), 'messy.csv');
    expect(p.fileType).toBe('csv');
    expectMessy(p);
    // Quoted delimiter and doubled quotes survive.
    expect(p.rows[13]?.[0]).toBe('Kaya; Emre');
    expect(p.rows[13]?.[5]).toBe('Quote "inside" note');
    // The apostrophe and the formula-looking text are kept as they are.
    expect(p.rows[6]?.[1]).toBe("'+90 555 444 33 22");
    expect(p.rows[18]?.[0]).toBe('=HYPERLINK("http://x")');
  });

  it.each([
    ['comma, LF', 'Name,Phone,City\nAli,0532 123 45 67,"Ankara, TR"\nVeli,0533 765 43 21,İzmir\n'],
    ['semicolon, CRLF, BOM', '\ufeffName;Phone;City\r\nAli;0532 123 45 67;Ankara, TR\r\nVeli;0533 765 43 21;İzmir\r\n'],
    ['tab', 'Name\tPhone\tCity\nAli\t0532 123 45 67\tAnkara, TR\nVeli\t0533 765 43 21\tİzmir'],
    ['sep= hint', 'sep=;\r\nName;Phone;City\r\nAli;0532 123 45 67;Ankara, TR\r\nVeli;0533 765 43 21;İzmir\r\n'],
    ['quoted fields with newlines', 'Name,Phone,City\n"Ali",0532 123 45 67,"Ankara, TR"\r\n"Veli","0533 765 43 21","İzmir"'],
    ['old Mac CR', 'Name;Phone;City\rAli;0532 123 45 67;Ankara, TR\rVeli;0533 765 43 21;İzmir\r'],
  ])('%s', (_label, text) => {
    const p = parseSpreadsheet(utf8(text), 'x.csv');
    expect(p.headers).toEqual(['Name', 'Phone', 'City']);
    expect(p.rows).toEqual([
      ['Ali', '0532 123 45 67', 'Ankara, TR'],
      ['Veli', '0533 765 43 21', 'İzmir'],
    ]);
  });

  it('keeps a newline inside a quoted cell', () => {
    const p = parseSpreadsheet(utf8('Phone,Note\n0532 123 45 67,"line 1\nline 2"\n'), 'x.csv');
    expect(p.rows).toEqual([['0532 123 45 67', 'line 1\nline 2']]);
  });

  it('reads UTF-16 text exported by Excel ("Unicode Text")', () => {
    const text = 'Name\tPhone\r\nعلی\t0912 345 6789\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const p = parseSpreadsheet(bytes, 'x.txt');
    expect(p.rows).toEqual([['علی', '0912 345 6789']]);
  });

  it('pads short rows, extends headers for extra data, names blank and duplicate headers', () => {
    const p = parseSpreadsheet(utf8('Phone,,Name,Phone,name\n1,2,3,4,5,6\n7\n'), 'x.csv');
    expect(p.headers).toEqual(['Phone', 'Column B', 'Name', 'Phone (2)', 'name (2)', 'Column F']);
    expect(p.rows).toEqual([
      ['1', '2', '3', '4', '5', '6'],
      ['7', '', '', '', '', ''],
    ]);
    expect(p.warnings.filter((w) => w.code === 'duplicate_header')).toHaveLength(2);
  });

  it('drops trailing blank columns and blank rows, trims cells', () => {
    const p = parseSpreadsheet(utf8('Phone;Name;;\n\n  0532 123 45 67 ; Ali ;;\n;;;\n'), 'x.csv');
    expect(p.headers).toEqual(['Phone', 'Name']);
    expect(p.rows).toEqual([['0532 123 45 67', 'Ali']]);
  });

  it('keeps a 10 000-character cell', () => {
    const long = 'ş'.repeat(10_000);
    const p = parseSpreadsheet(utf8(`Phone,Note\n0532 123 45 67,${long}\n`), 'x.csv');
    expect(p.rows[0]?.[1]).toBe(long);
  });

  it('keeps mixed scripts and emoji', () => {
    const names = ['Ayşe Çağlar', 'علی رضایی', 'محمد العتيبي', 'Dewi 🌸', '👨‍👩‍👧 Family', 'Ελένη', '李雷'];
    const text = 'Name,Phone\n' + names.map((n, i) => `${n},0532 123 45 ${10 + i}`).join('\n');
    const p = parseSpreadsheet(utf8(text), 'x.csv');
    expect(p.rows.map((r) => r[0])).toEqual(names);
  });

  it('parses a 100 000-row CSV quickly', () => {
    const { headers, rows } = generateContactsRows(100_000, 3);
    const text = [headers, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n');
    const bytes = utf8(text);
    const t = performance.now();
    const p = parseSpreadsheet(bytes, 'x.csv');
    const ms = performance.now() - t;
    console.log(`CSV 100 000 x 6 (${(bytes.length / 1e6).toFixed(1)} MB) parsed in ${ms.toFixed(0)} ms`);
    expect(p.rows).toEqual(rows);
    expect(ms).toBeLessThan(3000);
  });
});

describe('workbooks', () => {
  it('reads the messy .xlsx, with phones stored as numbers', () => {
    const p = parseSpreadsheet(messyContactsXlsx(), 'messy.xlsx');
    expect(p.fileType).toBe('xlsx');
    expect(p.sheetName).toBe('Contacts');
    expect(p.sheetNames).toEqual(['Contacts']);
    expect(p.rows[0]?.[1]).toBe('5321234567');
    expect(p.rows[5]?.[1]).toBe('905421112233');
    expectMessy(p);
  });

  it('reads .xls (BIFF8)', () => {
    const p = parseSpreadsheet(messyContactsWorkbook('xls'), 'messy.xls');
    expect(p.fileType).toBe('xls');
    expectMessy(p);
  });

  it('reads .ods', () => {
    const p = parseSpreadsheet(messyContactsWorkbook('ods'), 'messy.ods');
    expect(p.fileType).toBe('ods');
    expectMessy(p);
  });

  it('detects the format from the bytes, not the name', () => {
    expect(parseSpreadsheet(messyContactsWorkbook('ods'), 'contacts.xlsx').fileType).toBe('ods');
    expect(parseSpreadsheet(messyContactsXlsx(), 'contacts.csv').fileType).toBe('xlsx');
    // Text named .xlsx is read as CSV once the operator agrees (name-mismatch.test.ts).
    expect(parseSpreadsheet(utf8(messyContactsCsv()), 'contacts.xlsx', undefined, undefined, { readAsText: true }).fileType).toBe('csv');
  });

  it.each(['xlsx', 'biff8', 'ods'] as const)('converts cell values (%s)', (bookType) => {
    const aoa: unknown[][] = [
      ['Phone', 'Big', 'Fraction', 'Bool', 'Text', 'Date', 'Empty'],
      [905321234567, 123456789012345, 12.5, true, '  padded  ', new Date(Date.UTC(1990, 2, 15)), null],
      [5321234567, 1, -3.25, false, 'x', null, null],
    ];
    const p = parseSpreadsheet(book(aoa, bookType), 'x');
    expect(p.headers).toEqual(['Phone', 'Big', 'Fraction', 'Bool', 'Text', 'Date', 'Empty']);
    expect(p.rows[0]?.slice(0, 5)).toEqual(['905321234567', '123456789012345', '12.5', 'TRUE', 'padded']);
    expect(p.rows[1]?.slice(0, 5)).toEqual(['5321234567', '1', '-3.25', 'FALSE', 'x']);
    // A date comes back as its formatted text, not as a serial number.
    expect(p.rows[0]?.[5]).toMatch(/90|1990/);
    expect(p.rows[0]?.[5]).not.toBe('32947');
  });

  it('keeps all digits of a phone Excel displays in scientific form', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Phone'], [905321234567]]);
    const cell = ws['A2'] as XLSX.CellObject;
    cell.z = '0.00E+00';
    cell.w = '9.05E+11';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(parseSpreadsheet(bytes, 'x.xlsx').rows).toEqual([['905321234567']]);
  });

  it('uses the first non-empty sheet, or the one asked for', () => {
    const bytes = book([['Phone'], ['0532 123 45 67']], 'xlsx', [['Empty', []], ['Other', [['Phone'], ['0533 765 43 21']]]]);
    const first = parseSpreadsheet(bytes, 'x.xlsx');
    expect(first.sheetNames).toEqual(['Empty', 'Other', 'Main']);
    expect(first.sheetName).toBe('Other');
    expect(first.rows).toEqual([['0533 765 43 21']]);
    const main = parseSpreadsheet(bytes, 'x.xlsx', DEFAULT_PARSE_LIMITS, 'Main');
    expect(main.sheetName).toBe('Main');
    expect(main.rows).toEqual([['0532 123 45 67']]);
    expect(() => parseSpreadsheet(bytes, 'x.xlsx', DEFAULT_PARSE_LIMITS, 'Empty')).toThrow(SpreadsheetError);
    const missing = (() => {
      try {
        parseSpreadsheet(bytes, 'x.xlsx', DEFAULT_PARSE_LIMITS, 'Nope');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(missing).toBeInstanceOf(SpreadsheetError);
  });

  it('keeps a 10 000-character cell and emoji in an .xlsx', () => {
    const long = 'é'.repeat(10_000);
    const p = parseSpreadsheet(book([['Phone', 'Note', 'Name'], ['0532 123 45 67', long, '🌸 Dewi 👨‍👩‍👧']], 'xlsx'), 'x.xlsx');
    expect(p.rows[0]).toEqual(['0532 123 45 67', long, '🌸 Dewi 👨‍👩‍👧']);
  });

  it('a header row that starts further down, with blank rows between contacts', () => {
    const p = parseSpreadsheet(book([[], [null, 'Phone', 'Name'], [], [null, '0532 123 45 67', 'Ali'], [], [null, '0533 765 43 21', 'Veli']], 'xlsx'), 'x.xlsx');
    expect(p.headers).toEqual(['Column A', 'Phone', 'Name']);
    expect(p.rows).toEqual([
      ['', '0532 123 45 67', 'Ali'],
      ['', '0533 765 43 21', 'Veli'],
    ]);
  });

  it('parses 100 000 x 6 .xlsx about as fast as SheetJS alone', () => {
    const bytes = generateContactsXlsx(100_000, 1);
    const time = (f: () => void): number => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    let rawRows = 0;
    const raw = time(() => {
      const wb = XLSX.read(bytes, { type: 'array', dense: true });
      const name = wb.SheetNames[0] ?? '';
      const ws = wb.Sheets[name];
      if (ws) rawRows = XLSX.utils.sheet_to_json(ws, { header: 1 }).length;
    });
    let p: ParsedSheet | null = null;
    const mine = time(() => {
      p = parseSpreadsheet(bytes, 'big.xlsx');
    });
    console.log(`xlsx 100 000 x 6: parseSpreadsheet ${mine.toFixed(0)} ms, raw read+sheet_to_json ${raw.toFixed(0)} ms (ratio ${(mine / raw).toFixed(2)})`);
    expect(rawRows).toBe(100_001);
    const parsed = p as ParsedSheet | null;
    expect(parsed?.rows).toHaveLength(100_000);
    expect(mine / raw).toBeLessThan(1.5);
    // Every phone, including the ones stored as numbers, normalises to the expected number.
    const rows = parsed?.rows ?? [];
    for (const i of [0, 1, 2, 3, 4, 15, 99_999]) {
      expect(normalisePhone(rows[i]?.[0] ?? '', 'TR')).toEqual({ ok: true, e164: generatedPhoneE164(i, 1) });
    }
  });
});

describe('hostile content', () => {
  it('a header named __proto__ is kept as text, flagged, and pollutes nothing', () => {
    for (const bytes of [
      utf8('__proto__,Phone,constructor,prototype\n{"polluted":1},0532 123 45 67,x,y\n'),
      book([['__proto__', 'Phone', 'constructor', 'prototype'], ['{"polluted":1}', '0532 123 45 67', 'x', 'y']], 'xlsx'),
    ]) {
      const p = parseSpreadsheet(bytes, 'x');
      expect(p.headers).toEqual(['__proto__', 'Phone', 'constructor', 'prototype']);
      expect(p.rows).toEqual([['{"polluted":1}', '0532 123 45 67', 'x', 'y']]);
      const reserved = p.warnings.filter((w) => w.code === 'reserved_header');
      expect(reserved.map((w) => w.params.header)).toEqual(['__proto__', 'constructor', 'prototype']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
      expect(Array.isArray(p.rows[0])).toBe(true);
    }
  });

  it('column letters', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

// --- helpers -----------------------------------------------------------------------------------

/** A one-file stored (uncompressed) zip. CRC is not checked by the sniffer. */
function tinyZip(name: string, content: string): Uint8Array {
  const n = utf8(name);
  const c = utf8(content);
  const local = new Uint8Array(30 + n.length + c.length);
  const dl = new DataView(local.buffer);
  dl.setUint32(0, 0x04034b50, true);
  dl.setUint16(4, 20, true);
  dl.setUint32(18, c.length, true);
  dl.setUint32(22, c.length, true);
  dl.setUint16(26, n.length, true);
  local.set(n, 30);
  local.set(c, 30 + n.length);
  const central = new Uint8Array(46 + n.length);
  const dc = new DataView(central.buffer);
  dc.setUint32(0, 0x02014b50, true);
  dc.setUint16(4, 20, true);
  dc.setUint16(6, 20, true);
  dc.setUint32(20, c.length, true);
  dc.setUint32(24, c.length, true);
  dc.setUint16(28, n.length, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const de = new DataView(end.buffer);
  de.setUint32(0, 0x06054b50, true);
  de.setUint16(8, 1, true);
  de.setUint16(10, 1, true);
  de.setUint32(12, central.length, true);
  de.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}

/** Renames the two stream entries of the hand-made Compound File fixture. */
function renameCfbEntries(b: Uint8Array, names: [string, string]): void {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  names.forEach((name, k) => {
    const o = 512 * 2 + (k + 1) * 128;
    for (let i = 0; i < 64; i++) b[o + i] = 0;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + i * 2, name.charCodeAt(i), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
  });
}

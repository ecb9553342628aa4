import { isUtf8 } from 'node:buffer';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { columnLetters } from './parse';
import { buildTextXlsx, crc32Fallback, escapeXmlText } from './xlsx-write-fast';

type Entry = { name: string; flags: number; method: number; crc: number; data: Buffer; dosTime: number; dosDate: number };

/** A strict reading of the zip: every central entry's local header agrees, inflates, and its CRC matches. */
function unzip(bytes: Uint8Array): Entry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.length - 22;
  expect(b.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  expect(cdOffset + cdSize).toBe(eocd);
  const out: Entry[] = [];
  let p = cdOffset;
  let expectedLocal = 0;
  for (let i = 0; i < count; i++) {
    expect(b.readUInt32LE(p)).toBe(0x02014b50);
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const csize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    expect(local).toBe(expectedLocal); // entries are back to back
    expect(b.readUInt32LE(local)).toBe(0x04034b50);
    expect(b.readUInt16LE(local + 6)).toBe(flags);
    expect(b.readUInt16LE(local + 8)).toBe(method);
    expect(b.readUInt32LE(local + 14)).toBe(crc);
    expect(b.readUInt32LE(local + 18)).toBe(csize);
    expect(b.readUInt32LE(local + 22)).toBe(size);
    expect(b.toString('utf8', local + 30, local + 30 + nameLen)).toBe(name);
    const start = local + 30 + nameLen + b.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(b.subarray(start, start + csize));
    expect(data.length).toBe(size);
    expect(zlib.crc32(data)).toBe(crc);
    out.push({ name, flags, method, crc, data, dosTime: b.readUInt16LE(p + 12), dosDate: b.readUInt16LE(p + 14) });
    expectedLocal = start + csize;
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  expect(expectedLocal).toBe(cdOffset);
  return out;
}

/** Characters XML 1.0 forbids, plus CR (which XML parsers would turn into LF). */
// eslint-disable-next-line no-control-regex -- exactly what is tested for
const NOT_IN_XML = /[\x00-\x08\x0b-\x1f\ufffe\uffff]/;

describe('escapeXmlText', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<t>x</t>', '&lt;t&gt;x&lt;/t&gt;'],
    ['quote " apostrophe \'', 'quote " apostrophe \''],
    ['cr\r\nlf', 'cr_x000D_\nlf'],
    ['tab\tok', 'tab\tok'],
    ['\u0000\u0001\u001f', '_x0000__x0001__x001F_'],
    ['\ufffe\uffff', '_xFFFE__xFFFF_'],
    ['_x0041_', '_x005F_x0041_'],
    ['_X00e9_', '_x005F_X00e9_'],
    ['_x004_ _x00G1_ x0041_ _x0041', '_x004_ _x00G1_ x0041_ _x0041'],
    ['__x0041__', '__x005F_x0041__'],
    ['ğüşİ علی 😊', 'ğüşİ علی 😊'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });
});

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('%i -> %s', (c, letters) => {
    expect(columnLetters(c)).toBe(letters);
    expect(XLSX.utils.encode_col(c)).toBe(letters);
  });
});

describe('crc32Fallback', () => {
  it('matches zlib.crc32, also when continued chunk by chunk', () => {
    const data = Buffer.from('The quick brown fox 🦊 jumps over the lazy dog. ğüşİ علی'.repeat(50), 'utf8');
    expect(crc32Fallback(new Uint8Array())).toBe(0);
    expect(crc32Fallback(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Fallback(data)).toBe(zlib.crc32(data));
    const half = 777;
    expect(crc32Fallback(data.subarray(half), crc32Fallback(data.subarray(0, half)))).toBe(zlib.crc32(data));
  });
});

describe('buildTextXlsx', () => {
  it('writes the expected parts, UTF-8 named, deflated, with a DOS date of today', () => {
    const entries = unzip(buildTextXlsx('S', ['H'], [['v']], (v) => v));
    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const now = new Date();
    for (const e of entries) {
      expect(e.flags).toBe(0x0800);
      expect(e.method).toBe(8);
      expect(e.dosDate >> 9).toBe(now.getFullYear() - 1980);
      expect(isUtf8(e.data)).toBe(true);
      expect(e.data.toString('utf8').startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    }
  });

  it('sheet XML: frozen header, Text style on cells and columns, widths capped, empty cells skipped', () => {
    const entries = unzip(buildTextXlsx('S', ['Phone', 'Note'], [['+90 532', 'n'.repeat(200)], ['', 'x']], (v) => v));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? '';
    expect(sheet).toContain('<dimension ref="A1:B3"/>');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="9" style="1" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="50" style="1" customWidth="1"/>');
    expect(sheet).toContain('<row r="1"><c r="A1" s="2" t="inlineStr"><is><t>Phone</t></is></c>');
    expect(sheet).toContain('<row r="3"><c r="B3" s="1" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(sheet).not.toContain('r="A3"');
    const styles = entries.find((e) => e.name === 'xl/styles.xml')?.data.toString('utf8') ?? '';
    expect(styles).toContain('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
  });

  it('xml:space="preserve" only where leading or trailing whitespace needs it', () => {
    const entries = unzip(buildTextXlsx('S', ['H'], [[' a'], ['b\n'], ['c d']], (v) => v));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? '';
    expect(sheet).toContain('<t xml:space="preserve"> a</t>');
    expect(sheet).toContain('<t xml:space="preserve">b\n</t>');
    expect(sheet).toContain('<t>c d</t>');
  });

  it('no part holds characters XML 1.0 forbids, whatever the cells hold', () => {
    const nasty = Array.from({ length: 0x20 }, (_v, i) => String.fromCharCode(i)).join('') + '\ufffe\uffff\ud800';
    const entries = unzip(buildTextXlsx('S' + nasty, [nasty], [[nasty, 'a\r\nb']], (v) => v));
    for (const e of entries) expect(NOT_IN_XML.test(e.data.toString('utf8').replace(/\n/g, '').replace(/\t/g, ''))).toBe(false);
    const ws = XLSX.read(buildTextXlsx('S', ['H'], [[nasty, 'a\r\nb']], (v) => v), { type: 'array' }).Sheets['S'];
    expect((ws?.['A2'] as XLSX.CellObject | undefined)?.v).toBe(nasty.slice(0, -1) + '\ufffd');
    expect((ws?.['B2'] as XLSX.CellObject | undefined)?.v).toBe('a\r\nb');
  });

  it('sheets bigger than one chunk, and a single row bigger than the chunk buffer', () => {
    const huge = 'ü'.repeat(700_000) + '😊'.repeat(200_000); // 2.2 MB of UTF-8, up to 3.3 MB reserved: over the 2 MiB buffer
    const rows = Array.from({ length: 30_000 }, (_v, i) => [`row ${i}`, i % 1000 === 0 ? 'ö'.repeat(i % 7) : 'x']);
    rows[12_345] = ['big', huge];
    const entries = unzip(buildTextXlsx('S', ['A', 'B'], rows, (v) => v));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? '';
    expect(sheet.length).toBeGreaterThan(3_000_000);
    const ws = XLSX.read(buildTextXlsx('S', ['A', 'B'], rows, (v) => v), { type: 'array' }).Sheets['S'];
    expect(ws?.['!ref']).toBe('A1:B30001');
    expect((ws?.['B12347'] as XLSX.CellObject | undefined)?.v).toBe(huge);
    expect((ws?.['A30001'] as XLSX.CellObject | undefined)?.v).toBe('row 29999');
    const lines = sheet.split('<row r="');
    expect(lines.length).toBe(30_002);
    expect(lines[30_001]?.startsWith('30001">')).toBe(true);
  });

  it('refuses more rows than Excel allows', () => {
    const rows = new Array<string[]>(1_048_576).fill(['x']);
    expect(() => buildTextXlsx('S', ['H'], rows, (v) => v)).toThrow(RangeError);
  });
});

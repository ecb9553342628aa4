/**
 * A plain text file named .xlsx or .xls: its content does not match its name, so Pigeon asks
 * before reading it as CSV instead of showing a baffling mapping.
 */
import { describe, expect, it } from 'vitest';
import { messyContactsWorkbook, messyContactsXlsx } from './fixtures';
import { contentMismatch, parseSpreadsheet, SpreadsheetError } from './parse';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const CSV = 'Name,Phone\r\nAyşe,0532 123 45 67\r\n';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return null;
}

describe('contentMismatch', () => {
  it('names the extension a file claims when its first bytes are not that format’s', () => {
    expect(contentMismatch('contacts.xlsx', utf8(CSV))).toBe('xlsx');
    expect(contentMismatch('CONTACTS.XLS', utf8(CSV))).toBe('xls');
    expect(contentMismatch('contacts.xlsm', utf8(CSV))).toBe('xlsm');
    expect(contentMismatch('a.xlsx', new Uint8Array())).toBe('xlsx');
  });

  it('is quiet when the bytes are a workbook (PK\\x03\\x04 zip, D0 CF 11 E0 compound file) or the name claims no workbook', () => {
    expect(contentMismatch('contacts.xlsx', messyContactsXlsx())).toBeNull();
    expect(contentMismatch('contacts.xls', messyContactsWorkbook('xls'))).toBeNull();
    // A real .xls saved under .xlsx, or the other way round: both are workbooks, read from the bytes.
    expect(contentMismatch('contacts.xlsx', messyContactsWorkbook('xls'))).toBeNull();
    expect(contentMismatch('contacts.xls', messyContactsXlsx())).toBeNull();
    expect(contentMismatch('contacts.csv', utf8(CSV))).toBeNull();
    expect(contentMismatch('contacts.txt', utf8(CSV))).toBeNull();
    expect(contentMismatch('xlsx', utf8(CSV))).toBeNull();
  });
});

describe('parseSpreadsheet with a text file named as a workbook', () => {
  it('asks in plain words instead of reading it', () => {
    const e = thrown(() => parseSpreadsheet(utf8(CSV), 'customers.xlsx'));
    expect(e).toBeInstanceOf(SpreadsheetError);
    expect(e).toMatchObject({
      code: 'content_mismatch',
      message: 'This file is named .xlsx but holds plain text. Read it as text (CSV)?',
      params: { extension: 'xlsx' },
    });
    expect(thrown(() => parseSpreadsheet(utf8(CSV), 'old.xls'))).toMatchObject({
      code: 'content_mismatch',
      message: 'This file is named .xls but holds plain text. Read it as text (CSV)?',
    });
  });

  it('reads it as CSV once the operator says so', () => {
    const p = parseSpreadsheet(utf8(CSV), 'customers.xlsx', undefined, undefined, { readAsText: true });
    expect(p.fileType).toBe('csv');
    expect(p.headers).toEqual(['Name', 'Phone']);
    expect(p.rows).toEqual([['Ayşe', '0532 123 45 67']]);
  });

  it('still refuses binary junk named .xlsx as not a spreadsheet (no offer to read it as text)', () => {
    const junk = Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 1) & 0xff);
    expect(thrown(() => parseSpreadsheet(junk, 'x.xlsx'))).toMatchObject({ code: 'not_a_spreadsheet' });
  });
});

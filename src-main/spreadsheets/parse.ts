// Reads an uploaded spreadsheet (xlsx, xls, ods or CSV) into a header row and string rows.
//
// Pure functions: meant to run inside a worker thread (SheetJS has published advisories for
// crafted files, so the caller runs this with a time limit). The content is sniffed from its
// bytes, never from the file name. Nothing here writes parsed text into plain objects as keys:
// headers and rows are arrays, so a header called "__proto__" is just a string.
import type { ErrorCode } from '#shared/errors';
import { IMPORT_LIMITS } from '#shared/limits';
import { t } from '#shared/i18n';
import * as XLSX from 'xlsx';
import { numberCellText, readXlsxFast, XlsxRefusal, type SheetGrid } from './xlsx-fast';
import { checkZip, checkZipData, ZIP_LIMITS, ZipRefusal, type ZipEntryInfo } from './zip-guard';

export type ParseLimits = { maxBytes: number; maxRows: number; maxCellChars: number };

/**
 * maxBytes 100 MiB; maxRows 250 000 data rows (header not counted); maxCellChars 5000 — longer
 * cells are kept by the parser, the importer's row check cuts them and warns.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { ...IMPORT_LIMITS };

/** The app's error codes a spreadsheet can fail with (a subset of ErrorCode, so they cannot drift apart). */
export type SpreadsheetErrorCode = Extract<
  ErrorCode,
  | 'file_too_large'
  | 'too_many_rows'
  | 'not_a_spreadsheet'
  | 'encrypted_workbook'
  | 'corrupt_workbook'
  | 'empty_sheet'
  | 'no_header_row'
  | 'unsupported_format'
  | 'content_mismatch'
>;

export class SpreadsheetError extends Error {
  constructor(
    public code: SpreadsheetErrorCode,
    message: string,
    public params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/** readAsText: the operator agreed to read a text file named .xlsx/.xls as CSV. */
export type ParseOptions = { readAsText?: boolean };

export type ParseWarning = { code: string; message: string; params: Record<string, string | number> };

export type ParsedSheet = {
  fileType: 'xlsx' | 'xls' | 'csv' | 'ods';
  sheetName: string;
  sheetNames: string[];
  headers: string[];
  rows: string[][];
  /** 1-based spreadsheet row (CSV: record) number of each entry of `rows`; blank rows are skipped. */
  rowNumbers: number[];
  warnings: ParseWarning[];
  /**
   * The workbook's sheets holding data, in the workbook's order, this one included: each read in
   * full (so the operator can add it to the import), or with the reason it cannot be. Empty for CSV.
   */
  sheets: SheetEntry[];
};

/** One sheet of a workbook besides the one mapped: its grid, or why it cannot be imported. */
export type SheetEntry = {
  name: string;
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
  /** Why it cannot be imported (then `rows` is empty), or null. */
  problem: string | null;
  /** Data rows (for a sheet with a problem: as far as known). */
  rowCount: number;
};

/** Header texts that are dangerous as object keys. Kept as text, flagged with a warning. */
export const RESERVED_HEADERS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function isReservedHeader(header: string): boolean {
  return RESERVED_HEADERS.includes(header.trim());
}

// ---------------------------------------------------------------------------------------------
// Messages (plain English, saying what to do)


function notASpreadsheet(): SpreadsheetError {
  return new SpreadsheetError(
    'not_a_spreadsheet',
    t('sheet.notSpreadsheet'),
  );
}

function encrypted(): SpreadsheetError {
  return new SpreadsheetError(
    'encrypted_workbook',
    t('sheet.encrypted'),
  );
}

function corrupt(): SpreadsheetError {
  return new SpreadsheetError(
    'corrupt_workbook',
    t('sheet.corrupt'),
  );
}

function tooManyRows(maxRows: number): SpreadsheetError {
  return new SpreadsheetError(
    'too_many_rows',
    t('sheet.tooManyRows', { maxRows }),
    { maxRows },
  );
}

function emptySheet(sheetName: string): SpreadsheetError {
  return new SpreadsheetError(
    'empty_sheet',
    t('sheet.empty'),
    { sheetName },
  );
}

function headerOnly(sheetName: string): SpreadsheetError {
  return new SpreadsheetError(
    'empty_sheet',
    t('sheet.headerOnly'),
    { sheetName },
  );
}

// ---------------------------------------------------------------------------------------------
// Sniffing

type Sniffed =
  | { kind: 'zip' }
  | { kind: 'cfb' }
  | { kind: 'text'; text: string; utf8: boolean };

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number =>
  ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04] as const;
const CFB_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Workbook extensions whose files are binary: a zip (.xlsx, .xlsm, .xlsb) or a compound file (.xls). */
const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls'] as const;
export type WorkbookExtension = (typeof WORKBOOK_EXTENSIONS)[number];

/**
 * The workbook extension `fileName` claims when its bytes are no workbook at all (neither a zip,
 * PK\x03\x04, nor a compound file, D0 CF 11 E0), else null. Either container is accepted for
 * either name: the format is then read from the bytes as always.
 */
export function contentMismatch(fileName: string, bytes: Uint8Array): WorkbookExtension | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 && !fileName.startsWith('.')) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const named = WORKBOOK_EXTENSIONS.find((e) => e === ext);
  if (named === undefined) return null;
  if (startsWith(bytes, ZIP_SIG) || startsWith(bytes, CFB_SIG.slice(0, 4))) return null;
  return named;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP_SIG)) return { kind: 'zip' };
  if (startsWith(bytes, CFB_SIG)) return { kind: 'cfb' };
  // UTF-16 text with a BOM (Excel's "Unicode Text" export): decode it.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes), utf8: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes), utf8: false };
  }
  // Binary? NUL or other control bytes (apart from tab, CR, LF, FF) never appear in a CSV.
  const probe = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < probe; i++) {
    const c = bytes[i] ?? 0;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) throw notASpreadsheet();
  }
  if (bytes.indexOf(0) !== -1) throw notASpreadsheet();
  let text: string;
  try {
    text = utf8Fatal.decode(bytes); // strips a UTF-8 BOM
  } catch {
    throw new SpreadsheetError(
      'unsupported_format',
      t('sheet.notUtf8'),
    );
  }
  const first = text.trimStart().slice(0, 1);
  if (first === '<' || first === '{' || first === '[') {
    throw new SpreadsheetError(
      'unsupported_format',
      t('sheet.webPage'),
    );
  }
  return { kind: 'text', text, utf8: true };
}

/** What a zip holds, from its entry names (checked by checkZip). */
function sniffZip(b: Uint8Array, names: readonly string[]): 'xlsx' | 'ods' {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  if (lower.has('xl/workbook.xml') || lower.has('xl/workbook.bin')) return 'xlsx';
  if (lower.has('[content_types].xml') && names.some((n) => /workbook\.(xml|bin)$/i.test(n))) return 'xlsx';
  if (lower.has('content.xml')) {
    // The "mimetype" entry comes first, stored: its text is in the first few hundred bytes.
    const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 400)));
    if (head.includes('opendocument.spreadsheet')) return 'ods';
    if (!head.includes('application/vnd.oasis.opendocument')) return 'ods';
    throw notASpreadsheet(); // a text document or presentation
  }
  if (lower.has('index/document.iwa')) {
    throw new SpreadsheetError(
      'unsupported_format',
      t('sheet.numbers'),
    );
  }
  throw notASpreadsheet();
}

/**
 * Names in a Compound File (the container of .xls files and of password-protected .xlsx files).
 * Null when the structure is damaged.
 */
function cfbEntryNames(b: Uint8Array): string[] | null {
  if (b.length < 512) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const ss = 1 << shift;
  const perSector = ss / 4;
  const sectorOffset = (s: number): number => (s + 1) * ss;
  // FAT sector list: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  const numFat = u32(b, 0x2c);
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(u32(b, 0x4c + i * 4));
  let difat = u32(b, 0x44);
  let guard = 0;
  while (fatSectors.length < numFat && difat < 0xfffffffa && guard++ < 100_000) {
    const off = sectorOffset(difat);
    if (off + ss > b.length) return null;
    for (let i = 0; i < perSector - 1 && fatSectors.length < numFat; i++) fatSectors.push(u32(b, off + i * 4));
    difat = u32(b, off + ss - 4);
  }
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return -1;
    const off = sectorOffset(fs) + (s % perSector) * 4;
    if (off + 4 > b.length) return -1;
    return u32(b, off);
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  const seen = new Set<number>();
  while (dir < 0xfffffffa) {
    if (seen.has(dir) || seen.size > 100_000) return null;
    seen.add(dir);
    const off = sectorOffset(dir);
    if (off + ss > b.length) return null;
    for (let e = off; e < off + ss; e += 128) {
      const nameLen = u16(b, e + 0x40);
      const type = b[e + 0x42] ?? 0;
      if (type === 0 || nameLen < 2 || nameLen > 64) continue;
      let name = '';
      for (let i = 0; i < nameLen - 2; i += 2) name += String.fromCharCode(u16(b, e + i));
      names.push(name);
    }
    const n = next(dir);
    if (n < 0) return null;
    dir = n;
  }
  return names;
}

function sniffCfb(b: Uint8Array): 'xls' {
  const names = cfbEntryNames(b);
  if (names === null) throw corrupt();
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('encryptedpackage') || lower.includes('encryptioninfo')) throw encrypted();
  if (lower.includes('workbook') || lower.includes('book')) return 'xls';
  throw notASpreadsheet(); // e.g. a Word .doc or an Outlook .msg
}

// ---------------------------------------------------------------------------------------------
// Headers and rows

/** 0 -> "A", 25 -> "Z", 26 -> "AA" (like Excel's column letters). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const HEADER_LOOKS_LIKE_PHONE = /^[+(]?[\d\s().\-/+]{7,}$/;

/**
 * Turns raw non-empty rows (first = header) into the final sheet: names blank headers, makes
 * duplicate headers unique, pads/truncates rows, extends the header for data beyond it.
 * `rawRowNumbers[i]` is the row number of `raw[i]`.
 */
function finish(
  raw: string[][],
  rawRowNumbers: number[],
  fileType: ParsedSheet['fileType'],
  sheetName: string,
  sheetNames: string[],
): ParsedSheet {
  const headerRaw = raw[0];
  if (!headerRaw) throw emptySheet(sheetName);
  if (raw.length < 2) throw headerOnly(sheetName);
  let width = headerRaw.length;
  for (let r = 1; r < raw.length; r++) {
    const row = raw[r] ?? [];
    // Only cells holding data widen the header; trailing blanks do not.
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '') {
        width = c + 1;
        break;
      }
    }
  }
  // Trim trailing blank header cells that have no data under them.
  while (width > 1 && (headerRaw[width - 1] ?? '') === '') {
    const c = width - 1;
    let used = false;
    for (let r = 1; r < raw.length && !used; r++) if ((raw[r]?.[c] ?? '') !== '') used = true;
    if (used) break;
    width--;
  }

  const warnings: ParseWarning[] = [];
  const headers: string[] = [];
  const taken = new Set<string>();
  const blankName = (c: number): string => `Column ${columnLetters(c)}`;
  for (let c = 0; c < width; c++) {
    const h = (headerRaw[c] ?? '').replace(/\s+/g, ' ').trim();
    if (h !== '') taken.add(h.toLowerCase());
  }
  const used = new Set<string>();
  for (let c = 0; c < width; c++) {
    let h = (headerRaw[c] ?? '').replace(/\s+/g, ' ').trim();
    if (h === '') {
      h = blankName(c);
      let k = 2;
      while (taken.has(h.toLowerCase()) || used.has(h.toLowerCase())) h = `${blankName(c)} (${k++})`;
    } else if (used.has(h.toLowerCase())) {
      const base = h;
      let k = 2;
      while (used.has(`${base} (${k})`.toLowerCase()) || taken.has(`${base} (${k})`.toLowerCase())) k++;
      h = `${base} (${k})`;
      warnings.push({
        code: 'duplicate_header',
        message: `Two columns are called "${base}"; the second one is shown as "${h}".`,
        params: { header: base, renamed: h, column: columnLetters(c) },
      });
    }
    used.add(h.toLowerCase());
    headers.push(h);
    if (isReservedHeader(h)) {
      warnings.push({
        code: 'reserved_header',
        message: `The column "${h}" (column ${columnLetters(c)}) has a name Pigeon cannot use; it will not be imported. Rename the column and import again if you need it.`,
        params: { header: h, column: columnLetters(c), index: c },
      });
    }
  }
  if (headerRaw.some((h) => HEADER_LOOKS_LIKE_PHONE.test(h) && /\d{6,}/.test(h.replace(/\D/g, '')))) {
    warnings.push({
      code: 'header_looks_like_data',
      message: 'The first row looks like a contact, not column titles. Pigeon reads the first row as the titles; add a title row above your contacts if the first contact is missing.',
      params: {},
    });
  }

  const rows: string[][] = new Array<string[]>(raw.length - 1);
  for (let r = 1; r < raw.length; r++) {
    const row = raw[r] ?? [];
    if (row.length !== width) {
      if (row.length > width) row.length = width;
      else for (let c = row.length; c < width; c++) row.push('');
    }
    rows[r - 1] = row;
  }
  const rowNumbers = rawRowNumbers.slice(1, raw.length);
  return { fileType, sheetName, sheetNames, headers, rows, rowNumbers, warnings, sheets: [] };
}

// ---------------------------------------------------------------------------------------------
// CSV

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Counts non-empty records in CSV bytes without building them; stops once over `stopAt`. */
function countCsvRecords(b: Uint8Array, delim: number, stopAt: number): number {
  let count = 0;
  let inQuotes = false;
  let hasData = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (inQuotes) {
      if (c === QUOTE) {
        if (b[i + 1] === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === QUOTE) {
      inQuotes = true;
      hasData = true; // a quoted field, possibly "" — close enough for a limit check
    } else if (c === LF || c === CR) {
      if (hasData) {
        count++;
        if (count > stopAt) return count;
      }
      hasData = false;
    } else if (c !== delim && c !== 0x20 && c !== 0x09) {
      hasData = true;
    }
  }
  if (hasData) count++;
  return count;
}

/** Picks the delimiter that splits the first lines most consistently (quotes respected). */
function detectDelimiter(text: string): string {
  const candidates = [';', ',', '\t'];
  const lines: Map<string, number>[] = [];
  let current = new Map<string, number>();
  let inQuotes = false;
  let nonEmpty = false;
  const limit = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < limit && lines.length < 50; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      nonEmpty = true;
    } else if (ch === '\n' || ch === '\r') {
      if (nonEmpty) lines.push(current);
      current = new Map();
      nonEmpty = false;
    } else {
      nonEmpty = true;
      if (ch === ';' || ch === ',' || ch === '\t') current.set(ch, (current.get(ch) ?? 0) + 1);
    }
  }
  if (nonEmpty) lines.push(current);
  let best = ',';
  let bestScore = -1;
  for (const d of candidates) {
    const head = lines[0]?.get(d) ?? 0;
    if (head === 0) continue;
    let consistent = 0;
    for (const l of lines) if ((l.get(d) ?? 0) === head) consistent++;
    const score = consistent * 1000 + head;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * RFC 4180 parser: quoted fields, doubled quotes, CRLF / LF / CR. Drops empty records; `rowNumbers`
 * holds the 1-based record number of each kept row.
 */
function parseCsvText(text: string, delim: string, maxRows: number): { rows: string[][]; rowNumbers: number[] } {
  const out: string[][] = [];
  const rowNumbers: number[] = [];
  let record = 1;
  const d = delim.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let row: string[] = [];
  let rowHasData = false;
  while (i < n) {
    // One field.
    let value: string;
    let c = text.charCodeAt(i);
    // Skip spaces before an opening quote (common: `a, "b, c"`).
    let j = i;
    while (j < n && (text.charCodeAt(j) === 0x20 || (text.charCodeAt(j) === 0x09 && d !== 0x09))) j++;
    if (j < n && text.charCodeAt(j) === QUOTE) {
      i = j + 1;
      let buf = '';
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          buf += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          buf += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        buf += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything after the closing quote up to the delimiter is appended (lenient).
      let k = i;
      while (k < n) {
        c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      if (k > i) buf += text.slice(i, k);
      i = k;
      value = buf.trim();
    } else {
      let k = i;
      while (k < n) {
        c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      value = text.slice(i, k).trim();
      i = k;
    }
    row.push(value);
    if (value !== '') rowHasData = true;
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // End of record.
    if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else i++;
    if (rowHasData) {
      out.push(row);
      rowNumbers.push(record);
      if (out.length > maxRows + 1) return { rows: out, rowNumbers };
    }
    record++;
    row = [];
    rowHasData = false;
  }
  if (rowHasData) {
    out.push(row);
    rowNumbers.push(record);
  }
  return { rows: out, rowNumbers };
}

/** `bytes` is the UTF-8 source (used to refuse huge files cheaply), or null for UTF-16 sources. */
function parseCsv(bytes: Uint8Array | null, text: string, limits: ParseLimits): ParsedSheet {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delim: string | null = null;
  // Excel's "sep=;" hint line.
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint && hint[1]) {
    delim = hint[1];
    body = body.slice(hint[0].length);
  }
  if (delim === null) delim = detectDelimiter(body);

  // Refuse huge files before building rows: newline count is an upper bound of the record count;
  // only when it exceeds the limit do we count records exactly.
  if (bytes !== null && bytes.length > 0) {
    let lines = 0;
    let p = -1;
    const limit = limits.maxRows + 1;
    while ((p = bytes.indexOf(LF, p + 1)) !== -1) {
      if (++lines > limit) break;
    }
    if (lines <= limit) {
      // Old Mac files use CR only.
      if (lines === 0) lines = countCsvRecords(bytes, delim.charCodeAt(0), limit);
    } else {
      lines = countCsvRecords(bytes, delim.charCodeAt(0), limit);
    }
    if (lines > limit) throw tooManyRows(limits.maxRows);
  }

  const { rows: raw, rowNumbers } = parseCsvText(body, delim, limits.maxRows);
  if (raw.length === 0) throw emptySheet('');
  if (raw.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
  return finish(raw, rowNumbers, 'csv', '', []);
}

// ---------------------------------------------------------------------------------------------
// Workbooks (SheetJS)

type Cell = { t?: string; v?: unknown; w?: string };

function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 's':
    case 'str':
      return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return (cell.w ?? '').trim();
      return numberCellText(v, cell.w); // shared with the fast .xlsx reader
    case 'b':
      return v === true ? 'TRUE' : v === false ? 'FALSE' : '';
    case 'd':
      return cell.w !== undefined ? cell.w.trim() : v instanceof Date ? v.toISOString() : '';
    case 'e':
      return (cell.w ?? '').trim();
    case 'z':
      return '';
    default:
      if (typeof v === 'string') return v.trim();
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return (cell.w ?? '').trim();
  }
}

/** The sheet's rows as a dense array (SheetJS 0.18 dense sheets are arrays; 0.19+ use '!data'). */
function denseRows(sheet: XLSX.WorkSheet): (Cell[] | undefined)[] | null {
  const data: unknown = (sheet as unknown as Record<string, unknown>)['!data'];
  if (Array.isArray(data)) return data as (Cell[] | undefined)[];
  const rows: unknown = sheet;
  if (Array.isArray(rows)) return rows as (Cell[] | undefined)[];
  return null;
}

/** Non-empty rows of a SheetJS sheet, with their 1-based row numbers. */
function sheetRawRows(sheet: XLSX.WorkSheet): { rows: string[][]; rowNumbers: number[] } {
  const out: string[][] = [];
  const rowNumbers: number[] = [];
  const dense = denseRows(sheet);
  if (dense) {
    for (let r = 0; r < dense.length; r++) {
      const src = dense[r];
      if (!src) continue;
      const len = src.length;
      const row = new Array<string>(len);
      let has = false;
      for (let c = 0; c < len; c++) {
        const t = cellText(src[c]);
        row[c] = t;
        if (t !== '') has = true;
      }
      if (has) {
        out.push(row);
        rowNumbers.push(r + 1);
      }
    }
    return { rows: out, rowNumbers };
  }
  // Sparse fallback.
  const ref = sheet['!ref'];
  if (!ref) return { rows: out, rowNumbers };
  const range = XLSX.utils.decode_range(ref);
  const cells = sheet as unknown as Record<string, Cell | undefined>;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    let has = false;
    for (let c = 0; c <= range.e.c; c++) {
      const t = c < range.s.c ? '' : cellText(cells[XLSX.utils.encode_cell({ r, c })]);
      row.push(t);
      if (t !== '') has = true;
    }
    if (has) {
      out.push(row);
      rowNumbers.push(r + 1);
    }
  }
  return { rows: out, rowNumbers };
}

function sheetWasTruncated(sheet: XLSX.WorkSheet): boolean {
  const full = (sheet as unknown as Record<string, unknown>)['!fullref'];
  const ref = sheet['!ref'];
  if (typeof full !== 'string' || !ref) return false;
  return XLSX.utils.decode_range(full).e.r > XLSX.utils.decode_range(ref).e.r;
}

function readWorkbook(bytes: Uint8Array, limits: ParseLimits): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellFormula: false,
      sheetRows: limits.maxRows + 2,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password-protected/i.test(msg)) throw encrypted(); // e.g. an .xls with a FILEPASS record
    throw corrupt();
  }
}

/**
 * A workbook as the sheet chooser sees it: read by SheetJS, or by the fast .xlsx reader.
 * `grid` gives undefined for a sheet that is not there (SheetJS skipped it) and null when the fast
 * reader cannot read that sheet (the caller then reads the file with SheetJS).
 */
type WorkbookSource = {
  sheetNames: string[];
  hidden: ReadonlySet<string>;
  grid(name: string): SheetGrid | null | undefined;
};

function sheetJsSource(wb: XLSX.WorkBook): WorkbookSource {
  const hidden = new Set<string>();
  for (const s of wb.Workbook?.Sheets ?? []) if (s.Hidden && s.name) hidden.add(s.name);
  return {
    sheetNames: wb.SheetNames.slice(),
    hidden,
    grid(name) {
      const sheet = wb.Sheets[name];
      if (!sheet) return undefined;
      if (sheetWasTruncated(sheet)) return { rows: [], rowNumbers: [], truncated: true };
      return { ...sheetRawRows(sheet), truncated: false };
    },
  };
}

/** The fast .xlsx reader is on unless PIGEON_XLSX_FAST=0 (tests and comparisons). */
function fastXlsxEnabled(): boolean {
  return process.env.PIGEON_XLSX_FAST !== '0';
}

/**
 * Picks the sheet (the one asked for, else the first visible sheet with data, else the first
 * hidden one with data) and builds the result. Null when the fast reader gave up on a sheet.
 */
function chooseSheet(
  book: WorkbookSource,
  fileType: 'xlsx' | 'xls' | 'ods',
  limits: ParseLimits,
  wantedSheet: string | undefined,
): ParsedSheet | null {
  const sheetNames = book.sheetNames;
  if (sheetNames.length === 0) throw emptySheet('');
  let chosen: string | undefined;
  let raw: string[][] = [];
  let rawRowNumbers: number[] = [];
  if (wantedSheet !== undefined) {
    if (!sheetNames.includes(wantedSheet)) {
      throw new SpreadsheetError(
        'empty_sheet',
        t('sheet.noSuchSheet', { sheet: wantedSheet }),
        { sheetName: wantedSheet },
      );
    }
    chosen = wantedSheet;
  }
  const hidden = book.hidden;
  const order = chosen !== undefined ? [chosen] : [...sheetNames.filter((n) => !hidden.has(n)), ...sheetNames.filter((n) => hidden.has(n))];
  for (const name of order) {
    const g = book.grid(name);
    if (g === null) return null;
    if (g === undefined) continue;
    if (g.truncated) throw tooManyRows(limits.maxRows);
    if (g.rows.length > 0 || chosen !== undefined) {
      chosen = name;
      raw = g.rows;
      rawRowNumbers = g.rowNumbers;
      break;
    }
  }
  if (chosen === undefined || raw.length === 0) throw emptySheet(chosen ?? sheetNames[0] ?? '');
  if (raw.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
  const parsed = finish(raw, rawRowNumbers, fileType, chosen, sheetNames.slice());
  // Every other sheet with data, read the same way (same limits, same zip guard), so the operator
  // sees them all and can add those with the same columns. Empty sheets are left out.
  const sheets: SheetEntry[] = [];
  for (const name of sheetNames) {
    if (name === chosen) {
      sheets.push({ name, headers: parsed.headers, rows: parsed.rows, rowNumbers: parsed.rowNumbers, problem: null, rowCount: parsed.rows.length });
      continue;
    }
    const g = book.grid(name);
    if (g === null) return null;
    if (g === undefined) continue;
    if (g.truncated || g.rows.length > limits.maxRows + 1) {
      sheets.push({ name, headers: [], rows: [], rowNumbers: [], problem: t('sheet.other.tooManyRows', { maxRows: limits.maxRows }), rowCount: limits.maxRows + 1 });
      continue;
    }
    if (g.rows.length === 0) continue;
    if (g.rows.length === 1) {
      sheets.push({ name, headers: [], rows: [], rowNumbers: [], problem: t('sheet.other.headerOnly'), rowCount: 0 });
      continue;
    }
    const other = finish(g.rows, g.rowNumbers, fileType, name, []);
    sheets.push({ name, headers: other.headers, rows: other.rows, rowNumbers: other.rowNumbers, problem: null, rowCount: other.rows.length });
  }
  parsed.sheets = sheets;
  return parsed;
}

/** A zip declaring more than a contact list unpacks to (ZIP_LIMITS). */
function unpackedTooLarge(fileName: string): SpreadsheetError {
  return new SpreadsheetError(
    'file_too_large',
    t('sheet.unpackedTooLarge'),
    { fileName, maxUnpackedMb: Math.floor(ZIP_LIMITS.maxTotalBytes / (1024 * 1024)) },
  );
}

/** `check` (checkZip or checkZipData), its refusal in plain words. */
function guardZip<T>(fileName: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof ZipRefusal)) throw e;
    switch (e.problem) {
      case 'too_large':
        throw unpackedTooLarge(fileName);
      case 'unsafe':
        throw new SpreadsheetError('corrupt_workbook', t('sheet.zipUnsafe'));
      case 'damaged':
        throw corrupt();
    }
  }
}

/** .xlsx through the fast reader; null when it does not handle this file (use SheetJS). */
function parseXlsxFast(bytes: Uint8Array, fileName: string, limits: ParseLimits, wantedSheet: string | undefined): ParsedSheet | null {
  try {
    const fast = readXlsxFast(bytes, { maxRows: limits.maxRows });
    if (fast === null) return null;
    return chooseSheet(
      { sheetNames: fast.sheetNames, hidden: fast.hidden, grid: (name) => fast.readSheet(name) },
      'xlsx',
      limits,
      wantedSheet,
    );
  } catch (e) {
    if (e instanceof XlsxRefusal) throw e.reason === 'unpacked_too_large' ? unpackedTooLarge(fileName) : corrupt();
    if (e instanceof SpreadsheetError) throw e; // too many rows, empty sheet…: the same on both paths
    return null; // anything unexpected in the fast reader: let SheetJS decide
  }
}

/** `zip`: the entries checkZip found, when the workbook is a zip (.xlsx, .ods). */
function parseWorkbook(
  bytes: Uint8Array,
  fileName: string,
  fileType: 'xlsx' | 'xls' | 'ods',
  limits: ParseLimits,
  wantedSheet: string | undefined,
  zip: readonly ZipEntryInfo[] | null,
): ParsedSheet {
  if (fileType === 'xlsx' && fastXlsxEnabled()) {
    const fast = parseXlsxFast(bytes, fileName, limits, wantedSheet);
    if (fast !== null) return fast;
  }
  // SheetJS unpacks every entry to the end of its stream, whatever size was declared.
  if (zip !== null) guardZip(fileName, () => checkZipData(bytes, zip));
  const parsed = chooseSheet(sheetJsSource(readWorkbook(bytes, limits)), fileType, limits, wantedSheet);
  if (parsed === null) throw corrupt(); // not reached: SheetJS sheets are never null
  return parsed;
}

// ---------------------------------------------------------------------------------------------

/**
 * Parses a spreadsheet file. Throws SpreadsheetError with a plain-English message.
 * `fileName` is only used in messages; the format is decided from the bytes.
 */
export function parseSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  sheetName?: string,
  options: ParseOptions = {},
): ParsedSheet {
  if (bytes.length > limits.maxBytes) {
    const sizeMb = Math.ceil((bytes.length / (1024 * 1024)) * 10) / 10;
    const maxMb = Math.floor(limits.maxBytes / (1024 * 1024));
    throw new SpreadsheetError(
      'file_too_large',
      t('sheet.tooLarge', { sizeMb, maxMb }),
      { sizeMb, maxMb, fileName },
    );
  }
  if (bytes.length === 0) throw emptySheet('');
  const s = sniff(bytes);
  switch (s.kind) {
    case 'zip': {
      // Before any parser, whatever the file's name or what it holds (zip-guard.ts).
      const zip = guardZip(fileName, () => checkZip(bytes));
      return parseWorkbook(bytes, fileName, sniffZip(bytes, zip.map((e) => e.name)), limits, sheetName, zip);
    }
    case 'cfb':
      return parseWorkbook(bytes, fileName, sniffCfb(bytes), limits, sheetName, null);
    case 'text': {
      // Named as a workbook but plain text: ask rather than show a mapping the operator cannot place.
      const named = options.readAsText === true ? null : contentMismatch(fileName, bytes);
      if (named !== null) {
        throw new SpreadsheetError('content_mismatch', t('sheet.contentMismatch', { extension: named }), { extension: named });
      }
      return parseCsv(s.utf8 ? bytes : null, s.text, limits);
    }
  }
}

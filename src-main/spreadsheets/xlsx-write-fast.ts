// A fast .xlsx writer for one sheet of text cells: the OOXML parts are written as strings and
// packed into a ZIP here, with node:zlib doing the deflate and the CRC-32.
//
// The sheet uses inline strings (<c t="inlineStr"><is><t>…</t></is></c>): no shared strings table
// to build, and after deflate the repeated markup costs little. The sheet XML is produced in
// chunks of rows; each chunk is deflated on its own (Z_SYNC_FLUSH, the last one Z_FINISH) and the
// compressed pieces are concatenated into one valid deflate stream, so the whole uncompressed sheet
// (~60 MB for 250 000 contacts) never sits in memory at once.
//
// Text is escaped for XML 1.0: & < > as entities; characters XML 1.0 forbids (controls other than
// tab and LF, U+FFFE, U+FFFF) and CR (which XML parsers would turn into LF) as Excel's _xHHHH_
// escape; a literal "_xHHHH_" in the text gets its underscore escaped (_x005F_) so it is not
// decoded on reading. Lone surrogates become U+FFFD when encoded to UTF-8.
import * as zlib from 'node:zlib';
import { columnLetters } from './parse';

/** Excel's limits. */
const MAX_XLSX_ROWS = 1_048_576;
const MAX_XLSX_COLS = 16_384;

/** Column widths are guessed from the longest text, within these bounds (in characters). */
const MIN_COL_WIDTH = 6;
const MAX_COL_WIDTH = 50;
/** Sheet XML is encoded and deflated in chunks of about this many bytes. */
const CHUNK_BYTES = 1 << 20;
/**
 * zlib level. Measured on 100 000 generated contacts (40 MB of sheet XML): level 3 deflates in
 * ~100 ms to 3.75 MB, level 6 in ~235 ms to 3.47 MB, level 1 in ~75 ms to 3.96 MB. SheetJS's own
 * output for the same rows is ~9.2 MB, so the faster level costs nothing that matters.
 */
const DEFLATE_LEVEL = 3;

/** The cell styles of styles.xml (cellXfs indices). */
const STYLE_TEXT = 1;
const STYLE_HEADER = 2;
const STYLE_DATE = 3;
const STYLE_NUMBER = 4;

const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch (1899-12-30, with its 1900 leap-year quirk folded in) to 1970-01-01. */
const EXCEL_UNIX_EPOCH_DAYS = 25_569;

/** A time (ms since the epoch) as an Excel date serial showing this machine's wall-clock time. */
export function excelDateSerial(ms: number): number {
  const local = ms - new Date(ms).getTimezoneOffset() * 60_000;
  return local / MS_PER_DAY + EXCEL_UNIX_EPOCH_DAYS;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------------------------------------
// XML text

/** Anything escapeXmlText must change. */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_[xX][0-9a-fA-F]{4}_/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPES = /[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=[xX][0-9a-fA-F]{4}_)/g;

function escapeOne(m: string): string {
  switch (m) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '_':
      return '_x005F_';
    default:
      return '_x' + m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_';
  }
}

/** Element text content for a <t>: XML-escaped, with Excel's _xHHHH_ escapes where XML cannot go. */
export function escapeXmlText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, escapeOne) : s;
}

/** An attribute value (double-quoted). */
function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}

/** Leading or trailing whitespace, which Excel drops from a <t> without xml:space="preserve". */
function needsPreserve(s: string): boolean {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return a === 0x20 || a === 0x09 || a === 0x0a || a === 0x0d || z === 0x20 || z === 0x09 || z === 0x0a || z === 0x0d;
}

// ---------------------------------------------------------------------------------------------
// The workbook

/**
 * What a column holds. 'text': every cell a text cell holding `cell(value)` (empty results left
 * out). 'number': a number cell (a string value that is not a finite number is written as text).
 * 'date': a time in ms since the epoch, written as an Excel date serial (in this machine's time
 * zone, as Excel has none) with a date-and-time format; null / '' leave the cell empty.
 */
export type ColumnKind = 'text' | 'number' | 'date';
/** A Date is a date cell in any column; a number in a text column is a number cell. */
export type CellValue = string | number | Date | null;

export type SheetSpec = {
  /** Already valid for Excel and unique in the workbook. */
  name: string;
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** Per column; missing columns are text. */
  kinds?: readonly ColumnKind[];
};

/**
 * An .xlsx with one sheet named `sheetName` (already valid for Excel): `headers` as a bold row 1,
 * then `rows`. Every cell is a text cell holding `cell(value)`; empty results are left out.
 * `cell` is applied exactly once per cell, in order.
 */
export function buildTextXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  cell: (value: string) => string,
): Uint8Array {
  return buildXlsx([{ name: sheetName, headers, rows }], cell);
}

/**
 * An .xlsx with the given sheets, in order; the first one is selected. Text cells hold
 * `cell(value)`. `onRow` is called after each data row is written (progress, and a cancel: it may
 * throw, which abandons the workbook).
 */
export function buildXlsx(sheets: readonly SheetSpec[], cell: (value: string) => string, onRow?: () => void): Uint8Array {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet');
  const widths = sheets.map((sheet) => {
    let width = sheet.headers.length;
    for (const r of sheet.rows) if (r.length > width) width = r.length;
    if (sheet.rows.length + 1 > MAX_XLSX_ROWS) throw new RangeError(`Too many rows for an .xlsx sheet: ${sheet.rows.length}`);
    if (width > MAX_XLSX_COLS) throw new RangeError(`Too many columns for an .xlsx sheet: ${width}`);
    return width;
  });

  const now = new Date();
  const zip = new ZipWriter(now);
  zip.add('[Content_Types].xml', contentTypesXml(sheets.length));
  zip.add('_rels/.rels', ROOT_RELS);
  zip.add('docProps/app.xml', APP_XML);
  zip.add('docProps/core.xml', coreXml(now));
  zip.add('xl/workbook.xml', workbookXml(sheets.map((s) => s.name)));
  zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  zip.add('xl/styles.xml', STYLES_XML);
  sheets.forEach((sheet, i) => {
    zip.addStream(`xl/worksheets/sheet${i + 1}.xml`, (write) =>
      writeSheetXml(write, sheet, widths[i] ?? 0, i === 0, cell, onRow),
    );
  });
  return zip.finish();
}

function contentTypesXml(sheetCount: number): string {
  const ct = 'application/vnd.openxmlformats-officedocument';
  let sheets = '';
  for (let i = 1; i <= sheetCount; i++) {
    sheets += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`;
  }
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>` +
    '</Types>'
  );
}

const ROOT_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const APP_XML =
  XML_DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<Application>Pigeon</Application></Properties>';

function coreXml(now: Date): string {
  const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>Pigeon</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function workbookXml(sheetNames: readonly string[]): string {
  const sheets = sheetNames.map((name, i) => `<sheet name="${escapeXmlAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    '</workbook>'
  );
}

/** Sheet i is rId(i+1); the styles come after them. */
function workbookRels(sheetCount: number): string {
  let rels = '';
  for (let i = 1; i <= sheetCount; i++) rels += `<Relationship Id="rId${i}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels +
    `<Relationship Id="rId${sheetCount + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/**
 * cellXfs: 0 General (Excel's default), 1 Text "@" (STYLE_TEXT), 2 Text + bold (STYLE_HEADER),
 * 3 date and time (STYLE_DATE), 4 General for numbers in a column (STYLE_NUMBER).
 */
const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Writes the sheet XML as UTF-8 to `write`, in chunks of about CHUNK_BYTES. The chunks are views
 * of one reused buffer: `write` must be done with a chunk when it returns.
 *
 * Each row is built as one string and encoded straight into the buffer (measured: about twice as
 * fast as joining a chunk's rows into one string and calling Buffer.from on it).
 */
function writeSheetXml(
  write: (chunk: Buffer) => void,
  sheet: SheetSpec,
  width: number,
  selected: boolean,
  cell: (value: string) => string,
  onRow?: () => void,
): void {
  const { headers, rows } = sheet;
  const letters: string[] = [];
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    letters.push(columnLetters(c));
    kinds.push(sheet.kinds?.[c] ?? 'text');
  }
  const lastRef = (width > 0 ? columnLetters(width - 1) : 'A') + String(rows.length + 1);

  let head =
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="${lastRef === 'A1' ? 'A1' : 'A1:' + lastRef}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>';
  if (width > 0) {
    head += '<cols>';
    const widths = guessWidths(headers, rows, width, kinds);
    for (let c = 0; c < width; c++) {
      const style = kinds[c] === 'date' ? STYLE_DATE : kinds[c] === 'number' ? STYLE_NUMBER : STYLE_TEXT;
      head += `<col min="${c + 1}" max="${c + 1}" width="${widths[c] ?? MIN_COL_WIDTH}" style="${style}" customWidth="1"/>`;
    }
    head += '</cols>';
  }
  const headerKinds = new Array<ColumnKind>(width).fill('text');
  head += '<sheetData>' + rowXml(headers, 1, letters, headerKinds, STYLE_HEADER, cell);

  let buf = Buffer.allocUnsafe(2 * CHUNK_BYTES);
  let used = 0;
  const put = (s: string): void => {
    const most = s.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (used + most > buf.length) {
      if (used > 0) write(buf.subarray(0, used));
      used = 0;
      if (most > buf.length) buf = Buffer.allocUnsafe(most);
    }
    used += buf.write(s, used, 'utf8');
    if (used >= CHUNK_BYTES) {
      write(buf.subarray(0, used));
      used = 0;
    }
  };
  put(head);
  for (let i = 0; i < rows.length; i++) {
    put(rowXml(rows[i] ?? [], i + 2, letters, kinds, STYLE_TEXT, cell));
    onRow?.();
  }
  put('</sheetData></worksheet>');
  if (used > 0) write(buf.subarray(0, used));
}

/** One <row>, or '' when all its cells are empty. */
function rowXml(
  values: readonly CellValue[],
  rowNumber: number,
  letters: readonly string[],
  kinds: readonly ColumnKind[],
  style: number,
  cell: (value: string) => string,
): string {
  const rn = String(rowNumber);
  const open = '" s="' + String(style) + '" t="inlineStr"><is><t';
  let s = '';
  for (let c = 0; c < values.length; c++) {
    const raw = values[c] ?? '';
    const kind = kinds[c] ?? 'text';
    let number = NaN;
    let date = false;
    if (raw instanceof Date) {
      number = excelDateSerial(raw.getTime());
      date = true;
    } else if (typeof raw === 'number' || (kind === 'number' && raw !== '')) {
      number = Number(raw);
      date = kind === 'date';
      if (date) number = excelDateSerial(number);
    }
    if (Number.isFinite(number)) {
      s += '<c r="' + (letters[c] ?? columnLetters(c)) + rn + '" s="' + String(date ? STYLE_DATE : STYLE_NUMBER) + '"><v>' + String(number) + '</v></c>';
      continue;
    }
    if (raw instanceof Date || typeof raw === 'number') continue;
    const v = cell(String(raw));
    if (v === '') continue;
    s += '<c r="' + (letters[c] ?? columnLetters(c)) + rn + open + (needsPreserve(v) ? ' xml:space="preserve">' : '>') + escapeXmlText(v) + '</t></is></c>';
  }
  return s === '' ? '' : '<row r="' + rn + '">' + s + '</row>';
}

/** Column widths in characters from the longest text of each column (UTF-16 units: a guess). */
function guessWidths(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  width: number,
  kinds: readonly ColumnKind[],
): number[] {
  const longest = new Array<number>(width).fill(0);
  const measure = (values: readonly CellValue[]): void => {
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      const len = typeof v === 'string' ? v.length : v === null || v === undefined ? 0 : 10;
      if (len > (longest[c] ?? 0)) longest[c] = len;
    }
  };
  measure(headers);
  for (const r of rows) measure(r);
  // "2026-12-03 14:05:09"
  for (let c = 0; c < width; c++) if (kinds[c] === 'date' && (longest[c] ?? 0) < 19) longest[c] = 19;
  return longest.map((n) => Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, n + 2)));
}

// ---------------------------------------------------------------------------------------------
// ZIP (PKWARE APPNOTE): local headers, deflated data, central directory, end record. No ZIP64:
// entries and the whole file must stay under 4 GiB, and this refuses otherwise.

// zlib.crc32 is Node >= 20.15 / 22.2 (the typings always declare it).
const nodeCrc32: ((data: Uint8Array, value?: number) => number) | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? zlib.crc32 : undefined;

let crcTable: Int32Array | null = null;

/** CRC-32 (ISO-HDLC, as ZIP uses), continuing from `crc`; the table version for Node < 20.15. */
export function crc32Fallback(data: Uint8Array, crc = 0): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

const crc32 = (data: Uint8Array, crc: number): number => (nodeCrc32 ? nodeCrc32(data, crc) : crc32Fallback(data, crc));

const UINT32_MAX = 0xffffffff;
const FLAG_UTF8 = 0x0800;
const METHOD_DEFLATE = 8;
const VERSION = 20;

type CentralRecord = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

class ZipWriter {
  private readonly parts: Buffer[] = [];
  private readonly central: CentralRecord[] = [];
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(now: Date) {
    const year = Math.min(2107, Math.max(1980, now.getFullYear()));
    this.dosDate = ((year - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
    this.dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  }

  /** A small entry, deflated in one go. */
  add(name: string, text: string): void {
    const data = Buffer.from(text, 'utf8');
    const out = zlib.deflateRawSync(data, { level: DEFLATE_LEVEL });
    this.entry(name, [out], crc32(data, 0), data.length, out.length);
  }

  /**
   * A big entry whose bytes `produce` passes to its `write` callback, chunk by chunk (a chunk may
   * be reused once write returns). Each chunk is deflated on its own and ended with a sync flush
   * (byte-aligned, not final); an empty final block ends the stream. The pieces concatenated are
   * one valid deflate stream: only the history (back-references) restarts at each chunk.
   */
  addStream(name: string, produce: (write: (chunk: Buffer) => void) => void): void {
    const pieces: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let compressed = 0;
    produce((chunk) => {
      if (chunk.length === 0) return;
      crc = crc32(chunk, crc);
      size += chunk.length;
      const out = zlib.deflateRawSync(chunk, { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      compressed += out.length;
      pieces.push(out);
    });
    const end = zlib.deflateRawSync(Buffer.alloc(0), { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_FINISH });
    pieces.push(end);
    compressed += end.length;
    this.entry(name, pieces, crc, size, compressed);
  }

  private entry(name: string, data: Buffer[], crc: number, size: number, compressed: number): void {
    if (size > UINT32_MAX || compressed > UINT32_MAX) throw new RangeError(`${name} is too large for a ZIP without ZIP64`);
    const nameBytes = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30 + nameBytes.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(VERSION, 4);
    h.writeUInt16LE(FLAG_UTF8, 6);
    h.writeUInt16LE(METHOD_DEFLATE, 8);
    h.writeUInt16LE(this.dosTime, 10);
    h.writeUInt16LE(this.dosDate, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(nameBytes.length, 26);
    h.writeUInt16LE(0, 28);
    nameBytes.copy(h, 30);
    this.parts.push(h, ...data);
    this.central.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset: this.offset });
    this.offset += h.length + compressed;
    if (this.offset > UINT32_MAX) throw new RangeError('The .xlsx is too large for a ZIP without ZIP64');
  }

  finish(): Uint8Array {
    const cdStart = this.offset;
    let cdSize = 0;
    for (const e of this.central) {
      const h = Buffer.alloc(46 + e.name.length);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(VERSION, 6); // needed to extract
      h.writeUInt16LE(FLAG_UTF8, 8);
      h.writeUInt16LE(METHOD_DEFLATE, 10);
      h.writeUInt16LE(this.dosTime, 12);
      h.writeUInt16LE(this.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra length, comment length, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      e.name.copy(h, 46);
      this.parts.push(h);
      cdSize += h.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    this.parts.push(end);
    // A Uint8Array owning exactly its ArrayBuffer: callers transfer `bytes.buffer` to another
    // thread, and a Buffer may be a view into Node's shared pool.
    let total = 0;
    for (const p of this.parts) total += p.length;
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

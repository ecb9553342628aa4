// A fast reader for the common .xlsx: a minimal ZIP reader plus hand-written scanners for the
// workbook, shared strings, styles and the chosen sheet. It produces exactly the grid that
// parse.ts builds from SheetJS (non-empty rows of trimmed cell texts), so parse.ts runs the same
// header/row code on both.
//
// The rule: whenever something is not certain to come out exactly as SheetJS would give it
// (ZIP64, encryption, unknown compression, strict OOXML, namespace prefixes, t="d" cells, 1904
// dates, unknown number formats, odd markup, ...), return null and let parse.ts use SheetJS.
// Two things are refused outright instead (XlsxRefusal), because SheetJS would inflate them
// without a bound: an entry declaring more than 1 GiB unpacked, or an entry that inflates to more
// than it declares.
//
// Number formats: SheetJS's formatted text of a number (cell.w) is produced by its own formatter,
// SSF. For a cell whose style has a number format other than General, this reader calls the same
// public formatter (XLSX.SSF.format) with the same format code, so dates and custom formats come
// out exactly as on the SheetJS path. Cells in General (the usual case, and every cell without a
// style) never reach it.
import { isUtf8 } from 'node:buffer';
import * as XLSX from 'xlsx';
import * as zipFormat from '#main/zip/read';

// ---------------------------------------------------------------------------------------------
// Public shapes

/** What parse.ts needs from a sheet before its header/row logic. */
export type SheetGrid = {
  /** Rows holding at least one non-blank cell, in sheet order; cell texts are trimmed. */
  rows: string[][];
  /** 1-based spreadsheet row number of each entry of `rows`. */
  rowNumbers: number[];
  /** True when the sheet has more than maxRows + 1 non-empty rows (reading stopped there). */
  truncated: boolean;
};

/** An opened workbook; sheets are read on demand. */
export type FastWorkbook = {
  sheetNames: string[];
  /** Names of hidden and very hidden sheets. */
  hidden: ReadonlySet<string>;
  /**
   * The grid of a sheet (a name from `sheetNames`), or null when this sheet uses something the
   * fast reader does not handle (the caller then reads the whole file with SheetJS).
   * Throws XlsxRefusal like readXlsxFast.
   */
  readSheet(name: string): SheetGrid | null;
};

/** A definitive refusal: parse.ts turns it into a SpreadsheetError; no fallback. */
export class XlsxRefusal extends Error {
  constructor(
    public reason: 'unpacked_too_large' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxRefusal';
  }
}

/** Entries declaring more than this many unpacked bytes are refused (zip bomb guard). */
export const MAX_UNPACKED_ENTRY_BYTES = 1024 * 1024 * 1024;

/**
 * Opens an .xlsx for fast reading. Null: not handled here, use SheetJS. Throws XlsxRefusal for
 * zip bombs. `maxRows` is the data-row limit (header not counted): a sheet is read up to
 * maxRows + 2 non-empty rows, enough for the caller's "too many rows" check.
 */
export function readXlsxFast(bytes: Uint8Array, options: { maxRows: number }): FastWorkbook | null {
  const zip = readZipDirectory(bytes);
  if (zip === null) return null;
  // SheetJS reads a zip holding these as OpenDocument, whatever else it holds.
  for (const name of zip.keys()) {
    const lower = name.toLowerCase();
    if (lower === 'meta-inf/manifest.xml' || lower === 'objectdata.xml') return null;
  }
  for (const e of zip.values()) {
    if (e.size > MAX_UNPACKED_ENTRY_BYTES) {
      throw new XlsxRefusal('unpacked_too_large', `zip entry ${e.name} declares ${e.size} bytes`);
    }
  }

  // [Content_Types].xml: SheetJS finds the workbook, shared strings and styles through it.
  const ctXml = entryText(bytes, zip, '[Content_Types].xml');
  if (ctXml === null) return null;
  const ct = parseContentTypes(ctXml);
  if (ct === null) return null;
  if (ct.workbook !== null && ct.workbook !== '/xl/workbook.xml') return null;
  if (ct.sst !== null && ct.sst !== '/xl/sharedStrings.xml') return null;
  if (ct.styles !== null && ct.styles !== '/xl/styles.xml') return null;

  const wbXml = entryText(bytes, zip, 'xl/workbook.xml');
  if (wbXml === null) return null;
  const wb = parseWorkbookXml(wbXml);
  if (wb === null) return null;
  const relsXml = entryText(bytes, zip, 'xl/_rels/workbook.xml.rels');
  if (relsXml === null) return null;
  const rels = parseRels(relsXml);
  if (rels === null) return null;

  const paths = new Map<string, string>();
  for (const s of wb.sheets) {
    const rel = rels.get(s.rid);
    if (!rel || rel.type !== REL_WORKSHEET || rel.external) return null;
    const path = sheetPath(rel.target);
    if (path === null || !zip.has(path)) return null;
    paths.set(s.name, path);
  }

  let sst: string[] | null = null;
  if (ct.sst !== null) {
    const sstDoc = entryDoc(bytes, zip, 'xl/sharedStrings.xml');
    if (sstDoc === null) return null;
    sst = parseSharedStrings(sstDoc);
    if (sst === null) return null;
  }
  let formats: (string | number)[] | null = null;
  if (ct.styles !== null) {
    const stXml = entryText(bytes, zip, 'xl/styles.xml');
    if (stXml === null) return null;
    const st = parseStyles(stXml);
    if (st === null) return null;
    formats = st.formats;
  }

  const ctx: SheetContext = { sst, formats };
  const hidden = new Set<string>();
  for (const s of wb.sheets) if (s.hidden) hidden.add(s.name);
  return {
    sheetNames: wb.sheets.map((s) => s.name),
    hidden,
    readSheet(name: string): SheetGrid | null {
      const path = paths.get(name);
      if (path === undefined) return null;
      const doc = entryDoc(bytes, zip, path);
      if (doc === null) return null;
      return scanSheet(doc, ctx, options.maxRows);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Number cells: shared with parse.ts (the SheetJS path), so both give the same text.

const SCIENTIFIC_W = /^-?\d+(?:[.,]\d+)?E[+-]?\d+$/i;
const PLAIN_NUMBER_W = /^[-+]?[\d\s.,]*$/;

function digitsOnly(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += s[i];
  }
  return out;
}

/**
 * The text of a finite number cell `v` whose formatted text (SheetJS's cell.w) is `w`.
 * Whole numbers keep every digit (phones stored as numbers, even shown as "9.05E+11"); dates,
 * percentages and other formatted values keep their formatted text.
 */
export function numberCellText(v: number, w: string | undefined): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) {
    const digits = v.toFixed(0);
    if (w === undefined || w === '' || SCIENTIFIC_W.test(w)) return digits;
    const wd = digitsOnly(w);
    if (wd === digits.replace('-', '') && !/[/:]/.test(w)) return digits;
    return w.trim(); // a date, or a formatted value such as "(202) 555-0143" or "0532 123 45 67"
  }
  if (w !== undefined && w !== '' && !PLAIN_NUMBER_W.test(w) && !SCIENTIFIC_W.test(w)) return w.trim(); // dates/times, %
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// ZIP

type ZipEntry = { name: string; rawName: Uint8Array; method: number; compressedSize: number; size: number; localOffset: number };

/** The central directory, by entry name. Null for ZIP64, multi-disk, encryption, or anything inconsistent. */
function readZipDirectory(b: Uint8Array): Map<string, ZipEntry> | null {
  if (b.length < zipFormat.END_RECORD_BYTES) return null;
  // End Of Central Directory: the last one whose comment ends exactly at the end of the file.
  const eocd = zipFormat.findEndRecord(b);
  if (eocd < 0) return null;
  if (zipFormat.hasZip64Locator(b, eocd)) return null;
  const { disk, directoryDisk: cdDisk, countHere, count, directorySize: cdSize, directoryOffset: cdOffset } = zipFormat.readEndRecord(b, eocd);
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) return null;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
  if (cdOffset + cdSize > eocd) return null;

  const entries = new Map<string, ZipEntry>();
  const lowerNames = new Set<string>();
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let n = 0; n < count; n++) {
    if (p + zipFormat.CENTRAL_HEADER_BYTES > end || zipFormat.u32(b, p) !== zipFormat.ZIP_SIGNATURE.central) return null;
    const { flags, method, compressedSize, size, diskStart, localOffset, rawName, next } = zipFormat.readCentralHeader(b, p);
    if (next > end) return null;
    if (flags & (zipFormat.ZIP_FLAG.encrypted | zipFormat.ZIP_FLAG.strongEncryption)) return null;
    if (flags & zipFormat.ZIP_FLAG.maskedDirectory) return null;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff || diskStart !== 0) return null;
    const name = zipFormat.entryName(rawName, flags);
    const lower = name.toLowerCase().replace(/\\/g, '/');
    if (lowerNames.has(lower)) return null; // SheetJS matches names case-insensitively
    lowerNames.add(lower);
    entries.set(name, { name, rawName, method, compressedSize, size, localOffset });
    p = next;
  }
  return entries;
}

/**
 * The unpacked bytes of an entry. Null when it cannot be read here (unknown method, bad local
 * header, broken deflate stream, shorter than declared). Throws XlsxRefusal when it inflates to
 * more than it declares.
 */
function entryBytes(b: Uint8Array, zip: Map<string, ZipEntry>, name: string): Uint8Array | null {
  const e = zip.get(name);
  if (!e) return null;
  const lh = e.localOffset;
  if (lh + zipFormat.LOCAL_HEADER_BYTES > b.length || zipFormat.u32(b, lh) !== zipFormat.ZIP_SIGNATURE.local) return null;
  const local = zipFormat.readLocalHeader(b, lh);
  if (local.flags & (zipFormat.ZIP_FLAG.encrypted | zipFormat.ZIP_FLAG.strongEncryption)) return null;
  if (local.method !== e.method) return null;
  // Without a data descriptor the local sizes must match the central ones (SheetJS checks this).
  if (!(local.flags & zipFormat.ZIP_FLAG.descriptor) && (local.compressedSize !== e.compressedSize || local.size !== e.size)) return null;
  // The local name must be the central one (SheetJS goes by the local one).
  const nameLen = local.nameLength;
  if (nameLen !== e.rawName.length || lh + zipFormat.LOCAL_HEADER_BYTES + nameLen > b.length) return null;
  for (let i = 0; i < nameLen; i++) if (local.rawName[i] !== e.rawName[i]) return null;
  const start = local.dataOffset;
  const stop = start + e.compressedSize;
  if (stop > b.length) return null;
  const data = b.subarray(start, stop);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) return null;
    return data;
  }
  if (e.method !== 8) return null;
  // One byte over the declared size tells "more than declared" apart from "exactly".
  const out = zipFormat.inflateUpTo(data, e.size);
  if (out === 'broken') return null;
  if (out === 'over' || out.length > e.size) throw new XlsxRefusal('corrupt', `zip entry ${name} inflates to more than it declares`);
  if (out.length !== e.size) return null;
  return out;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** An XML entry as text. Null when missing, unreadable, or not UTF-8. */
function entryText(b: Uint8Array, zip: Map<string, ZipEntry>, name: string): string | null {
  const bytes = entryBytes(b, zip, name);
  if (bytes === null) return null;
  let text: string;
  try {
    text = utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
  const head = text.slice(0, 200);
  const enc = /^<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']/.exec(head);
  if (enc && enc[1] !== undefined && enc[1].toLowerCase() !== 'utf-8' && enc[1].toLowerCase() !== 'utf8') return null;
  // A DOCTYPE (and so any entity declaration) can only come before the root element: rootTag()
  // refuses it there, and every part is checked with rootTag() before use.
  return text;
}

/**
 * A big part (a sheet, the shared strings) for scanning: `xml` is its bytes read as latin1, so
 * string indices are byte offsets and the ASCII markup reads as usual; texts are then taken from
 * `buf` as UTF-8 (docText). Cell texts are so fresh strings, not slices of one huge decoded
 * document that would stay in memory as long as any cell does.
 */
type Doc = { xml: string; buf: Buffer };

function entryDoc(b: Uint8Array, zip: Map<string, ZipEntry>, name: string): Doc | null {
  const bytes = entryBytes(b, zip, name);
  if (bytes === null || !isUtf8(bytes)) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const xml = buf.toString('latin1');
  const enc = /^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']/.exec(xml.slice(0, 200));
  if (enc && enc[1] !== undefined && enc[1].toLowerCase() !== 'utf-8' && enc[1].toLowerCase() !== 'utf8') return null;
  return { xml, buf };
}

/** The UTF-8 text of doc bytes [from, to). */
const docText = (doc: Doc, from: number, to: number): string => doc.buf.toString('utf8', from, to);

// ---------------------------------------------------------------------------------------------
// XML helpers

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** After an element name: whitespace, '>' or '/'. */
const isNameEnd = (c: number): boolean => c === 0x20 || c === GT || c === SLASH || c === 0x09 || c === 0x0a || c === 0x0d;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** Attributes of the start tag xml[from, to) (to = index of its '>'), raw values. Null when malformed. */
function tagAttrs(xml: string, from: number, to: number): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = from;
  for (;;) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i >= to) return out;
    const c = xml.charCodeAt(i);
    if (c === SLASH || c === 0x3f /* ? */) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== EQ && !isSpace(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameStart, i);
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQ) return null;
    i++;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== QUOT && q !== APOS) return null;
    const close = xml.indexOf(q === QUOT ? '"' : "'", i + 1);
    if (close < 0 || close > to) return null;
    if (out.has(name)) return null;
    out.set(name, xml.slice(i + 1, close));
    i = close + 1;
  }
}

/** The root element's start tag [start, gt] and name check; skips the XML declaration and comments. */
function rootTag(xml: string, name: string): { start: number; end: number } | null {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return null;
    const c = xml.charCodeAt(i + 1);
    if (c === 0x3f /* ? */) {
      const e = xml.indexOf('?>', i);
      if (e < 0) return null;
      i = e + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', i)) return null;
      const e = xml.indexOf('-->', i);
      if (e < 0) return null;
      i = e + 3;
      continue;
    }
    break;
  }
  if (!xml.startsWith(name, i + 1) || !isNameEnd(xml.charCodeAt(i + 1 + name.length))) return null;
  const gt = xml.indexOf('>', i);
  if (gt < 0) return null;
  return { start: i, end: gt };
}

/** True when the root element is `name` in the default namespace `ns` (no prefixes, not strict OOXML). */
function rootIs(xml: string, name: string, ns: string): boolean {
  const r = rootTag(xml, name);
  if (r === null) return false;
  const attrs = tagAttrs(xml, r.start + 1 + name.length, r.end);
  return attrs !== null && attrs.get('xmlns') === ns;
}

/**
 * Start tags `<name ...>` (whole name) between from and to, in order, as [start, gt] pairs.
 * Used on the small parts only (workbook, rels, content types, styles).
 */
function* tags(xml: string, name: string, from: number, to: number): Generator<[number, number]> {
  const open = '<' + name;
  let i = from;
  for (;;) {
    i = xml.indexOf(open, i);
    if (i < 0 || i >= to) return;
    if (isNameEnd(xml.charCodeAt(i + open.length))) {
      const gt = xml.indexOf('>', i);
      if (gt < 0 || gt > to) return;
      yield [i, gt];
      i = gt + 1;
    } else {
      i += open.length;
    }
  }
}

/**
 * Decodes XML character references and Excel's _xHHHH_ escapes, in that order (as SheetJS does).
 * Null for anything else after '&' (unknown or upper-case entities), so the caller falls back.
 */
export function decodeXmlText(raw: string): string | null {
  let s = raw;
  if (s.indexOf('&') !== -1) {
    let out = '';
    let last = 0;
    let i = s.indexOf('&');
    while (i !== -1) {
      const semi = s.indexOf(';', i + 1);
      if (semi < 0 || semi - i > 12) return null;
      const ent = s.slice(i + 1, semi);
      let rep: string;
      switch (ent) {
        case 'amp':
          rep = '&';
          break;
        case 'lt':
          rep = '<';
          break;
        case 'gt':
          rep = '>';
          break;
        case 'quot':
          rep = '"';
          break;
        case 'apos':
          rep = "'";
          break;
        default: {
          let cp: number;
          if (/^#[0-9]+$/.test(ent)) cp = parseInt(ent.slice(1), 10);
          else if (/^#x[0-9a-fA-F]+$/.test(ent)) cp = parseInt(ent.slice(2), 16);
          else return null;
          if (!(cp >= 0 && cp <= 0x10ffff)) return null;
          rep = String.fromCodePoint(cp);
        }
      }
      out += s.slice(last, i) + rep;
      last = semi + 1;
      i = s.indexOf('&', last);
    }
    s = out + s.slice(last);
  }
  if (s.indexOf('_x') !== -1 || s.indexOf('_X') !== -1) {
    s = s.replace(/_x([0-9a-fA-F]{4})_/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return s;
}

/** decodeXmlText, fast for the usual text without '&' or '_'. */
function decodeFast(raw: string): string | null {
  if (raw.indexOf('&') === -1 && raw.indexOf('_') === -1) return raw;
  return decodeXmlText(raw);
}

// ---------------------------------------------------------------------------------------------
// Package parts

const CT_WORKBOOKS = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const CT_WORKBOOK_BIN = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const CT_SST_BIN = 'application/vnd.ms-excel.sharedStrings';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CT_STYLES_BIN = 'application/vnd.ms-excel.styles';

type ContentTypes = { workbook: string | null; sst: string | null; styles: string | null };

/** The first workbook, shared strings and styles part names (as SheetJS picks them). Null for xlsb. */
function parseContentTypes(xml: string): ContentTypes | null {
  if (!rootIs(xml, 'Types', NS_CT)) return null;
  const out: ContentTypes = { workbook: null, sst: null, styles: null };
  for (const [s, e] of tags(xml, 'Override', 0, xml.length)) {
    const a = tagAttrs(xml, s + 9, e);
    if (a === null) return null;
    const type = a.get('ContentType');
    const part = a.get('PartName');
    if (type === undefined || part === undefined) continue;
    if (type === CT_WORKBOOK_BIN || type === CT_SST_BIN || type === CT_STYLES_BIN) return null;
    if (CT_WORKBOOKS.has(type)) out.workbook ??= part;
    else if (type === CT_SST) out.sst ??= part;
    else if (type === CT_STYLES) out.styles ??= part;
  }
  return out;
}

type WorkbookInfo = { sheets: { name: string; rid: string; hidden: boolean }[] };

function parseWorkbookXml(xml: string): WorkbookInfo | null {
  if (!rootIs(xml, 'workbook', NS_MAIN)) return null;
  for (const [s, e] of tags(xml, 'workbookPr', 0, xml.length)) {
    const a = tagAttrs(xml, s + 11, e);
    if (a === null) return null;
    const d = a.get('date1904');
    if (d === '1' || d === 'true' || d === 'TRUE') return null; // 1904 dates: SheetJS handles them
  }
  const sheets: WorkbookInfo['sheets'] = [];
  const seen = new Set<string>();
  for (const [s, e] of tags(xml, 'sheet', 0, xml.length)) {
    const a = tagAttrs(xml, s + 6, e);
    if (a === null) return null;
    const rawName = a.get('name');
    const rid = a.get('r:id');
    if (rawName === undefined || rid === undefined) return null;
    const name = decodeXmlText(rawName);
    if (name === null || name === '' || name.length > 31 || seen.has(name)) return null;
    seen.add(name);
    const state = a.get('state');
    sheets.push({ name, rid, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  if (sheets.length === 0) return null;
  return { sheets };
}

type Rel = { type: string; target: string; external: boolean };

function parseRels(xml: string): Map<string, Rel> | null {
  if (!rootIs(xml, 'Relationships', NS_RELS)) return null;
  const out = new Map<string, Rel>();
  for (const [s, e] of tags(xml, 'Relationship', 0, xml.length)) {
    const a = tagAttrs(xml, s + 13, e);
    if (a === null) return null;
    const id = a.get('Id');
    const type = a.get('Type');
    const target = a.get('Target');
    if (id === undefined || type === undefined || target === undefined) return null;
    if (out.has(id)) return null;
    out.set(id, { type, target, external: a.get('TargetMode') === 'External' });
  }
  return out;
}

/**
 * The zip path of a worksheet target of xl/_rels/workbook.xml.rels ("worksheets/sheet1.xml",
 * "/xl/worksheets/sheet1.xml", "../xl/worksheets/sheet1.xml"). Null when it resolves to something
 * SheetJS would look for elsewhere.
 */
function sheetPath(target: string): string | null {
  if (target.indexOf('&') !== -1 || target.indexOf('\\') !== -1 || target.indexOf('%') !== -1) return null;
  const parts = target.startsWith('/') ? [] : ['xl'];
  for (const step of target.split('/')) {
    if (step === '' || step === '.') continue;
    if (step === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(step);
  }
  const resolved = parts.join('/');
  // SheetJS's own rule for the path; both must agree.
  const theirs = 'xl/' + target.replace(/[/]?xl\//, '');
  return resolved === theirs ? resolved : null;
}

// ---------------------------------------------------------------------------------------------
// Shared strings (and inline strings, which have the same content model)

/**
 * The text of a string item between from and to: a leading <t> gives its text (anything after
 * it, such as phonetic runs, is ignored); otherwise rich text runs <r><t>…</t></r> are
 * concatenated, without phonetic <rPh> runs. Null for anything unexpected.
 */
function stringItem(doc: Doc, from: number, to: number): string | null {
  const xml = doc.xml;
  let i = from;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  if (i >= to) return '';
  if (xml.charCodeAt(i) !== LT) return null;
  if (xml.charCodeAt(i + 1) === 0x74 /* t */ && isNameEnd(xml.charCodeAt(i + 2))) {
    const gt = xml.indexOf('>', i);
    if (gt < 0 || gt >= to) return null;
    if (xml.charCodeAt(gt - 1) === SLASH) {
      // <t/>: empty when nothing follows.
      for (let k = gt + 1; k < to; k++) if (!isSpace(xml.charCodeAt(k))) return null;
      return '';
    }
    const lt = xml.indexOf('<', gt + 1);
    if (lt < 0 || lt >= to || !xml.startsWith('</t>', lt)) return null;
    return decodeFast(docText(doc, gt + 1, lt));
  }
  // Rich text: SheetJS requires a bare <r> somewhere.
  const r = xml.indexOf('<r>', i);
  if (r < 0 || r >= to) return null;
  let raw = '';
  let k = i;
  while (k < to) {
    const lt = xml.indexOf('<', k);
    if (lt < 0 || lt >= to) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt >= to) return null;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x21 /* ! */ || c1 === 0x3f /* ? */) return null; // CDATA, comments
    if (xml.startsWith('<rPh', lt) && isNameEnd(xml.charCodeAt(lt + 4))) {
      if (xml.charCodeAt(gt - 1) === SLASH) {
        k = gt + 1;
        continue;
      }
      const e = xml.indexOf('</rPh>', gt);
      if (e < 0 || e >= to) return null;
      k = e + 6;
      continue;
    }
    if (c1 === 0x74 /* t */ && isNameEnd(xml.charCodeAt(lt + 2))) {
      if (xml.charCodeAt(gt - 1) === SLASH) {
        k = gt + 1;
        continue;
      }
      const e = xml.indexOf('<', gt + 1);
      if (e < 0 || e >= to || !xml.startsWith('</t>', e)) return null;
      raw += docText(doc, gt + 1, e);
      k = e + 4;
      continue;
    }
    k = gt + 1;
  }
  return decodeFast(raw);
}

/** The shared strings, trimmed (cell texts are trimmed anyway). Null when anything is unexpected. */
function parseSharedStrings(doc: Doc): string[] | null {
  const xml = doc.xml;
  const root = rootTag(xml, 'sst');
  if (root === null) return null;
  const attrs = tagAttrs(xml, root.start + 4, root.end);
  if (attrs === null || attrs.get('xmlns') !== NS_MAIN) return null;
  const out: string[] = [];
  if (xml.charCodeAt(root.end - 1) === SLASH) return out;
  let p = root.end + 1;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) return null;
    if (xml.startsWith('<si>', lt)) {
      const end = xml.indexOf('</si>', lt + 4);
      if (end < 0) return null;
      const text = stringItem(doc, lt + 4, end);
      if (text === null) return null;
      out.push(text.trim());
      p = end + 5;
      continue;
    }
    if (xml.startsWith('</sst>', lt) || xml.startsWith('<extLst', lt)) break;
    return null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles

const GENERAL = 0;
const UNSUPPORTED = -1;

/**
 * SheetJS's table of built-in number formats (the en-US codes it formats them with). Ids not
 * listed here and not defined by the file make the cell fall back to SheetJS.
 */
const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'm/d/yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

const DIGITS = /^(?:0|[1-9][0-9]*)$/;

/** formats[xf index]: GENERAL, UNSUPPORTED or the format code of that cell style. */
function parseStyles(xml: string): { formats: (string | number)[] | null } | null {
  if (!rootIs(xml, 'styleSheet', NS_MAIN)) return null;
  if (xml.indexOf('<!--') !== -1) return null;
  const custom = new Map<number, string>();
  const nf = xml.indexOf('<numFmts');
  if (nf !== -1 && isNameEnd(xml.charCodeAt(nf + 8))) {
    const gt = xml.indexOf('>', nf);
    if (gt < 0) return null;
    if (xml.charCodeAt(gt - 1) !== SLASH) {
      const end = xml.indexOf('</numFmts>', gt);
      if (end < 0) return null;
      for (const [s, e] of tags(xml, 'numFmt', gt, end)) {
        const a = tagAttrs(xml, s + 7, e);
        if (a === null) return null;
        const id = a.get('numFmtId');
        const code = a.get('formatCode');
        if (id === undefined || code === undefined || !DIGITS.test(id)) return null;
        const decoded = decodeXmlText(code);
        if (decoded === null) return null;
        custom.set(Number(id), decoded);
      }
    }
  }
  const cx = xml.indexOf('<cellXfs');
  if (cx === -1 || !isNameEnd(xml.charCodeAt(cx + 8))) return { formats: null };
  const gt = xml.indexOf('>', cx);
  if (gt < 0) return null;
  if (xml.charCodeAt(gt - 1) === SLASH) return { formats: null }; // SheetJS: no cell styles at all
  const end = xml.indexOf('</cellXfs>', gt);
  if (end < 0) return null;
  const formats: (string | number)[] = [];
  for (const [s, e] of tags(xml, 'xf', gt, end)) {
    const a = tagAttrs(xml, s + 3, e);
    if (a === null) return null;
    const id = a.get('numFmtId');
    if (id === undefined) {
      formats.push(GENERAL);
      continue;
    }
    if (!DIGITS.test(id)) {
      formats.push(UNSUPPORTED);
      continue;
    }
    const n = Number(id);
    if (n === 0) formats.push(GENERAL);
    else if (n > 0x188) formats.push(UNSUPPORTED); // SheetJS renumbers these
    else {
      const code = custom.get(n) ?? BUILTIN_FORMATS.get(n);
      formats.push(code === undefined ? UNSUPPORTED : code === 'General' ? GENERAL : code);
    }
  }
  return { formats };
}

const ssf = (XLSX as unknown as { SSF: { format(fmt: string, v: number, o?: object): string } }).SSF;

/**
 * SheetJS's formatted text of a number. Its formatter (0.18.5) throws on some common date formats
 * such as Turkish "dd.mm.yyyy"; for a date format we then write the date ourselves, in ISO form
 * (2026-03-15), rather than leave Excel's serial number.
 */
function formatted(code: string, v: number): string | undefined {
  try {
    const w = ssf.format(code, v, {});
    return typeof w === 'string' ? w : undefined;
  } catch {
    return isDateFormat(code) ? serialToIso(v, /[hs]/i.test(bare(code))) : undefined;
  }
}

/** The format code without quoted text, bracketed parts and escaped characters. */
function bare(code: string): string {
  return code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
}

function isDateFormat(code: string): boolean {
  return /[dmy]/i.test(bare(code));
}

/** Excel's 1900 date system: day 1 is 1900-01-01, with its phantom 1900-02-29. */
function serialToIso(serial: number, withTime: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Sheets

type SheetContext = { sst: string[] | null; formats: (string | number)[] | null };

const NUMBER = /^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

// Attributes of the current <row>/<c> start tag, set by cellAttrs (avoids allocating per cell).
let attrR: string | undefined;
let attrS: string | undefined;
let attrT: string | undefined;

/** Reads the r, s and t attributes of a start tag xml[from, to). False when malformed. */
function cellAttrs(xml: string, from: number, to: number): boolean {
  attrR = attrS = attrT = undefined;
  let i = from;
  for (;;) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i >= to) return true;
    const nameStart = i;
    let c = xml.charCodeAt(i);
    if (c === SLASH) {
      i++;
      continue;
    }
    while (i < to && c !== EQ && !isSpace(c)) c = xml.charCodeAt(++i);
    const nameLen = i - nameStart;
    const n0 = xml.charCodeAt(nameStart);
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQ) return false;
    i++;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== QUOT && q !== APOS) return false;
    const close = xml.indexOf(q === QUOT ? '"' : "'", i + 1);
    if (close < 0 || close > to) return false;
    if (nameLen === 1) {
      const value = xml.slice(i + 1, close);
      if (n0 === 0x72 /* r */) attrR = value;
      else if (n0 === 0x73 /* s */) attrS = value;
      else if (n0 === 0x74 /* t */) attrT = value;
    }
    i = close + 1;
  }
}

/** Strict positive integer (no sign, no leading zeros), or -1. */
function positiveInt(s: string, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9 || (d === 0 && i === from)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Scans <sheetData>. Null when anything is outside what this reader handles exactly: rows or
 * cells out of order, a cell reference in another row, namespaces, unknown elements, t="d"…
 */
function scanSheet(doc: Doc, ctx: SheetContext, maxRows: number): SheetGrid | null {
  const xml = doc.xml;
  if (!rootIs(xml, 'worksheet', NS_MAIN)) return null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const sd = xml.indexOf('<sheetData');
  if (sd < 0) return null;
  if (!isNameEnd(xml.charCodeAt(sd + 10))) return null;
  const sdEnd = xml.indexOf('>', sd);
  if (sdEnd < 0) return null;
  if (xml.charCodeAt(sdEnd - 1) === SLASH) return { rows, rowNumbers, truncated: false };
  const { sst, formats } = ctx;
  const stopAt = maxRows + 1; // non-empty rows allowed: the header and maxRows data rows
  let p = sdEnd + 1;
  let rowNo = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) return null;
    if (xml.charCodeAt(lt + 1) === SLASH) {
      if (xml.startsWith('</sheetData>', lt)) break;
      return null;
    }
    if (!(xml.startsWith('<row', lt) && isNameEnd(xml.charCodeAt(lt + 4)))) return null;
    const rowEnd = xml.indexOf('>', lt);
    if (rowEnd < 0 || !cellAttrs(xml, lt + 4, rowEnd)) return null;
    let rn: number;
    if (attrR !== undefined) {
      rn = positiveInt(attrR, 0, attrR.length);
      if (rn < 0) return null;
    } else rn = rowNo + 1;
    if (rn <= rowNo || rn > MAX_ROW) return null;
    rowNo = rn;
    p = rowEnd + 1;
    if (xml.charCodeAt(rowEnd - 1) === SLASH) continue;

    let row: string[] | null = null;
    let has = false;
    let col = -1;
    for (;;) {
      const clt = xml.indexOf('<', p);
      if (clt < 0) return null;
      const c1 = xml.charCodeAt(clt + 1);
      if (c1 === SLASH) {
        if (xml.startsWith('</row>', clt)) {
          p = clt + 6;
          break;
        }
        return null;
      }
      if (c1 !== 0x63 /* c */ || !isNameEnd(xml.charCodeAt(clt + 2))) return null;
      const cEnd = xml.indexOf('>', clt);
      if (cEnd < 0 || !cellAttrs(xml, clt + 2, cEnd)) return null;
      const r = attrR;
      const s = attrS;
      const t = attrT;

      // Column (and a row check) from r="B3", or the next column.
      let c: number;
      if (r !== undefined) {
        let k = 0;
        let letters = 0;
        for (; k < r.length; k++) {
          const ch = r.charCodeAt(k);
          if (ch < 0x41 || ch > 0x5a) break;
          letters = letters * 26 + (ch - 0x40);
        }
        if (k === 0 || k > 3) return null;
        if (positiveInt(r, k, r.length) !== rowNo) return null;
        c = letters - 1;
      } else c = col + 1;
      if (c <= col || c >= MAX_COL) return null;
      col = c;

      // Children: <v>, <f>, <is>.
      let vFrom = -1;
      let vTo = -1;
      let isFrom = -1;
      let isTo = -1;
      if (xml.charCodeAt(cEnd - 1) === SLASH) {
        p = cEnd + 1;
      } else {
        let q = cEnd + 1;
        for (;;) {
          const k = xml.indexOf('<', q);
          if (k < 0) return null;
          const e1 = xml.charCodeAt(k + 1);
          if (e1 === SLASH) {
            if (xml.charCodeAt(k + 2) === 0x63 /* c */ && xml.charCodeAt(k + 3) === GT) {
              q = k + 4;
              break;
            }
            return null;
          }
          const e2 = xml.charCodeAt(k + 2);
          if (e1 === 0x76 /* v */ && isNameEnd(e2)) {
            const g = xml.indexOf('>', k);
            if (g < 0) return null;
            if (xml.charCodeAt(g - 1) === SLASH) {
              q = g + 1;
              continue;
            }
            if (vFrom >= 0) return null;
            const e = xml.indexOf('<', g + 1);
            if (e < 0 || !xml.startsWith('</v>', e)) return null;
            vFrom = g + 1;
            vTo = e;
            q = e + 4;
            continue;
          }
          if (e1 === 0x66 /* f */ && isNameEnd(e2)) {
            const g = xml.indexOf('>', k);
            if (g < 0) return null;
            if (xml.charCodeAt(g - 1) === SLASH) {
              q = g + 1;
              continue;
            }
            const e = xml.indexOf('</f>', g);
            if (e < 0) return null;
            q = e + 4;
            continue;
          }
          if (e1 === 0x69 /* i */ && e2 === 0x73 /* s */ && xml.charCodeAt(k + 3) === GT) {
            if (isFrom >= 0) return null;
            const e = xml.indexOf('</is>', k);
            if (e < 0) return null;
            isFrom = k + 4;
            isTo = e;
            q = e + 5;
            continue;
          }
          return null; // extLst or anything else
        }
        p = q;
      }
      // SheetJS: an empty <v></v> is no value. Numbers, indices and booleans are ASCII: read them
      // from the latin1 view; texts from the UTF-8 bytes.
      const hasV = vTo > vFrom;

      // The text, as parse.ts's cellText gives it for SheetJS's cell.
      let text: string;
      if (t === undefined || t === 'n') {
        if (!hasV) continue; // no cell
        const v = xml.slice(vFrom, vTo);
        if (!NUMBER.test(v)) return null;
        const num = parseFloat(v);
        if (!Number.isFinite(num)) return null;
        let code: string | number = GENERAL;
        if (s !== undefined && formats !== null) {
          if (!DIGITS.test(s)) return null;
          code = formats[Number(s)] ?? GENERAL;
        }
        if (code === UNSUPPORTED) return null;
        text = typeof code === 'string' ? numberCellText(num, formatted(code, num)) : numberCellText(num, undefined);
      } else if (t === 's') {
        if (!hasV) continue;
        const v = xml.slice(vFrom, vTo);
        if (sst === null || !DIGITS.test(v)) return null;
        const str = sst[Number(v)];
        if (str === undefined) return null;
        text = str;
      } else if (t === 'str' || t === 'e') {
        if (!hasV) text = '';
        else {
          const d = decodeFast(docText(doc, vFrom, vTo));
          if (d === null) return null;
          text = d.trim();
        }
      } else if (t === 'inlineStr') {
        if (isFrom < 0) text = '';
        else {
          const d = stringItem(doc, isFrom, isTo);
          if (d === null) return null;
          text = d.trim();
        }
      } else if (t === 'b') {
        const v = hasV ? xml.slice(vFrom, vTo) : '';
        text = v === '1' || v === 'true' || v === 'TRUE' ? 'TRUE' : 'FALSE';
      } else {
        return null; // t="d" (ISO dates) and anything unknown
      }

      if (row === null) row = [];
      while (row.length < c) row.push('');
      row.push(text);
      if (text !== '') has = true;
    }
    if (has && row !== null) {
      rows.push(row);
      rowNumbers.push(rowNo);
      if (rows.length > stopAt) return { rows, rowNumbers, truncated: true };
    }
  }
  return { rows, rowNumbers, truncated: false };
}

// Test / e2e / benchmark data generators. Pure and deterministic; no side effects.
import { constants as zlibConstants, deflateRawSync, inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { mulberry32 } from '#shared/random';

// ---------------------------------------------------------------------------------------------
// The messy sheet a real shop owner sends: semicolon CSV with BOM, several scripts, emoji,
// phones in every format, invalid and duplicate phones, custom columns "City" and "Birthday".

export const MESSY_HEADERS = ['Ad Soyad', 'Telefon', 'City', 'Birthday', 'Etiket', 'Not'] as const;

/**
 * Each row of the messy sheet with what importing it with default country TR must give:
 * the E.164 phone, or the reject reason of normalisePhone. `duplicateOf` marks a phone already
 * seen earlier in the file (0-based data row index).
 */
export type MessyRow = {
  cells: [name: string, phone: string, city: string, birthday: string, tags: string, note: string];
  expected: { e164: string; duplicateOf?: number } | { reason: string };
};

export const MESSY_ROWS: readonly MessyRow[] = [
  { cells: ['Ayşe Yılmaz', '0532 123 45 67', 'İstanbul', '15.03.1990', 'vip', 'Prefers mornings'], expected: { e164: '+905321234567' } },
  { cells: ['Mehmet Öztürk', '+90 (533) 765-43-21', 'Ankara', '01.01.1985', '', ''], expected: { e164: '+905337654321' } },
  { cells: ['علی رضایی', '+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹', 'تهران', '', 'مشتری', 'یادداشت'], expected: { e164: '+989123456789' } },
  { cells: ['محمد العتيبي', '00966 50 123 4567', 'الرياض', '', '', ''], expected: { e164: '+966501234567' } },
  { cells: ['Dewi Lestari 🌸', '+62 812-3456-7890', 'Jakarta', '', 'reseller', ''], expected: { e164: '+6281234567890' } },
  { cells: ['Çağrı Şen', '905421112233', 'İzmir', '', '', 'Called twice'], expected: { e164: '+905421112233' } },
  { cells: ['Gül 😊', "'+90 555 444 33 22", 'Bursa', '', 'vip', ''], expected: { e164: '+905554443322' } },
  { cells: ['Ayşe Y.', '+905321234567', 'İstanbul', '', '', 'Same as row 1'], expected: { e164: '+905321234567', duplicateOf: 0 } },
  { cells: ['Test', '12345', '', '', '', ''], expected: { reason: 'too_short' } },
  { cells: ['Hasan', '9.05321E+11', 'Konya', '', '', 'Excel ate the digits'], expected: { reason: 'excel_scientific' } },
  { cells: ['Fatma', '', 'Adana', '', '', 'No phone'], expected: { reason: 'empty' } },
  { cells: ['Zeynep', 'yok', '', '', '', ''], expected: { reason: 'not_a_number' } },
  { cells: ['Ali', '+90 123 456 78 90', '', '', '', ''], expected: { reason: 'invalid_number' } },
  { cells: ['Kaya; Emre', '0 (505) 111 22 33', 'Eskişehir', '', 'a;b', 'Quote "inside" note'], expected: { e164: '+905051112233' } },
  { cells: ['İbrahim Ünal', '0532-987-65-43', 'Trabzon', '29.02.1988', '', ''], expected: { e164: '+905329876543' } },
  { cells: ['سارا', '\u200f+98 935 123 4567', 'شیراز', '', '', ''], expected: { e164: '+989351234567' } },
  { cells: ['أحمد', '+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧', 'جدة', '', '', ''], expected: { e164: '+966551234567' } },
  { cells: ['Çağrı Ş.', '0542 111 22 33', 'İzmir', '', '', 'Duplicate of Çağrı'], expected: { e164: '+905421112233', duplicateOf: 5 } },
  { cells: ['=HYPERLINK("http://x")', '+90 532 000 11 22', '', '', '', '@evil'], expected: { e164: '+905320001122' } },
];

function csvQuote(v: string, delim: string): string {
  return v.includes(delim) || v.includes('"') || v.includes('\n') || v.includes('\r') ? '"' + v.replace(/"/g, '""') + '"' : v;
}

/** Semicolon CSV with a UTF-8 BOM and CRLF line ends, plus a blank line in the middle. */
export function messyContactsCsv(): string {
  const lines = [MESSY_HEADERS.join(';')];
  MESSY_ROWS.forEach((r, i) => {
    lines.push(r.cells.map((c) => csvQuote(c, ';')).join(';'));
    if (i === 7) lines.push(';;;;;'); // an empty row Excel leaves behind
  });
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function messyAoa(): (string | number)[][] {
  const aoa: (string | number)[][] = [[...MESSY_HEADERS]];
  for (const r of MESSY_ROWS) {
    const row: (string | number)[] = [...r.cells];
    aoa.push(row);
  }
  // Phones Excel stored as numbers (the exact digits must survive).
  const first = aoa[1];
  if (first) first[1] = 5321234567;
  const sixth = aoa[6];
  if (sixth) sixth[1] = 905421112233;
  return aoa;
}

function writeBook(aoa: (string | number)[][], bookType: 'xlsx' | 'biff8' | 'ods', sheetName = 'Contacts'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName);
  const out: unknown = XLSX.write(wb, { type: 'array', bookType, compression: true });
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (out instanceof Uint8Array) return out;
  throw new Error('Unexpected SheetJS output');
}

/** The messy sheet as .xlsx; row 1 and row 6 hold their phones as numbers (5321234567, 905421112233). */
export function messyContactsXlsx(): Uint8Array {
  return writeBook(messyAoa(), 'xlsx');
}

/**
 * A workbook with three sheets: "Customers" (Name, Phone, City; 3 rows), "Suppliers" (Company,
 * Contact phone, Product; 2 rows: other headers) and "Old" (the customers' headers; 2 rows, one of
 * them a customer's number again).
 */
export const THREE_SHEETS: Record<'Customers' | 'Suppliers' | 'Old', (string | number)[][]> = {
  Customers: [
    ['Name', 'Phone', 'City'],
    ['Ayşe Yılmaz', '0532 123 45 67', 'İstanbul'],
    ['Mehmet Kaya', '0533 765 43 21', 'Ankara'],
    ['Zeynep Demir', '0542 111 22 33', 'İzmir'],
  ],
  Suppliers: [
    ['Company', 'Contact phone', 'Product'],
    ['Deniz Tekstil', '0212 555 11 22', 'Cotton'],
    ['Kuzey Gıda', '0216 444 33 21', 'Tea'],
  ],
  Old: [
    ['Name', 'Phone', 'City'],
    ['Ali Veli', '0505 222 33 44', 'Bursa'],
    ['Ayşe Y. (old)', '0532 123 45 67', 'İstanbul'],
  ],
};

export function threeSheetWorkbook(bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(THREE_SHEETS)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: bookType === 'xls' ? 'biff8' : 'xlsx', compression: true });
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (out instanceof Uint8Array) return out;
  throw new Error('Unexpected SheetJS output');
}

/** The messy sheet in another workbook format (.xls = biff8, .ods). */
export function messyContactsWorkbook(bookType: 'xlsx' | 'xls' | 'ods'): Uint8Array {
  return writeBook(messyAoa(), bookType === 'xls' ? 'biff8' : bookType);
}

// ---------------------------------------------------------------------------------------------
// Large deterministic sheets for tests and the benchmark.

export const GENERATED_HEADERS = ['Phone', 'Name', 'City', 'Email', 'Tags', 'Note'] as const;

const FIRST = ['Ayşe', 'Mehmet', 'Fatma', 'Mustafa', 'Emine', 'Ahmet', 'Zeynep', 'Can', 'Elif', 'Hüseyin', 'رضا', 'مریم', 'علی', 'زهرا', 'Budi', 'Siti', 'Agus', 'Dewi', 'Putri', 'Rizky'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'محمدی', 'حسینی', 'کریمی', 'Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Hidayat'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'تهران', 'مشهد', 'Jakarta', 'Surabaya', 'Bandung', 'Antalya'];
const TAGS = ['', 'vip', 'wholesale', 'vip, wholesale', 'new', 'müşteri', 'مشتری', 'pelanggan'];
const NOTES = ['', '', 'Prefers WhatsApp', 'Called on Monday', 'Sipariş bekliyor', 'تماس بگیرید', 'Minta katalog', ''];

const TR_PREFIXES = [532, 533, 542, 505, 555, 544];
const IR_PREFIXES = [912, 935, 901, 919];
const ID_PREFIXES = [812, 813, 821, 852];

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)] as T;
}

type GeneratedPhone = { text: string; asNumber: number | null };

/** A unique valid phone for row i (TR 60 %, ID 20 %, IR 20 %), in a varied but valid format. */
function generatedPhone(i: number, seed: number): GeneratedPhone {
  const kind = i % 5;
  const local = (i * 7919 + seed * 104_729) % 10_000_000; // injective on i < 10 000 000
  const l7 = local.toString().padStart(7, '0');
  if (kind <= 2) {
    const p = TR_PREFIXES[Math.floor(i / 10_000_000) % TR_PREFIXES.length] ?? 532;
    const style = Math.floor(i / 5) % 4;
    if (style === 0) return { text: `90${p}${l7}`, asNumber: Number(`90${p}${l7}`) };
    if (style === 1) return { text: `0${p} ${l7.slice(0, 3)} ${l7.slice(3, 5)} ${l7.slice(5)}`, asNumber: null };
    if (style === 2) return { text: `+90 ${p} ${l7.slice(0, 3)} ${l7.slice(3, 5)} ${l7.slice(5)}`, asNumber: null };
    return { text: `${p}${l7}`, asNumber: Number(`${p}${l7}`) };
  }
  if (kind === 3) {
    const p = ID_PREFIXES[Math.floor(i / 10_000_000) % ID_PREFIXES.length] ?? 812;
    const l8 = (local * 10 + (i % 10)).toString().padStart(8, '0');
    return { text: `+62 ${p}-${l8.slice(0, 4)}-${l8.slice(4)}`, asNumber: null };
  }
  const p = IR_PREFIXES[Math.floor(i / 10_000_000) % IR_PREFIXES.length] ?? 912;
  return { text: `+98 ${p} ${l7.slice(0, 3)} ${l7.slice(3)}`, asNumber: null };
}

/** Expected E.164 of generated row i (as normalisePhone gives it with default country TR). */
export function generatedPhoneE164(i: number, seed: number): string {
  const d = generatedPhone(i, seed).text.replace(/\D/g, '');
  if (i % 5 <= 2) {
    const national = d.startsWith('90') && d.length === 12 ? d.slice(2) : d.startsWith('0') ? d.slice(1) : d;
    return '+90' + national;
  }
  return '+' + d;
}

function generatedRow(i: number, seed: number, r: () => number): { phone: GeneratedPhone; rest: string[] } {
  const first = pick(FIRST, r);
  const last = pick(LAST, r);
  return {
    phone: generatedPhone(i, seed),
    rest: [`${first} ${last}`, pick(CITIES, r), `customer${i}@example.com`, pick(TAGS, r), pick(NOTES, r)],
  };
}

/** n rows x 6 columns (Phone, Name, City, Email, Tags, Note); phones unique and valid. */
export function generateContactsRows(n: number, seed: number): { headers: string[]; rows: string[][] } {
  const r = mulberry32(seed);
  const rows = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const g = generatedRow(i, seed, r);
    rows[i] = [g.phone.text, ...g.rest];
  }
  return { headers: [...GENERATED_HEADERS], rows };
}

/** The same rows as an .xlsx; about a third of the TR phones are stored as numbers. */
export function generateContactsXlsx(n: number, seed: number): Uint8Array {
  const r = mulberry32(seed);
  const aoa = new Array<(string | number)[]>(n + 1);
  aoa[0] = [...GENERATED_HEADERS];
  for (let i = 0; i < n; i++) {
    const g = generatedRow(i, seed, r);
    aoa[i + 1] = [g.phone.asNumber ?? g.phone.text, ...g.rest];
  }
  return writeBook(aoa, 'xlsx');
}

// ---------------------------------------------------------------------------------------------
// Broken files.

/**
 * A minimal Compound File holding "EncryptionInfo" and "EncryptedPackage" streams — the shape of
 * a password-protected .xlsx. Hand-made: 512-byte sectors, one FAT sector, one directory sector,
 * two 4096-byte streams (at the mini-stream cutoff, so no mini FAT is needed).
 */
export function encryptedWorkbookBytes(): Uint8Array {
  const SS = 512;
  const streamSectors = 8; // 4096 bytes each
  const totalSectors = 2 + streamSectors * 2; // FAT, directory, streams
  const b = new Uint8Array(SS * (totalSectors + 1));
  const dv = new DataView(b.buffer);
  // Header.
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(0x18, 0x003e, true); // minor version
  dv.setUint16(0x1a, 0x0003, true); // major version 3
  dv.setUint16(0x1c, 0xfffe, true); // byte order
  dv.setUint16(0x1e, 9, true); // sector size 512
  dv.setUint16(0x20, 6, true); // mini sector size 64
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 0x1000, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  dv.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0).
  const fat = SS;
  for (let i = 0; i < SS / 4; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  dv.setUint32(fat + 4, 0xfffffffe, true); // sector 1: directory, end of chain
  for (let s = 0; s < 2; s++) {
    const first = 2 + s * streamSectors;
    for (let k = 0; k < streamSectors; k++) {
      const sec = first + k;
      dv.setUint32(fat + sec * 4, k === streamSectors - 1 ? 0xfffffffe : sec + 1, true);
    }
  }
  // Directory (sector 1).
  const dir = SS * 2;
  const entry = (idx: number, name: string, type: number, child: number, right: number, start: number, size: number): void => {
    const o = dir + idx * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + i * 2, name.charCodeAt(i), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    b[o + 0x42] = type;
    b[o + 0x43] = 1; // black
    dv.setUint32(o + 0x44, 0xffffffff, true); // left
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, 1, 0xffffffff, 0xfffffffe, 0);
  entry(1, 'EncryptionInfo', 2, 0xffffffff, 2, 2, streamSectors * SS);
  entry(2, 'EncryptedPackage', 2, 0xffffffff, 0xffffffff, 2 + streamSectors, streamSectors * SS);
  for (let idx = 3; idx < 4; idx++) {
    const o = dir + idx * 128;
    dv.setUint32(o + 0x44, 0xffffffff, true);
    dv.setUint32(o + 0x48, 0xffffffff, true);
    dv.setUint32(o + 0x4c, 0xffffffff, true);
  }
  // Stream contents: EncryptionInfo starts with version 4.4 (agile), the rest is filler.
  const info = SS * 3;
  dv.setUint16(info, 4, true);
  dv.setUint16(info + 2, 4, true);
  dv.setUint32(info + 4, 0x40, true);
  const pkg = SS * (3 + streamSectors);
  for (let i = 0; i < streamSectors * SS; i++) b[pkg + i] = (i * 31 + 7) & 0xff;
  return b;
}

/** A truncated .xlsx (the first half of a real one): its zip directory is missing. */
export function corruptXlsxBytes(): Uint8Array {
  const whole = generateContactsXlsx(200, 7);
  return whole.slice(0, Math.floor(whole.length / 2));
}

// ---------------------------------------------------------------------------------------------
// Zip files by hand: odd-but-valid archives and hostile ones (zip bombs).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry for makeZip. Everything but name and data is for odd or lying archives. */
export type ZipFile = {
  name: string;
  /** The unpacked bytes (deflated unless stored; ignored when `raw` is given, apart from the CRC). */
  data: Uint8Array;
  stored?: boolean;
  method?: number;
  /** 8: sizes and CRC in a data descriptor after the data, as Excel writes them. */
  flags?: number;
  /** The unpacked size the headers declare (default: data.length). */
  declaredSize?: number;
  /** The packed bytes exactly as they go into the file (a hand-made deflate stream). */
  raw?: Uint8Array;
  /** The local header names another file than the central directory does. */
  localName?: string;
  /** The local header declares another packed size than the central directory does. */
  localCompressedSize?: number;
};

/** A zip of `files` in order, with an optional archive comment. */
export function makeZip(files: ZipFile[], comment = ''): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const localName = f.localName === undefined ? name : enc.encode(f.localName);
    const method = f.method ?? (f.stored ? 0 : 8);
    const body = f.raw ?? (method === 8 ? new Uint8Array(deflateRawSync(f.data)) : f.data);
    const size = f.declaredSize ?? f.data.length;
    const crc = crc32(f.data);
    const descriptor = ((f.flags ?? 0) & 8) !== 0; // sizes and CRC after the data, as Excel writes them
    const local = new Uint8Array(30 + localName.length + body.length + (descriptor ? 16 : 0));
    const dl = new DataView(local.buffer);
    dl.setUint32(0, 0x04034b50, true);
    dl.setUint16(4, 20, true);
    dl.setUint16(6, f.flags ?? 0, true);
    dl.setUint16(8, method, true);
    if (!descriptor) {
      dl.setUint32(14, crc, true);
      dl.setUint32(18, f.localCompressedSize ?? body.length, true);
      dl.setUint32(22, size, true);
    }
    dl.setUint16(26, localName.length, true);
    local.set(localName, 30);
    local.set(body, 30 + localName.length);
    if (descriptor) {
      const d = 30 + localName.length + body.length;
      dl.setUint32(d, 0x08074b50, true);
      dl.setUint32(d + 4, crc, true);
      dl.setUint32(d + 8, body.length, true);
      dl.setUint32(d + 12, size, true);
    }
    const central = new Uint8Array(46 + name.length);
    const dc = new DataView(central.buffer);
    dc.setUint32(0, 0x02014b50, true);
    dc.setUint16(4, 20, true);
    dc.setUint16(6, 20, true);
    dc.setUint16(8, f.flags ?? 0, true);
    dc.setUint16(10, method, true);
    dc.setUint32(16, crc, true);
    dc.setUint32(20, body.length, true);
    dc.setUint32(24, size, true);
    dc.setUint16(28, name.length, true);
    dc.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  return joinZip(locals, centrals, offset, enc.encode(comment));
}

/** Local parts (`localBytes` long in all), then the central directory and its end record. */
function joinZip(locals: Uint8Array[], centrals: Uint8Array[], localBytes: number, comment: Uint8Array): Uint8Array {
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22 + comment.length);
  const de = new DataView(end.buffer);
  de.setUint32(0, 0x06054b50, true);
  de.setUint16(8, centrals.length, true);
  de.setUint16(10, centrals.length, true);
  de.setUint32(12, cdSize, true);
  de.setUint32(16, localBytes, true);
  de.setUint16(20, comment.length, true);
  end.set(comment, 22);
  const out = new Uint8Array(localBytes + cdSize + end.length);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** The entries of a well-formed zip (one made by makeZip or SheetJS), unpacked, in directory order. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + csize);
    out.set(name, method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw.slice());
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/**
 * A raw deflate stream that unpacks to `mib` MiB of zero bytes (about 1 KiB packed per MiB), built
 * without ever holding the zeros: one MiB deflated and sync-flushed, repeated, then a final block.
 */
export function zerosDeflated(mib: number): Uint8Array {
  const chunk = deflateRawSync(new Uint8Array(1 << 20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const last = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(chunk.length * mib + last.length);
  for (let i = 0; i < mib; i++) out.set(chunk, i * chunk.length);
  out.set(last, chunk.length * mib);
  return out;
}

/**
 * How a hostile zip is dressed, to reach each parser: the fast .xlsx reader (plain .xlsx), or
 * SheetJS (.ods, or an .xlsx the fast reader leaves to SheetJS for one of the reasons below).
 */
export type ZipPath = {
  format: 'xlsx' | 'ods';
  /** One byte after the end record: the fast .xlsx reader then leaves the file to SheetJS. */
  trailingByte?: boolean;
  /** Two more entries whose names differ only in case: the fast .xlsx reader then leaves the file to SheetJS. */
  caseClash?: boolean;
  /** An ISO date cell (t="d") in the .xlsx sheet: the fast reader then leaves the sheet to SheetJS. */
  dateCell?: boolean;
};

/** The parts of the messy sheet as a real .xlsx or .ods (written by SheetJS), in order, dressed as `path` says. */
export function messyWorkbookParts(format: 'xlsx' | 'ods', path: Omit<ZipPath, 'format' | 'trailingByte'> = {}): ZipFile[] {
  const parts: ZipFile[] = [];
  for (const [name, data] of unzip(messyContactsWorkbook(format))) {
    if (name === 'mimetype') {
      // The .ods "mimetype" entry must stay first and stored: readers sniff it from the first bytes.
      parts.push({ name, data, stored: true });
    } else if (path.dateCell && name === 'xl/worksheets/sheet1.xml') {
      const xml = new TextDecoder().decode(data).replace('</row>', '<c r="Z1" t="d"><v>2026-03-15T00:00:00Z</v></c></row>');
      parts.push({ name, data: new TextEncoder().encode(xml) });
    } else {
      parts.push({ name, data });
    }
  }
  if (path.caseClash) {
    const folder = format === 'xlsx' ? 'xl/media' : 'Pictures';
    parts.push({ name: `${folder}/image9.bin`, data: new Uint8Array(1) }, { name: `${folder.toUpperCase()}/IMAGE9.BIN`, data: new Uint8Array(1) });
  }
  return parts;
}

/** `zip` with one byte after its end record when `path` asks for it. */
export function withTrailingByte(zip: Uint8Array, path: Pick<ZipPath, 'trailingByte'>): Uint8Array {
  if (!path.trailingByte) return zip;
  const out = new Uint8Array(zip.length + 1);
  out.set(zip);
  return out;
}

export type ZipBombOptions = ZipPath & {
  /** Unpacked size of each bomb entry, in MiB (honestly declared). */
  mib: number;
  /** How many bomb entries (default 1). */
  entries?: number;
};

/**
 * The real messy workbook plus picture-like entries of zeros that unpack to `mib` MiB each: about
 * 1 KiB of file per MiB of memory. SheetJS unpacks every entry of a zip up front.
 */
export function zipBomb(options: ZipBombOptions): Uint8Array {
  const folder = options.format === 'xlsx' ? 'xl/media' : 'Pictures';
  const raw = zerosDeflated(options.mib);
  const files = messyWorkbookParts(options.format, options);
  for (let i = 1; i <= (options.entries ?? 1); i++) {
    files.push({ name: `${folder}/image${i}.bin`, data: new Uint8Array(0), raw, declaredSize: options.mib * 1024 * 1024 });
  }
  return withTrailingByte(makeZip(files), options);
}

/**
 * The "overlapping files" zip bomb (David Fifield, 2019) on top of the messy workbook: `entries`
 * local headers in a row, each one's deflate data a stored block quoting the next header and then
 * running on into the next entry's data, down to one shared `kernel` (a raw deflate stream that
 * unpacks to `kernelSize` bytes). Every entry unpacks the kernel again: the output grows with the
 * square of the entry count from a file that grows linearly. Names and sizes all agree between the
 * local headers and the central directory; only the overlap gives it away. CRCs are left at 0.
 */
export function overlappingZipBomb(options: ZipPath & { entries: number; kernel: Uint8Array; kernelSize: number }): Uint8Array {
  const enc = new TextEncoder();
  const folder = options.format === 'xlsx' ? 'xl/media' : 'Pictures';
  const prefix = makeZip(messyWorkbookParts(options.format, options));
  const dv = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const eocd = prefix.length - 22;
  const prefixLocalBytes = dv.getUint32(eocd + 16, true);
  const prefixCentral = prefix.subarray(prefixLocalBytes, eocd);
  const prefixCount = dv.getUint16(eocd + 10, true);

  const n = options.entries;
  const names = Array.from({ length: n }, (_, i) => enc.encode(`${folder}/overlap${i + 1}.bin`));
  // Sizes from the last entry back: entry i's data = 5-byte stored-block header + header i+1 + data i+1.
  const csize = new Array<number>(n).fill(0);
  const usize = new Array<number>(n).fill(0);
  csize[n - 1] = options.kernel.length;
  usize[n - 1] = options.kernelSize;
  for (let i = n - 2; i >= 0; i--) {
    const next = 30 + (names[i + 1]?.length ?? 0);
    csize[i] = 5 + next + (csize[i + 1] ?? 0);
    usize[i] = next + (usize[i + 1] ?? 0);
  }
  const header = (i: number): Uint8Array => {
    const name = names[i] ?? new Uint8Array(0);
    const h = new Uint8Array(30 + name.length);
    const d = new DataView(h.buffer);
    d.setUint32(0, 0x04034b50, true);
    d.setUint16(4, 20, true);
    d.setUint16(8, 8, true);
    d.setUint32(18, csize[i] ?? 0, true);
    d.setUint32(22, usize[i] ?? 0, true);
    d.setUint16(26, name.length, true);
    h.set(name, 30);
    return h;
  };
  const locals: Uint8Array[] = [prefix.subarray(0, prefixLocalBytes)];
  const centrals: Uint8Array[] = [prefixCentral];
  let offset = prefixLocalBytes;
  for (let i = 0; i < n; i++) {
    const h = header(i);
    const name = names[i] ?? new Uint8Array(0);
    const central = new Uint8Array(46 + name.length);
    const dc = new DataView(central.buffer);
    dc.setUint32(0, 0x02014b50, true);
    dc.setUint16(4, 20, true);
    dc.setUint16(6, 20, true);
    dc.setUint16(10, 8, true);
    dc.setUint32(20, csize[i] ?? 0, true);
    dc.setUint32(24, usize[i] ?? 0, true);
    dc.setUint16(28, name.length, true);
    dc.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    locals.push(h);
    offset += h.length;
    if (i < n - 1) {
      // A non-final stored block whose content is the next local header (which follows it).
      const len = 30 + (names[i + 1]?.length ?? 0);
      const quote = new Uint8Array([0x00, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]);
      locals.push(quote);
      offset += quote.length;
    }
  }
  locals.push(options.kernel);
  offset += options.kernel.length;
  return withTrailingByte(joinZipCounted(locals, centrals, prefixCount + n, offset), options);
}

function joinZipCounted(locals: Uint8Array[], centrals: Uint8Array[], count: number, localBytes: number): Uint8Array {
  const out = joinZip(locals, centrals, localBytes, new Uint8Array(0));
  const de = new DataView(out.buffer, out.byteOffset + out.length - 22, 22);
  de.setUint16(8, count, true);
  de.setUint16(10, count, true);
  return out;
}

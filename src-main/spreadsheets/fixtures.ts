// Test / e2e / benchmark data generators. Pure and deterministic; no side effects.
import * as XLSX from 'xlsx';
import { mulberry32 } from '../../src-shared/random';

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

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '#shared/errors';
import {
  ATTACHMENT_ID_PATTERN,
  ATTACHMENT_LIMITS,
  TEXT_SNIFF_BYTES,
  allowedMimeTypes,
  attachmentPath,
  attachmentsDir,
  checkAttachment,
  readAttachment,
  sanitizeFileName,
  sniff,
  storeAttachment,
  type AttachmentKind,
} from './attachments';

// ---------------------------------------------------------------------------------------------
// Tiny valid headers, built here so no binary fixtures are needed.

type Part = string | readonly number[] | Uint8Array;

/** Concatenates parts; strings are taken byte for byte (ASCII / latin1). */
function bin(...parts: Part[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (let i = 0; i < part.length; i++) out.push(part.charCodeAt(i) & 0xff);
    else out.push(...part);
  }
  return Uint8Array.from(out);
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const u16le = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const u32le = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u32be = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function ftyp(major: string, compatible: string[], ...rest: Part[]): Uint8Array {
  return bin(u32be(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 2, 0], ...compatible, ...rest);
}

/** A handler box as found inside moov/trak/mdia. */
function hdlr(handler: string): Uint8Array {
  return bin(u32be(33), 'hdlr', zeros(4), zeros(4), handler, zeros(12), [0]);
}

function oggPage(payload: Part): Uint8Array {
  const body = bin(payload);
  return bin('OggS', [0, 2], zeros(8), zeros(4), zeros(4), zeros(4), [1, body.length], body);
}

type ZipEntry = { name: string; data?: string; dataDescriptor?: boolean };

/** A stored (uncompressed) zip with local headers, central directory and end record. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: number[] = [];
  const central: number[] = [];
  for (const entry of entries) {
    const name = [...utf8(entry.name)];
    const data = [...utf8(entry.data ?? 'x')];
    const flags = entry.dataDescriptor ? 0x08 : 0;
    const offset = locals.length;
    const sizeInHeader = entry.dataDescriptor ? 0 : data.length;
    locals.push(...u32le(0x04034b50), ...u16le(20), ...u16le(flags), ...u16le(0), ...zeros(4), ...u32le(0));
    locals.push(...u32le(sizeInHeader), ...u32le(sizeInHeader), ...u16le(name.length), ...u16le(0), ...name, ...data);
    if (entry.dataDescriptor) locals.push(...u32le(0x08074b50), ...u32le(0), ...u32le(data.length), ...u32le(data.length));
    central.push(...u32le(0x02014b50), ...u16le(20), ...u16le(20), ...u16le(flags), ...u16le(0), ...zeros(4), ...u32le(0));
    central.push(...u32le(data.length), ...u32le(data.length), ...u16le(name.length), ...u16le(0), ...u16le(0));
    central.push(...u16le(0), ...u16le(0), ...u32le(0), ...u32le(offset), ...name);
  }
  const end = [
    ...u32le(0x06054b50), ...u16le(0), ...u16le(0), ...u16le(entries.length), ...u16le(entries.length),
    ...u32le(central.length), ...u32le(locals.length), ...u16le(0),
  ];
  return Uint8Array.from([...locals, ...central, ...end]);
}

const OOXML_START: ZipEntry[] = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '_rels/.rels', data: '<Relationships/>' },
];

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: header sector, then one directory sector holding the named entries. */
function ole(streams: string[], rootClassId?: number[]): Uint8Array {
  const b = new Uint8Array(1024);
  b.set(OLE_SIGNATURE, 0);
  b.set(u16le(9), 0x1e); // 512-byte sectors
  b.set(u32le(0), 0x30); // directory starts at sector 0 (file offset 512)
  ['Root Entry', ...streams].forEach((name, i) => b.set(Buffer.from(`${name}\0`, 'utf16le'), 512 + i * 128));
  if (rootClassId) b.set(rootClassId, 512 + 0x50);
  return b;
}

const H = {
  jpeg: () => bin([0xff, 0xd8, 0xff, 0xe0], u16le(16).reverse(), 'JFIF\0', zeros(11)),
  png: () => bin([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(1), u32be(1), [8, 2, 0, 0, 0]),
  gif: () => bin('GIF89a', u16le(1), u16le(1), [0, 0, 0]),
  webp: () => bin('RIFF', u32le(30), 'WEBP', 'VP8 ', u32le(18), zeros(18)),
  heic: () => ftyp('heic', ['mif1', 'heic']),
  avif: () => ftyp('mif1', ['avif', 'mif1', 'miaf']),
  bmp: () => bin('BM', u32le(58), zeros(4), u32le(54), u32le(40), u32le(1), u32le(1), zeros(8)),
  tiff: () => bin('II*\0', u32le(8), zeros(8)),
  mp4: () => ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41'], hdlr('vide'), hdlr('soun')),
  m4v: () => ftyp('M4V ', ['M4V ', 'M4A ', 'mp42', 'isom']),
  '3gp': () => ftyp('3gp5', ['3gp5', 'isom']),
  '3g2': () => ftyp('3g2a', ['3g2a']),
  mov: () => ftyp('qt  ', ['qt  ']),
  oldMov: () => bin(u32be(8), 'wide', u32be(16), 'mdat', zeros(8)),
  webm: () => bin([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm', [0x42, 0x87, 0x81, 0x04]),
  mkv: () => bin([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska', [0x42, 0x87, 0x81, 0x04]),
  avi: () => bin('RIFF', u32le(100), 'AVI ', 'LIST', zeros(8)),
  opus: () => oggPage(bin('OpusHead', [1, 1], u16le(312), u32le(48000), zeros(3))),
  vorbis: () => oggPage(bin([1], 'vorbis', zeros(22))),
  mp3Id3: () => bin('ID3', [3, 0, 0], [0, 0, 0, 10], zeros(10), [0xff, 0xfb, 0x90, 0x64], zeros(8)),
  mp3Frame: () => bin([0xff, 0xfb, 0x90, 0x44], zeros(12)),
  m4a: () => ftyp('M4A ', ['M4A ', 'mp42', 'isom']),
  m4aGeneric: () => ftyp('mp42', ['mp42', 'isom'], hdlr('soun'), hdlr('mdir')),
  aac: () => bin([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc], zeros(8)),
  aacMpeg2: () => bin([0xff, 0xf9, 0x50, 0x80, 0x02, 0x1f, 0xfc], zeros(8)),
  aacId3: () => bin('ID3', [4, 0, 0], [0, 0, 0, 0], [0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc], zeros(4)),
  amr: () => bin('#!AMR\n', [0x3c], zeros(31)),
  amrWb: () => bin('#!AMR-WB\n', zeros(8)),
  wav: () => bin('RIFF', u32le(36), 'WAVE', 'fmt ', u32le(16), zeros(16)),
  flac: () => bin('fLaC', [0x80, 0, 0, 34], zeros(34)),
  pdf: () => bin('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'),
  docx: () => zip([...OOXML_START, { name: 'word/document.xml', data: '<w:document/>' }]),
  xlsx: () => zip([...OOXML_START, { name: 'xl/workbook.xml', data: '<workbook/>' }]),
  pptx: () => zip([...OOXML_START, { name: 'ppt/presentation.xml', data: '<p:presentation/>' }]),
  odt: () => zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml' }]),
  zip: () => zip([{ name: 'prices/list.txt', data: 'tea 10' }, { name: 'photo.jpg' }]),
  emptyZip: () => bin(u32le(0x06054b50), zeros(18)),
  doc: () => ole(['WordDocument', '1Table', 'SummaryInformation']),
  xls: () => ole(['Workbook', 'SummaryInformation']),
  ppt: () => ole(['PowerPoint Document', 'Current User']),
  genericOle: () => ole(['__substg1.0_0037001F']),
  rtf: () => bin('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Hello}'),
  exe: () => {
    const b = new Uint8Array(0x80);
    b.set(bin('MZ'), 0);
    b.set(u32le(0x40), 0x3c);
    b.set(bin('PE\0\0'), 0x40);
    return b;
  },
  dosExe: () => bin('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], zeros(20)),
  msi: () => ole(['\u4840\u3f3f'], [0x84, 0x10, 0x0c, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]),
  elf: () => bin([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], zeros(8)),
  macho: () => bin([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1], zeros(8)),
  script: () => bin('#!/bin/sh\necho "hello"\n'),
  persian: () => utf8('سلام! قیمت‌های جدید فروشگاه:\nچای ۱۰۰ تومان\n'),
} satisfies Record<string, () => Uint8Array>;

// ---------------------------------------------------------------------------------------------

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-attachments-'));
  tempDirs.push(dir);
  return dir;
}

function appError(fn: () => unknown, code: ErrorCode): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe(code);
    return e;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---------------------------------------------------------------------------------------------

describe('sniff', () => {
  const cases: [keyof typeof H, string, string, string][] = [
    ['jpeg', 'image/jpeg', 'jpg', 'a JPEG picture'],
    ['png', 'image/png', 'png', 'a PNG picture'],
    ['gif', 'image/gif', 'gif', 'a GIF picture'],
    ['webp', 'image/webp', 'webp', 'a WEBP picture'],
    ['heic', 'image/heic', 'heic', 'a HEIC picture'],
    ['avif', 'image/avif', 'avif', 'an AVIF picture'],
    ['bmp', 'image/bmp', 'bmp', 'a BMP picture'],
    ['tiff', 'image/tiff', 'tif', 'a TIFF picture'],
    ['mp4', 'video/mp4', 'mp4', 'an MP4 video'],
    ['m4v', 'video/mp4', 'mp4', 'an MP4 video'],
    ['3gp', 'video/3gpp', '3gp', 'a 3GP video'],
    ['3g2', 'video/3gpp2', '3g2', 'a 3G2 video'],
    ['mov', 'video/quicktime', 'mov', 'a QuickTime (MOV) video'],
    ['oldMov', 'video/quicktime', 'mov', 'a QuickTime (MOV) video'],
    ['webm', 'video/webm', 'webm', 'a WebM video'],
    ['mkv', 'video/x-matroska', 'mkv', 'an MKV video'],
    ['avi', 'video/x-msvideo', 'avi', 'an AVI video'],
    ['opus', 'audio/ogg', 'ogg', 'an OGG (Opus) recording'],
    ['vorbis', 'audio/ogg', 'ogg', 'an OGG (Vorbis) recording'],
    ['mp3Id3', 'audio/mpeg', 'mp3', 'an MP3 recording'],
    ['mp3Frame', 'audio/mpeg', 'mp3', 'an MP3 recording'],
    ['m4a', 'audio/mp4', 'm4a', 'an M4A recording'],
    ['m4aGeneric', 'audio/mp4', 'm4a', 'an M4A recording'],
    ['aac', 'audio/aac', 'aac', 'an AAC recording'],
    ['aacMpeg2', 'audio/aac', 'aac', 'an AAC recording'],
    ['aacId3', 'audio/aac', 'aac', 'an AAC recording'],
    ['amr', 'audio/amr', 'amr', 'an AMR recording'],
    ['amrWb', 'audio/amr-wb', 'awb', 'an AMR-WB recording'],
    ['wav', 'audio/wav', 'wav', 'a WAV recording'],
    ['flac', 'audio/flac', 'flac', 'a FLAC recording'],
    ['pdf', 'application/pdf', 'pdf', 'a PDF document'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'a Word document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'an Excel spreadsheet'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'a PowerPoint presentation'],
    ['odt', 'application/vnd.oasis.opendocument.text', 'odt', 'an OpenDocument text'],
    ['zip', 'application/zip', 'zip', 'a zip archive'],
    ['emptyZip', 'application/zip', 'zip', 'a zip archive'],
    ['doc', 'application/msword', 'doc', 'an older Word document'],
    ['xls', 'application/vnd.ms-excel', 'xls', 'an older Excel spreadsheet'],
    ['ppt', 'application/vnd.ms-powerpoint', 'ppt', 'an older PowerPoint presentation'],
    ['genericOle', 'application/x-ole-storage', 'ole', 'an older Office file'],
    ['rtf', 'application/rtf', 'rtf', 'an RTF document'],
    ['exe', 'application/x-msdownload', 'exe', 'a Windows program'],
    ['dosExe', 'application/x-msdownload', 'exe', 'a Windows program'],
    ['msi', 'application/x-msi', 'msi', 'a Windows installer'],
    ['elf', 'application/x-executable', 'elf', 'a Linux program'],
    ['macho', 'application/x-mach-binary', 'bin', 'a Mac program'],
    ['script', 'text/x-script', 'sh', 'a script'],
    ['persian', 'text/plain', 'txt', 'a text file'],
  ];

  it.each(cases)('recognises %s', (name, mimeType, ext, label) => {
    expect(sniff(H[name]())).toEqual({ mimeType, ext, label });
  });

  it('tells MP4 video from M4A audio by brand, and by track handlers for generic brands', () => {
    expect(sniff(ftyp('isom', ['isom', 'mp41']))?.mimeType).toBe('video/mp4'); // no handler seen: video
    expect(sniff(ftyp('isom', ['isom'], hdlr('soun')))?.mimeType).toBe('audio/mp4');
    expect(sniff(ftyp('isom', ['isom'], hdlr('soun'), hdlr('vide')))?.mimeType).toBe('video/mp4');
    expect(sniff(ftyp('M4B ', ['M4B ', 'isom']))?.mimeType).toBe('audio/mp4');
    // An unknown major brand falls back on the most specific compatible brand.
    expect(sniff(ftyp('abcd', ['isom', 'qt  ']))?.mimeType).toBe('video/quicktime');
    expect(sniff(ftyp('abcd', ['abcd']))).toBeNull();
  });

  it('recognises Office files by entry names further in, or only in the central directory', () => {
    const withDescriptors = zip([
      { name: '[Content_Types].xml', data: '<Types/>', dataDescriptor: true },
      { name: 'docProps/app.xml', data: '<Properties/>', dataDescriptor: true },
      { name: 'xl/workbook.xml', data: '<workbook/>', dataDescriptor: true },
    ]);
    expect(sniff(withDescriptors)?.ext).toBe('xlsx');

    const filler = Array.from({ length: 70 }, (_, i): ZipEntry => ({ name: `customXml/item${i}.xml` }));
    expect(sniff(zip([...filler, { name: 'ppt/presentation.xml' }]))?.ext).toBe('pptx');
    expect(sniff(zip([...filler, { name: 'notes.txt' }]))?.ext).toBe('zip');
  });

  it('does not mistake text for media or programs', () => {
    expect(sniff(utf8('MZ Motors price list\n'))?.mimeType).toBe('text/plain');
    expect(sniff(utf8('BMW parts\n'))?.mimeType).toBe('text/plain');
    expect(sniff(utf8('ID3 tags are metadata\n'))?.mimeType).toBe('text/plain');
    expect(sniff(utf8('abcdfree ice cream\n'))?.mimeType).toBe('text/plain');
    expect(sniff(utf8('#!AMRX not audio'))?.label).toBe('a script');
  });

  it('detects Persian UTF-8 text and refuses invalid UTF-8 or NUL bytes', () => {
    expect(sniff(H.persian())?.mimeType).toBe('text/plain');
    expect(sniff(utf8('\ufeffName,Phone\nعلی,09121234567\n'))?.mimeType).toBe('text/plain');
    const persian = utf8('سلام');
    expect(sniff(bin(persian.subarray(0, 3)))).toBeNull(); // a character cut at the end of the file
    expect(sniff(bin('price: ', [0xc3, 0x28], ' toman'))).toBeNull(); // invalid sequence
    expect(sniff(bin('latin-1 caf', [0xe9]))).toBeNull();
    expect(sniff(bin('hello', [0], 'world'))).toBeNull();
    expect(sniff(new Uint8Array(0))).toBeNull();
  });

  it('judges text on its first 64 KB only, without tripping on a character cut at the window edge', () => {
    const seen = utf8('س'); // two bytes
    const straddling = bin('a'.repeat(TEXT_SNIFF_BYTES - 1), seen, 'b'); // the Persian letter spans the edge
    expect(sniff(straddling)?.mimeType).toBe('text/plain');
    expect(sniff(bin('a'.repeat(TEXT_SNIFF_BYTES), [0xff, 0, 0xfe]))?.mimeType).toBe('text/plain');
    expect(sniff(bin('a'.repeat(TEXT_SNIFF_BYTES - 1), [0xff]))).toBeNull();
  });

  it('returns null for unknown binary data', () => {
    expect(sniff(Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x80, 0x00]))).toBeNull();
    expect(sniff(bin('OggS', [0, 0xff]))).toBeNull(); // too short for an Ogg page
    expect(sniff(bin(u32be(0x7fffffff), 'mdat', [0]))).toBeNull(); // a movie atom larger than the file
  });
});

describe('checkAttachment accepts', () => {
  const accepted: [AttachmentKind, keyof typeof H, string][] = [
    ['image', 'jpeg', 'image/jpeg'],
    ['image', 'png', 'image/png'],
    ['video', 'mp4', 'video/mp4'],
    ['video', '3gp', 'video/3gpp'],
    ['video', '3g2', 'video/3gpp2'],
    ['voice', 'opus', 'audio/ogg'],
    ['voice', 'mp3Id3', 'audio/mpeg'],
    ['voice', 'mp3Frame', 'audio/mpeg'],
    ['voice', 'm4a', 'audio/mp4'],
    ['voice', 'aac', 'audio/aac'],
    ['voice', 'amr', 'audio/amr'],
    ['document', 'pdf', 'application/pdf'],
    ['document', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['document', 'xls', 'application/vnd.ms-excel'],
    ['document', 'rtf', 'application/rtf'],
    ['document', 'zip', 'application/zip'],
    ['document', 'webp', 'image/webp'],
    ['document', 'mov', 'video/quicktime'],
    ['document', 'wav', 'audio/wav'],
    ['document', 'jpeg', 'image/jpeg'],
  ];

  it.each(accepted)('%s: %s', (kind, name, mimeType) => {
    const bytes = H[name]();
    const checked = checkAttachment(kind, `file-${name}`, bytes);
    expect(checked).toMatchObject({ kind, mimeType, size: bytes.length, fileName: `file-${name}` });
    expect(checked.ext).toBe(sniff(bytes)?.ext);
  });

  it('lets content win over a misleading extension', () => {
    const checked = checkAttachment('document', 'report.pdf', H.docx());
    expect(checked.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(checked.ext).toBe('docx');
    expect(checked.fileName).toBe('report.pdf');
    expect(checkAttachment('image', 'photo.jpg', H.png())).toMatchObject({ mimeType: 'image/png', ext: 'png' });
  });

  it('takes a text file’s extension from its name when it is csv, txt or vcf', () => {
    expect(checkAttachment('document', 'Customers.CSV', utf8('name,phone\n'))).toMatchObject({ mimeType: 'text/plain', ext: 'csv' });
    expect(checkAttachment('document', 'card.vcf', utf8('BEGIN:VCARD\n'))).toMatchObject({ ext: 'vcf' });
    expect(checkAttachment('document', 'notes.txt', H.persian())).toMatchObject({ ext: 'txt' });
    expect(checkAttachment('document', 'page.html', utf8('<p>hi</p>'))).toMatchObject({ mimeType: 'text/plain', ext: 'txt' });
    expect(checkAttachment('document', 'notes', H.persian()).ext).toBe('txt');
  });

  it('takes an unidentified OLE file’s extension from its name when it is an Office one', () => {
    expect(checkAttachment('document', 'mail.msg', H.genericOle()).ext).toBe('msg');
    expect(checkAttachment('document', 'thing.dat', H.genericOle()).ext).toBe('ole');
  });

  it('accepts a file exactly at the limit', () => {
    const bytes = new Uint8Array(ATTACHMENT_LIMITS.image);
    bytes.set(H.jpeg(), 0);
    expect(checkAttachment('image', 'big.jpg', bytes).size).toBe(5 * 1024 * 1024);
  });

  it('lists what each kind accepts', () => {
    expect(allowedMimeTypes('image')).toEqual(['image/jpeg', 'image/png']);
    expect(allowedMimeTypes('video')).toEqual(['video/mp4', 'video/3gpp', 'video/3gpp2']);
    expect(allowedMimeTypes('voice')).toEqual(['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr']);
    expect(allowedMimeTypes('document')).toContain('application/pdf');
    expect(allowedMimeTypes('document')).not.toContain('application/x-msdownload');
  });
});

describe('checkAttachment refuses', () => {
  it('a WEBP, GIF, HEIC, BMP or TIFF as a picture, with advice', () => {
    const e = appError(() => checkAttachment('image', 'sticker.webp', H.webp()), 'unsupported_format');
    expect(e.message).toBe('“sticker.webp” is a WEBP picture. WhatsApp sends photos as JPEG or PNG: save it as JPEG and attach it again.');
    expect(e.params).toMatchObject({ fileName: 'sticker.webp', mimeType: 'image/webp' });
    for (const [name, label] of [['gif', 'a GIF picture'], ['heic', 'a HEIC picture'], ['bmp', 'a BMP picture'], ['tiff', 'a TIFF picture']] as const) {
      const other = appError(() => checkAttachment('image', `x.${name}`, H[name]()), 'unsupported_format');
      expect(other.message).toContain(`“x.${name}” is ${label}. WhatsApp sends photos as JPEG or PNG`);
    }
  });

  it('a QuickTime MOV as a video, with advice', () => {
    const e = appError(() => checkAttachment('video', 'clip.mov', H.mov()), 'unsupported_format');
    expect(e.message).toBe('“clip.mov” is a QuickTime (MOV) video. WhatsApp sends videos as MP4 or 3GP: save or export it as MP4 and attach it again.');
    expect(appError(() => checkAttachment('video', 'old.mov', H.oldMov()), 'unsupported_format').message).toContain('QuickTime (MOV)');
    expect(appError(() => checkAttachment('video', 'a.webm', H.webm()), 'unsupported_format').message).toContain('is a WebM video.');
  });

  it('a PDF named .jpg as a picture, saying what it really is', () => {
    const e = appError(() => checkAttachment('image', 'photo.jpg', H.pdf()), 'unsupported_format');
    expect(e.message).toContain('“photo.jpg” is a PDF document, not a picture.');
    expect(e.message).toContain('Attach it as a document');
  });

  it('a picture as a video and a video as a voice note', () => {
    expect(appError(() => checkAttachment('video', 'a.mp4', H.jpeg()), 'unsupported_format').message).toContain(
      '“a.mp4” is a JPEG picture, not a video.',
    );
    expect(appError(() => checkAttachment('voice', 'a.m4a', H.mp4()), 'unsupported_format').message).toContain(
      '“a.m4a” is an MP4 video, not a sound recording.',
    );
    expect(appError(() => checkAttachment('image', 'a.jpg', H.persian()), 'unsupported_format').message).toContain(
      'is a text file, not a picture.',
    );
  });

  it('voice recordings WhatsApp can’t play as a voice note, with advice', () => {
    for (const [name, label] of [['wav', 'a WAV recording'], ['vorbis', 'an OGG (Vorbis) recording'], ['flac', 'a FLAC recording'], ['amrWb', 'an AMR-WB recording']] as const) {
      const e = appError(() => checkAttachment('voice', `memo.${name}`, H[name]()), 'unsupported_format');
      expect(e.message).toBe(
        `“memo.${name}” is ${label}. WhatsApp voice notes must be OGG (Opus), MP3, M4A, AAC or AMR: save it as MP3 and attach it again.`,
      );
    }
  });

  it('a Windows program as a document, whatever its name', () => {
    for (const [fileName, bytes] of [['setup.exe', H.exe()], ['invoice.pdf', H.exe()], ['old.com', H.dosExe()], ['install.msi', H.msi()]] as const) {
      const e = appError(() => checkAttachment('document', fileName, bytes), 'unsupported_format');
      expect(e.message).toBe(`“${fileName}” is a program; programs can’t be sent.`);
    }
  });

  it('Linux and Mac programs, as any kind', () => {
    expect(appError(() => checkAttachment('document', 'tool', H.elf()), 'unsupported_format').message).toContain('is a program');
    expect(appError(() => checkAttachment('image', 'tool.png', H.macho()), 'unsupported_format').message).toContain('is a program');
  });

  it('a shebang script, and a text file named as a script', () => {
    const e = appError(() => checkAttachment('document', 'notes.txt', H.script()), 'unsupported_format');
    expect(e.message).toBe('“notes.txt” is a program; programs can’t be sent.');
    const bat = appError(() => checkAttachment('document', 'Run.BAT', utf8('@echo off\r\ndel *.*\r\n')), 'unsupported_format');
    expect(bat.message).toBe('“Run.BAT” is a program; programs can’t be sent.');
  });

  it('an empty file', () => {
    const e = appError(() => checkAttachment('document', 'blank.pdf', new Uint8Array(0)), 'invalid_input');
    expect(e.message).toContain('“blank.pdf” is empty');
  });

  it('unknown binary content', () => {
    const e = appError(() => checkAttachment('document', 'data.bin', Uint8Array.from([0, 1, 2, 3, 254, 255])), 'unsupported_format');
    expect(e.message).toBe(
      'Pigeon can’t tell what kind of file “data.bin” is; WhatsApp documents can be PDF, Office, text, zip, pictures, video or audio.',
    );
    expect(appError(() => checkAttachment('image', 'x.jpg', Uint8Array.from([0, 1, 2])), 'unsupported_format').message).toContain(
      'pictures must be JPEG or PNG',
    );
  });

  it('files over the limit of their kind, giving size and limit in MB', () => {
    const big = new Uint8Array(ATTACHMENT_LIMITS.document + 1); // allocated once, reused per kind
    const headers: [AttachmentKind, Uint8Array, string, string][] = [
      ['image', H.jpeg(), '5.1', '5.0'],
      ['video', H.mp4(), '16.1', '16.0'],
      ['voice', H.opus(), '16.1', '16.0'],
      ['document', H.pdf(), '100.1', '100.0'],
    ];
    const noun: Record<AttachmentKind, string> = { image: 'pictures', video: 'videos', voice: 'voice notes', document: 'documents' };
    for (const [kind, header, sizeMb, limitMb] of headers) {
      big.fill(0, 0, 64);
      big.set(header, 0);
      const bytes = big.subarray(0, ATTACHMENT_LIMITS[kind] + 1);
      const e = appError(() => checkAttachment(kind, `big-${kind}`, bytes), 'file_too_large');
      expect(e.message).toBe(
        `“big-${kind}” is ${sizeMb} MB, but WhatsApp ${noun[kind]} can be at most ${limitMb} MB. Make it smaller and attach it again.`,
      );
      expect(e.params).toMatchObject({ size: ATTACHMENT_LIMITS[kind] + 1, limit: ATTACHMENT_LIMITS[kind] });
    }
  });

  it('an unknown kind', () => {
    appError(() => checkAttachment('sticker' as AttachmentKind, 'a.webp', H.webp()), 'invalid_input');
  });
});

describe('sanitizeFileName', () => {
  it('keeps the base name only, for both kinds of slash', () => {
    expect(sanitizeFileName('C:\\Users\\Sara\\Desktop\\price list.pdf')).toBe('price list.pdf');
    expect(sanitizeFileName('/home/sara/../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('folder/sub\\file.txt')).toBe('file.txt');
    expect(checkAttachment('document', '..\\..\\evil.pdf', H.pdf()).fileName).toBe('evil.pdf');
  });

  it('removes control characters and extension-disguising direction overrides', () => {
    expect(sanitizeFileName('in\u0000vo\u0007ice\n.pdf')).toBe('invoice.pdf');
    expect(sanitizeFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(sanitizeFileName('قیمت‌ها.pdf')).toBe('قیمت‌ها.pdf'); // the zero-width non-joiner stays
  });

  it('keeps at most 200 characters, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = sanitizeFileName(`${'a'.repeat(195)}😀😀😀.pdf`);
    expect(emoji.length).toBeLessThanOrEqual(200);
    expect(emoji).toBe(`${'a'.repeat(195)}.pdf`); // no half emoji left behind
    expect(sanitizeFileName('b'.repeat(250))).toHaveLength(200);
  });

  it('is never empty', () => {
    expect(sanitizeFileName('', 'pdf')).toBe('attachment.pdf');
    expect(sanitizeFileName('photos/', 'jpg')).toBe('attachment.jpg');
    expect(sanitizeFileName('..', 'jpg')).toBe('attachment.jpg');
    expect(sanitizeFileName('\u0001\u0002', 'txt')).toBe('attachment.txt');
    expect(checkAttachment('image', 'C:\\pics\\', H.png()).fileName).toBe('attachment.png');
  });
});

describe('storeAttachment', () => {
  it('copies the file under its SHA-256 and returns what was stored', () => {
    const dataDir = tempDir();
    const bytes = H.pdf();
    const stored = storeAttachment(dataDir, 'document', 'C:\\docs\\Menu.pdf', bytes);
    expect(stored).toEqual({ id: `${sha256(bytes)}.pdf`, kind: 'document', fileName: 'Menu.pdf', mimeType: 'application/pdf', size: bytes.length });
    expect(stored.id).toMatch(ATTACHMENT_ID_PATTERN);
    expect(new Uint8Array(fs.readFileSync(path.join(dataDir, 'attachments', stored.id)))).toEqual(bytes);
  });

  it('is idempotent: same content gives the same id, one file, no rewrite and no temp files', () => {
    const dataDir = tempDir();
    const bytes = H.jpeg();
    const first = storeAttachment(dataDir, 'image', 'a.jpg', bytes);
    const file = path.join(attachmentsDir(dataDir), first.id);
    const before = fs.statSync(file);
    const second = storeAttachment(dataDir, 'image', 'copy of a.jpg', Uint8Array.from(bytes));
    expect(second.id).toBe(first.id);
    expect(second.fileName).toBe('copy of a.jpg');
    expect(fs.readdirSync(attachmentsDir(dataDir))).toEqual([first.id]);
    expect(fs.statSync(file).ino).toBe(before.ino); // not replaced

    const other = storeAttachment(dataDir, 'image', 'b.png', H.png());
    expect(other.id).not.toBe(first.id);
    expect(fs.readdirSync(attachmentsDir(dataDir)).sort()).toEqual([first.id, other.id].sort());
  });

  it('replaces a stored copy whose size is wrong', () => {
    const dataDir = tempDir();
    const bytes = H.opus();
    const stored = storeAttachment(dataDir, 'voice', 'hi.ogg', bytes);
    const file = path.join(attachmentsDir(dataDir), stored.id);
    fs.writeFileSync(file, 'cut');
    storeAttachment(dataDir, 'voice', 'hi.ogg', bytes);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(bytes);
    expect(fs.readdirSync(attachmentsDir(dataDir))).toEqual([stored.id]);
  });

  it('writes nothing for a refused file', () => {
    const dataDir = tempDir();
    appError(() => storeAttachment(dataDir, 'image', 'x.webp', H.webp()), 'unsupported_format');
    appError(() => storeAttachment(dataDir, 'document', 'x.exe', H.exe()), 'unsupported_format');
    expect(fs.existsSync(attachmentsDir(dataDir))).toBe(false);
  });
});

describe('attachmentPath and readAttachment', () => {
  it('find a stored attachment and read back its bytes', () => {
    const dataDir = tempDir();
    const bytes = H.xlsx();
    const stored = storeAttachment(dataDir, 'document', 'prices.xlsx', bytes);
    expect(attachmentPath(dataDir, stored)).toBe(path.join(path.resolve(dataDir), 'attachments', stored.id));
    expect(readAttachment(dataDir, stored)).toEqual(bytes);
  });

  it.each(['../x', '../../etc/passwd', `../${'a'.repeat(64)}.pdf`, `${'A'.repeat(64)}.pdf`, `${'a'.repeat(63)}.pdf`, `${'a'.repeat(64)}.pdf/`, `${'a'.repeat(64)}.toolong`, `${'a'.repeat(64)}`, ''])(
    'rejects the id %j',
    (id) => {
      const dataDir = tempDir();
      const e = appError(() => attachmentPath(dataDir, { id, fileName: 'x.pdf' }), 'invalid_input');
      expect(e.message).toContain('“x.pdf”');
    },
  );

  it('reports a missing file in plain words', () => {
    const dataDir = tempDir();
    const gone = { id: `${'0'.repeat(64)}.pdf`, fileName: 'x.pdf', mimeType: 'application/pdf' };
    const e = appError(() => attachmentPath(dataDir, gone), 'not_found');
    expect(e.message).toBe('The attachment “x.pdf” is missing from Pigeon’s data folder. Attach the file again.');
    expect(appError(() => readAttachment(dataDir, gone), 'not_found').message).toContain('is missing');

    const stored = storeAttachment(dataDir, 'document', 'menu.pdf', H.pdf());
    fs.rmSync(path.join(attachmentsDir(dataDir), stored.id));
    expect(appError(() => attachmentPath(dataDir, stored), 'not_found').message).toContain('“menu.pdf” is missing');
  });

  it('treats a folder in place of the file as missing', () => {
    const dataDir = tempDir();
    const id = `${'1'.repeat(64)}.pdf`;
    fs.mkdirSync(path.join(attachmentsDir(dataDir), id), { recursive: true });
    appError(() => attachmentPath(dataDir, { id, fileName: 'x.pdf' }), 'not_found');
  });

  it('refuses to read a stored file that was changed', () => {
    const dataDir = tempDir();
    const stored = storeAttachment(dataDir, 'document', 'menu.pdf', H.pdf());
    fs.writeFileSync(path.join(attachmentsDir(dataDir), stored.id), '%PDF-1.7 tampered');
    const e = appError(() => readAttachment(dataDir, stored), 'not_found');
    expect(e.message).toContain('“menu.pdf”');
    expect(e.message).toContain('changed or damaged');
  });
});

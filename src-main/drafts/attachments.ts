// Attachments for drafts: a picture, video, document or voice note the user picked. The renderer
// sends the bytes; here we decide what the file really is from its first bytes (never from its
// name), check it against what WhatsApp accepts for that kind and its size limit, and keep a copy
// in <dataDir>/attachments named by the SHA-256 of its content, so moving or editing the original
// never breaks a campaign and attaching the same file twice stores it once.
//
// Content sniffing is hand-written for a closed list of formats (no dependency): each format is
// recognised by its magic bytes, with a little structure reading where one signature covers several
// formats (ISO media brands, zip entry names, OLE stream names, Ogg codec headers).
import { Buffer } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { AppError } from '#shared/errors';
import { t, type MessageKey } from '#shared/i18n';
import { ATTACHMENT_LIMITS, attachmentOversize, type AttachmentKind } from '#shared/campaigns';
import {
  CENTRAL_HEADER_BYTES,
  END_SIGNATURE_BYTES,
  LOCAL_HEADER_BYTES,
  LOCAL_SIGNATURE_BYTES,
  readCentralHeader,
  readEndRecord,
  readLocalHeader,
  ZIP_SIGNATURE,
} from '#main/zip/read';

export type { AttachmentKind };

export type StoredAttachment = {
  /** `${sha256hex}.${ext}`: the file name inside <dataDir>/attachments. */
  id: string;
  kind: AttachmentKind;
  /** Original base name, sanitised (see sanitizeFileName). */
  fileName: string;
  mimeType: string;
  size: number;
};

export { ATTACHMENT_LIMITS };

export type Sniffed = {
  mimeType: string;
  ext: string;
  /** Plain words, e.g. 'a PDF document', 'a JPEG picture'. */
  label: string;
};

/** Stored attachment ids: a SHA-256 in lower-case hex, a dot and a short extension. Nothing else. */
export const ATTACHMENT_ID_PATTERN = /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/;

/** The folder inside the data folder that holds the attachment copies. */
export const ATTACHMENTS_FOLDER = 'attachments';

/** Longest file name kept (UTF-16 code units, never splitting a character). */
export const MAX_FILE_NAME_LENGTH = 200;

/** How much of a file must be valid UTF-8 without NUL bytes for it to count as plain text. */
export const TEXT_SNIFF_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// The closed list of formats Pigeon recognises.

type Family = 'image' | 'video' | 'audio' | 'document' | 'program';

type Format = Sniffed & {
  family: Family;
  /** When the content cannot tell the extension apart, take it from the original name if listed. */
  extFromName?: readonly string[];
};

function format(family: Family, mimeType: string, ext: string, label: string, extFromName?: readonly string[]): Format {
  return extFromName ? { family, mimeType, ext, label, extFromName } : { family, mimeType, ext, label };
}

const FORMATS = {
  jpeg: format('image', 'image/jpeg', 'jpg', 'a JPEG picture'),
  png: format('image', 'image/png', 'png', 'a PNG picture'),
  gif: format('image', 'image/gif', 'gif', 'a GIF picture'),
  webp: format('image', 'image/webp', 'webp', 'a WEBP picture'),
  heic: format('image', 'image/heic', 'heic', 'a HEIC picture'),
  avif: format('image', 'image/avif', 'avif', 'an AVIF picture'),
  bmp: format('image', 'image/bmp', 'bmp', 'a BMP picture'),
  tiff: format('image', 'image/tiff', 'tif', 'a TIFF picture'),

  mp4: format('video', 'video/mp4', 'mp4', 'an MP4 video'),
  '3gp': format('video', 'video/3gpp', '3gp', 'a 3GP video'),
  '3g2': format('video', 'video/3gpp2', '3g2', 'a 3G2 video'),
  mov: format('video', 'video/quicktime', 'mov', 'a QuickTime (MOV) video'),
  webm: format('video', 'video/webm', 'webm', 'a WebM video'),
  mkv: format('video', 'video/x-matroska', 'mkv', 'an MKV video'),
  avi: format('video', 'video/x-msvideo', 'avi', 'an AVI video'),

  opus: format('audio', 'audio/ogg', 'ogg', 'an OGG (Opus) recording'),
  mp3: format('audio', 'audio/mpeg', 'mp3', 'an MP3 recording'),
  m4a: format('audio', 'audio/mp4', 'm4a', 'an M4A recording'),
  aac: format('audio', 'audio/aac', 'aac', 'an AAC recording'),
  amr: format('audio', 'audio/amr', 'amr', 'an AMR recording'),
  amrWb: format('audio', 'audio/amr-wb', 'awb', 'an AMR-WB recording'),
  vorbis: format('audio', 'audio/ogg', 'ogg', 'an OGG (Vorbis) recording'),
  ogg: format('audio', 'application/ogg', 'ogg', 'an OGG file'),
  wav: format('audio', 'audio/wav', 'wav', 'a WAV recording'),
  flac: format('audio', 'audio/flac', 'flac', 'a FLAC recording'),

  pdf: format('document', 'application/pdf', 'pdf', 'a PDF document'),
  docx: format('document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'a Word document'),
  xlsx: format('document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'an Excel spreadsheet'),
  pptx: format('document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'a PowerPoint presentation'),
  odt: format('document', 'application/vnd.oasis.opendocument.text', 'odt', 'an OpenDocument text'),
  ods: format('document', 'application/vnd.oasis.opendocument.spreadsheet', 'ods', 'an OpenDocument spreadsheet'),
  odp: format('document', 'application/vnd.oasis.opendocument.presentation', 'odp', 'an OpenDocument presentation'),
  zip: format('document', 'application/zip', 'zip', 'a zip archive'),
  doc: format('document', 'application/msword', 'doc', 'an older Word document'),
  xls: format('document', 'application/vnd.ms-excel', 'xls', 'an older Excel spreadsheet'),
  ppt: format('document', 'application/vnd.ms-powerpoint', 'ppt', 'an older PowerPoint presentation'),
  ole: format('document', 'application/x-ole-storage', 'ole', 'an older Office file', [
    'doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'pot', 'msg', 'vsd', 'pub', 'mpp',
  ]),
  rtf: format('document', 'application/rtf', 'rtf', 'an RTF document'),
  text: format('document', 'text/plain', 'txt', 'a text file', ['txt', 'csv', 'vcf']),

  exe: format('program', 'application/x-msdownload', 'exe', 'a Windows program'),
  msi: format('program', 'application/x-msi', 'msi', 'a Windows installer'),
  elf: format('program', 'application/x-executable', 'elf', 'a Linux program'),
  macho: format('program', 'application/x-mach-binary', 'bin', 'a Mac program'),
  script: format('program', 'text/x-script', 'sh', 'a script'),
} as const satisfies Record<string, Format>;

type FormatId = keyof typeof FORMATS;

const DOCUMENT_FORMATS: readonly FormatId[] = (Object.keys(FORMATS) as FormatId[]).filter(
  (id) => FORMATS[id].family !== 'program',
);

/** What each kind accepts. Documents take every recognised format except programs. */
const ALLOWED: Record<AttachmentKind, ReadonlySet<FormatId>> = {
  image: new Set<FormatId>(['jpeg', 'png']),
  video: new Set<FormatId>(['mp4', '3gp', '3g2']),
  voice: new Set<FormatId>(['opus', 'mp3', 'm4a', 'aac', 'amr']),
  document: new Set<FormatId>(DOCUMENT_FORMATS),
};

/** The MIME types a kind accepts (for file pickers and help text). */
export function allowedMimeTypes(kind: AttachmentKind): string[] {
  return [...new Set([...ALLOWED[kind]].map((id) => FORMATS[id].mimeType))];
}

/**
 * Text files whose name says they are scripts. Their content is plain text, so the name is the only
 * clue; sending them would hand a runnable program to customers, so they are refused like programs.
 */
const SCRIPT_EXTENSIONS: ReadonlySet<string> = new Set([
  'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'hta', 'reg',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'applescript', 'scpt', 'py', 'pl', 'rb',
]);

// ---------------------------------------------------------------------------------------------
// Byte helpers. Every reader checks bounds; out-of-range reads never match.

function hasBytes(b: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (offset < 0 || offset + signature.length > b.length) return false;
  for (let i = 0; i < signature.length; i++) if (b[offset + i] !== signature[i]) return false;
  return true;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset < 0 || offset + length > b.length) return '';
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(b[offset + i] ?? 0);
  return s;
}

function hasAscii(b: Uint8Array, offset: number, text: string): boolean {
  return ascii(b, offset, text.length) === text;
}

function u16le(b: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 2 > b.length) return -1;
  return (b[offset] ?? 0) | ((b[offset + 1] ?? 0) << 8);
}

function u32le(b: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 4 > b.length) return -1;
  return ((b[offset] ?? 0) | ((b[offset + 1] ?? 0) << 8) | ((b[offset + 2] ?? 0) << 16) | ((b[offset + 3] ?? 0) << 24)) >>> 0;
}

function u32be(b: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 4 > b.length) return -1;
  return (((b[offset] ?? 0) << 24) | ((b[offset + 1] ?? 0) << 16) | ((b[offset + 2] ?? 0) << 8) | (b[offset + 3] ?? 0)) >>> 0;
}

/** A Buffer over the same memory (no copy), for its fast indexOf. */
function view(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

// ---------------------------------------------------------------------------------------------
// Sniffers, one per family of signatures.

/** ISO base media (MP4, M4A, 3GP, MOV, HEIC, AVIF): the `ftyp` box lists brands. */
const BRAND_FORMATS: ReadonlyMap<string, FormatId> = new Map<string, FormatId>([
  ['qt  ', 'mov'],
  ['M4A ', 'm4a'],
  ['M4B ', 'm4a'],
  ['avif', 'avif'],
  ['avis', 'avif'],
  ...['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1'].map((b): [string, FormatId] => [b, 'heic']),
  ...['3gp4', '3gp5', '3gp6', '3gp7', '3gp8', '3gp9'].map((b): [string, FormatId] => [b, '3gp']),
  ...['3g2a', '3g2b', '3g2c'].map((b): [string, FormatId] => [b, '3g2']),
  ...['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VH', 'M4VP', 'mmp4', 'MSNV', 'XAVC', 'F4V '].map(
    (b): [string, FormatId] => [b, 'mp4'],
  ),
]);

/** Brands that say "MPEG-4 file" without saying whether it holds a picture track or only sound. */
const GENERIC_MP4_BRANDS: ReadonlySet<string> = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'dash', 'mmp4']);

/** When compatible brands disagree, the more specific family wins. */
const BRAND_PRIORITY: readonly FormatId[] = ['avif', 'heic', 'mov', '3gp', '3g2', 'm4a', 'mp4'];

function sniffIsoMedia(b: Uint8Array): FormatId | null {
  if (!hasAscii(b, 4, 'ftyp') || b.length < 12) return null;
  const boxSize = u32be(b, 0);
  const end = Math.min(b.length, Math.max(16, boxSize), 4096);
  const major = ascii(b, 8, 4);
  const compatible: string[] = [];
  for (let p = 16; p + 4 <= end; p += 4) compatible.push(ascii(b, p, 4));

  let found: FormatId | null = null;
  const majorFormat = BRAND_FORMATS.get(major);
  if (majorFormat === 'heic' && compatible.some((c) => BRAND_FORMATS.get(c) === 'avif')) found = 'avif';
  else if (majorFormat) found = majorFormat;
  else {
    const formats = new Set(compatible.map((c) => BRAND_FORMATS.get(c)));
    found = BRAND_PRIORITY.find((id) => formats.has(id)) ?? null;
  }
  if (found === 'mp4' && (GENERIC_MP4_BRANDS.has(major) || !BRAND_FORMATS.has(major)) && holdsSoundOnly(b)) return 'm4a';
  return found;
}

/**
 * A generic MP4 is audio when its track handlers (`hdlr` boxes) name sound and never video. Without
 * any handler (a cut-off file) it stays a video.
 */
function holdsSoundOnly(b: Uint8Array): boolean {
  const buf = view(b);
  let sound = false;
  let from = 0;
  for (let i = 0; i < 64; i++) {
    const p = buf.indexOf('hdlr', from, 'latin1');
    if (p < 0) break;
    const handler = ascii(b, p + 12, 4);
    if (handler === 'vide') return false;
    if (handler === 'soun') sound = true;
    from = p + 4;
  }
  return sound;
}

/** Older QuickTime files start with a movie atom instead of `ftyp`. */
function sniffLegacyQuickTime(b: Uint8Array): FormatId | null {
  const atom = ascii(b, 4, 4);
  if (!['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(atom)) return null;
  const size = u32be(b, 0);
  return size >= 8 && size <= b.length ? 'mov' : null;
}

function sniffRiff(b: Uint8Array): FormatId | null {
  if (!hasAscii(b, 0, 'RIFF')) return null;
  const type = ascii(b, 8, 4);
  if (type === 'WEBP') return 'webp';
  if (type === 'WAVE') return 'wav';
  if (type === 'AVI ') return 'avi';
  return null;
}

function sniffOgg(b: Uint8Array): FormatId | null {
  if (!hasAscii(b, 0, 'OggS') || b.length < 27) return null;
  const payload = 27 + (b[26] ?? 0);
  if (hasAscii(b, payload, 'OpusHead')) return 'opus';
  if (b[payload] === 1 && hasAscii(b, payload + 1, 'vorbis')) return 'vorbis';
  return 'ogg';
}

function sniffBmp(b: Uint8Array): boolean {
  // 'BM', then the DIB header size at 14 is one of the known ones and the reserved words are zero.
  if (!hasAscii(b, 0, 'BM') || b.length < 18) return false;
  return u32le(b, 6) === 0 && [12, 40, 52, 56, 64, 108, 124].includes(u32le(b, 14));
}

function isAdtsFrame(b: Uint8Array, p: number): boolean {
  if (p + 7 > b.length) return false;
  const b1 = b[p + 1] ?? 0;
  const b2 = b[p + 2] ?? 0;
  // 12 sync bits, layer 00; 0xFFF1 / 0xFFF9 (and the CRC variants 0xFFF0 / 0xFFF8).
  return b[p] === 0xff && (b1 & 0xf6) === 0xf0 && ((b2 >> 2) & 0x0f) < 13;
}

function isMpegAudioFrame(b: Uint8Array, p: number): boolean {
  if (p + 4 > b.length) return false;
  const b1 = b[p + 1] ?? 0;
  const b2 = b[p + 2] ?? 0;
  if (b[p] !== 0xff || (b1 & 0xe0) !== 0xe0) return false; // 11 sync bits (0xFFE)
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const sampleRate = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && sampleRate !== 3;
}

function sniffMpegAudio(b: Uint8Array): FormatId | null {
  // ID3v2 tag: 'ID3', version 2-4, syncsafe size. What follows the tag tells MP3 from AAC.
  if (hasAscii(b, 0, 'ID3') && b.length >= 10 && [2, 3, 4].includes(b[3] ?? 0) && b[4] !== 0xff) {
    const sizeBytes = [b[6] ?? 0, b[7] ?? 0, b[8] ?? 0, b[9] ?? 0];
    if (sizeBytes.every((x) => x < 0x80)) {
      const size = sizeBytes.reduce((acc, x) => (acc << 7) | x, 0);
      const footer = ((b[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
      return isAdtsFrame(b, 10 + size + footer) ? 'aac' : 'mp3';
    }
  }
  if (isAdtsFrame(b, 0)) return 'aac';
  if (isMpegAudioFrame(b, 0)) return 'mp3';
  return null;
}

function sniffMatroska(b: Uint8Array): FormatId | null {
  if (!hasBytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return null;
  return view(b.subarray(0, 64)).includes('webm', 0, 'latin1') ? 'webm' : 'mkv';
}

const ODF_TYPES: ReadonlyMap<string, FormatId> = new Map<string, FormatId>([
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['application/vnd.oasis.opendocument.presentation', 'odp'],
]);

function officeFromEntryName(name: string): FormatId | null {
  if (name.startsWith('word/')) return 'docx';
  if (name.startsWith('xl/')) return 'xlsx';
  if (name.startsWith('ppt/')) return 'pptx';
  return null;
}

function sniffZip(b: Uint8Array): FormatId | null {
  const first = u32le(b, 0);
  if (first === ZIP_SIGNATURE.end) return 'zip'; // an empty archive
  if (first !== ZIP_SIGNATURE.local) return null;
  const buf = view(b);

  // The first local file headers (OOXML puts [Content_Types].xml, _rels/ and then the parts first).
  let p = 0;
  for (let entries = 0; entries < 64 && u32le(b, p) === ZIP_SIGNATURE.local; entries++) {
    const { flags, method, compressedSize, nameLength, rawName, dataOffset: dataStart } = readLocalHeader(b, p);
    // (Past the end, a field reads as 0: a header cut short ends here.)
    if (p + LOCAL_HEADER_BYTES + nameLength > b.length) break;
    const name = view(rawName).toString('utf8');
    if (entries === 0 && name === 'mimetype' && method === 0 && compressedSize > 0 && compressedSize < 100) {
      const odf = ODF_TYPES.get(ascii(b, dataStart, compressedSize));
      if (odf) return odf;
    }
    const office = officeFromEntryName(name);
    if (office) return office;
    if ((flags & 0x08) !== 0 || compressedSize === 0xffffffff) {
      // Sizes come after the data (or in a zip64 record): look for the next header instead.
      const next = buf.indexOf(LOCAL_SIGNATURE_BYTES, dataStart);
      if (next < 0) break;
      p = next;
    } else {
      p = dataStart + compressedSize;
    }
  }

  // Not decided yet: read the names in the central directory at the end.
  const tailStart = Math.max(0, b.length - (22 + 0xffff));
  const endInTail = view(b.subarray(tailStart)).lastIndexOf(END_SIGNATURE_BYTES);
  // Its count and directory offset must be there (a record cut short before them has none).
  if (endInTail >= 0 && tailStart + endInTail + 20 <= b.length) {
    const { count, directoryOffset } = readEndRecord(b, tailStart + endInTail);
    let c = directoryOffset;
    for (let i = 0; i < Math.min(count, 5000) && u32le(b, c) === ZIP_SIGNATURE.central; i++) {
      const { nameLength, rawName, next } = readCentralHeader(b, c);
      if (c + CENTRAL_HEADER_BYTES + nameLength > b.length) break;
      const office = officeFromEntryName(view(rawName).toString('utf8'));
      if (office) return office;
      c = next;
    }
  }
  return 'zip';
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Root storage class ids of Windows Installer files (.msi, .msm), patches (.msp) and transforms (.mst). */
const MSI_CLASS_TAIL = [0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46];

function sniffOle(b: Uint8Array): FormatId | null {
  if (!hasBytes(b, 0, OLE_SIGNATURE)) return null;
  // Root directory entry: first directory sector (header offset 0x30), class id at entry offset 0x50.
  const sectorShift = u16le(b, 0x1e);
  if (sectorShift === 9 || sectorShift === 12) {
    const root = (u32le(b, 0x30) + 1) * (1 << sectorShift);
    if ([0x82, 0x84, 0x86].includes(b[root + 0x50] ?? -1) && hasBytes(b, root + 0x51, MSI_CLASS_TAIL)) return 'msi';
  }
  // The main stream's name (UTF-16 in a directory entry) tells Word, Excel and PowerPoint apart;
  // the earliest one wins, since embedded objects add their own streams later.
  const buf = view(b);
  let best: { at: number; id: FormatId } | null = null;
  const streams: [string, FormatId][] = [
    ['WordDocument\0', 'doc'],
    ['Workbook\0', 'xls'],
    ['Book\0', 'xls'],
    ['PowerPoint Document\0', 'ppt'],
  ];
  for (const [name, id] of streams) {
    const at = buf.indexOf(Buffer.from(name, 'utf16le'));
    if (at >= 0 && (best === null || at < best.at)) best = { at, id };
  }
  return best?.id ?? 'ole';
}

function sniffProgram(b: Uint8Array): FormatId | null {
  if (hasAscii(b, 0, 'MZ')) {
    // A DOS/Windows header is full of zero bytes (and usually points to a 'PE\0\0' header); plain
    // text that happens to start with "MZ" has none.
    const peAt = u32le(b, 0x3c);
    if (peAt >= 0 && hasBytes(b, peAt, [0x50, 0x45, 0, 0])) return 'exe';
    if (b.subarray(0, 64).includes(0)) return 'exe';
  }
  if (hasBytes(b, 0, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  const machO = [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe], // universal binary (also a Java class file: a program too)
  ];
  if (machO.some((sig) => hasBytes(b, 0, sig))) return 'macho';
  if (hasAscii(b, 0, '#!')) return 'script'; // AMR ('#!AMR') is recognised before this
  return null;
}

function isPlainText(b: Uint8Array): boolean {
  const head = b.subarray(0, TEXT_SNIFF_BYTES);
  if (head.includes(0)) return false;
  try {
    // stream: a character cut at the end of the window is not an error; one cut at the end of the file is.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < b.length });
    return true;
  } catch {
    return false;
  }
}

function sniffFormat(b: Uint8Array): FormatId | null {
  if (b.length === 0) return null;
  if (hasBytes(b, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasBytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (hasAscii(b, 0, 'GIF87a') || hasAscii(b, 0, 'GIF89a')) return 'gif';
  if (hasAscii(b, 0, 'II*\0') || hasAscii(b, 0, 'MM\0*')) return 'tiff';
  if (sniffBmp(b)) return 'bmp';
  if (hasAscii(b, 0, '#!AMR\n')) return 'amr';
  if (hasAscii(b, 0, '#!AMR-WB\n')) return 'amrWb';
  if (hasAscii(b, 0, 'fLaC')) return 'flac';
  if (hasAscii(b, 0, '%PDF-')) return 'pdf';
  if (hasAscii(b, 0, '{\\rtf')) return 'rtf';
  return (
    sniffRiff(b) ??
    sniffIsoMedia(b) ??
    sniffLegacyQuickTime(b) ??
    sniffOgg(b) ??
    sniffMatroska(b) ??
    sniffMpegAudio(b) ??
    sniffZip(b) ??
    sniffOle(b) ??
    sniffProgram(b) ??
    (isPlainText(b) ? 'text' : null)
  );
}

function publicPart(f: Format): Sniffed {
  return { mimeType: f.mimeType, ext: f.ext, label: f.label };
}

/** What the bytes are, by content alone; null when Pigeon can't tell (or the file is empty). */
export function sniff(bytes: Uint8Array): Sniffed | null {
  const id = sniffFormat(bytes);
  return id === null ? null : publicPart(FORMATS[id]);
}

// ---------------------------------------------------------------------------------------------
// File names.

/** Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates. */
function isUnsafeNameCharacter(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * The base name only (any folder part before / or \ dropped), without control characters or the
 * bidirectional overrides that can disguise an extension, at most 200 characters (keeping a short
 * extension), never empty: `attachment.<ext>` when nothing is left.
 */
export function sanitizeFileName(fileName: string, ext = 'bin'): string {
  return cleanFileName(fileName) || `attachment.${ext}`;
}

/** sanitizeFileName without the fallback: '' when nothing usable is left. */
function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  let name = Array.from(base.normalize('NFC'))
    .filter((ch) => !isUnsafeNameCharacter(ch))
    .join('')
    .trim();
  if (/^\.+$/.test(name)) name = '';
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const suffix = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = cutToLength(name.slice(0, name.length - suffix.length), MAX_FILE_NAME_LENGTH - suffix.length).trimEnd() + suffix;
  }
  return name;
}

function cutToLength(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function nameExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

// ---------------------------------------------------------------------------------------------
// Checking.

const FAMILY_FOR_KIND: Record<Exclude<AttachmentKind, 'document'>, Family> = {
  image: 'image',
  video: 'video',
  voice: 'audio',
};

/** A file of another family than the kind asks for ("a PDF document, not a picture…"). */
const NOT_A: Record<Exclude<AttachmentKind, 'document'>, MessageKey> = {
  image: 'att.err.notImage',
  video: 'att.err.notVideo',
  voice: 'att.err.notVoice',
};

const ADVICE: Record<Exclude<AttachmentKind, 'document'>, MessageKey> = {
  image: 'att.advice.image',
  video: 'att.advice.video',
  voice: 'att.advice.voice',
};

const UNKNOWN_HINT: Record<AttachmentKind, MessageKey> = {
  image: 'att.hint.image',
  video: 'att.hint.video',
  voice: 'att.hint.voice',
  document: 'att.hint.document',
};

function isKind(value: unknown): value is AttachmentKind {
  return value === 'image' || value === 'video' || value === 'document' || value === 'voice';
}

/** Checks and returns what would be stored; throws AppError with a clear message. */
export function checkAttachment(
  kind: AttachmentKind,
  fileName: string,
  bytes: Uint8Array,
): Omit<StoredAttachment, 'id'> & { ext: string } {
  if (!isKind(kind)) throw new AppError('invalid_input', t('att.err.kind'));
  if (typeof fileName !== 'string') throw new AppError('invalid_input', t('att.err.noName'));
  if (!(bytes instanceof Uint8Array)) throw new AppError('invalid_input', t('att.err.noContent'));

  const shownName = cleanFileName(fileName) || t('att.defaultName');
  const params = { fileName: shownName, kind };
  if (bytes.length === 0) throw new AppError('invalid_input', t('att.err.empty', { name: shownName }), params);

  const id = sniffFormat(bytes);
  if (id === null) {
    throw new AppError('unsupported_format', t('att.err.unknown', { name: shownName, hint: t(UNKNOWN_HINT[kind]) }), params);
  }
  const found: Format = FORMATS[id];
  const detected = { ...params, detected: found.label, mimeType: found.mimeType };
  if (found.family === 'program' || (id === 'text' && SCRIPT_EXTENSIONS.has(nameExtension(shownName)))) {
    throw new AppError('unsupported_format', t('att.err.program', { name: shownName }), detected);
  }
  if (kind !== 'document' && !ALLOWED[kind].has(id)) {
    const mediaKind = kind;
    if (found.family === FAMILY_FOR_KIND[mediaKind]) {
      throw new AppError('unsupported_format', t('att.err.sameFamily', { name: shownName, label: found.label, advice: t(ADVICE[mediaKind]) }), detected);
    }
    throw new AppError(
      'unsupported_format',
      t(NOT_A[mediaKind], { name: shownName, label: found.label }),
      detected,
    );
  }

  if (!ALLOWED[kind].has(id)) {
    // Documents take every recognised format but programs, so this is only a safety net.
    throw new AppError('unsupported_format', t('att.err.notAllowed', { name: shownName, label: found.label, hint: t(UNKNOWN_HINT[kind]) }), detected);
  }

  const oversize = attachmentOversize(kind, shownName, bytes.length);
  if (oversize) {
    const { size, limit, sizeMb, limitMb, message } = oversize;
    throw new AppError('file_too_large', message, { ...detected, size, limit, sizeMb, limitMb });
  }

  const nameExt = nameExtension(shownName);
  const ext = found.extFromName?.includes(nameExt) ? nameExt : found.ext;
  return { kind, fileName: sanitizeFileName(fileName, ext), mimeType: found.mimeType, size: bytes.length, ext };
}

// ---------------------------------------------------------------------------------------------
// Storage.

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, ATTACHMENTS_FOLDER);
}

/** Checks, then writes <dataDir>/attachments/<sha256>.<ext> atomically (temp file + rename; skip writing if the same content already exists). */
export function storeAttachment(dataDir: string, kind: AttachmentKind, fileName: string, bytes: Uint8Array): StoredAttachment {
  const checked = checkAttachment(kind, fileName, bytes);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const id = `${hash}.${checked.ext}`;
  const dir = attachmentsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, id);

  const existing = statOrNull(target);
  if (!(existing?.isFile() && existing.size === bytes.length)) {
    const temp = path.join(dir, `.${id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = fs.openSync(temp, 'wx');
      try {
        fs.writeFileSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
  return { id, kind: checked.kind, fileName: checked.fileName, mimeType: checked.mimeType, size: checked.size };
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function missing(fileName: string, reason: 'missing' | 'damaged'): AppError {
  const name = cleanFileName(typeof fileName === 'string' ? fileName : '') || 'attachment';
  const message =
    reason === 'missing'
      ? `The attachment “${name}” is missing from Pigeon’s data folder. Attach the file again.`
      : `The attachment “${name}” in Pigeon’s data folder has been changed or damaged. Attach the file again.`;
  return new AppError('not_found', message, { fileName: name, reason });
}

/**
 * Absolute path of a stored attachment; throws AppError('not_found') when the file is gone and
 * AppError('invalid_input') for an id that isn't exactly a stored-attachment id (no path traversal).
 */
export function attachmentPath(dataDir: string, attachment: Pick<StoredAttachment, 'id' | 'fileName'>): string {
  if (typeof attachment.id !== 'string' || !ATTACHMENT_ID_PATTERN.test(attachment.id)) {
    const name = cleanFileName(typeof attachment.fileName === 'string' ? attachment.fileName : '') || 'attachment';
    throw new AppError('invalid_input', t('att.err.damagedRef', { name }), { fileName: name });
  }
  const file = path.resolve(attachmentsDir(dataDir), attachment.id);
  if (!statOrNull(file)?.isFile()) throw missing(attachment.fileName, 'missing');
  return file;
}

/**
 * The stored bytes, checked against the SHA-256 in the id, so a file changed behind Pigeon’s back
 * is reported instead of sent. (mimeType travels with the attachment for callers; the content was
 * typed when it was stored and the hash proves it is still that content.)
 */
export function readAttachment(dataDir: string, attachment: Pick<StoredAttachment, 'id' | 'fileName' | 'mimeType'>): Uint8Array {
  const file = attachmentPath(dataDir, attachment);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw missing(attachment.fileName, 'missing');
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (`${hash}.` !== attachment.id.slice(0, 65)) throw missing(attachment.fileName, 'damaged');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

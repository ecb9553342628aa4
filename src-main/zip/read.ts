// Reading the structures of a ZIP archive, for every place that looks inside one: the spreadsheet
// guard (zip-guard.ts, strict: it refuses), the fast .xlsx reader (xlsx-fast.ts, careful: it gives
// up and lets SheetJS read the file) and attachment sniffing (drafts/attachments.ts, forgiving: it
// only wants an entry name or two). Here are only the layouts: where each record is and what its
// fields say. What counts as acceptable stays with each caller.
//
// Numbers are little-endian; a field that runs past the end of the bytes reads its missing bytes
// as 0, so a caller checks a record's bounds (the *_BYTES sizes) before it trusts it.
import { inflateRawSync } from 'node:zlib';

export const ZIP_SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  descriptor: 0x08074b50,
  zip64Locator: 0x07064b50,
} as const;

export const ZIP_FLAG = {
  encrypted: 0x0001,
  descriptor: 0x0008,
  strongEncryption: 0x0040,
  utf8: 0x0800,
  maskedDirectory: 0x2000,
} as const;

/** Fixed sizes of the records (before their variable-length name, extra field and comment). */
export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
/** The longest comment an end record can carry, so how far before the end it can start. */
const MAX_COMMENT_BYTES = 0xffff;

/** The end record's signature as bytes, for searching. */
export const END_SIGNATURE_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
export const LOCAL_SIGNATURE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
export const u32 = (b: Uint8Array, o: number): number =>
  ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;

/** A Buffer over the same memory (no copy), for its fast indexOf and lastIndexOf. */
export const bufferView = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Where the end record starts: the end-record signature closest to the end whose comment ends
 * exactly at the end of the bytes (so the record is whole and nothing follows it); -1 for none.
 */
export function findEndRecord(b: Uint8Array): number {
  const len = b.length;
  if (len < END_RECORD_BYTES) return -1;
  const buf = bufferView(b);
  const lowest = len - END_RECORD_BYTES - MAX_COMMENT_BYTES;
  for (let i = buf.lastIndexOf(END_SIGNATURE_BYTES, len - END_RECORD_BYTES); i >= 0 && i >= lowest; i = i > 0 ? buf.lastIndexOf(END_SIGNATURE_BYTES, i - 1) : -1) {
    if (i + END_RECORD_BYTES + u16(b, i + 20) === len) return i;
  }
  return -1;
}

export type EndRecord = {
  disk: number;
  /** The disk the central directory starts on. */
  directoryDisk: number;
  /** Entries on this disk, and in all. */
  countHere: number;
  count: number;
  directorySize: number;
  directoryOffset: number;
  commentLength: number;
};

/** The end record at `at` (its signature not checked). */
export function readEndRecord(b: Uint8Array, at: number): EndRecord {
  return {
    disk: u16(b, at + 4),
    directoryDisk: u16(b, at + 6),
    countHere: u16(b, at + 8),
    count: u16(b, at + 10),
    directorySize: u32(b, at + 12),
    directoryOffset: u32(b, at + 16),
    commentLength: u16(b, at + 20),
  };
}

/** True when a ZIP64 end-record locator stands just before the end record at `at`. */
export const hasZip64Locator = (b: Uint8Array, at: number): boolean => at >= 20 && u32(b, at - 20) === ZIP_SIGNATURE.zip64Locator;

export type CentralHeader = {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
  extraLength: number;
  commentLength: number;
  /** The disk the entry starts on. */
  diskStart: number;
  localOffset: number;
  /** The name's bytes (a view, no copy). */
  rawName: Uint8Array;
  /** Where the next directory entry starts. */
  next: number;
};

/** The central directory entry at `p` (its signature not checked). */
export function readCentralHeader(b: Uint8Array, p: number): CentralHeader {
  const nameLength = u16(b, p + 28);
  const extraLength = u16(b, p + 30);
  const commentLength = u16(b, p + 32);
  return {
    flags: u16(b, p + 8),
    method: u16(b, p + 10),
    crc: u32(b, p + 16),
    compressedSize: u32(b, p + 20),
    size: u32(b, p + 24),
    nameLength,
    extraLength,
    commentLength,
    diskStart: u16(b, p + 34),
    localOffset: u32(b, p + 42),
    rawName: b.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameLength),
    next: p + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength,
  };
}

export type LocalHeader = {
  flags: number;
  method: number;
  /** Both 0 (or right) when the sizes follow the data in a descriptor (ZIP_FLAG.descriptor). */
  compressedSize: number;
  size: number;
  nameLength: number;
  extraLength: number;
  /** The name's bytes (a view, no copy). */
  rawName: Uint8Array;
  /** Where the packed data starts. */
  dataOffset: number;
};

/** The local header at `p` (its signature not checked). */
export function readLocalHeader(b: Uint8Array, p: number): LocalHeader {
  const nameLength = u16(b, p + 26);
  const extraLength = u16(b, p + 28);
  return {
    flags: u16(b, p + 6),
    method: u16(b, p + 8),
    compressedSize: u32(b, p + 18),
    size: u32(b, p + 22),
    nameLength,
    extraLength,
    rawName: b.subarray(p + LOCAL_HEADER_BYTES, p + LOCAL_HEADER_BYTES + nameLength),
    dataOffset: p + LOCAL_HEADER_BYTES + nameLength + extraLength,
  };
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** An entry's name as its flags say: UTF-8 when flagged, else Latin-1 (as SheetJS reads it). */
export const entryName = (rawName: Uint8Array, flags: number): string => (flags & ZIP_FLAG.utf8 ? utf8 : latin1).decode(rawName);

/**
 * Unpacks deflate data, stopping zlib one byte past `size`: the bytes (at most size + 1 of them,
 * so more than `size` means the stream goes on), 'over' when zlib was stopped there, 'broken' when
 * the stream cannot be read.
 */
export function inflateUpTo(data: Uint8Array, size: number): Buffer | 'over' | 'broken' {
  try {
    return inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (err) {
    return (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'broken';
  }
}

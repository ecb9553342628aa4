// A check of every zip (.xlsx, .ods, anything that starts with a zip signature) before any
// spreadsheet parser opens it. SheetJS 0.18.5 unpacks every entry of a zip up front, trusting the
// local headers and letting zlib run to the end of each deflate stream whatever size was declared:
// a 0.9 MB file took the app from 346 MB to 1.3 GB. So a zip is read here first, and refused unless
//
// - its end record is the last thing in the file, the only one SheetJS could find, and not ZIP64;
// - its central directory ends exactly where the end record starts, and holds at most
//   `maxEntries` entries, each declaring at most `maxEntryBytes` unpacked, `maxTotalBytes` in all,
//   and (above `ratioFromBytes`) at most `maxRatio` times its packed size;
// - every local header agrees with its directory entry (name, method, flags, sizes, or its data
//   descriptor's sizes), and no two entries overlap or share a name up to case (checkZip, on
//   every zip, before any parser: it reads headers only and unpacks nothing);
// - and, before SheetJS reads it, every deflate stream ends within its packed size and unpacks to
//   exactly its declared size (checkZipData: zlib is stopped one byte past that size).
//
// After this, whichever parser reads the file, and whichever entries it reads, it cannot unpack
// more than `maxTotalBytes`: the fast .xlsx reader stops each part it reads at its declared size
// itself, SheetJS gets only streams proven to end there. Pure: bytes in, entries or a ZipRefusal out.
import { IMPORT_LIMITS } from '#shared/limits';
import * as zipFormat from '#main/zip/read';

export type ZipLimits = {
  maxEntries: number;
  /** Largest unpacked size one entry may declare. */
  maxEntryBytes: number;
  /** Largest unpacked size all entries together may declare. */
  maxTotalBytes: number;
  /** Largest unpacked / packed ratio of an entry declaring more than `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
};

const MIB = 1024 * 1024;

/**
 * Unpacked bytes allowed per data row of the import limit. A 250 000 × 6 sheet written by SheetJS
 * takes 300 bytes a row, an Excel cell with a shared string about 40 bytes: 1 KiB a row leaves
 * room for some 25 columns of text.
 */
const UNPACKED_BYTES_PER_ROW = 1024;

/**
 * Derived from the import limits (250 000 rows): one entry (the sheet) up to about 244 MiB, all
 * entries (the sheet, its shared strings, pictures and the rest) up to twice that. Real sheets
 * compress 3 to 30 times (30 for a million empty formatted rows); zeros compress 1000 times.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: (IMPORT_LIMITS.maxRows + 1) * UNPACKED_BYTES_PER_ROW,
  maxTotalBytes: 2 * (IMPORT_LIMITS.maxRows + 1) * UNPACKED_BYTES_PER_ROW,
  maxRatio: 100,
  ratioFromBytes: MIB,
};

/**
 * `damaged`: not a complete, well-formed zip (truncated, bytes after the end, ZIP64, encrypted,
 * a broken deflate stream). `unsafe`: its parts contradict each other in the ways zip bombs and
 * parser-confusion tricks need. `too_large`: honest, but more than a contact list unpacks to.
 */
export type ZipProblem = 'damaged' | 'unsafe' | 'too_large';

export class ZipRefusal extends Error {
  constructor(
    public problem: ZipProblem,
    /** Technical detail for logs and tests; never shown to users. */
    public detail: string,
  ) {
    super(detail);
    this.name = 'ZipRefusal';
  }
}

export type ZipEntryInfo = {
  /** As the directory gives it (UTF-8 when flagged, else Latin-1). */
  name: string;
  method: 0 | 8;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the packed data starts (after the local header, its name and extra field). */
  dataOffset: number;
};

const { encrypted: FLAG_ENCRYPTED, descriptor: FLAG_DESCRIPTOR, strongEncryption: FLAG_STRONG_ENCRYPTION, maskedDirectory: FLAG_MASKED_DIRECTORY } = zipFormat.ZIP_FLAG;

const damaged = (detail: string): ZipRefusal => new ZipRefusal('damaged', detail);
const unsafe = (detail: string): ZipRefusal => new ZipRefusal('unsafe', detail);
const tooLarge = (detail: string): ZipRefusal => new ZipRefusal('too_large', detail);

/**
 * The end record: the end-record signature closest to the end whose comment ends exactly at the
 * end of the file. Refused when there is none, when bytes follow it, or when another signature
 * comes after it (SheetJS takes the last signature in the file, wherever it is).
 */
function endRecord(buf: Buffer): number {
  const len = buf.length;
  const last = len >= 4 ? buf.lastIndexOf(zipFormat.END_SIGNATURE_BYTES) : -1;
  const found = zipFormat.findEndRecord(buf);
  if (found < 0) {
    if (last >= 0 && last + zipFormat.END_RECORD_BYTES <= len && last + zipFormat.END_RECORD_BYTES + zipFormat.u16(buf, last + 20) < len) throw damaged('bytes after the end record');
    throw damaged('no end record (truncated?)');
  }
  if (last !== found) throw unsafe('another end-record signature after the end record');
  return found;
}

type Entry = ZipEntryInfo & { flags: number; crc: number; rawName: Uint8Array; spanEnd: number };

/** Checks a zip as described at the top of this file. Returns its entries in directory order. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  const b = zipFormat.bufferView(bytes);
  if (b.length < zipFormat.END_RECORD_BYTES) throw damaged('shorter than an end record');
  const eocd = endRecord(b);
  if (zipFormat.hasZip64Locator(b, eocd)) throw damaged('ZIP64');
  const { disk, directoryDisk: cdDisk, countHere, count, directorySize: cdSize, directoryOffset: cdOffset } = zipFormat.readEndRecord(b, eocd);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw damaged('ZIP64');
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw damaged('multi-disk archive');
  if (cdOffset + cdSize !== eocd) throw damaged('the central directory does not end at the end record');
  if (count > limits.maxEntries) throw tooLarge(`${count} entries`);

  // The central directory: declared sizes first, nothing unpacked yet.
  const entries: Entry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + zipFormat.CENTRAL_HEADER_BYTES > eocd || zipFormat.u32(b, p) !== zipFormat.ZIP_SIGNATURE.central) throw damaged(`directory entry ${n} missing`);
    const { flags, method, crc, compressedSize, size, diskStart, localOffset, rawName, next } = zipFormat.readCentralHeader(b, p);
    if (next > eocd) throw damaged(`directory entry ${n} runs past the directory`);
    const name = zipFormat.entryName(rawName, flags);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_DIRECTORY)) throw damaged(`${name}: encrypted`);
    if (method !== 0 && method !== 8) throw damaged(`${name}: compression method ${method}`);
    if (diskStart !== 0) throw damaged(`${name}: on another disk`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw damaged(`${name}: ZIP64`);
    if (size > limits.maxEntryBytes) throw tooLarge(`${name} declares ${size} bytes`);
    total += size;
    if (method === 0 && compressedSize !== size) throw unsafe(`${name}: stored with two sizes`);
    // SheetJS finds parts by name without regard to case (and "\" as "/"): one name, one part.
    const key = name.toLowerCase().replace(/\\/g, '/');
    if (names.has(key)) throw unsafe(`two entries called ${name}`);
    names.add(key);
    entries.push({ name, method: method === 0 ? 0 : 8, compressedSize, size, localOffset, dataOffset: 0, flags, crc, rawName, spanEnd: 0 });
    p = next;
  }
  if (p !== eocd) throw damaged('bytes between the directory and the end record');
  if (total > limits.maxTotalBytes) throw tooLarge(`entries declare ${total} bytes in all`);
  for (const e of entries) {
    if (e.size > limits.ratioFromBytes && e.size > e.compressedSize * limits.maxRatio) {
      throw unsafe(`${e.name} declares ${e.size} bytes from ${e.compressedSize} (ratio over ${limits.maxRatio})`);
    }
  }

  // Local headers: each must agree with its directory entry, and lie before the directory.
  for (const e of entries) {
    const lh = e.localOffset;
    if (lh + zipFormat.LOCAL_HEADER_BYTES > cdOffset || zipFormat.u32(b, lh) !== zipFormat.ZIP_SIGNATURE.local) throw damaged(`${e.name}: no local header`);
    const local = zipFormat.readLocalHeader(b, lh);
    const flags = local.flags;
    if ((flags & (FLAG_ENCRYPTED | FLAG_DESCRIPTOR)) !== (e.flags & (FLAG_ENCRYPTED | FLAG_DESCRIPTOR))) throw unsafe(`${e.name}: local flags differ`);
    if (local.method !== e.method) throw unsafe(`${e.name}: local method differs`);
    if (lh + zipFormat.LOCAL_HEADER_BYTES + local.nameLength > cdOffset || !zipFormat.bufferView(local.rawName).equals(e.rawName)) throw unsafe(`${e.name}: local name differs`);
    const { compressedSize: localCompressed, size: localSize } = local;
    e.dataOffset = local.dataOffset;
    const dataEnd = e.dataOffset + e.compressedSize;
    if (flags & FLAG_DESCRIPTOR) {
      // Sizes in the local header are 0 (or right); the descriptor after the data has them.
      if ((localCompressed !== 0 && localCompressed !== e.compressedSize) || (localSize !== 0 && localSize !== e.size)) {
        throw unsafe(`${e.name}: local sizes differ`);
      }
      const signed = dataEnd + 4 <= cdOffset && zipFormat.u32(b, dataEnd) === zipFormat.ZIP_SIGNATURE.descriptor;
      const d = signed ? dataEnd + 4 : dataEnd;
      if (d + 12 > cdOffset) throw damaged(`${e.name}: no data descriptor`);
      if (zipFormat.u32(b, d) !== e.crc || zipFormat.u32(b, d + 4) !== e.compressedSize || zipFormat.u32(b, d + 8) !== e.size) throw unsafe(`${e.name}: data descriptor differs`);
      e.spanEnd = d + 12;
    } else {
      if (localCompressed !== e.compressedSize || localSize !== e.size) throw unsafe(`${e.name}: local sizes differ`);
      e.spanEnd = dataEnd;
    }
    if (e.spanEnd > cdOffset) throw damaged(`${e.name}: data runs into the directory`);
  }

  // No two entries may share bytes (the "overlapping files" bomb unpacks one kernel many times).
  const byOffset = [...entries].sort((x, y) => x.localOffset - y.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    const cur = byOffset[i];
    if (prev && cur && prev.spanEnd > cur.localOffset) throw unsafe(`${prev.name} overlaps ${cur.name}`);
  }

  return entries.map(({ name, method, compressedSize, size, localOffset, dataOffset }) => ({ name, method, compressedSize, size, localOffset, dataOffset }));
}

/**
 * The second half, for a zip about to be read by SheetJS (which unpacks every entry up front and
 * lets zlib run to the end of each stream): every deflate stream of `entries` (from checkZip) must
 * end within its packed size and unpack to exactly its declared size. zlib is stopped one byte past
 * that size, and each output is dropped at once, so at most one allowed entry (plus a byte) is held.
 * The fast .xlsx reader needs none of this: it unpacks only the parts it reads, with the same stop.
 */
export function checkZipData(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): void {
  for (const e of entries) {
    if (e.method !== 8) continue;
    const out = zipFormat.inflateUpTo(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize), e.size);
    if (out === 'over') throw unsafe(`${e.name} unpacks to more than the ${e.size} bytes it declares`);
    if (out === 'broken') throw damaged(`${e.name}: broken deflate data`);
    if (out.length !== e.size) throw unsafe(`${e.name} unpacks to ${out.length} bytes, not the ${e.size} it declares`);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip, messyContactsWorkbook, messyWorkbookParts, overlappingZipBomb, zerosDeflated, zipBomb, type ZipFile } from './fixtures';
import { checkZip, checkZipData, ZIP_LIMITS, ZipRefusal, type ZipLimits, type ZipProblem } from './zip-guard';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** checkZip and then checkZipData, as parse.ts runs them for SheetJS. */
function refusal(bytes: Uint8Array, limits?: ZipLimits): ZipRefusal {
  try {
    checkZipData(bytes, checkZip(bytes, limits));
  } catch (e) {
    if (e instanceof ZipRefusal) return e;
    throw e;
  }
  throw new Error('expected a ZipRefusal');
}

function expectRefused(bytes: Uint8Array, problem: ZipProblem, detail: RegExp, limits?: ZipLimits): void {
  const r = refusal(bytes, limits);
  expect({ problem: r.problem, detail: r.detail }).toMatchObject({ problem, detail: expect.stringMatching(detail) as unknown });
}

const small: ZipFile[] = [
  { name: 'a.xml', data: utf8('<a>' + 'x'.repeat(2000) + '</a>') },
  { name: 'b.txt', data: utf8('hello'), stored: true },
];

function patch(bytes: Uint8Array, offset: number, value: number, width: 2 | 4): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  if (width === 2) dv.setUint16(offset, value, true);
  else dv.setUint32(offset, value, true);
  return out;
}

const eocdOf = (b: Uint8Array): number => b.length - 22;

describe('checkZip', () => {
  it('lists the entries of well-formed zips, with where their data starts', () => {
    const bytes = makeZip(small);
    const entries = checkZip(bytes);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.xml', 8, 2007],
      ['b.txt', 0, 5],
    ]);
    const b = entries[1];
    expect(new TextDecoder().decode(bytes.subarray(b?.dataOffset, (b?.dataOffset ?? 0) + 5))).toBe('hello');
    // SheetJS-written workbooks, the template, data descriptors as Excel writes them, a comment.
    for (const f of ['xlsx', 'ods'] as const) expect(checkZip(messyContactsWorkbook(f)).length).toBeGreaterThan(3);
    expect(checkZip(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'import-template.xlsx')))).length).toBe(11);
    expect(checkZip(makeZip(small.map((f) => ({ ...f, flags: 8 })), 'a comment')).length).toBe(2);
  });

  it('damaged: too short, no end record, bytes after it, a directory that does not end at it', () => {
    expectRefused(new Uint8Array(10), 'damaged', /shorter/);
    const good = makeZip(small);
    expectRefused(good.slice(0, good.length - 30), 'damaged', /no end record/);
    const trailing = new Uint8Array(good.length + 1);
    trailing.set(good);
    expectRefused(trailing, 'damaged', /bytes after the end record/);
    const e = eocdOf(good);
    const cdSize = new DataView(good.buffer).getUint32(e + 12, true);
    expectRefused(patch(good, e + 12, cdSize - 1, 4), 'damaged', /does not end at the end record/);
  });

  it('damaged: ZIP64, several disks, encryption, an unknown method; checkZipData: a broken deflate stream', () => {
    const good = makeZip(small);
    const e = eocdOf(good);
    expectRefused(patch(good, e + 16, 0xffffffff, 4), 'damaged', /ZIP64/);
    expectRefused(patch(good, e + 4, 1, 2), 'damaged', /multi-disk/);
    expectRefused(makeZip([{ ...small[0], flags: 1 } as ZipFile]), 'damaged', /encrypted/);
    expectRefused(makeZip([{ name: 'a', data: utf8('abc'), method: 14, stored: true }]), 'damaged', /method 14/);
    const broken = makeZip([{ name: 'a', data: utf8('abc'), raw: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }]);
    expect(() => checkZip(broken)).not.toThrow(); // headers only
    expectRefused(broken, 'damaged', /broken deflate/);
  });

  it('too large: too many entries, an entry or all entries declaring too much (before unpacking anything)', () => {
    const limits: ZipLimits = { ...ZIP_LIMITS, maxEntries: 3, maxEntryBytes: 10_000, maxTotalBytes: 15_000 };
    const many = makeZip(['a', 'b', 'c', 'd'].map((name) => ({ name, data: utf8(name) })));
    expectRefused(many, 'too_large', /4 entries/, limits);
    // The data is not deflate at all: the refusal comes from the declared size alone.
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    expectRefused(makeZip([{ name: 'big', data: new Uint8Array(0), raw: junk, declaredSize: 10_001 }]), 'too_large', /big declares 10001/, limits);
    const two = makeZip([
      { name: 'x', data: new Uint8Array(0), raw: junk, declaredSize: 8000 },
      { name: 'y', data: new Uint8Array(0), raw: junk, declaredSize: 8000 },
    ]);
    expectRefused(two, 'too_large', /16000 bytes in all/, limits);
  });

  it('the default limits follow the import limits, and a legitimate maximum sheet fits them', () => {
    expect(ZIP_LIMITS.maxEntryBytes).toBe(250_001 * 1024);
    expect(ZIP_LIMITS.maxTotalBytes).toBe(2 * ZIP_LIMITS.maxEntryBytes);
    // A million empty formatted rows (the most compressible real sheet seen: about 27 times).
    let xml = '';
    for (let i = 1; i <= 200_000; i++) xml += `<row r="${i}" spans="1:6" s="3" customFormat="1" x14ac:dyDescent="0.25"/>`;
    expect(checkZip(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: utf8(xml) }]))).toHaveLength(1);
  });

  it('unsafe: a compression ratio over the limit', () => {
    expectRefused(zipBomb({ format: 'xlsx', mib: 8 }), 'unsafe', /ratio over 100/);
    // Small entries may compress as well as they like.
    expect(checkZip(makeZip([{ name: 'zeros', data: new Uint8Array(1024 * 1024) }]))).toHaveLength(1);
  });

  it('checkZipData, unsafe: a stream that unpacks to more, or less, than declared; checkZip: a stored entry with two sizes', () => {
    const more = makeZip([{ name: 'z', data: new Uint8Array(0), raw: zerosDeflated(2), declaredSize: 1_000_000 }]);
    expect(() => checkZip(more)).not.toThrow(); // headers only: the lie is in the data
    expectRefused(more, 'unsafe', /unpacks to more than the 1000000 bytes/);
    const text = utf8('<row>'.repeat(1000));
    const less = makeZip([{ name: 'z', data: text, declaredSize: text.length + 1 }]);
    expectRefused(less, 'unsafe', /unpacks to 5000 bytes, not the 5001/);
    const stored = makeZip([{ name: 's', data: utf8('hello'), stored: true, declaredSize: 6 }]);
    expectRefused(stored, 'unsafe', /stored with two sizes/);
  });

  it('unsafe: a local header that disagrees with the directory', () => {
    const a = small[0] as ZipFile;
    expectRefused(makeZip([{ ...a, localName: 'other.xml' }]), 'unsafe', /local name differs/);
    expectRefused(makeZip([{ ...a, localCompressedSize: 3 }]), 'unsafe', /local sizes differ/);
    // Method and flags, patched in the local header only (at offset 0).
    expectRefused(patch(makeZip([a]), 8, 0, 2), 'unsafe', /local method differs/);
    expectRefused(patch(makeZip([a]), 6, 8, 2), 'unsafe', /local flags differ/);
    // A data descriptor that declares other sizes than the directory.
    const withDescriptor = makeZip([{ ...a, flags: 8 }]);
    const d = withDescriptor.length - 22 - (46 + 5) - 16;
    expectRefused(patch(withDescriptor, d + 12, 99, 4), 'unsafe', /data descriptor differs/);
  });

  it('unsafe: overlapping entries, names that differ only in case, a second end-record signature', () => {
    const kernelData = new Uint8Array(20_000).map((_, i) => (i * 7919) & 0xff);
    const overlapping = overlappingZipBomb({ format: 'xlsx', entries: 3, kernel: new Uint8Array(deflateRawSync(kernelData)), kernelSize: kernelData.length });
    expectRefused(overlapping, 'unsafe', /overlap1\.bin overlaps xl\/media\/overlap2\.bin/);
    expectRefused(makeZip([...small, { name: 'A.XML', data: utf8('x') }]), 'unsafe', /two entries called A\.XML/);
    expectRefused(makeZip([...small, { name: 'dir\\b.txt', data: utf8('x') }, { name: 'DIR/B.TXT', data: utf8('y') }]), 'unsafe', /two entries/);
    expectRefused(makeZip(messyWorkbookParts('xlsx'), 'PK\u0005\u0006'), 'unsafe', /another end-record signature/);
  });

  it('refuses a file declaring 600 MiB in milliseconds: nothing is unpacked', () => {
    const bomb = zipBomb({ format: 'xlsx', mib: 200, entries: 3 });
    const t = performance.now();
    expect(refusal(bomb).problem).toBe('too_large');
    expect(performance.now() - t).toBeLessThan(200);
  });
});

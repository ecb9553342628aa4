import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from './wire';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('base64', () => {
  it('writes what Node writes, for every length around the padding cases', () => {
    const next = generator(7);
    for (let length = 0; length < 300; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(next() * 256));
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(new Uint8Array(bytes));
    }
  });

  it('writes a large file in one piece', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i * 31);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('writes the same where the runtime has no TextDecoder', async () => {
    vi.stubGlobal('TextDecoder', undefined);
    vi.resetModules();
    try {
      const plain = await import('./wire');
      const bytes = new Uint8Array(100_000).map((_, i) => i * 13);
      expect(plain.bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads malformed text the way Node does, never throwing', () => {
    const samples = ['', '=', '==QUJD', 'Q', 'QQ', 'QUI', 'QUJD-_', 'QQ=QUI=', 'QU JD!RA==', 'QUJD\n\tRA', 'é€QUJD', '\u0000QUJD', 'QUJD\uffff'];
    const next = generator(11);
    const pool = 'ABCxyz019+/-_= \n!é€\u0000';
    for (let n = 0; n < 2000; n++) {
      samples.push(Array.from({ length: Math.floor(next() * 24) }, () => pool[Math.floor(next() * pool.length)]).join(''));
    }
    for (const text of samples) expect(base64ToBytes(text), JSON.stringify(text)).toEqual(new Uint8Array(Buffer.from(text, 'base64')));
  });
});

describe('the wire codec', () => {
  it('round-trips messages with bytes anywhere in them', () => {
    const message = {
      id: 3,
      method: 'imports.open',
      input: { fileName: 'a.xlsx', bytes: new Uint8Array([0, 1, 2, 250, 255]), nested: [{ bytes: new Uint8Array(0) }] },
    };
    const decoded = decodeWire(encodeWire(message));
    expect(decoded).toEqual(message);
    expect((decoded as typeof message).input.bytes).toBeInstanceOf(Uint8Array);
  });

  it('keeps the format on the wire', () => {
    expect(encodeWire({ id: 1, ok: true, result: { bytes: new Uint8Array([80, 75, 3]) } })).toBe('{"id":1,"ok":true,"result":{"bytes":{"$bytes":"UEsD"}}}');
    // Node's Buffer (which JSON.stringify sees through its toJSON) goes the same way, and a view
    // into a larger buffer carries only its own bytes.
    expect(encodeWire({ b: Buffer.from('PK') })).toBe('{"b":{"$bytes":"UEs="}}');
    expect(encodeWire({ b: new Uint8Array([9, 80, 75, 9]).subarray(1, 3) })).toBe('{"b":{"$bytes":"UEs="}}');
  });

  it('reads only an object with $bytes as its single string key as bytes', () => {
    expect(decodeWire('{"$bytes":5}')).toEqual({ $bytes: 5 });
    expect(decodeWire('{"$bytes":"UEs=","more":1}')).toEqual({ $bytes: 'UEs=', more: 1 });
    expect(decodeWire('[["$bytes","UEs="]]')).toEqual([['$bytes', 'UEs=']]);
    expect(decodeWire('{"$bytes":"U!E s="}')).toEqual(new Uint8Array([80, 75]));
  });

  it('throws on text that is not JSON (the host then ignores the message)', () => {
    for (const text of ['', '{', 'undefined', '{"$bytes":"UEs="']) expect(() => decodeWire(text)).toThrow(SyntaxError);
  });
});

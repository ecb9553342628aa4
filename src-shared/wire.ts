/**
 * The wire codec of the browser host: JSON on the loopback WebSocket, with binary data (a
 * spreadsheet to import, a file to attach, a template to download) carried as {"$bytes": base64}.
 * The host (src-main/host) and the browser (src-renderer/ui/transport.ts) both use this one module, so
 * the two ends cannot drift apart.
 *
 * Base64 is written here rather than taken from the runtime (Buffer in Node, atob/btoa in the
 * browser), since src-shared may use neither. Writing gives standard base64 with padding, the
 * same characters Buffer writes. Reading is as forgiving as Node's Buffer: characters outside both
 * alphabets (standard and URL-safe) are skipped, the first '=' ends the data, and a lone trailing
 * character gives no byte. Nothing a client sends makes it throw; the contract then judges what
 * the bytes are.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = '='.charCodeAt(0);

/** Character code → its letter's code, for writing. */
const LETTERS = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Character code → 6-bit value, or 255 for a character that is skipped ('-' and '_' read as '+' and '/'). */
const VALUES = (() => {
  const table = new Uint8Array(256).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/** How many characters go to String.fromCharCode at once, where there is no TextDecoder (well under any engine's argument limit). */
const CHUNK = 0x8000;

/** The runtime's TextDecoder where there is one (Node and every browser have it): the fast way to make a long string. */
type Decoder = { decode(bytes: Uint8Array): string };
const NativeDecoder = (globalThis as { TextDecoder?: new (label: string) => Decoder }).TextDecoder;

/** Character codes below 128 as a string. */
function asciiToString(codes: Uint8Array): string {
  if (NativeDecoder) return new NativeDecoder('latin1').decode(codes);
  const parts: string[] = [];
  for (let c = 0; c < codes.length; c += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(c, c + CHUNK) as unknown as number[]));
  return parts.join('');
}

export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(4 * Math.ceil(bytes.length / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = LETTERS[n >> 18]!;
    out[o++] = LETTERS[(n >> 12) & 63]!;
    out[o++] = LETTERS[(n >> 6) & 63]!;
    out[o++] = LETTERS[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = LETTERS[n >> 18]!;
    out[o++] = LETTERS[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? LETTERS[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return asciiToString(out);
}

const valueOf = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 256 ? VALUES[code]! : 255;
};

export function base64ToBytes(text: string): Uint8Array {
  const pad = text.indexOf('=');
  const end = pad === -1 ? text.length : pad;
  // Exact for clean text, so the bytes own a buffer of their size; skipped characters only make it less.
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  // Whole groups of four clean characters at a time …
  for (; i + 3 < end; i += 4) {
    const a = valueOf(text, i);
    const b = valueOf(text, i + 1);
    const c = valueOf(text, i + 2);
    const d = valueOf(text, i + 3);
    if ((a | b | c | d) > 63) break;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  // … then the rest one character at a time, skipping what is not base64.
  let bits = 0;
  let held = 0;
  for (; i < end; i++) {
    const value = valueOf(text, i);
    if (value === 255) continue;
    bits = (bits << 6) | value;
    held += 6;
    if (held >= 8) {
      held -= 8;
      out[o++] = (bits >> held) & 0xff;
      bits &= (1 << held) - 1;
    }
  }
  return o === out.length ? out : out.slice(0, o);
}

/** Node's Buffer as JSON.stringify hands it to a replacer (Buffer has a toJSON). */
function isBufferJson(v: unknown): v is { type: 'Buffer'; data: number[] } {
  return !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data);
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: bytesToBase64(v) };
    if (isBufferJson(v)) return { $bytes: bytesToBase64(Uint8Array.from(v.data)) };
    return v;
  });
}

/** Reads a message; throws (as JSON.parse does) only when the text is not JSON. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const b = (v as { $bytes?: unknown }).$bytes;
      if (typeof b === 'string' && Object.keys(v).length === 1) return base64ToBytes(b);
    }
    return v;
  });
}

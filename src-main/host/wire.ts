/**
 * JSON on the WebSocket, with binary data (spreadsheets) carried as {"$bytes": base64}. The browser
 * side has the same codec in src-renderer/transport.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)) {
      return { $bytes: Buffer.from((v as { data: number[] }).data).toString('base64') };
    }
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof b === 'string') return new Uint8Array(Buffer.from(b, 'base64'));
    }
    return v;
  });
}

/** The largest message the host accepts from a client (the socket's maxPayload). */
export const MAX_WIRE_MESSAGE_BYTES = 160 * 1024 * 1024;

/**
 * JSON on the WebSocket, with binary data (spreadsheets) carried as {"$bytes": base64}. The browser
 * side has the same codec in src-renderer/transport.
 */
import { ATTACHMENT_LIMITS } from '../../src-shared/campaigns';
import { IMPORT_LIMITS } from '../../src-shared/limits';

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

/** The largest file a client sends: a spreadsheet to import (imports.open) or an attachment (drafts.attach). */
const LARGEST_FILE_BYTES = Math.max(IMPORT_LIMITS.maxBytes, ...Object.values(ATTACHMENT_LIMITS));
/**
 * Room for the rest of such a message: its id, method, kind and names (a file name of at most 500
 * characters and a sheet name of at most 200, each at most 6 bytes in JSON, as \u0001): under 5 KiB.
 */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * The largest message the host accepts from a client (the socket's maxPayload): the largest file,
 * base64 (4 characters for every 3 bytes), plus its envelope. 139 826 520 bytes (about 133 MiB).
 */
export const MAX_WIRE_MESSAGE_BYTES = 4 * Math.ceil(LARGEST_FILE_BYTES / 3) + ENVELOPE_BYTES;

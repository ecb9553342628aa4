import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '#shared/campaigns';
import { contract } from '#shared/contract';
import { IMPORT_LIMITS } from '#shared/limits';
import { encodeWire } from '#shared/wire';
import { MAX_WIRE_MESSAGE_BYTES } from './wire';

/** A name of `length` characters that JSON writes at 6 bytes each (\u0001): the longest a name can get. */
const worstName = (length: number) => '\u0001'.repeat(length);

describe('the largest message the host accepts', () => {
  it('fits the largest legitimate messages (a spreadsheet to import, a document to attach) with little to spare', () => {
    const largestFile = Math.max(IMPORT_LIMITS.maxBytes, ...Object.values(ATTACHMENT_LIMITS));
    const bytes = new Uint8Array(largestFile);
    const messages = [
      { id: Number.MAX_SAFE_INTEGER, method: 'imports.open', input: { fileName: worstName(500), bytes, sheetName: worstName(200) } },
      { id: Number.MAX_SAFE_INTEGER, method: 'drafts.attach', input: { kind: 'document', fileName: worstName(500), bytes } },
    ] as const;
    let largest = 0;
    for (const message of messages) {
      // Each is a message the contract accepts (so the host must take it) …
      expect(contract[message.method].input.safeParse(message.input).success).toBe(true);
      const size = Buffer.byteLength(encodeWire(message));
      largest = Math.max(largest, size);
      // … and it fits.
      expect(size).toBeLessThanOrEqual(MAX_WIRE_MESSAGE_BYTES);
    }
    // The limit is that size plus a small allowance, not a round number far above it.
    expect(MAX_WIRE_MESSAGE_BYTES - largest).toBeLessThan(64 * 1024);
  });

});

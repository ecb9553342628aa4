/**
 * How large a message on the browser host's WebSocket may be. The codec itself (JSON with bytes as
 * {"$bytes": base64}) is src-shared/wire, shared with the browser side.
 */
import { ATTACHMENT_LIMITS } from '#shared/campaigns';
import { IMPORT_LIMITS } from '#shared/limits';

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

/** Shrinks a picture off the page's thread: { file, limit } in, { ok, done } or { ok: false, message } out. */
import { shrinkBlob } from './shrink-canvas';

type Scope = { onmessage: ((e: MessageEvent<{ file: Blob; limit: number }>) => void) | null; postMessage(message: unknown): void };
const scope = self as unknown as Scope;

scope.onmessage = (e) => {
  shrinkBlob(e.data.file, e.data.limit)
    .then((done) => scope.postMessage({ ok: true, done }))
    .catch((error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }));
};

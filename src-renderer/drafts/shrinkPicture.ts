/**
 * Makes a smaller JPEG copy of a picture that is over WhatsApp's limit, in a Web Worker (the page
 * stays responsive while a 20-megapixel photo is re-encoded a few times). Where a worker can't
 * start (a file:// page that refuses it), the same steps run on the page. The original file is
 * only read.
 */
import { shrinkBlob, type ShrinkDone } from './shrink-canvas';
import { shrunkFileName } from './shrink';

type Reply = { ok: true; done: ShrinkDone } | { ok: false; message: string };

/** The worker ran and the picture itself could not be shrunk (not a decodable picture, say). */
class ShrinkFailed extends Error {}

function inWorker(file: Blob, limit: number): Promise<ShrinkDone> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./shrink.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.done);
      else reject(new ShrinkFailed(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The worker could not start'));
    };
    worker.postMessage({ file, limit });
  });
}

/** A smaller copy named "<name> (smaller).jpg" that fits `limit` bytes, or null when it can't be made small enough. */
export async function shrinkPicture(file: File, limit: number): Promise<File | null> {
  let done: ShrinkDone;
  try {
    done = await inWorker(file, limit);
  } catch (error) {
    if (error instanceof ShrinkFailed) throw error;
    // The worker could not start: the same steps on the page.
    done = await shrinkBlob(file, limit);
  }
  if (!done) return null;
  return new File([done.blob], shrunkFileName(file.name), { type: 'image/jpeg' });
}

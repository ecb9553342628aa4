/**
 * The canvas half of shrinking a picture (in the worker, or on the page where a worker can't
 * start): decode once, then draw and JPEG-encode each attempt on an OffscreenCanvas. The file
 * given is only read: the original stays as it is.
 */
import { shrinkToFit, type ShrinkAttempt } from './shrink';

export type ShrinkDone = { blob: Blob; width: number; height: number; quality: number; tries: number } | null;

export async function shrinkBlob(file: Blob, limit: number): Promise<ShrinkDone> {
  const bitmap = await createImageBitmap(file);
  try {
    const encode = async (a: ShrinkAttempt): Promise<Blob> => {
      const canvas = new OffscreenCanvas(a.width, a.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('No 2D canvas');
      // JPEG has no transparency: what was transparent becomes white, not black.
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, a.width, a.height);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, a.width, a.height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: a.quality });
    };
    const outcome = await shrinkToFit(bitmap.width, bitmap.height, limit, encode);
    if (!outcome) return null;
    return { blob: outcome.result, width: outcome.attempt.width, height: outcome.attempt.height, quality: outcome.attempt.quality, tries: outcome.tries };
  } finally {
    bitmap.close();
  }
}

import { describe, expect, it } from 'vitest';
import {
  SHRINK_MAX_ATTEMPTS,
  SHRINK_MIN_LONG_SIDE,
  SHRINK_START_LONG_SIDE,
  firstAttempt,
  nextAttempt,
  shrinkToFit,
  shrunkFileName,
  type ShrinkAttempt,
} from './shrink';

const MB = 1024 * 1024;
const LIMIT = 5 * MB;

/** A pretend encoder: bytes grow with the area and the quality, like a JPEG of a busy photo. */
function photoEncoder(bytesPerPixelAtFull: number) {
  const calls: ShrinkAttempt[] = [];
  const encode = (a: ShrinkAttempt) => {
    calls.push(a);
    return Promise.resolve({ size: Math.round(a.width * a.height * bytesPerPixelAtFull * (a.quality / 0.86)) });
  };
  return { calls, encode };
}

describe('the first attempt', () => {
  it('keeps a picture that is already small enough in pixels at its size', () => {
    expect(firstAttempt(2000, 1500)).toEqual({ width: 2000, height: 1500, quality: 0.86 });
  });

  it('brings the long side down to the start size, keeping the shape (portrait too)', () => {
    const a = firstAttempt(6000, 4000);
    expect(a.width).toBe(SHRINK_START_LONG_SIDE);
    expect(a.height).toBe(Math.round(4000 * (SHRINK_START_LONG_SIDE / 6000)));
    const p = firstAttempt(3000, 9000);
    expect(p.height).toBe(SHRINK_START_LONG_SIDE);
    expect(p.width).toBe(Math.round(3000 * (SHRINK_START_LONG_SIDE / 9000)));
  });
});

describe('the next attempt', () => {
  const prev = { width: 2560, height: 1920, quality: 0.86 };

  it('scales by the square root of how far over it came out, aimed under the limit, one quality step lower', () => {
    const next = nextAttempt(prev, 2 * LIMIT, LIMIT, 1)!;
    const factor = Math.sqrt(0.9 / 2);
    expect(next.width).toBe(Math.round(2560 * factor));
    expect(next.height).toBe(Math.round(1920 * factor));
    expect(next.quality).toBeLessThan(prev.quality);
  });

  it('shrinks at least 10 % per step, even when only a little over', () => {
    const next = nextAttempt(prev, LIMIT + 1, LIMIT, 1)!;
    expect(next.width).toBe(Math.round(2560 * 0.9));
  });

  it('halves at most per step, even when far over', () => {
    const next = nextAttempt(prev, 40 * LIMIT, LIMIT, 1)!;
    expect(next.width).toBe(1280);
  });

  it('gives up rather than go below the smallest useful size, or after the last attempt', () => {
    expect(nextAttempt({ width: 900, height: 600, quality: 0.7 }, 40 * LIMIT, LIMIT, 2)).toBeNull();
    expect(Math.round(900 * 0.5)).toBeLessThan(SHRINK_MIN_LONG_SIDE);
    expect(nextAttempt(prev, LIMIT + 1, LIMIT, SHRINK_MAX_ATTEMPTS)).toBeNull();
  });
});

describe('shrinking until it fits', () => {
  it('a 24-megapixel photo that encodes big comes out under 5 MB in a few steps, never over the limit', async () => {
    const { calls, encode } = photoEncoder(2.2);
    const outcome = await shrinkToFit(6000, 4000, LIMIT, encode);
    expect(outcome).not.toBeNull();
    expect(outcome!.result.size).toBeLessThanOrEqual(LIMIT);
    expect(outcome!.tries).toBe(calls.length);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(4);
    // Every step is smaller than the one before.
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.width).toBeLessThan(calls[i - 1]!.width);
    // Still a proper picture, with its shape.
    expect(outcome!.attempt.width).toBeGreaterThanOrEqual(SHRINK_MIN_LONG_SIDE);
    expect(outcome!.attempt.width / outcome!.attempt.height).toBeCloseTo(1.5, 2);
  });

  it('a big PNG whose pixels are few is fixed by the re-encode alone, in one step', async () => {
    const { calls, encode } = photoEncoder(0.3);
    const outcome = await shrinkToFit(2000, 2000, LIMIT, encode);
    expect(calls).toHaveLength(1);
    expect(outcome!.attempt).toEqual({ width: 2000, height: 2000, quality: 0.86 });
  });

  it('exactly at the limit fits (the limit is inclusive, as main checks it)', async () => {
    const outcome = await shrinkToFit(1000, 1000, LIMIT, () => Promise.resolve({ size: LIMIT }));
    expect(outcome?.tries).toBe(1);
  });

  it('says it could not when nothing gets small enough', async () => {
    const outcome = await shrinkToFit(4000, 3000, LIMIT, () => Promise.resolve({ size: 50 * MB }));
    expect(outcome).toBeNull();
  });
});

describe('the copy’s name', () => {
  it.each([
    ['holiday.png', 'holiday (smaller).jpg'],
    ['IMG_2041.HEIC.jpeg', 'IMG_2041.HEIC (smaller).jpg'],
    ['noextension', 'noextension (smaller).jpg'],
    ['.png', '.png (smaller).jpg'],
    ['fotoğraf çok büyük.PNG', 'fotoğraf çok büyük (smaller).jpg'],
  ])('%s → %s', (name, expected) => {
    expect(shrunkFileName(name)).toBe(expected);
  });
});

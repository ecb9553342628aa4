/**
 * Shrinking a picture that is over WhatsApp's limit: the arithmetic of the steps, free of the DOM so
 * it is tested on its own. Each attempt scales the picture down (never up) and lowers the JPEG
 * quality a little; the next attempt is aimed from how big the last one came out (bytes grow
 * roughly with the area). The canvas work that runs the attempts is in shrink-canvas.ts.
 */

export type ShrinkAttempt = { width: number; height: number; quality: number };

/** Larger than WhatsApp shows a picture (about 1600 px): the first attempt keeps detail to spare. */
export const SHRINK_START_LONG_SIDE = 2560;
/** Below this the picture is no longer worth sending: give up rather than send a postage stamp. */
export const SHRINK_MIN_LONG_SIDE = 480;
export const SHRINK_MAX_ATTEMPTS = 8;
export const SHRINK_QUALITIES = [0.86, 0.8, 0.74, 0.68, 0.62] as const;
/** Aim a little under the limit, so one more attempt is rarely needed. */
const TARGET_SHARE = 0.9;

function scaled(width: number, height: number, factor: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

/** The first try: the long side at most SHRINK_START_LONG_SIDE, good quality. */
export function firstAttempt(width: number, height: number): ShrinkAttempt {
  const long = Math.max(width, height);
  const factor = long > SHRINK_START_LONG_SIDE ? SHRINK_START_LONG_SIDE / long : 1;
  return { ...scaled(width, height, factor), quality: SHRINK_QUALITIES[0] };
}

/**
 * The next try after `previous` came out at `bytes` (over `limit`), or null when the picture would
 * get too small. Scale by the square root of how far over it was (aimed at 90 % of the limit),
 * at least 10 % and at most 50 % smaller per step, and one quality step lower.
 */
export function nextAttempt(previous: ShrinkAttempt, bytes: number, limit: number, tries: number): ShrinkAttempt | null {
  if (tries >= SHRINK_MAX_ATTEMPTS) return null;
  const factor = Math.min(0.9, Math.max(0.5, Math.sqrt((limit * TARGET_SHARE) / bytes)));
  const next = scaled(previous.width, previous.height, factor);
  if (Math.max(next.width, next.height) < SHRINK_MIN_LONG_SIDE) return null;
  const quality = SHRINK_QUALITIES[Math.min(tries, SHRINK_QUALITIES.length - 1)] ?? previous.quality;
  return { ...next, quality };
}

export type ShrinkOutcome<T> = { result: T; attempt: ShrinkAttempt; tries: number };

/**
 * Runs attempts through `encode` until one fits under `limit` (bytes, inclusive), or gives up
 * (null). `encode` renders an attempt and says how big it came out.
 */
export async function shrinkToFit<T extends { size: number }>(
  width: number,
  height: number,
  limit: number,
  encode: (attempt: ShrinkAttempt) => Promise<T>,
): Promise<ShrinkOutcome<T> | null> {
  let attempt: ShrinkAttempt | null = firstAttempt(width, height);
  let tries = 0;
  while (attempt) {
    const result = await encode(attempt);
    tries++;
    if (result.size <= limit) return { result, attempt, tries };
    attempt = nextAttempt(attempt, result.size, limit, tries);
  }
  return null;
}

/** "holiday.png" → "holiday (smaller).jpg": the copy says what it is; the original keeps its name. */
export function shrunkFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = (dot > 0 ? name.slice(0, dot) : name).trim() || 'picture';
  return `${base} (smaller).jpg`;
}

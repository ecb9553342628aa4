/** ar: the keys of ../en-safety-warmup.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arSafetyWarmup = {
} satisfies Partial<Catalogue>;

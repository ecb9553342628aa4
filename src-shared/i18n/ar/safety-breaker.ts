/** ar: the keys of ../en-safety-breaker.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arSafetyBreaker = {
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-safety-breaker.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trSafetyBreaker = {
} satisfies Partial<Catalogue>;

/** fa: the keys of ../en-safety-warmup.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faSafetyWarmup = {
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-estimate.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arEstimate = {
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-history.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arHistory = {
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-history.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trHistory = {
} satisfies Partial<Catalogue>;

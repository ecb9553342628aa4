/** ar: the keys of ../en-overview.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arOverview = {
} satisfies Partial<Catalogue>;

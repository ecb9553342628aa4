/** fa: the keys of ../en-overview.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faOverview = {
} satisfies Partial<Catalogue>;

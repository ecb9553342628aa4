/** ar: the keys of ../en-risk.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arRisk = {
} satisfies Partial<Catalogue>;

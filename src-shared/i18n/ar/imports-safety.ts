/** ar: the keys of ../en-imports-safety.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arImportsSafety = {
} satisfies Partial<Catalogue>;

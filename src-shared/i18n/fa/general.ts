/** fa: the keys of ../en.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faGeneral = {
} satisfies Partial<Catalogue>;

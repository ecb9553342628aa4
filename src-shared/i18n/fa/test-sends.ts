/** fa: the keys of ../en-test-sends.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faTestSends = {
} satisfies Partial<Catalogue>;

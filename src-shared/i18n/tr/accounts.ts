/** tr: the keys of ../en-accounts.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trAccounts = {
} satisfies Partial<Catalogue>;

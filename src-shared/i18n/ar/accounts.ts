/** ar: the keys of ../en-accounts.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arAccounts = {
} satisfies Partial<Catalogue>;

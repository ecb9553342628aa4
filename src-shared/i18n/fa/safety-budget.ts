/** fa: the keys of ../en-safety-budget.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faSafetyBudget = {
} satisfies Partial<Catalogue>;

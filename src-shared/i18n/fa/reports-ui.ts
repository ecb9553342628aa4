/** fa: the keys of ../en-reports-ui.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faReportsUi = {
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-reports-core.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trReportsCore = {
  'reports.retryName': '{name} – başarısız olanlara yeniden',
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-reports-core.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arReportsCore = {
  'reports.retryName': '{name} – إعادة للفاشلة',
} satisfies Partial<Catalogue>;

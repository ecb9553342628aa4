/** fa: the keys of ../en-reports-core.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faReportsCore = {
  'reports.retryName': '{name} – ارسال دوباره به ناموفق‌ها',
} satisfies Partial<Catalogue>;

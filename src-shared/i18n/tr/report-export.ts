/** tr: the keys of ../en-report-export.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trReportExport = {
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-report-export.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arReportExport = {
  'reportExport.title': 'تصدير التقرير',
  'reportExport.titleMany':
    'تصدير {count, plural, zero {# تقرير} one {تقرير واحد} two {تقريرين} few {# تقارير} many {# تقريرًا} other {# تقرير}}',
  'reportExport.what': 'حملة واحدة: ورقة ملخص (الإحصاءات، ومسار الرسائل، ومدد الوصول، والحسابات)، ثم مستلموها، ثم حالات الفشل.',
  'reportExport.whatMany': 'ورقة ملخص فيها صف لكل حملة، ثم ورقة بالمستلمين لكل حملة.',
  'reportExport.csvNote': 'يحتوي ملف CSV على المستلمين فقط (مع حملة كل منهم عند وجود أكثر من حملة).',
  'reportExport.start': 'تصدير',
  'reportExport.working': 'جارٍ التصدير… {done} من {total}',
  'reportExport.done': 'حُفظ {file}',
  'reportExport.cancelled': 'توقف التصدير. لم يُحفظ أي ملف.',
  'reportExport.selected': 'تصدير المحدد ({count})',
  'reportExport.select': 'تحديد {name} للتصدير',
} satisfies Partial<Catalogue>;

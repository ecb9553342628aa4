/** fa: the keys of ../en-report-export.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faReportExport = {
  'reportExport.title': 'برون‌بری گزارش',
  'reportExport.titleMany': 'برون‌بری {count} گزارش',
  'reportExport.what': 'یک کمپین: یک برگهٔ خلاصه (آمار، قیف پیام‌ها، تأخیرها، حساب‌ها)، گیرندگان آن و موارد ناموفق.',
  'reportExport.whatMany': 'یک برگهٔ خلاصه با یک ردیف برای هر کمپین، و بعد برای هر کمپین یک برگهٔ گیرندگان.',
  'reportExport.csvNote': 'فایل CSV فقط گیرندگان را دارد (وقتی چند کمپین باشد، کمپین هر گیرنده هم کنارش می‌آید).',
  'reportExport.start': 'برون‌بری',
  'reportExport.working': 'در حال برون‌بری… {done} از {total}',
  'reportExport.done': '{file} ذخیره شد',
  'reportExport.cancelled': 'برون‌بری متوقف شد. هیچ فایلی ذخیره نشد.',
  'reportExport.selected': 'برون‌بری انتخاب‌شده‌ها ({count})',
  'reportExport.select': 'انتخاب {name} برای برون‌بری',
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-calendar.ts. */
import type { Catalogue } from '../index';

export const arCalendar = {
  'date.pick': 'اختر من التقويم',
  'date.today': 'اليوم، {date}',
  'date.selected': '{date}، محدد',
  'date.nextMonth': 'الشهر التالي',
  'date.previousMonth': 'الشهر السابق',
  'date.months': 'الأشهر',
  'date.chooseMonth': 'الشهر',
  'date.chooseYear': 'السنة',
  'date.yearField': 'سنة',
  'date.monthField': 'شهر',
  'date.dayField': 'يوم',
  'date.invalid': 'ليس يومًا في هذا التقويم. اكتبه مثل {example} أو اختره من التقويم.',
  'time.invalid': 'ليس وقتًا صحيحًا. اكتبه مثل {example} (بنظام ٢٤ ساعة).',
  'zone.means': 'أي المنطقة الزمنية {zone} ({place}).',
  'list.separator': '، ',
} satisfies Partial<Catalogue>;

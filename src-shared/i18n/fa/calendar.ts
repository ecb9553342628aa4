/** fa: the keys of ../en-calendar.ts. */
import type { Catalogue } from '../index';

export const faCalendar = {
  'date.pick': 'انتخاب از تقویم',
  'date.today': 'امروز، {date}',
  'date.selected': '{date}، انتخاب‌شده',
  'date.nextMonth': 'ماه بعد',
  'date.previousMonth': 'ماه قبل',
  'date.months': 'ماه‌ها',
  'date.chooseMonth': 'ماه',
  'date.chooseYear': 'سال',
  'date.yearField': 'سال',
  'date.monthField': 'ماه',
  'date.dayField': 'روز',
  'date.invalid': 'چنین روزی در این تقویم نیست. آن را مانند {example} بنویسید یا از تقویم انتخاب کنید.',
  'time.invalid': 'ساعت درست نیست. آن را مانند {example} بنویسید (۲۴ ساعته).',
  'zone.means': 'یعنی منطقهٔ زمانی {zone} ({place}).',
  'list.separator': '، ',
} satisfies Partial<Catalogue>;

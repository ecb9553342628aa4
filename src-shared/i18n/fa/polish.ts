/** fa: the keys of ../en-polish.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faPolish = {
  'contacts.suppress.black.count':
    '{count, plural, one {شمارهٔ # مخاطب انتخاب‌شده به فهرست سیاه می‌رود.} other {شماره‌های # مخاطب انتخاب‌شده به فهرست سیاه می‌روند.}}',
  'contacts.suppress.gray.count':
    '{count, plural, one {شمارهٔ # مخاطب انتخاب‌شده به فهرست خاکستری می‌رود.} other {شماره‌های # مخاطب انتخاب‌شده به فهرست خاکستری می‌روند.}}',
  'contacts.suppress.black.submit': '{count, plural, one {افزودن # مخاطب به فهرست سیاه} other {افزودن # مخاطب به فهرست سیاه}}',
  'contacts.suppress.gray.submit': '{count, plural, one {افزودن # مخاطب به فهرست خاکستری} other {افزودن # مخاطب به فهرست خاکستری}}',
  'contacts.columns.button': 'ستون‌ها',
  'contacts.columns.title': 'ستون‌های نمایش‌داده‌شده',
  'contacts.columns.fields': 'فیلدهای سفارشی',
  'contacts.columns.emptyField': 'برای هیچ مخاطبی پر نشده',
  'contacts.columns.reset': 'بازگشت به ستون‌های معمول',
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-polish.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arPolish = {
  'contacts.suppress.black.count':
    '{count, plural, zero {لم تحدد أي جهة اتصال.} one {يُضاف رقم جهة الاتصال المحددة إلى القائمة السوداء.} two {يُضاف رقما جهتي الاتصال المحددتين إلى القائمة السوداء.} few {تُضاف أرقام # جهات اتصال محددة إلى القائمة السوداء.} many {تُضاف أرقام # جهة اتصال محددة إلى القائمة السوداء.} other {تُضاف أرقام # جهة اتصال محددة إلى القائمة السوداء.}}',
  'contacts.suppress.gray.count':
    '{count, plural, zero {لم تحدد أي جهة اتصال.} one {يُضاف رقم جهة الاتصال المحددة إلى القائمة الرمادية.} two {يُضاف رقما جهتي الاتصال المحددتين إلى القائمة الرمادية.} few {تُضاف أرقام # جهات اتصال محددة إلى القائمة الرمادية.} many {تُضاف أرقام # جهة اتصال محددة إلى القائمة الرمادية.} other {تُضاف أرقام # جهة اتصال محددة إلى القائمة الرمادية.}}',
  'contacts.suppress.black.submit':
    '{count, plural, zero {إضافة إلى القائمة السوداء} one {إضافة جهة اتصال واحدة إلى القائمة السوداء} two {إضافة جهتي اتصال إلى القائمة السوداء} few {إضافة # جهات اتصال إلى القائمة السوداء} many {إضافة # جهة اتصال إلى القائمة السوداء} other {إضافة # جهة اتصال إلى القائمة السوداء}}',
  'contacts.suppress.gray.submit':
    '{count, plural, zero {إضافة إلى القائمة الرمادية} one {إضافة جهة اتصال واحدة إلى القائمة الرمادية} two {إضافة جهتي اتصال إلى القائمة الرمادية} few {إضافة # جهات اتصال إلى القائمة الرمادية} many {إضافة # جهة اتصال إلى القائمة الرمادية} other {إضافة # جهة اتصال إلى القائمة الرمادية}}',
  'contacts.columns.button': 'الأعمدة',
  'contacts.columns.title': 'الأعمدة المعروضة',
  'contacts.columns.fields': 'الحقول المخصصة',
  'contacts.columns.emptyField': 'فارغ لدى كل جهات الاتصال',
  'contacts.columns.reset': 'العودة إلى الأعمدة المعتادة',
} satisfies Partial<Catalogue>;

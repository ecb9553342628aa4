/** ar: the keys of ../en-test-sends.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arTestSends = {
  'ts.err.gone': 'رسالة الاختبار تلك لم تعد موجودة.',
  'ts.err.phone': '«{phone}» ليس رقم هاتف يمكن لواتساب الوصول إليه. اكتبه مع رمز الدولة، مثل +90 532 123 45 67.',
  'ts.err.empty': 'هذه الرسالة فارغة: أضف نصًا أو ملفًا قبل إرسال رسالة اختبار.',
  'ts.button': 'إرسال رسالة اختبار…',
  'ts.saveFirst': 'احفظ الرسالة أولًا: رسالة الاختبار تُرسل النسخة المحفوظة.',
  'ts.title': 'إرسال رسالة اختبار',
  'ts.intro': 'تُرسل هذه الرسالة مرة واحدة إلى الرقم الذي تكتبه. ليست جزءًا من أي حملة ولا تُحتسب في أي تقرير؛ لكنها تُحتسب ضمن الحد اليومي للحساب.',
  'ts.account': 'الإرسال عبر',
  'ts.noAccounts': 'لا يوجد حساب مرتبط متصل. اربط حسابًا أو أعد توصيله في صفحة الحسابات أولًا.',
  'ts.phone': 'إلى الرقم',
  'ts.phoneHint': 'رقم هاتفك مثلًا. يتذكره Pigeon لهذا الحساب.',
  'ts.contact': 'ملء المتغيرات ببيانات',
  'ts.contactNone': 'لا أحد (القيم البديلة)',
  'ts.contactClear': 'استخدم القيم البديلة',
  'ts.send': 'إرسال الاختبار',
  'ts.close': 'إغلاق',
  'ts.status.sending': 'جارٍ الإرسال…',
  'ts.status.sent': 'أُرسلت',
  'ts.status.delivered': 'سُلّمت',
  'ts.status.read': 'قُرئت',
  'ts.status.failed': 'فشلت: {reason}',
} satisfies Partial<Catalogue>;

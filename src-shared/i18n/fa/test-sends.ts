/** fa: the keys of ../en-test-sends.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faTestSends = {
  'ts.err.gone': 'این ارسال آزمایشی دیگر وجود ندارد.',
  'ts.err.phone': '«{phone}» شماره تلفنی نیست که WhatsApp به آن برسد. آن را با کد کشور وارد کنید، مثلاً +90 532 123 45 67.',
  'ts.err.empty': 'این پیام خالی است: پیش از ارسال آزمایشی، متن یا فایلی اضافه کنید.',
  'ts.button': 'ارسال آزمایشی…',
  'ts.saveFirst': 'اول پیام را ذخیره کنید: ارسال آزمایشی نسخهٔ ذخیره‌شده را می‌فرستد.',
  'ts.title': 'ارسال آزمایشی',
  'ts.intro': 'این پیام را یک بار به شماره‌ای که وارد می‌کنید می‌فرستد. جزو هیچ کمپینی نیست و در هیچ گزارشی شمرده نمی‌شود؛ اما از سقف روزانهٔ حساب کم می‌کند.',
  'ts.account': 'ارسال با',
  'ts.noAccounts': 'هیچ حساب متصلی وصل نیست. اول در صفحهٔ حساب‌ها یکی را متصل یا دوباره وصل کنید.',
  'ts.phone': 'به شمارهٔ',
  'ts.phoneHint': 'مثلاً گوشی خودتان. Pigeon آن را برای این حساب به خاطر می‌سپارد.',
  'ts.contact': 'پر کردن متغیرها با اطلاعات',
  'ts.contactNone': 'هیچ‌کس (مقدارهای جایگزین)',
  'ts.contactClear': 'استفاده از مقدارهای جایگزین',
  'ts.send': 'ارسال آزمایشی',
  'ts.close': 'بستن',
  'ts.status.sending': 'در حال ارسال…',
  'ts.status.sent': 'ارسال شد',
  'ts.status.delivered': 'تحویل شد',
  'ts.status.read': 'خوانده شد',
  'ts.status.failed': 'ناموفق: {reason}',
} satisfies Partial<Catalogue>;

/** fa: the keys of ../en-about.ts. */
import type { Catalogue } from '../index';

export const faAbout = {
  'about.open': 'دربارهٔ Pigeon',
  'about.title': 'دربارهٔ Pigeon',
  'about.version': 'نسخه',
  'about.versionValue': '{version} (نسخهٔ پایگاه داده {schema})',
  'about.shell': 'نحوهٔ اجرا',
  'about.shell.electron': 'برنامهٔ دسکتاپ',
  'about.shell.browser': 'در مرورگر شما، فقط از همین رایانه',
  'about.libraries.title': 'کتابخانه‌های متن‌باز',
  'about.libraries.count': '{count, plural, one {Pigeon با # کتابخانهٔ متن‌باز ساخته شده است.} other {Pigeon با # کتابخانهٔ متن‌باز ساخته شده است.}}',
  'about.libraries.search': 'جست‌وجوی کتابخانه‌ها',
  'about.libraries.name': 'کتابخانه',
  'about.libraries.licence': 'مجوز',
  'about.libraries.runtime': 'محیط اجرای دسکتاپ',
  'about.libraries.none': 'هیچ کتابخانه‌ای با «{query}» جور نیست.',
  'about.libraries.texts': 'متن کامل مجوزها در پروندهٔ THIRD-PARTY-LICENSES.txt، در پوشهٔ resources همراه Pigeon است. مجوزهای Chromium و Node.js که درون محیط اجرای دسکتاپ‌اند، در پروندهٔ LICENSES.chromium.html کنار برنامهٔ Pigeon است.',
  'links.title': 'باز کردن پیوند',
  'links.ask': '{host} در مرورگر شما باز شود؟',
  'links.open': 'باز کردن در مرورگر',
} satisfies Partial<Catalogue>;

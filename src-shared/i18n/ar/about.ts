/** ar: the keys of ../en-about.ts. */
import type { Catalogue } from '../index';

export const arAbout = {
  'about.open': 'حول Pigeon',
  'about.title': 'حول Pigeon',
  'about.version': 'الإصدار',
  'about.versionValue': '{version} (إصدار قاعدة البيانات {schema})',
  'about.shell': 'طريقة التشغيل',
  'about.shell.electron': 'تطبيق سطح المكتب',
  'about.shell.browser': 'في متصفحك، ويقدّمه هذا الحاسوب وحده',
  'about.libraries.title': 'المكتبات مفتوحة المصدر',
  'about.libraries.count': '{count, plural, zero {بُني Pigeon دون مكتبات مفتوحة المصدر.} one {بُني Pigeon بمكتبة واحدة مفتوحة المصدر.} two {بُني Pigeon بمكتبتين مفتوحتي المصدر.} few {بُني Pigeon بـ# مكتبات مفتوحة المصدر.} many {بُني Pigeon بـ# مكتبة مفتوحة المصدر.} other {بُني Pigeon بـ# مكتبة مفتوحة المصدر.}}',
  'about.libraries.search': 'ابحث في المكتبات',
  'about.libraries.name': 'المكتبة',
  'about.libraries.licence': 'الترخيص',
  'about.libraries.runtime': 'بيئة تشغيل سطح المكتب',
  'about.libraries.none': 'لا توجد مكتبة تطابق «{query}».',
  'about.libraries.texts': 'النصوص الكاملة للتراخيص موجودة في الملف THIRD-PARTY-LICENSES.txt داخل مجلد resources المرفق مع Pigeon. أما تراخيص Chromium وNode.js الموجودة داخل بيئة تشغيل سطح المكتب ففي الملف LICENSES.chromium.html بجانب برنامج Pigeon.',
  'links.title': 'فتح رابط',
  'links.ask': 'هل تريد فتح {host} في متصفحك؟',
  'links.open': 'افتح في المتصفح',
} satisfies Partial<Catalogue>;

/** fa: the keys of ../en-safety-breaker.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faSafetyBreaker = {
  // Why the account's campaigns were paused (the campaign's status reason, also on the account card).
  'breaker.reason.optOut':
    'متوقف شد: از {of} {of, plural, one {نفر} other {نفر}} آخری که از «{label}» پیام گرفتند، {count} نفر انصراف دادند ({pct}٪؛ حد مجاز {limit}٪ است). پیش از ادامه، پیام و گیرندگانش را بررسی کنید.',
  'breaker.reason.undelivered':
    'متوقف شد: از {of} {of, plural, one {پیام} other {پیام}} آخر «{label}»، {count} {count, plural, one {پیام پس از یک ساعت هنوز تحویل نشده بود} other {پیام پس از یک ساعت هنوز تحویل نشده بودند}} ({pct}٪؛ حد مجاز {limit}٪ است). ممکن است افراد این شماره را مسدود کرده باشند.',
  'breaker.reason.failed': 'متوقف شد: از {of} {of, plural, one {ارسال} other {ارسال}} آخر با «{label}»، {count} مورد ناموفق بود ({pct}٪؛ حد مجاز {limit}٪ است).',

  // The account card.
  'breaker.line.tripped': 'فیوز قطع شد:',
  'breaker.line.optOut': 'از {of} {of, plural, one {نفر} other {نفر}} آخری که پیام گرفتند، {count} نفر انصراف دادند ({pct}٪؛ حد مجاز {limit}٪ است).',
  'breaker.line.undelivered': 'از {of} {of, plural, one {پیام} other {پیام}} آخر، {count} {count, plural, one {پیام پس از یک ساعت تحویل نشده بود} other {پیام پس از یک ساعت تحویل نشده بودند}} ({pct}٪؛ حد مجاز {limit}٪ است).',
  'breaker.line.failed': 'از {of} {of, plural, one {ارسال} other {ارسال}} آخر، {count} مورد ناموفق بود ({pct}٪؛ حد مجاز {limit}٪ است).',
  'breaker.line.paused': 'کمپین‌هایش متوقف شده‌اند. ادامه دادن هر کدام، آمار را نشان می‌دهد و شمارش را از نو شروع می‌کند.',

  // The figures (the resume dialog).
  'breaker.figures.sends': 'ارسال‌های بررسی‌شده',
  'breaker.figures.optOuts': 'انصراف داد',
  'breaker.figures.undelivered': 'پس از یک ساعت تحویل نشده',
  'breaker.figures.failed': 'ناموفق',
  'breaker.figures.limit': 'حد مجاز {limit}٪',
  'breaker.figures.of': '{count} از {of} ({pct}٪)',
  'breaker.figures.since': 'شمارش ارسال‌ها از {when}.',
  'breaker.figures.notYet': 'هنوز هیچ‌کدام یک ساعت از ارسالش نگذشته',

  // Resuming a campaign whose account's breaker tripped.
  'breaker.resume.title': '«{name}» ادامه پیدا کند؟',
  'breaker.resume.body':
    'WhatsApp شماره‌هایی را که افراد زیادی مسدود یا گزارش می‌کنند مسدود می‌کند. فیوز «{label}» قطع شد. آمار ارسال‌های اخیرش در حال حاضر (پاسخ به پیام‌هایی که پیش از توقف فرستاده شده‌اند هنوز ممکن است برسد، پس شاید این اعداد از آن موقع بیشتر شده باشند):',
  'breaker.resume.after':
    'با ادامه دادن، شمارش این حساب از نو شروع می‌شود: فقط ارسال‌های از این به بعد سنجیده می‌شوند و اگر از حد مجاز بگذرند، فیوز دوباره قطع می‌شود.',
  'breaker.resume.confirm': 'با این حال ادامه بده',

  // Settings section.
  'breaker.settings.title': 'فیوزهای هشدار اسپم',
  'breaker.settings.invalid': 'یکی از تنظیمات فیوز هنوز معتبر نیست: یادداشت کنارش را ببینید.',
  'breaker.settings.help':
    'Pigeon آخرین ارسال‌های این حساب را بررسی می‌کند و وقتی افراد زیادی انصراف بدهند، پیام‌های زیادی هرگز تحویل نشوند (کسانی که شماره‌ای را مسدود می‌کنند، پیام‌هایش را روی یک تیک نگه می‌دارند)، یا ارسال‌های زیادی ناموفق شوند، کمپین‌هایش را متوقف می‌کند. حد مجاز سهمی از کل بازه است: ۵٪ از ۱۰۰ ارسال آخر یعنی ۵ نفر. پیش از {min} ارسال، چیزی سنجیده نمی‌شود.',
  'breaker.settings.window': 'بررسی آخرین',
  'breaker.settings.windowUnit': 'ارسال',
  'breaker.settings.optOutPct': 'توقف وقتی انصراف‌ها برسد به',
  'breaker.settings.undeliveredPct': 'توقف وقتی پیام‌های تحویل‌نشده پس از یک ساعت برسد به',
  'breaker.settings.failedPct': 'توقف وقتی ارسال‌های ناموفق برسد به',
  'breaker.settings.pct': '٪',
  'breaker.settings.invalidWindow': 'بین {min} تا {max} ارسال را بررسی کنید.',
  'breaker.settings.invalidPct': 'سهمی بین {min}٪ و ۱۰۰٪ وارد کنید.',

  // The demo phone.
  'demo.optOutRate.label': 'کاری کن که',
  'demo.optOutRate.submit': '٪ افراد پاسخ STOP بدهند',
  'demo.optOutRate.count': 'سهم افرادی که پاسخ STOP می‌دهند (٪)',
  'demo.optOutRate.help': 'از پیام‌هایی که از این به بعد فرستاده می‌شوند، این سهم با یک کلمهٔ انصراف پاسخ داده می‌شود (۰ آن را خاموش می‌کند).',
  'demo.optOutRate.done': 'از این به بعد {count}٪ افراد پاسخ STOP می‌دهند.',
  'demo.undeliveredRate.label': 'کاری کن که',
  'demo.undeliveredRate.submit': '٪ پیام‌ها تحویل نشوند',
  'demo.undeliveredRate.count': 'سهم پیام‌هایی که هرگز تحویل نمی‌شوند (٪)',
  'demo.undeliveredRate.help': 'از پیام‌هایی که از این به بعد فرستاده می‌شوند، این سهم روی یک تیک می‌ماند، مثل وقتی که افراد شماره را مسدود می‌کنند (۰ آن را خاموش می‌کند).',
  'demo.undeliveredRate.done': 'از این به بعد {count}٪ پیام‌ها تحویل نمی‌شوند.',
  'wa.log.simulate.optOutRate': 'گوشی نمایشی: {count}٪ افرادی که از این به بعد پیام می‌گیرند، با یک کلمهٔ انصراف پاسخ می‌دهند.',
  'wa.log.simulate.undeliveredRate': 'گوشی نمایشی: {count}٪ پیام‌هایی که از این به بعد فرستاده می‌شوند، هرگز تحویل نمی‌شوند.',
} satisfies Partial<Catalogue>;

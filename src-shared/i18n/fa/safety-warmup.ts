/** fa: the keys of ../en-safety-warmup.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faSafetyWarmup = {
  'warmup.wait': 'روز {day} از {of} گرم‌کردن «{label}»: امروز {cap} {cap, plural, one {پیام} other {پیام}}؛ ارسال در نیمه‌شب ({at}) ادامه پیدا می‌کند.',
  'warmup.card': 'روز {day} از {of} گرم‌کردن: امروز {sent} از {cap}',
  'warmup.card.young': 'به‌تازگی متصل شده: سقف روزانه‌اش هر روز بیشتر می‌شود؛ از {date} سقف‌های معمول اعمال می‌شوند.',
  'warmup.card.marked': 'به‌عنوان شمارهٔ تازه علامت خورده: سقف روزانه‌اش هر روز بیشتر می‌شود؛ از {date} سقف‌های معمول اعمال می‌شوند.',
  'warmup.review': 'گرم‌کردن {label}: روز {day} از {of}، امروز {cap} {cap, plural, one {پیام} other {پیام}} برای همهٔ کمپین‌ها روی هم ({sent} پیام قبلاً ارسال شده).',
  'warmup.review.estimate': 'در این برآورد، سقف‌های روزانهٔ گرم‌کردن هم حساب شده‌اند.',
  'warmup.settings.title': 'گرم‌کردن',
  'warmup.settings.intro': 'شمارهٔ تازه یک سقف روزانهٔ کوچک می‌گیرد که روزبه‌روز بزرگ‌تر می‌شود. این سقف برای همهٔ کمپین‌ها و ارسال‌های آزمایشی روی هم اعمال می‌شود و هرگز از سقف روزانهٔ خود کمپین بیشتر نمی‌شود.',
  'warmup.settings.auto': 'در روزهای اول پس از اتصال حساب، خودکار گرم‌کردن انجام شود',
  'warmup.settings.new': 'این یک شمارهٔ تازه است (گرم‌کردن از امروز شروع شود)',
  'warmup.settings.newSince': 'در {date} به‌عنوان تازه علامت خورد.',
  'warmup.settings.schedule': 'تعداد پیام در روز: روز ۱، روز ۲، …',
  'warmup.settings.scheduleHint': 'عددهایی که با ویرگول انگلیسی (,) از هم جدا شده‌اند، هر کدام دست‌کم به اندازهٔ قبلی. بعد از روز آخر، سقف روزانهٔ خود کمپین اعمال می‌شود.',
  'warmup.settings.now': 'امروز: روز {day} از {of}، سقف {cap}.',
  'warmup.settings.off': 'امروز هیچ گرم‌کردنی برای این حساب اعمال نمی‌شود.',
  'warmup.err.empty': 'دست‌کم سقف یک روز را وارد کنید، مثلاً 20, 40, 80.',
  'warmup.err.tooLong': 'گرم‌کردن حداکثر ۹۰ روز می‌تواند طول بکشد.',
  'warmup.err.notNumber': 'روز {at} عدد صحیح نیست. عددها را با ویرگول انگلیسی (,) از هم جدا کنید، مثلاً 20, 40, 80.',
  'warmup.err.range': 'سقف روز {at} باید بین ۱ تا ۱۰۰٬۰۰۰ پیام باشد.',
  'warmup.err.decreasing': 'سقف روز {at} از روز قبلش کمتر است؛ هر روز باید دست‌کم به اندازهٔ روز قبل پیام مجاز داشته باشد.',
  'warmup.settings.invalid': 'برنامهٔ گرم‌کردن هنوز معتبر نیست: یادداشت زیرش را ببینید.',
} satisfies Partial<Catalogue>;

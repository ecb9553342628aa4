/** fa: the keys of ../en-estimate.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faEstimate = {
  'estimate.lessThanMinute': 'کمتر از یک دقیقه',
  'estimate.minutes': '{minutes} دقیقه',
  'estimate.hours': '{hours} ساعت',
  'estimate.hoursMinutes': '{hours} ساعت و {minutes} دقیقه',
  'estimate.days': '{days} {days, plural, one {روز} other {روز}}',
  'estimate.daysHours': '{days} {days, plural, one {روز} other {روز}} و {hours} ساعت',
  'estimate.endsToday': 'امروز ساعت {time} تمام می‌شود',
  'estimate.endsTomorrow': 'فردا ساعت {time} تمام می‌شود',
  'estimate.endsOn': '{date}، ساعت {time} تمام می‌شود',
  'estimate.line': 'حدود {duration}؛ {end}',
  'estimate.lineShort': 'کمتر از یک دقیقه؛ {end}',
  'estimate.title': 'چقدر طول می‌کشد',
  'estimate.basis':
    'برای {customers} {customers, plural, one {مشتری} other {مشتری}} با این سرعت، در ساعات کاری و با سقف روزانه، از {from}؛ بر پایهٔ میانگین فاصله‌های تصادفی، پس پایان واقعی ممکن است کمی فرق کند.',
  'estimate.never': 'با این ساعات کاری و این سقف روزانه، ارسال هرگز تمام نمی‌شود. زمان‌بندی یا سقف را تغییر دهید.',
  'estimate.waiting': 'وقتی تعداد گیرندگان مشخص شد، حساب می‌شود.',
} satisfies Partial<Catalogue>;

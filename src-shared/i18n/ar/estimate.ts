/** ar: the keys of ../en-estimate.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arEstimate = {
  'estimate.lessThanMinute': 'أقل من دقيقة',
  'estimate.minutes': '{minutes} د',
  'estimate.hours': '{hours} س',
  'estimate.hoursMinutes': '{hours} س {minutes} د',
  'estimate.days': '{days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}',
  'estimate.daysHours':
    '{days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} و{hours} س',
  'estimate.endsToday': 'تنتهي اليوم الساعة {time}',
  'estimate.endsTomorrow': 'تنتهي غدًا الساعة {time}',
  'estimate.endsOn': 'تنتهي في {date}، الساعة {time}',
  'estimate.line': '{duration} تقريبًا، {end}',
  'estimate.lineShort': 'أقل من دقيقة، {end}',
  'estimate.title': 'المدة المتوقعة',
  'estimate.basis':
    'لإرسالها إلى {customers, plural, zero {# عميل} one {عميل واحد} two {عميلين} few {# عملاء} many {# عميلًا} other {# عميل}} بهذه الوتيرة، ضمن ساعات العمل والحد اليومي، بدءًا من {from}؛ الحساب مبني على متوسط فترات الانتظار العشوائية، لذا قد تختلف النهاية الفعلية قليلًا.',
  'estimate.never': 'مع ساعات العمل هذه وهذا الحد اليومي لن تنتهي الحملة أبدًا. غيّر التوقيت أو الحد.',
  'estimate.waiting': 'تُحسب بعد معرفة عدد المستلمين.',
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-estimate.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trEstimate = {
  'estimate.lessThanMinute': 'bir dakikadan az',
  'estimate.minutes': '{minutes} dk',
  'estimate.hours': '{hours} sa',
  'estimate.hoursMinutes': '{hours} sa {minutes} dk',
  'estimate.days': '{days} {days, plural, one {gün} other {gün}}',
  'estimate.daysHours': '{days} {days, plural, one {gün} other {gün}} {hours} sa',
  'estimate.endsToday': 'bitiş: bugün {time}',
  'estimate.endsTomorrow': 'bitiş: yarın {time}',
  'estimate.endsOn': 'bitiş: {date}, {time}',
  'estimate.line': 'yaklaşık {duration}, {end}',
  'estimate.lineShort': 'bir dakikadan az, {end}',
  'estimate.title': 'Ne kadar sürer',
  'estimate.basis':
    'Bu hızda, çalışma saatleri ve günlük sınır içinde, {from} itibarıyla {customers} {customers, plural, one {müşteri} other {müşteri}} için. Rastgele beklemelerin ortalamasıdır, bu yüzden gerçek bitiş biraz farklı olabilir.',
  'estimate.never': 'Bu çalışma saatleri ve bu günlük sınırla gönderim hiç bitmez. Zamanlamayı ya da sınırı değiştirin.',
  'estimate.waiting': 'Alıcı sayısı belli olunca hesaplanır.',
} satisfies Partial<Catalogue>;

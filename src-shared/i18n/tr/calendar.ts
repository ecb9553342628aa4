/** tr: the keys of ../en-calendar.ts. */
import type { Catalogue } from '../index';

export const trCalendar = {
  'date.pick': 'Takvimden seç',
  'date.today': 'Bugün, {date}',
  'date.selected': '{date}, seçili',
  'date.nextMonth': 'Sonraki ay',
  'date.previousMonth': 'Önceki ay',
  'date.months': 'Aylar',
  'date.chooseMonth': 'Ay',
  'date.chooseYear': 'Yıl',
  'date.yearField': 'YYYY',
  'date.monthField': 'AA',
  'date.dayField': 'GG',
  'date.invalid': 'Bu takvimde böyle bir gün yok. {example} gibi yazın ya da takvimden seçin.',
  'time.invalid': 'Geçerli bir saat değil. {example} gibi yazın (24 saat düzeninde).',
  'zone.means': 'Saat dilimi: {zone} ({place}).',
  'list.separator': ', ',
} satisfies Partial<Catalogue>;

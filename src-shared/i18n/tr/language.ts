/** tr: the keys of ../en-language.ts. */
import type { Catalogue } from '../index';

export const trLanguage = {
  'settings.language.title': 'Dil ve takvim',
  'settings.language.label': 'Dil',
  'settings.language.help': 'Tüm ekranlar hemen değişir. Farsça ve Arapça sağdan sola gösterilir.',
  'settings.calendar.label': 'Takvim',
  'settings.calendar.auto': 'Dilin kendi takvimi ({name})',
  'settings.calendar.gregory': 'Miladi',
  'settings.calendar.persian': 'İran takvimi (Hicri Şemsi)',
  'settings.calendar.islamic': 'Hicri (Ümmü’l-Kurâ)',
  'chart.time': 'Zaman',
  'settings.calendar.help': 'Tarihler bu takvimle gösterilir ve seçilir; Pigeon’ın kaydettiği değişmez. Bugün: {date}.',
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-polish.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trPolish = {
  'contacts.suppress.black.count':
    '{count, plural, one {Seçili # kişinin numarası kara listeye alınır.} other {Seçili # kişinin numaraları kara listeye alınır.}}',
  'contacts.suppress.gray.count':
    '{count, plural, one {Seçili # kişinin numarası gri listeye alınır.} other {Seçili # kişinin numaraları gri listeye alınır.}}',
  'contacts.suppress.black.submit': '{count, plural, one {# kişiyi kara listeye al} other {# kişiyi kara listeye al}}',
  'contacts.suppress.gray.submit': '{count, plural, one {# kişiyi gri listeye al} other {# kişiyi gri listeye al}}',
  'contacts.columns.button': 'Sütunlar',
  'contacts.columns.title': 'Gösterilecek sütunlar',
  'contacts.columns.fields': 'Özel alanlar',
  'contacts.columns.emptyField': 'hiçbir kişide dolu değil',
  'contacts.columns.reset': 'Her zamanki sütunlara dön',
} satisfies Partial<Catalogue>;

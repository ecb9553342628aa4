/** ar: the keys of ../en-million.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arMillion = {
  'contacts.counting': 'جارٍ العدّ…',
} satisfies Partial<Catalogue>;

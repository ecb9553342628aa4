/** tr: the keys of ../en-million.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trMillion = {
  'contacts.counting': 'sayılıyor…',
} satisfies Partial<Catalogue>;

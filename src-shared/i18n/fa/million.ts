/** fa: the keys of ../en-million.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faMillion = {
  'contacts.counting': 'در حال شمارش…',
} satisfies Partial<Catalogue>;

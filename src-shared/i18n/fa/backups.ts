/** fa: the keys of ../en-backups.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faBackups = {
} satisfies Partial<Catalogue>;

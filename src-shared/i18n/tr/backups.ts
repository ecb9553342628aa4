/** tr: the keys of ../en-backups.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trBackups = {
} satisfies Partial<Catalogue>;

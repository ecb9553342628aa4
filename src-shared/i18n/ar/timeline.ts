/** ar: the keys of ../en-timeline.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arTimeline = {
} satisfies Partial<Catalogue>;

/** tr: the keys of ../en-timeline.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trTimeline = {
} satisfies Partial<Catalogue>;

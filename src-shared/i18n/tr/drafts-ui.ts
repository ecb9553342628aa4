/** tr: the keys of ../en-drafts-ui.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trDraftsUi = {
} satisfies Partial<Catalogue>;

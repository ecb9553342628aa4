/** ar: the keys of ../en-drafts-ui.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arDraftsUi = {
} satisfies Partial<Catalogue>;

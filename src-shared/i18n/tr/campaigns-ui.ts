/** tr: the keys of ../en-campaigns-ui.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trCampaignsUi = {
} satisfies Partial<Catalogue>;

/** ar: the keys of ../en-campaigns.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arCampaigns = {
} satisfies Partial<Catalogue>;

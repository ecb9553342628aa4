/** fa: the keys of ../en-campaigns.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const faCampaigns = {
} satisfies Partial<Catalogue>;

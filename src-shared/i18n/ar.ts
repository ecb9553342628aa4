/** The ar catalogue: every English key translated (ICU MessageFormat, same arguments). */
import type { Catalogue } from './index';
import { arAccounts } from './ar/accounts';
import { arBackups } from './ar/backups';
import { arCampaignsUi } from './ar/campaigns-ui';
import { arCampaigns } from './ar/campaigns';
import { arDraftsUi } from './ar/drafts-ui';
import { arEstimate } from './ar/estimate';
import { arMillion } from './ar/million';
import { arHistory } from './ar/history';
import { arImportsSafety } from './ar/imports-safety';
import { arOverview } from './ar/overview';
import { arReportExport } from './ar/report-export';
import { arReportsCore } from './ar/reports-core';
import { arReportsUi } from './ar/reports-ui';
import { arRisk } from './ar/risk';
import { arSafetyBreaker } from './ar/safety-breaker';
import { arSafetyBudget } from './ar/safety-budget';
import { arSafetyWarmup } from './ar/safety-warmup';
import { arTestSends } from './ar/test-sends';
import { arTimeline } from './ar/timeline';
import { arDesktop } from './ar/desktop';
import { arGeneral } from './ar/general';
import { arLanguage } from './ar/language';
import { arExports } from './ar/exports';
import { arFirstrun } from './ar/firstrun';
import { arPolish } from './ar/polish';
import { arValidation } from './ar/validation';
import { arCalendar } from './ar/calendar';
import { arAbout } from './ar/about';

export const ar: Partial<Catalogue> = {
  ...arAccounts,
  ...arBackups,
  ...arCampaignsUi,
  ...arCampaigns,
  ...arDraftsUi,
  ...arEstimate,
  ...arMillion,
  ...arHistory,
  ...arImportsSafety,
  ...arOverview,
  ...arReportExport,
  ...arReportsCore,
  ...arReportsUi,
  ...arRisk,
  ...arSafetyBreaker,
  ...arSafetyBudget,
  ...arSafetyWarmup,
  ...arTestSends,
  ...arTimeline,
  ...arDesktop,
  ...arGeneral,
  ...arLanguage,
  ...arExports,
  ...arFirstrun,
  ...arPolish,
  ...arValidation,
  ...arCalendar,
  ...arAbout,
};

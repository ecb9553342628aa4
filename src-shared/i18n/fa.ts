/** The fa catalogue: every English key translated (ICU MessageFormat, same arguments). */
import type { Catalogue } from './index';
import { faAccounts } from './fa/accounts';
import { faBackups } from './fa/backups';
import { faCampaignsUi } from './fa/campaigns-ui';
import { faCampaigns } from './fa/campaigns';
import { faDraftsUi } from './fa/drafts-ui';
import { faEstimate } from './fa/estimate';
import { faMillion } from './fa/million';
import { faHistory } from './fa/history';
import { faImportsSafety } from './fa/imports-safety';
import { faOverview } from './fa/overview';
import { faReportExport } from './fa/report-export';
import { faReportsCore } from './fa/reports-core';
import { faReportsUi } from './fa/reports-ui';
import { faRisk } from './fa/risk';
import { faSafetyBreaker } from './fa/safety-breaker';
import { faSafetyBudget } from './fa/safety-budget';
import { faSafetyWarmup } from './fa/safety-warmup';
import { faTestSends } from './fa/test-sends';
import { faTimeline } from './fa/timeline';
import { faDesktop } from './fa/desktop';
import { faGeneral } from './fa/general';
import { faLanguage } from './fa/language';
import { faExports } from './fa/exports';
import { faFirstrun } from './fa/firstrun';
import { faPolish } from './fa/polish';
import { faValidation } from './fa/validation';
import { faCalendar } from './fa/calendar';
import { faAbout } from './fa/about';

export const fa: Partial<Catalogue> = {
  ...faAccounts,
  ...faBackups,
  ...faCampaignsUi,
  ...faCampaigns,
  ...faDraftsUi,
  ...faEstimate,
  ...faMillion,
  ...faHistory,
  ...faImportsSafety,
  ...faOverview,
  ...faReportExport,
  ...faReportsCore,
  ...faReportsUi,
  ...faRisk,
  ...faSafetyBreaker,
  ...faSafetyBudget,
  ...faSafetyWarmup,
  ...faTestSends,
  ...faTimeline,
  ...faDesktop,
  ...faGeneral,
  ...faLanguage,
  ...faExports,
  ...faFirstrun,
  ...faPolish,
  ...faValidation,
  ...faCalendar,
  ...faAbout,
};

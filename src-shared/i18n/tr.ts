/** The tr catalogue: every English key translated (ICU MessageFormat, same arguments). */
import type { Catalogue } from './index';
import { trAccounts } from './tr/accounts';
import { trBackups } from './tr/backups';
import { trCampaignsUi } from './tr/campaigns-ui';
import { trCampaigns } from './tr/campaigns';
import { trDraftsUi } from './tr/drafts-ui';
import { trEstimate } from './tr/estimate';
import { trMillion } from './tr/million';
import { trHistory } from './tr/history';
import { trImportsSafety } from './tr/imports-safety';
import { trOverview } from './tr/overview';
import { trReportExport } from './tr/report-export';
import { trReportsCore } from './tr/reports-core';
import { trReportsUi } from './tr/reports-ui';
import { trRisk } from './tr/risk';
import { trSafetyBreaker } from './tr/safety-breaker';
import { trSafetyBudget } from './tr/safety-budget';
import { trSafetyWarmup } from './tr/safety-warmup';
import { trTestSends } from './tr/test-sends';
import { trTimeline } from './tr/timeline';
import { trDesktop } from './tr/desktop';
import { trGeneral } from './tr/general';
import { trLanguage } from './tr/language';
import { trExports } from './tr/exports';
import { trFirstrun } from './tr/firstrun';
import { trPolish } from './tr/polish';
import { trValidation } from './tr/validation';
import { trCalendar } from './tr/calendar';
import { trAbout } from './tr/about';

export const tr: Partial<Catalogue> = {
  ...trAccounts,
  ...trBackups,
  ...trCampaignsUi,
  ...trCampaigns,
  ...trDraftsUi,
  ...trEstimate,
  ...trMillion,
  ...trHistory,
  ...trImportsSafety,
  ...trOverview,
  ...trReportExport,
  ...trReportsCore,
  ...trReportsUi,
  ...trRisk,
  ...trSafetyBreaker,
  ...trSafetyBudget,
  ...trSafetyWarmup,
  ...trTestSends,
  ...trTimeline,
  ...trDesktop,
  ...trGeneral,
  ...trLanguage,
  ...trExports,
  ...trFirstrun,
  ...trPolish,
  ...trValidation,
  ...trCalendar,
  ...trAbout,
};

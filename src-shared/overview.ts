/** The Overview page: today on each account, campaigns in progress, recent replies, 30 days of rates. */
import type { AccountState, IncomingMessage } from './accounts';
import type { CampaignProgress, CampaignStatus } from './campaigns';

export type OverviewAccount = {
  accountId: number;
  label: string;
  state: AccountState;
  stateDetail: string | null;
  /** A saved session exists (it reconnects without a new QR). */
  linked: boolean;
  /** Messages handed to WhatsApp today (the operator's day), by every campaign and test. */
  sentToday: number;
  /** The smallest daily cap among the running or scheduled campaigns on this account (null: none). */
  cap: number | null;
  capLeft: number | null;
};

export type OverviewCampaign = {
  id: number;
  name: string;
  status: CampaignStatus;
  /** When a scheduled campaign starts (ISO). */
  dueAt: string | null;
  progress: CampaignProgress;
};

export type OverviewDay = {
  /** Midnight of the day in the operator's time zone (ISO). */
  day: string;
  sent: number;
  delivered: number;
  read: number;
};

export type Overview = {
  timezone: string;
  /** Midnight today in the operator's time zone (ISO). */
  today: string;
  sentToday: number;
  accounts: OverviewAccount[];
  campaigns: OverviewCampaign[];
  replies: IncomingMessage[];
  optOuts: IncomingMessage[];
  /** The last 30 days, oldest first, today last. */
  days: OverviewDay[];
};

/**
 * What a campaign's report says: the funnel, the times, the accounts, the failures, the polls and
 * the recipients. Times are ISO instants; durations are milliseconds.
 */
import { z } from 'zod';
import type { Campaign, RecipientStatus } from './campaigns';
import { RECIPIENT_STATUSES } from './campaigns';

/** A reply counts when it comes from the recipient within this many hours of our first send. */
export const DEFAULT_REPLY_WINDOW_HOURS = 72;
export const MAX_REPLY_WINDOW_HOURS = 24 * 30;

/** The funnel: every recipient is in exactly one of queued … unknown; the rest are overlaps. */
export type ReportFunnel = {
  /** Rows in the campaign (people the campaign meant to reach after exclusions). */
  recipients: number;
  /** At least one part handed to WhatsApp (sent, delivered or read). */
  sent: number;
  /** Delivered or read. */
  delivered: number;
  read: number;
  /** Wrote back within the reply window after our first send. */
  replied: number;
  /** Wrote an opt-out word (STOP…) after our first send. */
  optedOut: number;
  failed: number;
  skipped: number;
  /** Left in doubt by a crash, waiting for the operator. */
  unknown: number;
  /** Not yet sent (queued or sending). */
  pending: number;
  /** Left out when the audience was built (blacklist, duplicates, …). */
  excluded: number;
};

/** Median and 90th percentile of a delay, over `count` messages (null when none). */
export type DelayFigures = { count: number; medianMs: number; p90Ms: number } | null;

export type AccountFigures = {
  accountId: number;
  /** null when the account has been removed since. */
  label: string | null;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
};

export type ReasonCount = { reason: string; count: number };

export type PollResult = {
  /** The draft part (0-based) that is the poll. */
  part: number;
  question: string;
  options: { name: string; votes: number }[];
  /** People who voted at least once. */
  voters: number;
};

export type CampaignReport = {
  campaign: Campaign;
  /** The draft the campaign was made from no longer exists (the frozen message is still shown). */
  draftDeleted: boolean;
  replyWindowHours: number;
  funnel: ReportFunnel;
  /** Why people were left out of the audience, as the review showed it. */
  excludedReasons: ReasonCount[];
  firstSentAt: string | null;
  lastSentAt: string | null;
  /** From handing to WhatsApp to delivered, and to read. */
  deliveredDelay: DelayFigures;
  readDelay: DelayFigures;
  perAccount: AccountFigures[];
  /** Failure (and skip) reasons grouped, most common first. */
  failures: ReasonCount[];
  polls: PollResult[];
};

export const REPORT_BUCKETS = ['hour', 'day'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

/** Sends over time: per bucket, messages handed over, and of those later delivered / read. */
export type ReportSeries = {
  bucket: ReportBucket;
  timezone: string;
  points: { at: string; sent: number; delivered: number; read: number; failed: number }[];
};

/** Who a report's recipients table (and "create a group from these") shows. */
export const REPORT_FILTERS = [...RECIPIENT_STATUSES, 'all', 'pending', 'replied', 'optedOut', 'excluded'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

export const REPORT_SORTS = ['name', 'phone', 'status', 'sentAt', 'deliveredAt', 'readAt', 'repliedAt', 'account'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export const ReportSelectionSchema = z.object({
  filter: z.enum(REPORT_FILTERS).default('all'),
  /** Only rows with this failure / skip / exclusion reason (as listed in `failures`). */
  reason: z.string().max(500).nullable().default(null),
  accountId: z.number().int().positive().nullable().default(null),
  search: z.string().max(200).default(''),
});
export type ReportSelection = z.infer<typeof ReportSelectionSchema>;

export type ReportRecipient = {
  /** The recipient row; null for an excluded person (never a row in the queue). */
  id: number | null;
  contactId: number | null;
  name: string;
  phone: string;
  /** 'excluded' for people left out of the audience. */
  status: RecipientStatus | 'excluded';
  reason: string | null;
  accountId: number | null;
  attempts: number;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  repliedAt: string | null;
};

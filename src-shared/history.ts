/** The campaigns history: what the list asks for (search, filter, sort, dates) and each row's figures. */
import { z } from 'zod';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './campaigns';

export const HISTORY_SORTS = ['created', 'started', 'finished', 'name', 'recipients', 'deliveredRate'] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

/** Statuses that mean a campaign is over: only these can be renamed… and archived. */
export const FINISHED_STATUSES: readonly CampaignStatus[] = ['completed', 'cancelled', 'failed'];

export const HistoryQuerySchema = z.object({
  /** Part of the campaign's name or its draft's name (case-insensitive). */
  search: z.string().max(200).default(''),
  statuses: z.array(z.enum(CAMPAIGN_STATUSES)).max(CAMPAIGN_STATUSES.length).default([]),
  sort: z.enum(HISTORY_SORTS).default('created'),
  descending: z.boolean().default(true),
  /** Created on or after / before (ISO instants; the renderer turns local dates into them). */
  from: z.iso.datetime({ offset: true }).nullable().default(null),
  to: z.iso.datetime({ offset: true }).nullable().default(null),
  includeArchived: z.boolean().default(false),
});
export type HistoryQuery = z.input<typeof HistoryQuerySchema>;

export type HistoryFigures = {
  recipients: number;
  /** Handed to WhatsApp: sent + delivered + read. */
  sent: number;
  /** Delivered or read. */
  delivered: number;
  read: number;
  failed: number;
  /** delivered ÷ sent, read ÷ sent (null when nothing was sent). */
  deliveredRate: number | null;
  readRate: number | null;
};

export type HistoryRow = {
  id: number;
  name: string;
  draftName: string;
  status: CampaignStatus;
  archived: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  figures: HistoryFigures;
};

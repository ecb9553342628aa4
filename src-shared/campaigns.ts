/**
 * Drafts, campaigns and their recipients: schemas for what crosses IPC, and the plain data the
 * renderer shows. The queue itself lives in src-main/campaigns; pace arithmetic in ./pace.
 */
import { z } from 'zod';
import { says } from './validation';
import { ContactQuerySchema } from './filters';
import { t, type MessageKey } from './i18n';
import type { WorkingHours } from './pace';

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

export const ATTACHMENT_KINDS = ['image', 'video', 'document', 'voice'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const MB = 1024 * 1024;
/**
 * Bytes WhatsApp takes per kind (the limits documented for the WhatsApp Business Cloud API:
 * pictures 5 MB, video and audio 16 MB, documents 100 MB). Main checks them; the renderer
 * refuses a bigger file before reading it.
 */
export const ATTACHMENT_LIMITS: Readonly<Record<AttachmentKind, number>> = {
  image: 5 * MB,
  video: 16 * MB,
  voice: 16 * MB,
  document: 100 * MB,
};

const LIMIT_NOUN: Record<AttachmentKind, MessageKey> = {
  image: 'drafts.attach.limitNoun.image',
  video: 'drafts.attach.limitNoun.video',
  voice: 'drafts.attach.limitNoun.voice',
  document: 'drafts.attach.limitNoun.document',
};

/** Megabytes with one decimal ("7.2"); `roundUp` so that a size just over a limit never reads as the limit. */
function megabytes(bytes: number, roundUp: boolean): string {
  const tenths = (bytes / MB) * 10;
  return ((roundUp ? Math.ceil(tenths) : Math.round(tenths)) / 10).toFixed(1);
}

/** A file too big for its kind: size and limit in bytes, the same in MB as worded, and the sentence. */
export type AttachmentOversize = { size: number; limit: number; sizeMb: string; limitMb: string; message: string };

/**
 * Why a file of `size` bytes can't be a `kind` part ("“big.jpg” is 7.2 MB, but WhatsApp pictures
 * can be at most 5.0 MB. …": the size rounded up, the limit rounded), for main's check and the
 * renderer's refusal before reading; null when it fits. `shownName` is the name as shown.
 */
export function attachmentOversize(kind: AttachmentKind, shownName: string, size: number): AttachmentOversize | null {
  const limit = ATTACHMENT_LIMITS[kind];
  if (size <= limit) return null;
  const sizeMb = megabytes(size, true);
  const limitMb = megabytes(limit, false);
  const message = t('drafts.attach.tooBig', { name: shownName, size: sizeMb, kind: t(LIMIT_NOUN[kind]), limit: limitMb });
  return { size, limit, sizeMb, limitMb, message };
}

/** A file copied into the data folder (`attachments/<id>`), checked by content. */
export const AttachmentRefSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}\.[a-z0-9]{1,5}$/, says('val.notAttachment')),
  fileName: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  size: z.number().int().min(1),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** WhatsApp's own limits on a message. */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const POLL_OPTION_LIMIT = 12;

const caption = z.string().max(CAPTION_LIMIT, says('val.captionTooLong', { max: CAPTION_LIMIT })).default('');

export const DraftPartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().max(TEXT_LIMIT, says('val.textTooLong', { max: TEXT_LIMIT })),
  }),
  z.object({ kind: z.literal('image'), attachment: AttachmentRefSchema, caption }),
  z.object({ kind: z.literal('video'), attachment: AttachmentRefSchema, caption }),
  z.object({ kind: z.literal('document'), attachment: AttachmentRefSchema, caption }),
  z.object({ kind: z.literal('voice'), attachment: AttachmentRefSchema }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number().min(-90, says('val.latitude')).max(90, says('val.latitude')),
    longitude: z.number().min(-180, says('val.longitude')).max(180, says('val.longitude')),
    name: z.string().max(200).default(''),
    address: z.string().max(500).default(''),
  }),
  z.object({
    kind: z.literal('contact'),
    displayName: z.string().trim().min(1, says('val.cardName')).max(200),
    phone: z.string().trim().min(1, says('val.cardPhone')).max(64),
  }),
  z.object({
    kind: z.literal('poll'),
    question: z.string().trim().min(1, says('val.pollQuestion')).max(255),
    options: z
      .array(z.string().trim().min(1, says('val.pollOptionEmpty')).max(100))
      .min(2, says('val.pollTwoOptions'))
      .max(POLL_OPTION_LIMIT, says('val.pollMaxOptions', { max: POLL_OPTION_LIMIT })),
    multipleAnswers: z.boolean().default(false),
  }),
]);
export type DraftPart = z.infer<typeof DraftPartSchema>;
export type DraftPartKind = DraftPart['kind'];

/**
 * The texts of a part that are templates (variables and spintax): a saved part, or the editor's
 * working copy of one (where a text not typed yet counts as '').
 */
export function templatedTexts(part: { kind: DraftPartKind } & Partial<Record<'text' | 'caption' | 'question', string>>): string[] {
  switch (part.kind) {
    case 'text':
      return [part.text ?? ''];
    case 'image':
    case 'video':
    case 'document':
      return [part.caption ?? ''];
    case 'poll':
      return [part.question ?? ''];
    default:
      return [];
  }
}

export const DraftPartsSchema = z.array(DraftPartSchema).max(10, says('val.draftMaxParts', { max: 10 }));

export type Draft = {
  id: number;
  name: string;
  parts: DraftPart[];
  createdAt: string;
  updatedAt: string;
};

/** Per variable of a draft, how many contacts of an audience have no value for it. */
export type VariableGap = { key: string; fallback: string | null; missing: number; total: number };

// ---------------------------------------------------------------------------------------------
// Pace (the schema; presets and arithmetic are in ./pace)
// ---------------------------------------------------------------------------------------------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('val.timeFormat'));
const ms = (max: number) => z.number().int().min(0).max(max);
const DAY_MS = 24 * 3600_000;

export const WorkingHoursSchema = z.object({
  enabled: z.boolean(),
  days: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])).max(7),
  start: hhmm,
  end: hhmm,
}) satisfies z.ZodType<WorkingHours>;

export const PaceSchema = z.object({
  preset: z.enum(['careful', 'normal', 'fast', 'custom']),
  minDelayMs: ms(DAY_MS),
  maxDelayMs: ms(DAY_MS),
  pauseEvery: z.number().int().min(0).max(100_000),
  pauseMinMs: ms(DAY_MS),
  pauseMaxMs: ms(DAY_MS),
  dailyCapPerAccount: z.number().int().min(0).max(100_000),
  workingHours: WorkingHoursSchema,
  typing: z.boolean(),
  checkNumberFirst: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export const AudienceSchema = z.object({
  groupIds: z.array(z.number().int().positive()).max(500).default([]),
  listIds: z.array(z.number().int().positive()).max(500).default([]),
  contactIds: z.array(z.number().int().positive()).max(200_000).default([]),
  /** Everyone a contacts-page search/filter matched (a selection made with "select all matching"). */
  query: ContactQuerySchema.nullable().default(null),
  /** Numbers pasted as text, one per line (or separated by commas/semicolons). */
  pasted: z.string().max(2_000_000).default(''),
  /**
   * The order people are sent to: by name (absent), or those who have written to us before first
   * (they use none of the unanswered-message budget), each part by name.
   */
  order: z.enum(['name', 'warmFirst']).optional(),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const ExclusionsSchema = z.object({
  /** Send to graylisted numbers too (the blacklist is always excluded). */
  includeGraylist: z.boolean().default(false),
  /** Leave out numbers a check found not on WhatsApp. */
  skipNotOnWhatsApp: z.boolean().default(true),
  /** Leave out anyone another campaign messaged within this many hours (null: don't). */
  recentlyMessagedHours: z.number().int().min(1).max(24 * 365).nullable().default(24),
});
export type Exclusions = z.infer<typeof ExclusionsSchema>;

export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  /** `at` is an ISO instant (the renderer converts the chosen wall time in `timezone`). */
  z.object({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RECIPIENT_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
  'unknown',
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export type CampaignCounts = Record<RecipientStatus, number> & { total: number };

export type Campaign = {
  id: number;
  name: string;
  status: CampaignStatus;
  /** Why it is paused / failed / waiting, in plain words (null when nothing to say). */
  statusReason: string | null;
  /**
   * Its recipients are being prepared (running: nothing is sent yet, Cancel works), or must be
   * prepared again (paused while preparing: Resume does it).
   */
  preparing: boolean;
  draftId: number | null;
  /** The draft's name when the campaign was made / started. */
  draftName: string;
  /** The content: the draft's parts, frozen when the campaign starts. */
  parts: DraftPart[];
  /** True once started (parts no longer follow the draft). */
  frozen: boolean;
  audience: Audience;
  exclusions: Exclusions;
  accountIds: number[];
  pace: z.infer<typeof PaceSchema>;
  timezone: string;
  schedule: Schedule;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: CampaignCounts;
};

/** What building the audience would give, before starting. */
export type AudiencePreview = {
  /** Recipients the campaign will have. */
  total: number;
  /** Contacts and numbers named by the audience before exclusions (after removing duplicates). */
  matched: number;
  excluded: {
    blacklist: number;
    graylist: number;
    notOnWhatsApp: number;
    recentlyMessaged: number;
    duplicates: number;
    invalid: number;
  };
  /** Pasted lines that were not phone numbers, with why (first 50). */
  invalidSamples: { input: string; reason: string }[];
  variableGaps: VariableGap[];
  /**
   * Of the recipients: how many we never messaged from any account, how many are not known to be
   * on WhatsApp (never checked and never delivered to), how many ever wrote to us. For the risk
   * review; only a preview counts them (null from a build, which must stay quick).
   */
  standing: { neverMessaged: number; notChecked: number; answered: number } | null;
};

/** Live progress of a campaign, pushed as `campaigns.progress`. */
export type CampaignProgress = {
  campaignId: number;
  status: CampaignStatus;
  statusReason: string | null;
  counts: CampaignCounts;
  /** Messages per minute over the last few minutes of sending. */
  ratePerMinute: number;
  /** Estimated ms until done at the current pace (null when unknown or not running). */
  etaMs: number | null;
  /** The account sending right now, or the one the next message will go through. */
  sendingAccountId: number | null;
  /** What the queue is waiting for, in plain words ("Outside working hours until Mon 09:00"). */
  waiting: string | null;
  /** When the next message is planned (ISO), while running. */
  nextAt: string | null;
};

export type Recipient = {
  id: number;
  phone: string;
  name: string;
  status: RecipientStatus;
  /** Why failed / skipped / unknown, in plain words. */
  reason: string | null;
  accountId: number | null;
  attempts: number;
  updatedAt: string;
  sentAt: string | null;
};

/**
 * The one IPC contract between the renderer and the main process.
 *
 * Every method has a zod input schema (checked in main before a handler runs) and a result type;
 * every main→renderer event has a payload type. Both shells (Electron and the browser host) register
 * the same handlers against this object, and the renderer's client is derived from it, so no code
 * outside the two transport helpers ever names a channel as a string.
 */
import type { TimelinePage } from './timeline';
import { z } from 'zod';
import { says } from './validation';
import type { Account, AccountEvent, IncomingMessage, NumberCheckProgress } from './accounts';
import { DRIVER_KINDS } from './accounts';
import type {
  AppInfo,
  ContactDetail,
  ContactRow,
  ExportProgress,
  FileBlob,
  Group,
  ImportNow,
  ImportPreview,
  ImportProgress,
  ImportRecord,
  ImportSummary,
  Settings,
  ShellTarget,
  SmartList,
  Suppression,
} from './domain';
import { CLOSE_ACTIONS, CONTACT_SORT_COLUMNS } from './domain';
import { HistoryQuerySchema, type HistoryRow } from './history';
import { UsageQuerySchema, type UsageYear } from './usage';
import { ContactQuerySchema, SelectionSchema, SmartFilterSchema } from './filters';
import type {
  AttachmentRef,
  AudiencePreview,
  Campaign,
  CampaignProgress,
  Draft,
  Recipient,
  VariableGap,
} from './campaigns';
import {
  ATTACHMENT_KINDS,
  AudienceSchema,
  DraftPartsSchema,
  ExclusionsSchema,
  PaceSchema,
  RECIPIENT_STATUSES,
  ScheduleSchema,
} from './campaigns';
import { isValidTimeZone } from './pace';
import type { FirstRunDemo, FirstRunState } from './firstrun';
import { CALENDARS, LANGUAGES } from './i18n';
import type { Overview } from './overview';
import type { TestSend } from './test-sends';
import { SafetyPatchSchema, type AccountSafety, type BudgetUse } from './safety';
import { BackupSettingsPatchSchema, ExportArchiveInputSchema, ImportArchiveInputSchema, RestoreInputSchema, type BackupInfo, type BackupsState } from './backups';
import type { CampaignReport, ReportRecipient, ReportSeries } from './reports';
import { DEFAULT_REPLY_WINDOW_HOURS, MAX_REPLY_WINDOW_HOURS, REPORT_BUCKETS, REPORT_SORTS, ReportSelectionSchema } from './reports';

/** Declares a method: its input schema now, its result type as a phantom. */
function method<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });
}

const id = z.number().int().positive();
const name = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, says('val.nameRequired')).max(max, says('val.nameTooLong', { max })));
const tag = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(64));
const fieldPairs = z
  .array(z.tuple([z.string().trim().min(1).max(64), z.string().max(5000)]))
  .max(200);
const suppressionKind = z.enum(['black', 'gray']);
const WeekdaySchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
const WorkingDaysSchema = z.array(WeekdaySchema).min(1, says('val.workingDay')).max(7);
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, says('val.fileContents'));

export const ContactInputSchema = z.object({
  phone: z.string().min(1, says('val.phoneRequired')).max(64),
  name: z.string().max(500).default(''),
  fields: fieldPairs.default([]),
  tags: z.array(tag).max(100).default([]),
  note: z.string().max(5000).default(''),
});

/** An edit: only the fields present change (no defaults here, unlike ContactInputSchema). */
export const ContactPatchSchema = z.object({
  phone: z.string().min(1, says('val.phoneRequired')).max(64).optional(),
  name: z.string().max(500).optional(),
  fields: fieldPairs.optional(),
  tags: z.array(tag).max(100).optional(),
  note: z.string().max(5000).optional(),
});

export const ImportMappingSchema = z
  .array(
    z.object({
      index: z.number().int().min(0).max(1000),
      header: z.string().max(5000),
      role: z.enum(['phone', 'name', 'firstName', 'lastName', 'tags', 'note', 'field', 'ignore']),
      fieldKey: z.string().max(64),
    }),
  )
  .max(1000);

export const contract = {
  'app.info': method<AppInfo>()(z.object({})),
  'settings.get': method<Settings>()(z.object({})),
  'settings.update': method<Settings>()(
    z.object({
      defaultCountry: z.string().regex(/^[A-Z]{2}$/, says('val.pickCountry')).optional(),
      optOutWords: z
        .array(z.string().trim().min(1).max(100))
        .max(500)
        .optional(),
      browserPath: z.string().trim().max(2000).optional(),
      timezone: z
        .string()
        .max(64)
        .refine(isValidTimeZone, says('val.pickTimeZone'))
        .optional(),
      language: z.enum(LANGUAGES).optional(),
      calendar: z.enum(CALENDARS).optional(),
      workingDays: WorkingDaysSchema.optional(),
      weekStart: WeekdaySchema.optional(),
      closeAction: z.enum(CLOSE_ACTIONS).optional(),
      openAtLogin: z.boolean().optional(),
      notifyCompleted: z.boolean().optional(),
      notifyPaused: z.boolean().optional(),
      notifyAccounts: z.boolean().optional(),
      notifyScheduled: z.boolean().optional(),
    }),
  ),

  /** Whether to welcome the operator (a new, empty data folder) and the getting-started steps done. */
  'firstRun.get': method<FirstRunState>()(z.object({})),
  /**
   * The first run's place: the country numbers without a + are read in, the time zone, and the
   * working week (the country's unless given). Saved together in the settings.
   */
  'firstRun.place': method<Settings>()(
    z.object({
      country: z.string().regex(/^[A-Z]{2}$/, says('val.pickCountry')),
      timezone: z.string().max(64).refine(isValidTimeZone, says('val.pickTimeZone')),
      workingDays: WorkingDaysSchema.optional(),
      weekStart: WeekdaySchema.optional(),
    }),
  ),
  /**
   * "Try the demo account": a demo account (the one there is, else a new one), linking, and the
   * sample contacts in `language` imported into their own group.
   */
  'firstRun.demo': method<FirstRunDemo>()(z.object({ language: z.enum(LANGUAGES) })),
  /** The welcome was finished or skipped (it is not offered again), or the checklist hidden (or shown again). */
  'firstRun.done': method<FirstRunState>()(
    z.discriminatedUnion('what', [z.object({ what: z.literal('welcome') }), z.object({ what: z.literal('checklist'), hidden: z.boolean().default(true) })]),
  ),

  'contacts.list': method<{ rows: ContactRow[]; total: number }>()(
    z.object({
      query: ContactQuerySchema,
      sort: z
        .object({
          column: z.union([z.enum(CONTACT_SORT_COLUMNS), z.string().regex(/^field:.{1,64}$/)]),
          direction: z.enum(['asc', 'desc']),
        })
        .default({ column: 'name', direction: 'asc' }),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      withTotal: z.boolean().default(true),
    }),
  ),
  'contacts.count': method<{ total: number }>()(z.object({ query: ContactQuerySchema })),
  'contacts.get': method<ContactDetail>()(z.object({ id })),
  'contacts.create': method<ContactDetail>()(ContactInputSchema),
  'contacts.update': method<ContactDetail>()(
    z.object({ id, patch: ContactPatchSchema }),
  ),
  /** Deletes the selection; `undo` brings them back with contacts.undoDelete for an hour. */
  'contacts.delete': method<{ deleted: number; undo: string | null }>()(z.object({ selection: SelectionSchema })),
  /** Brings back a deletion's contacts (not the ones whose number is in the book again). */
  'contacts.undoDelete': method<{ restored: number; skipped: number; expired: boolean }>()(z.object({ undo: z.string().uuid() })),
  'contacts.tag': method<{ updated: number }>()(
    z.object({
      selection: SelectionSchema,
      add: z.array(tag).max(50).default([]),
      remove: z.array(tag).max(50).default([]),
    }),
  ),
  'contacts.tags': method<{ tag: string; count: number }[]>()(z.object({})),
  /** A contact's (or any sender's) story, newest first: campaign messages, replies, list changes, checks, notes. */
  'contacts.timeline': method<TimelinePage>()(
    z.object({
      phone: z.string().min(1).max(64),
      offset: z.number().int().min(0).max(100_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  'contacts.fieldKeys': method<string[]>()(z.object({})),
  /** The field names some contact has a non-blank value for (the table hides the others at first). */
  'contacts.filledFieldKeys': method<string[]>()(z.object({})),

  'groups.list': method<Group[]>()(z.object({})),
  'groups.create': method<Group>()(z.object({ name: name(100) })),
  'groups.rename': method<Group>()(z.object({ id, name: name(100) })),
  'groups.delete': method<{ deleted: boolean }>()(z.object({ id })),
  'groups.addMembers': method<{ added: number }>()(z.object({ groupId: id, selection: SelectionSchema })),
  /** Takes people out of a group; `undo` puts them back with groups.undoRemoveMembers for an hour. */
  'groups.removeMembers': method<{ removed: number; undo: string | null }>()(
    z.object({ groupId: id, selection: SelectionSchema }),
  ),
  'groups.undoRemoveMembers': method<{ restored: number; expired: boolean }>()(z.object({ undo: z.string().uuid() })),

  'lists.list': method<(SmartList & { count: number })[]>()(z.object({})),
  'lists.create': method<SmartList>()(z.object({ name: name(100), filter: SmartFilterSchema })),
  'lists.update': method<SmartList>()(
    z.object({ id, name: name(100).optional(), filter: SmartFilterSchema.optional() }),
  ),
  'lists.delete': method<{ deleted: boolean }>()(z.object({ id })),

  'suppressions.list': method<{ rows: Suppression[]; total: number }>()(
    z.object({
      kind: suppressionKind,
      search: z.string().max(200).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'suppressions.addNumbers': method<{ added: number; invalid: { input: string; reason: string }[] }>()(
    z.object({
      kind: suppressionKind,
      numbers: z.array(z.string().max(64)).min(1).max(100_000),
      reason: z.string().max(500).default(''),
    }),
  ),
  'suppressions.addContacts': method<{ added: number }>()(
    z.object({ kind: suppressionKind, selection: SelectionSchema, reason: z.string().max(500).default('') }),
  ),
  /** Takes the selection's numbers off both lists; `rows` (up to 10 000) is what Undo puts back. */
  'suppressions.removeContacts': method<{ removed: number; rows: Pick<Suppression, 'phone' | 'kind' | 'reason'>[] }>()(
    z.object({ selection: SelectionSchema }),
  ),
  'suppressions.move': method<{ moved: number }>()(
    z.object({ phones: z.array(z.string().max(64)).min(1).max(100_000), to: suppressionKind }),
  ),
  'suppressions.remove': method<{ removed: number }>()(
    z.object({ phones: z.array(z.string().max(64)).min(1).max(100_000) }),
  ),

  /** Reads a file for import. The bytes are handed to the reader: a caller in the same process must not use them again. */
  'imports.open': method<ImportPreview>()(
    z.object({
      fileName: z.string().min(1).max(500),
      bytes,
      sheetName: z.string().max(200).optional(),
      /** The operator agreed to read a text file named .xlsx/.xls as CSV (after `content_mismatch`). */
      readAsText: z.boolean().optional(),
    }),
  ),
  'imports.run': method<ImportSummary>()(
    z.object({
      importId: z.string().uuid(),
      mapping: ImportMappingSchema,
      onDuplicate: z.enum(['skip', 'update']),
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('contacts') }),
        z.object({ kind: z.literal('existingGroup'), groupId: id }),
        z.object({ kind: z.literal('newGroup'), name: name(100) }),
        z.object({ kind: z.literal('blacklist'), reason: z.string().max(500).default('') }),
      ]),
      tags: z.array(tag).max(20).default([]),
      /** Other sheets of the workbook to import with the mapped one (they must have its columns). */
      sheets: z.array(z.string().min(1).max(200)).max(500).optional(),
    }),
  ),
  'imports.cancel': method<{ cancelled: boolean }>()(z.object({ importId: z.string().uuid() })),
  'imports.discard': method<{ discarded: boolean }>()(z.object({ importId: z.string().uuid() })),
  /** The import running now, or the last finished one still kept (the Import page after a reload). */
  'imports.current': method<ImportNow | null>()(z.object({})),
  /** The latest imports with their counts, newest first. */
  'imports.history': method<ImportRecord[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  'imports.rejectedFile': method<FileBlob>()(z.object({ importId: z.string().uuid() })),

  'exports.contacts': method<FileBlob>()(
    z.object({
      query: ContactQuerySchema,
      ids: z.array(id).max(200_000).optional(),
      format: z.enum(['xlsx', 'csv']),
      fileName: z.string().max(200).optional(),
    }),
  ),
  'exports.suppressions': method<FileBlob>()(z.object({ kind: suppressionKind, format: z.enum(['xlsx', 'csv']) })),
  'resources.importTemplate': method<FileBlob>()(z.object({})),

  'accounts.list': method<Account[]>()(z.object({})),
  'accounts.create': method<Account>()(z.object({ label: name(60), driver: z.enum(DRIVER_KINDS) })),
  'accounts.rename': method<Account>()(z.object({ id, label: name(60) })),
  /** Starts linking (QR, or pairing code for `phone`) or reconnects a linked account. */
  'accounts.connect': method<Account>()(
    z.object({ id, method: z.enum(['qr', 'code']).default('qr'), phone: z.string().max(64).optional() }),
  ),
  /** Stops the client; the session is kept. */
  'accounts.disconnect': method<Account>()(z.object({ id })),
  /** Logs out on WhatsApp and deletes the saved session; the account stays, unlinked. */
  'accounts.unlink': method<Account>()(z.object({ id })),
  /** Unlinks (if linked) and deletes the account; its log and messages stay. */
  'accounts.remove': method<{ removed: boolean }>()(z.object({ id })),
  /** Demo accounts only: make the pretend phone do something. */
  'accounts.simulate': method<{ ok: true }>()(
    z.object({
      id,
      action: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('scan') }),
        z.object({ kind: z.literal('disconnect') }),
        z.object({ kind: z.literal('block') }),
        z.object({ kind: z.literal('failSends'), count: z.number().int().min(1).max(1000) }),
        /** The next sends reach WhatsApp but their confirmation is lost (the send seems to fail). */
        z.object({ kind: z.literal('loseConfirmations'), count: z.number().int().min(1).max(1000) }),
        /** Of the messages sent from now on, this share (%) is answered with an opt-out word (0: off). */
        z.object({ kind: z.literal('optOutRate'), percent: z.number().min(0).max(100) }),
        /** Of the messages sent from now on, this share (%) is never delivered (0: off). */
        z.object({ kind: z.literal('undeliveredRate'), percent: z.number().min(0).max(100) }),
        z.object({
          kind: z.literal('receive'),
          from: z.string().min(1, says('val.phoneRequired')).max(64),
          text: z.string().min(1, says('val.typeMessage')).max(4096),
        }),
      ]),
    }),
  ),
  'accounts.events': method<{ rows: AccountEvent[]; total: number }>()(
    z.object({
      accountId: id.nullable().default(null),
      level: z.enum(['all', 'warning', 'error']).default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),

  /** Checks which contacts of a selection have WhatsApp, throttled, on a ready account. */
  'checks.start': method<NumberCheckProgress>()(
    z.object({
      accountId: id,
      selection: SelectionSchema,
      /** Leave out contacts checked within this many days (null: check everyone). */
      skipCheckedWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
    }),
  ),
  /** How many contacts a check would cover, and how many of them were checked recently. */
  'checks.preview': method<{ total: number; recentlyChecked: number }>()(
    z.object({ selection: SelectionSchema, withinDays: z.number().int().min(1).max(3650) }),
  ),
  'checks.cancel': method<{ cancelled: boolean }>()(z.object({ checkId: z.string().uuid() })),
  /** Checks running now (so a reopened page shows their progress). */
  'checks.active': method<NumberCheckProgress[]>()(z.object({})),

  'inbox.list': method<{ rows: IncomingMessage[]; total: number }>()(
    z.object({
      accountId: id.nullable().default(null),
      optOutOnly: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),

  'drafts.list': method<Draft[]>()(z.object({})),
  'drafts.get': method<Draft>()(z.object({ id })),
  'drafts.create': method<Draft>()(z.object({ name: name(100), parts: DraftPartsSchema.default([]) })),
  'drafts.update': method<Draft>()(z.object({ id, name: name(100).optional(), parts: DraftPartsSchema.optional() })),
  'drafts.duplicate': method<Draft>()(z.object({ id })),
  'drafts.delete': method<{ deleted: boolean }>()(z.object({ id })),
  /** Checks a file by its content and WhatsApp's limits, and copies it into the data folder. */
  'drafts.attach': method<AttachmentRef>()(
    z.object({ kind: z.enum(ATTACHMENT_KINDS), fileName: z.string().min(1).max(500), bytes }),
  ),
  /** A stored attachment's bytes (for the preview). */
  'drafts.attachment': method<FileBlob>()(
    z.object({ id: z.string().regex(/^[0-9a-f]{64}\.[a-z0-9]{1,5}$/), fileName: z.string().max(200), mimeType: z.string().max(200) }),
  ),
  /** For each variable in `parts`, how many contacts (of the audience, or of the whole book) lack it. */
  'drafts.variableGaps': method<VariableGap[]>()(
    z.object({ parts: DraftPartsSchema, audience: AudienceSchema.nullable().default(null) }),
  ),

  'campaigns.list': method<Campaign[]>()(z.object({})),
  'campaigns.get': method<Campaign>()(z.object({ id })),
  'campaigns.create': method<Campaign>()(
    z.object({
      name: name(100),
      draftId: id,
      audience: AudienceSchema,
      exclusions: ExclusionsSchema,
      accountIds: z.array(id).max(20).default([]),
      pace: PaceSchema,
      timezone: z.string().min(1).max(64),
      schedule: ScheduleSchema,
    }),
  ),
  /** Edits a campaign that has not started; `pace` can change at any time and applies at once. */
  'campaigns.update': method<Campaign>()(
    z.object({
      id,
      name: name(100).optional(),
      draftId: id.optional(),
      audience: AudienceSchema.optional(),
      exclusions: ExclusionsSchema.optional(),
      accountIds: z.array(id).max(20).optional(),
      pace: PaceSchema.optional(),
      timezone: z.string().min(1).max(64).optional(),
      schedule: ScheduleSchema.optional(),
    }),
  ),
  /** The final recipient count and what would be excluded and why, without creating anything. */
  'campaigns.preview': method<AudiencePreview>()(
    z.object({ audience: AudienceSchema, exclusions: ExclusionsSchema, draftId: id.nullable().default(null) }),
  ),
  /** Per account: how much of this month's unanswered-message budget the audience may use, and what is left. */
  'campaigns.budgetUse': method<BudgetUse[]>()(
    z.object({ audience: AudienceSchema, exclusions: ExclusionsSchema, accountIds: z.array(id).max(50) }),
  ),
  /** Freezes the draft and builds the recipients (schedule now), or schedules it. */
  'campaigns.start': method<Campaign>()(z.object({ id })),
  'campaigns.pause': method<Campaign>()(z.object({ id })),
  'campaigns.resume': method<Campaign>()(z.object({ id })),
  'campaigns.cancel': method<Campaign>()(z.object({ id })),
  'campaigns.duplicate': method<Campaign>()(z.object({ id })),
  /** Deletes a campaign that is not running (its recipients' history goes with it). */
  'campaigns.delete': method<{ deleted: boolean }>()(z.object({ id })),
  'campaigns.progress': method<CampaignProgress>()(z.object({ id })),
  'campaigns.recipients': method<{ rows: Recipient[]; total: number }>()(
    z.object({
      id,
      status: z.enum([...RECIPIENT_STATUSES, 'all']).default('all'),
      search: z.string().max(200).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  /** Rows left "unknown" by a crash: send them again, or drop them (count as not sent). */
  'campaigns.resolveUnknown': method<{ changed: number }>()(
    z.object({ id, action: z.enum(['resend', 'drop']), recipientIds: z.array(id).max(200_000).optional() }),
  ),
  /** The history: campaigns filtered, sorted and counted in SQL, with each one's key figures. */
  'campaigns.history': method<HistoryRow[]>()(HistoryQuerySchema),
  /** Renames a finished campaign (completed, cancelled, failed). */
  'campaigns.rename': method<Campaign>()(z.object({ id, name: name(100) })),
  /** Archives (hides from the history's default view) or unarchives a finished campaign. */
  'campaigns.archive': method<Campaign>()(z.object({ id, archived: z.boolean() })),

  /** A year of sends per account per local day (the operator's time zone), from the send ledger. */
  'usage.year': method<UsageYear>()(UsageQuerySchema),
  /** The same as an .xlsx (a sheet per day and a sheet per month; dates as real dates). */
  'usage.export': method<FileBlob>()(UsageQuerySchema),

  /** The home page: today per account, campaigns in progress, recent replies, 30 days of rates. */
  'overview.get': method<Overview>()(z.object({})),

  /** A campaign's report: funnel, delays, accounts, failures, polls (opens for deleted drafts too). */
  'reports.get': method<CampaignReport>()(
    z.object({ id, replyWindowHours: z.number().int().min(1).max(MAX_REPLY_WINDOW_HOURS).default(DEFAULT_REPLY_WINDOW_HOURS) }),
  ),
  /** Sends over time, per hour or day in the campaign's time zone. */
  'reports.series': method<ReportSeries>()(z.object({ id, bucket: z.enum(REPORT_BUCKETS).default('hour') })),
  /** One page of the report's recipients (or of the people it excluded). */
  'reports.recipients': method<{ rows: ReportRecipient[]; total: number }>()(
    z.object({
      id,
      selection: ReportSelectionSchema.default({ filter: 'all', reason: null, accountId: null, search: '' }),
      replyWindowHours: z.number().int().min(1).max(MAX_REPLY_WINDOW_HOURS).default(DEFAULT_REPLY_WINDOW_HOURS),
      sort: z.enum(REPORT_SORTS).default('name'),
      descending: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  /** Puts the selected recipients that are contacts into a new group (for a follow-up campaign). */
  'reports.toGroup': method<{ groupId: number; added: number; notContacts: number }>()(
    z.object({
      id,
      selection: ReportSelectionSchema,
      replyWindowHours: z.number().int().min(1).max(MAX_REPLY_WINDOW_HOURS).default(DEFAULT_REPLY_WINDOW_HOURS),
      name: name(100),
    }),
  ),
  /** A new, not started campaign with the same message and pace, to the ones that failed. */
  'reports.retryFailed': method<Campaign>()(z.object({ id })),
  /**
   * 1 to 50 campaigns' reports as one file, built in the spreadsheet worker: .xlsx (one campaign: a
   * summary, its recipients and its failures; several: a summary row each, then a recipients sheet
   * each) or .csv (the recipients, with the campaign's name). Progress on `exports.progress` with
   * `exportId`; `reports.cancelExport` stops it (the call then fails with code "cancelled").
   */
  'reports.export': method<FileBlob>()(
    z.object({
      ids: z.array(id).min(1).max(50),
      format: z.enum(['xlsx', 'csv']),
      exportId: z.string().uuid().optional(),
      replyWindowHours: z.number().int().min(1).max(MAX_REPLY_WINDOW_HOURS).default(DEFAULT_REPLY_WINDOW_HOURS),
    }),
  ),
  'reports.cancelExport': method<{ cancelled: boolean }>()(z.object({ exportId: z.string().uuid() })),

  /**
   * Sends one draft's message (every part; variables filled for `contactId`, or their fallbacks) to
   * a typed number through a ready account, outside every campaign. Returns at once ("sending");
   * `testSends.changed` tells sent / delivered / read / failed.
   */
  'testSends.send': method<TestSend>()(
    z.object({ draftId: id, accountId: id, phone: z.string().trim().min(1).max(40), contactId: id.nullable().default(null) }),
  ),
  /** The number last used for a test through this account (null: none yet). */
  'testSends.lastPhone': method<{ phone: string | null }>()(z.object({ accountId: id })),
  'testSends.get': method<TestSend>()(z.object({ id })),

  /** Every account's safety figures: unanswered-message budget, warm-up, breakers, and settings. */
  'safety.list': method<AccountSafety[]>()(z.object({})),
  'safety.get': method<AccountSafety>()(z.object({ accountId: id })),
  /** Changes some of an account's safety settings; `safety.changed` follows. */
  'safety.set': method<AccountSafety>()(z.object({ accountId: id, patch: SafetyPatchSchema })),

  /** The backups folder, its settings and the backups in it (newest first). */
  'backups.list': method<BackupsState>()(z.object({})),
  /** Takes a backup now (waits for one already running); `backups.changed` follows. */
  'backups.create': method<BackupInfo>()(z.object({})),
  /** Changes how many backups are kept, where, and whether sessions are in them. */
  'backups.configure': method<BackupsState>()(BackupSettingsPatchSchema),
  /**
   * Replaces the data with a backup from the list: checks it, backs up the current data, stops
   * campaigns, swaps, opens again (campaigns come back paused). Resolves once Pigeon is open on
   * the restored data; `backups.restored` tells every window to load again.
   */
  'backups.restore': method<BackupInfo>()(RestoreInputSchema),
  /**
   * Everything in one `.pigeon` file, for another computer: a fresh backup (sessions only when
   * asked) written to `path` (a full path ending in .pigeon; an existing file is never replaced).
   */
  'backups.exportArchive': method<{ path: string; bytes: number; backup: BackupInfo }>()(ExportArchiveInputSchema),
  /** Reads a `.pigeon` file into the backups (checked as a restore checks); restore it next. */
  'backups.importArchive': method<BackupInfo>()(ImportArchiveInputSchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];

/** Payloads of events pushed from main to the renderer. */
export type EventPayloads = {
  'imports.progress': ImportProgress;
  'exports.progress': ExportProgress;
  'contacts.changed': { reason: 'import' | 'edit' | 'delete' | 'groups' | 'suppressions' | 'whatsapp' };
  'groups.changed': Record<string, never>;
  'lists.changed': Record<string, never>;
  /** An account changed (state, QR, label…); `account` is null when it was removed. */
  'accounts.changed': { id: number; account: Account | null };
  /** A new line in the event log. */
  'accounts.log': AccountEvent;
  'checks.progress': NumberCheckProgress;
  /** A message came in; when it was an opt-out, the sender is already blacklisted. */
  'inbox.received': IncomingMessage;
  'drafts.changed': Record<string, never>;
  /** A campaign was created, edited, changed state or was deleted (`campaign` null). */
  'campaigns.changed': { id: number; campaign: Campaign | null };
  /** Live progress of a running (or just stopped) campaign. */
  'campaigns.progress': CampaignProgress;
  /** Something the user should hear about a campaign (a late start, an automatic pause). */
  'campaigns.notice': { campaignId: number; level: 'info' | 'warning' | 'error'; message: string };
  /** A test send moved on (sent, delivered, read or failed). */
  'testSends.changed': { testSend: TestSend };
  /** An account's safety settings or standing changed (a warning, a pause by a breaker or the budget). */
  'safety.changed': { accountId: number };
  /** A backup started, finished or failed, or the backup settings changed. */
  'backups.changed': Record<string, never>;
  /** The data was replaced by a backup: everything on screen is out of date. */
  'backups.restored': { backupId: string };
  /** The settings were saved (the desktop shell follows the login item and notification choices). */
  'settings.changed': { settings: Settings };
  /** The desktop shell asks the window to open a page (a notification or the tray menu was clicked). */
  'shell.open': ShellTarget;
};
export type EventName = keyof EventPayloads;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames: readonly EventName[] = [
  'imports.progress',
  'exports.progress',
  'contacts.changed',
  'groups.changed',
  'lists.changed',
  'accounts.changed',
  'accounts.log',
  'checks.progress',
  'inbox.received',
  'drafts.changed',
  'campaigns.changed',
  'campaigns.progress',
  'campaigns.notice',
  'testSends.changed',
  'safety.changed',
  'backups.changed',
  'backups.restored',
  'settings.changed',
  'shell.open',
];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

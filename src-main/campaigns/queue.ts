/**
 * The send queue (DESIGN.md §5): campaigns' life cycle and one runner per running campaign.
 *
 * - The recipient row is the job. Before the driver is called the row is committed as `sending`
 *   with the part and the time; after it returns, the WhatsApp id is stored and the row moves on.
 *   A kill -9 at any point leaves either a committed `sending` row (reconciled through the driver
 *   on the next start: found → sent; provably not sent → queued again; can't tell → `unknown` for
 *   the operator) or a row that was never handed to WhatsApp.
 * - Pace: a random delay between messages (per campaign, and never closer than that on one
 *   account), a longer break every N messages, working hours and days in the campaign's time
 *   zone, a daily cap per account counted across every campaign, typing before each message,
 *   an optional number check. All waits are on the injected clock and can be woken early (pause,
 *   cancel, a new pace, an account coming back), so changes take effect at once.
 * - Nothing here blocks: the queue's statements are small and go to its own database file, so an
 *   import's long write transaction on the book never makes a send wait.
 */
import type {
  AudiencePreview,
  Campaign,
  CampaignCounts,
  CampaignProgress,
  CampaignStatus,
  DraftPart,
  Exclusions,
  RecipientStatus,
  VariableGap,
} from '../../src-shared/campaigns';
import { AppError } from '../../src-shared/errors';
import { t } from '../../src-shared/i18n';
import {
  isValidTimeZone,
  nextDelay,
  nextLocalMidnight,
  nextWorkingTime,
  paceIssues,
  startOfLocalDay,
  zonedParts,
  type Pace,
} from '../../src-shared/pace';
import { hash32, mulberry32 } from '../../src-shared/random';
import { renderTemplate, templateVariables, type TemplateVariable } from '../../src-shared/template';
import type { AccountManager } from '../accounts/account-manager';
import type { Db } from '../contacts/queries';
import { parseFieldPairs } from '../contacts/queries';
import { raceTimeout, type Clock, type TimerHandle } from '../core/clock';
import type { EventBus } from '../core/events';
import type { Sqlite } from '../db/connection';
import { attachmentPath } from '../drafts/attachments';
import { draftProblems, getDraft, templatedTexts } from '../drafts/service';
import type { OutgoingContent, WhatsAppDriver } from '../whatsapp/driver';
import { DriverError } from '../whatsapp/errors';
import { buildRecipients, prepareAudience, previewAudience } from './audience';
import {
  countRecipients,
  getCampaignRecord,
  insertCampaign,
  listCampaignRecords,
  listRecipients,
  sendStatements,
  setCampaignStatus,
  toCampaign,
  updateCampaignFields,
  type CampaignFields,
  type SendStatements,
} from './repo';
import type { CampaignRecord, RecipientRecord } from './queue-db';

export type QueueOptions = {
  /** Tries per recipient for transient failures. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt (±20 %). */
  retryBaseMs: number;
  /** Failed sends in a row on one account that pause its campaigns. */
  failureStreakLimit: number;
  /** Live progress is pushed at most this often per campaign. */
  progressIntervalMs: number;
  /** Longest single wait: the runner looks again at least this often. */
  maxSleepMs: number;
  /** How far before a row's `sending_at` a found message still counts (WhatsApp's clock is coarse). */
  reconcileSlackMs: number;
  /** Typing shown before a message: per character, within [min, max]. */
  typingMsPerChar: number;
  typingMinMs: number;
  typingMaxMs: number;
};

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxAttempts: 3,
  retryBaseMs: 30_000,
  failureStreakLimit: 5,
  progressIntervalMs: 400,
  maxSleepMs: 60_000,
  reconcileSlackMs: 5_000,
  typingMsPerChar: 35,
  typingMinMs: 1_200,
  typingMaxMs: 4_000,
};

export type SendTiming = { campaignId: number; recipientId: number; plannedAt: number; startedAt: number };

export type QueueDeps = {
  q: Sqlite;
  db: Db;
  bus: EventBus;
  clock: Clock;
  accounts: AccountManager;
  dataDir: string;
  defaultCountry: () => Promise<string>;
  /** Settles when the book can be written (an import may hold its lock). */
  writable: () => Promise<void>;
  random?: () => number;
  options?: Partial<QueueOptions>;
  /** Called as each message starts, with when it was planned (benchmarks, tests). */
  onSendStart?: (timing: SendTiming) => void;
};

export type CampaignInput = {
  name: string;
  draftId: number;
  audience: Campaign['audience'];
  exclusions: Exclusions;
  accountIds: number[];
  pace: Pace;
  timezone: string;
  schedule: Campaign['schedule'];
};

type Run = {
  id: number;
  name: string;
  parts: DraftPart[];
  pace: Pace;
  accountIds: number[];
  timezone: string;
  includeGraylist: boolean;
  active: boolean;
  wake: () => void;
  /** Messages sent since this run began (for breaks every N). */
  sent: number;
  lastSendAt: number | null;
  /** The delay drawn for the next message (null: draw on the next look). */
  delay: { delayMs: number; batchPause: boolean } | null;
  rotation: number;
  sendTimes: number[];
  startedAt: number;
  waiting: string | null;
  nextAt: number | null;
  sendingAccount: number | null;
  /** Rows left `sending` (a crash, a drop mid-send) wait for their account to say what happened. */
  needsReconcile: boolean;
  done: Promise<void>;
};

const noop = (): void => undefined;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export class CampaignQueue {
  private readonly runs = new Map<number, Run>();
  private readonly st: SendStatements;
  private readonly options: QueueOptions;
  private readonly random: () => number;
  private readonly optedOut = new Map<string, string>();
  private readonly accountLastSend = new Map<number, number>();
  private readonly accountLocks = new Map<number, Promise<void>>();
  private readonly failureStreaks = new Map<number, number>();
  private readonly progressTimers = new Map<number, TimerHandle>();
  /** Acks that arrived before their send was recorded (WhatsApp can be quicker than our commit). */
  private readonly earlyAcks = new Map<string, { accountId: number; messageId: string; ack: string }>();
  private scheduleTimer: TimerHandle | null = null;
  private closed = false;
  private readonly unsubscribe: (() => void)[] = [];

  /** A part went out: its WhatsApp id and the row's progress, in one transaction. */
  private readonly recordSent: (messageId: string, accountId: number, recipientId: number, index: number, last: boolean, sentAt: number) => void;

  constructor(private readonly deps: QueueDeps) {
    this.st = sendStatements(deps.q);
    this.recordSent = deps.q.transaction((messageId: string, accountId: number, recipientId: number, index: number, last: boolean, sentAt: number) => {
      this.st.insertMessage.run(messageId, accountId, recipientId, index, sentAt);
      this.st.partSent.run(index + 1, last ? 1 : 0, sentAt, sentAt, recipientId);
    });
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...deps.options };
    this.random = deps.random ?? Math.random;
    const onAck = this.onAck.bind(this);
    const onState = this.onAccountState.bind(this);
    const onOptOut = (e: { phone: string; word: string }) => this.optedOut.set(e.phone, e.word);
    this.unsubscribe.push(
      deps.accounts.on('ack', onAck),
      deps.accounts.on('state', onState),
      deps.accounts.on('optOut', onOptOut),
    );
  }

  // --- life cycle ---------------------------------------------------------------------------

  /** Resumes what was running when Pigeon stopped and arms the schedule. */
  async start(): Promise<void> {
    const now = this.deps.clock.now();
    for (const r of listCampaignRecords(this.deps.q)) {
      if (r.status === 'running') {
        if (r.building === 1) await this.begin(r.id, null);
        else this.spawn(r);
      } else if (r.status === 'scheduled' && r.due_at !== null && r.due_at <= now) {
        const at = this.formatAt(r.due_at, r.timezone);
        await this.begin(r.id, t('cq.status.lateStart', { name: r.name, at }));
      }
    }
    this.armSchedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.scheduleTimer) this.deps.clock.clearTimeout(this.scheduleTimer);
    for (const handle of this.progressTimers.values()) this.deps.clock.clearTimeout(handle);
    // A send in flight finishes (or gives up) first, but a hung client does not hold up quitting:
    // its row stays `sending` and is reconciled at the next start.
    const done = Promise.all([...this.runs.values()].map((run) => this.stop(run)));
    await raceTimeout(this.deps.clock, done, 5_000);
    for (const off of this.unsubscribe) off();
  }

  // --- campaigns ------------------------------------------------------------------------------

  list(): Campaign[] {
    return listCampaignRecords(this.deps.q).map((r) => toCampaign(this.deps.q, r));
  }

  get(id: number): Campaign {
    return toCampaign(this.deps.q, this.record(id));
  }

  async create(input: CampaignInput): Promise<Campaign> {
    const draft = await getDraft(this.deps.db, input.draftId);
    this.checkSettings(input.accountIds, input.pace, input.timezone);
    const fields: CampaignFields = { ...input, draftName: draft.name, parts: draft.parts };
    const id = insertCampaign(this.deps.q, fields, this.deps.clock.now());
    return this.changed(id);
  }

  async update(id: number, patch: Partial<CampaignInput>): Promise<Campaign> {
    const record = this.record(id);
    const editable = record.status === 'draft' || record.status === 'scheduled';
    const onlyPace = Object.entries(patch).every(([k, v]) => k === 'pace' || v === undefined);
    if (!editable && !(onlyPace && ['running', 'paused'].includes(record.status))) {
      throw new AppError('conflict', t('cq.err.notEditable'));
    }
    const current = toCampaign(this.deps.q, record);
    const accountIds = patch.accountIds ?? current.accountIds;
    const pace = patch.pace ?? current.pace;
    const timezone = patch.timezone ?? current.timezone;
    this.checkSettings(accountIds, pace, timezone);
    const fields: Partial<CampaignFields> = { ...patch };
    if (patch.draftId !== undefined) {
      const draft = await getDraft(this.deps.db, patch.draftId);
      fields.draftName = draft.name;
      fields.parts = draft.parts;
    }
    if (record.status === 'scheduled' && patch.schedule) {
      if (patch.schedule.kind === 'now') {
        // No longer scheduled: back to a draft campaign, to start when the user says.
        setCampaignStatus(this.deps.q, id, 'draft', null, { dueAt: null });
      } else {
        const dueAt = this.dueAt(patch.schedule);
        if (dueAt === null) {
          throw new AppError('invalid_input', t('cq.err.scheduleInPast', { at: this.formatAt(Date.parse(patch.schedule.at), timezone) }));
        }
        this.deps.q.prepare(`UPDATE campaigns SET due_at = ? WHERE id = ?`).run(dueAt, id);
      }
    }
    updateCampaignFields(this.deps.q, id, fields);
    const run = this.runs.get(id);
    if (run && patch.pace) {
      // A new pace applies to the very next message: redraw its delay and look again now.
      run.pace = patch.pace;
      run.delay = null;
      run.wake();
    }
    this.armSchedule();
    return this.changed(id);
  }

  async duplicate(id: number): Promise<Campaign> {
    const c = this.get(id);
    let parts = c.parts;
    let draftId = c.draftId;
    let draftName = c.draftName;
    if (draftId !== null) {
      try {
        const draft = await getDraft(this.deps.db, draftId);
        parts = draft.parts;
        draftName = draft.name;
      } catch {
        draftId = null; // the draft is gone: keep the campaign's own copy
      }
    }
    const names = new Set(listCampaignRecords(this.deps.q).map((r) => r.name));
    let name = `${c.name} (copy)`;
    for (let n = 2; names.has(name); n++) name = `${c.name} (copy ${n})`;
    const newId = insertCampaign(
      this.deps.q,
      { ...c, name: name.slice(0, 100), draftId, draftName, parts, schedule: { kind: 'now' } },
      this.deps.clock.now(),
    );
    return this.changed(newId);
  }

  delete(id: number): { deleted: boolean } {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) return { deleted: false };
    if (record.status === 'running') throw new AppError('conflict', t('cq.err.deleteRunning'));
    this.deps.q.prepare(`DELETE FROM campaigns WHERE id = ?`).run(id);
    this.armSchedule();
    this.deps.bus.emit('campaigns.changed', { id, campaign: null });
    return { deleted: true };
  }

  async preview(audience: Campaign['audience'], exclusions: Exclusions, draftId: number | null): Promise<AudiencePreview> {
    const variables = draftId === null ? [] : this.variablesOf((await getDraft(this.deps.db, draftId)).parts);
    const prepared = await prepareAudience(this.deps.db, audience);
    return await previewAudience(
      this.deps.q,
      { audience, exclusions, campaignId: null, now: this.deps.clock.now(), defaultCountry: await this.deps.defaultCountry(), variables },
      prepared,
    );
  }

  /** For each variable of `parts`, how many contacts (of the audience, or the whole book) lack it. */
  async variableGaps(parts: DraftPart[], audience: Campaign['audience'] | null): Promise<VariableGap[]> {
    const variables = this.variablesOf(parts);
    if (variables.length === 0) return [];
    const everyone: Campaign['audience'] = { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' };
    const prepared = await prepareAudience(this.deps.db, audience ?? everyone);
    const exclusions: Exclusions = { includeGraylist: audience === null, skipNotOnWhatsApp: false, recentlyMessagedHours: null };
    const preview = await previewAudience(
      this.deps.q,
      {
        audience: audience ?? everyone,
        exclusions,
        campaignId: null,
        now: this.deps.clock.now(),
        defaultCountry: await this.deps.defaultCountry(),
        variables,
        allContacts: audience === null,
      },
      prepared,
    );
    return preview.variableGaps;
  }

  /** Starts now, or schedules; the draft's content is frozen into the campaign when it begins. */
  async startCampaign(id: number): Promise<Campaign> {
    const record = this.record(id);
    if (record.status !== 'draft' && record.status !== 'scheduled') this.cannot(record.status, 'Start');
    const c = toCampaign(this.deps.q, record);
    this.checkSettings(c.accountIds, c.pace, c.timezone);
    const parts = await this.freezeDraft(record); // refused here, in words, before anything starts
    // A scheduled campaign started by hand goes now; a draft follows its schedule.
    if (record.status === 'draft' && c.schedule.kind === 'at') {
      const dueAt = this.dueAt(c.schedule);
      if (dueAt === null) throw new AppError('invalid_input', t('cq.err.scheduleInPast', { at: this.formatAt(Date.parse(c.schedule.at), c.timezone) }));
      setCampaignStatus(this.deps.q, id, 'scheduled', null, { dueAt });
      this.armSchedule();
      return this.changed(id);
    }
    await this.begin(id, null, parts);
    return this.get(id);
  }

  pause(id: number): Campaign {
    const record = this.record(id);
    if (record.status !== 'running') this.cannot(record.status, 'Pause');
    setCampaignStatus(this.deps.q, id, 'paused', t('cq.status.pausedByUser'));
    const run = this.runs.get(id);
    if (run) void this.stop(run);
    return this.changed(id);
  }

  async resume(id: number): Promise<Campaign> {
    const record = this.record(id);
    if (record.status !== 'paused') this.cannot(record.status, 'Resume');
    const c = toCampaign(this.deps.q, record);
    for (const accountId of c.accountIds) this.failureStreaks.delete(accountId);
    if (record.building === 1) {
      await this.begin(id, null);
      return this.get(id);
    }
    setCampaignStatus(this.deps.q, id, 'running', null);
    this.spawn(this.record(id));
    return this.changed(id);
  }

  cancel(id: number): Campaign {
    const record = this.record(id);
    if (!['running', 'paused', 'scheduled', 'draft'].includes(record.status)) this.cannot(record.status, 'Cancel');
    const now = this.deps.clock.now();
    this.deps.q.transaction(() => {
      setCampaignStatus(this.deps.q, id, 'cancelled', t('cq.status.cancelledByUser'), { finishedAt: now });
      this.deps.q
        .prepare(`UPDATE recipients SET status = 'skipped', reason = ?, updated_at = ? WHERE campaign_id = ? AND status = 'queued'`)
        .run(t('cq.reason.cancelled'), now, id);
    })();
    const run = this.runs.get(id);
    if (run) void this.stop(run);
    this.armSchedule();
    return this.changed(id);
  }

  recipients(input: Parameters<typeof listRecipients>[1]) {
    this.record(input.id);
    return listRecipients(this.deps.q, input);
  }

  /** Rows left `unknown` after a crash: queue them again, or drop them. */
  resolveUnknown(id: number, action: 'resend' | 'drop', recipientIds?: number[]): { changed: number } {
    const record = this.record(id);
    const now = this.deps.clock.now();
    const only = recipientIds ? `AND id IN (SELECT value FROM json_each(?))` : '';
    const params: (string | number)[] = recipientIds ? [JSON.stringify(recipientIds)] : [];
    const changed =
      action === 'resend'
        ? this.deps.q
            .prepare(`UPDATE recipients SET status = 'queued', reason = NULL, sending_at = NULL, updated_at = ? WHERE campaign_id = ? AND status = 'unknown' ${only}`)
            .run(now, id, ...params).changes
        : this.deps.q
            .prepare(`UPDATE recipients SET status = 'failed', reason = ?, updated_at = ? WHERE campaign_id = ? AND status = 'unknown' ${only}`)
            .run(t('cq.reason.dropped'), now, id, ...params).changes;
    if (action === 'resend' && changed > 0 && record.status === 'completed') {
      // Finished apart from these: it runs again for them.
      this.deps.q.prepare(`UPDATE campaigns SET finished_at = NULL WHERE id = ?`).run(id);
      setCampaignStatus(this.deps.q, id, 'running', null);
      this.spawn(this.record(id));
    }
    this.changed(id);
    return { changed };
  }

  progress(id: number): CampaignProgress {
    const record = this.record(id);
    return this.progressOf(id, record.status as CampaignStatus, record.status_reason, countRecipients(this.deps.q, id));
  }

  private progressOf(id: number, status: CampaignStatus, statusReason: string | null, counts: CampaignCounts): CampaignProgress {
    const run = this.runs.get(id);
    const now = this.deps.clock.now();
    let ratePerMinute = 0;
    let etaMs: number | null = null;
    if (run) {
      // Over the last five minutes, between the first and the latest send (so the message that
      // goes out at once on start does not make the first minute look fast).
      run.sendTimes = run.sendTimes.filter((at) => at >= now - 5 * 60_000);
      const times = run.sendTimes;
      const spanMs = times.length >= 2 ? Math.max(now, times.at(-1)!) - times[0]! : 0;
      ratePerMinute = spanMs > 0 ? Math.round(((times.length - 1) / spanMs) * 60_000 * 10) / 10 : 0;
      const p = run.pace;
      const perMessage =
        (p.minDelayMs + p.maxDelayMs) / 2 + (p.pauseEvery > 0 ? (p.pauseMinMs + p.pauseMaxMs) / 2 / p.pauseEvery : 0);
      const left = counts.queued + counts.sending;
      // Plus the wait the queue is in (working hours, a daily limit, a break), when there is one.
      const waitMs = run.nextAt !== null && run.nextAt > now ? run.nextAt - now : 0;
      etaMs = left === 0 ? 0 : Math.round(waitMs + left * Math.max(perMessage, 1));
    }
    return {
      campaignId: id,
      status,
      statusReason,
      counts,
      ratePerMinute,
      etaMs,
      sendingAccountId: run?.sendingAccount ?? null,
      waiting: run?.waiting ?? null,
      nextAt: run?.nextAt !== null && run?.nextAt !== undefined ? new Date(run.nextAt).toISOString() : null,
    };
  }

  // --- internals: state -----------------------------------------------------------------------

  private record(id: number): CampaignRecord {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) throw new AppError('not_found', t('cq.err.campaignGone'));
    return record;
  }

  private cannot(status: string, action: 'Start' | 'Pause' | 'Resume' | 'Cancel'): never {
    const word = t(`cq.statusWord.${status as CampaignStatus}`);
    throw new AppError('conflict', t(`cq.err.cannot${action}`, { status: word }));
  }

  private changed(id: number): Campaign {
    const campaign = this.get(id);
    this.deps.bus.emit('campaigns.changed', { id, campaign });
    this.deps.bus.emit('campaigns.progress', this.progressOf(id, campaign.status, campaign.statusReason, campaign.counts));
    return campaign;
  }

  private checkSettings(accountIds: number[], pace: Pace, timezone: string): void {
    if (accountIds.length === 0) throw new AppError('invalid_input', t('cq.err.noAccounts'));
    const known = new Set(this.deps.accounts.list().map((a) => a.id));
    if (accountIds.some((id) => !known.has(id))) throw new AppError('invalid_input', t('cq.err.accountGone'));
    if (!isValidTimeZone(timezone)) throw new AppError('invalid_input', t('cq.err.timezone', { zone: timezone }));
    const issues = paceIssues(pace);
    if (issues.length > 0) throw new AppError('invalid_input', t('cq.err.pace', { message: issues.join(' ') }));
  }

  private dueAt(schedule: Campaign['schedule']): number | null {
    if (schedule.kind === 'now') return null;
    const at = Date.parse(schedule.at);
    return at > this.deps.clock.now() - 60_000 ? at : null;
  }

  /** "15:00" today, "Tue 09:00" within a week, else "2026-01-31 09:00", in the campaign's zone. */
  private formatAt(ms: number, timezone: string): string {
    const zone = isValidTimeZone(timezone) ? timezone : 'UTC';
    const p = zonedParts(ms, zone);
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = `${pad(p.hour)}:${pad(p.minute)}`;
    const now = this.deps.clock.now();
    const today = zonedParts(now, zone);
    if (p.year === today.year && p.month === today.month && p.day === today.day) return time;
    if (ms > now && ms - now < 6 * 86_400_000) return `${WEEKDAYS[p.weekday]} ${time}`;
    return `${p.year}-${pad(p.month)}-${pad(p.day)} ${time}`;
  }

  private variablesOf(parts: DraftPart[]): TemplateVariable[] {
    const seen = new Map<string, TemplateVariable>();
    for (const part of parts) {
      for (const text of templatedTexts(part)) {
        for (const v of templateVariables(text)) if (!seen.has(v.normalizedKey)) seen.set(v.normalizedKey, v);
      }
    }
    return [...seen.values()];
  }

  /** Copies the draft into the campaign (once) and checks it can be sent. */
  private async freezeDraft(record: CampaignRecord): Promise<DraftPart[]> {
    let parts = JSON.parse(record.parts) as DraftPart[];
    let name = record.draft_name;
    if (record.frozen !== 1) {
      if (record.draft_id === null) throw new AppError('invalid_input', t('cq.err.draftGone'));
      const draft = await getDraft(this.deps.db, record.draft_id).catch(() => {
        throw new AppError('invalid_input', t('cq.err.draftGone'));
      });
      parts = draft.parts;
      name = draft.name;
    }
    const problems = draftProblems({ name, parts });
    if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
    for (const part of parts) {
      if ('attachment' in part) attachmentPath(this.deps.dataDir, part.attachment); // throws a plain not_found
    }
    return parts;
  }

  /**
   * Builds the recipients (after a crash mid-build, again from scratch) and starts the runner.
   * `checked` is the content when the caller has just frozen and checked it.
   */
  private async begin(id: number, notice: string | null, checked?: DraftPart[]): Promise<void> {
    let record = this.record(id);
    const now = this.deps.clock.now();
    let parts: DraftPart[];
    try {
      parts = checked ?? (await this.freezeDraft(record));
    } catch (error) {
      this.fail(id, error instanceof Error ? error.message : String(error));
      return;
    }
    this.deps.q.transaction(() => {
      this.deps.q
        .prepare(`UPDATE campaigns SET parts = ?, frozen = 1, status = 'running', status_reason = ?, building = 1, started_at = coalesce(started_at, ?) WHERE id = ?`)
        .run(JSON.stringify(parts), notice, now, id);
      this.deps.q.prepare(`DELETE FROM recipients WHERE campaign_id = ?`).run(id);
    })();
    this.changed(id);
    record = this.record(id);
    const c = toCampaign(this.deps.q, record);
    const prepared = await prepareAudience(this.deps.db, c.audience);
    const built = await buildRecipients(
      this.deps.q,
      id,
      {
        audience: c.audience,
        exclusions: c.exclusions,
        campaignId: id,
        now: this.deps.clock.now(),
        defaultCountry: await this.deps.defaultCountry(),
        variables: [],
      },
      prepared,
    );
    this.deps.q.prepare(`UPDATE campaigns SET building = 0, excluded = ? WHERE id = ?`).run(JSON.stringify(built.excluded), id);
    if (notice) this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'info', message: notice });
    if (built.total === 0) {
      setCampaignStatus(this.deps.q, id, 'completed', t('cq.status.nobody'), { finishedAt: this.deps.clock.now() });
      this.changed(id);
      return;
    }
    this.spawn(this.record(id));
    this.changed(id);
  }

  private fail(id: number, reason: string): void {
    setCampaignStatus(this.deps.q, id, 'failed', reason, { finishedAt: this.deps.clock.now() });
    const run = this.runs.get(id);
    if (run) void this.stop(run);
    this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'error', message: reason });
    this.changed(id);
  }

  private autoPause(id: number, reason: string): void {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record || record.status !== 'running') return;
    setCampaignStatus(this.deps.q, id, 'paused', reason);
    const run = this.runs.get(id);
    if (run) void this.stop(run);
    this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'warning', message: reason });
    this.changed(id);
  }

  private armSchedule(): void {
    if (this.closed) return;
    if (this.scheduleTimer) this.deps.clock.clearTimeout(this.scheduleTimer);
    this.scheduleTimer = null;
    const next = this.deps.q
      .prepare(`SELECT min(due_at) FROM campaigns WHERE status = 'scheduled' AND due_at IS NOT NULL`)
      .pluck()
      .get() as number | null;
    if (next === null) return;
    const wait = Math.max(0, Math.min(next - this.deps.clock.now(), this.options.maxSleepMs));
    this.scheduleTimer = this.deps.clock.setTimeout(() => {
      this.scheduleTimer = null;
      void this.runDue();
    }, wait);
  }

  private async runDue(): Promise<void> {
    const now = this.deps.clock.now();
    const due = this.deps.q
      .prepare(`SELECT id FROM campaigns WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id`)
      .pluck()
      .all(now) as number[];
    for (const id of due) {
      if (this.closed) return;
      await this.begin(id, null);
    }
    this.armSchedule();
  }

  // --- internals: the runner ----------------------------------------------------------------

  private spawn(record: CampaignRecord): void {
    if (this.closed) return;
    const previous = this.runs.get(record.id);
    if (previous) {
      // Resumed while the paused runner still finishes its last send: start after it, so two
      // runners never share a campaign (and never both look at its rows in flight).
      if (!previous.active) {
        void previous.done.then(() => {
          const now = getCampaignRecord(this.deps.q, record.id);
          if (now?.status === 'running') this.spawn(now);
        });
      }
      return;
    }
    const c = toCampaign(this.deps.q, record);
    const run: Run = {
      id: c.id,
      name: c.name,
      parts: c.parts,
      pace: c.pace,
      accountIds: c.accountIds,
      timezone: c.timezone,
      includeGraylist: c.exclusions.includeGraylist,
      active: true,
      wake: noop,
      sent: 0,
      lastSendAt: null,
      delay: null,
      rotation: 0,
      sendTimes: [],
      startedAt: this.deps.clock.now(),
      waiting: null,
      nextAt: null,
      sendingAccount: null,
      needsReconcile: true,
      done: Promise.resolve(),
    };
    this.runs.set(run.id, run);
    run.done = this.loop(run).catch((error: unknown) => {
      this.fail(run.id, error instanceof Error ? error.message : String(error));
    });
  }

  private async stop(run: Run): Promise<void> {
    run.active = false;
    run.wake();
    await run.done;
  }

  private async loop(run: Run): Promise<void> {
    try {
      while (run.active && !this.closed) {
        const finished = await this.step(run);
        if (finished) break;
        // Let timers, acks and IPC in between messages even when the pace is zero.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      if (this.runs.get(run.id) === run) this.runs.delete(run.id);
      run.waiting = null;
      run.nextAt = null;
      this.touch(run.id, true);
    }
  }

  /** Waits up to `ms` on the clock; `run.wake()` ends the wait early. */
  private sleep(run: Run, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const handle = this.deps.clock.setTimeout(
        () => {
          run.wake = noop;
          resolve();
        },
        Math.max(0, Math.min(ms, this.options.maxSleepMs)),
      );
      run.wake = () => {
        this.deps.clock.clearTimeout(handle);
        run.wake = noop;
        resolve();
      };
    });
  }

  private async wait(run: Run, message: string | null, until: number | null): Promise<false> {
    const now = this.deps.clock.now();
    if (run.waiting !== message || run.nextAt !== until) {
      run.waiting = message;
      run.nextAt = until;
      this.touch(run.id, true);
    }
    await this.sleep(run, until === null ? this.options.maxSleepMs : until - now);
    return false;
  }

  private label(accountId: number): string {
    try {
      return this.deps.accounts.get(accountId).label;
    } catch {
      return `#${accountId}`;
    }
  }

  /** “Shop”, “Second” — for the waits that name several accounts. */
  private quotedLabels(accountIds: number[]): string {
    return [...new Set(accountIds)].map((id) => `“${this.label(id)}”`).join(', ');
  }


  private accountExists(accountId: number): boolean {
    try {
      this.deps.accounts.get(accountId);
      return true;
    } catch {
      return false;
    }
  }

  private readyDriver(accountId: number): WhatsAppDriver | null {
    try {
      return this.deps.accounts.readyDriver(accountId);
    } catch {
      return null;
    }
  }

  /** Messages this account sent since `dayStart`, in every campaign (a covering index range). */
  private sentToday(accountId: number, dayStart: number): number {
    return this.st.sentToday.get(accountId, dayStart) as number;
  }

  /** One look at the campaign: send one message, or wait for the next thing to change. True when finished. */
  private async step(run: Run): Promise<boolean> {
    const now = this.deps.clock.now();
    const existing = run.accountIds.filter((id) => this.accountExists(id));
    if (existing.length === 0) {
      this.fail(run.id, t('cq.status.accountsGone'));
      return true;
    }
    if (run.needsReconcile) {
      const left = await this.reconcile(run);
      run.needsReconcile = left > 0;
      if (!run.active) return true;
    }

    const row = this.st.nextQueued.get(run.id, now) as RecipientRecord | undefined;
    if (!row) {
      const inFlight = this.st.inFlight.all(run.id) as RecipientRecord[];
      if (inFlight.length > 0) {
        run.needsReconcile = true;
        const labels = this.quotedLabels(inFlight.map((r) => r.account_id ?? 0));
        return this.wait(run, t('cq.wait.reconcile', { count: inFlight.length, labels }), null);
      }
      const retryAt = this.st.earliestRetry.get(run.id) as number | null;
      if (retryAt !== null) {
        const count = this.deps.q
          .prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND status = 'queued'`)
          .pluck()
          .get(run.id) as number;
        return this.wait(run, t('cq.wait.retry', { count, at: this.formatAt(retryAt, run.timezone) }), retryAt);
      }
      setCampaignStatus(this.deps.q, run.id, 'completed', null, { finishedAt: now });
      this.changed(run.id);
      return true;
    }

    const ready = existing.filter((id) => this.readyDriver(id) !== null);
    if (ready.length === 0) {
      return this.wait(run, t('cq.wait.account', { labels: this.quotedLabels(existing) }), null);
    }
    const cap = run.pace.dailyCapPerAccount;
    const dayStart = cap === 0 ? 0 : startOfLocalDay(now, run.timezone);
    const usable = cap === 0 ? ready : ready.filter((id) => this.sentToday(id, dayStart) < cap);
    if (usable.length === 0) {
      const midnight = nextLocalMidnight(now, run.timezone);
      return this.wait(run, t('cq.wait.cap', { cap, at: this.formatAt(midnight, run.timezone) }), midnight);
    }
    const accountId = usable[run.rotation % usable.length] ?? usable[0]!;

    // When: after this campaign's last message and this account's last message, by the drawn delay.
    run.delay ??= run.lastSendAt === null ? { delayMs: 0, batchPause: false } : nextDelay(run.pace, run.sent, this.random);
    const typingMs = run.pace.typing ? this.typingMs(run.parts) : 0;
    const base = Math.max(run.lastSendAt ?? -Infinity, this.accountLastSend.get(accountId) ?? -Infinity);
    const planned = base === -Infinity ? now : base + Math.max(0, run.delay.delayMs - typingMs);
    const allowed = nextWorkingTime(Math.max(planned, now), run.pace.workingHours, run.timezone);
    if (allowed === Infinity) {
      return this.wait(run, t('cq.wait.hours', { at: '—' }), null);
    }
    const plannedAt = Math.max(planned, allowed === Math.max(planned, now) ? planned : allowed);
    if (plannedAt > now) {
      const message =
        allowed > Math.max(planned, now)
          ? t('cq.wait.hours', { at: this.formatAt(allowed, run.timezone) })
          : run.delay.batchPause
            ? t('cq.wait.break', { count: run.sent, at: this.formatAt(plannedAt, run.timezone) })
            : null;
      return this.wait(run, message, plannedAt);
    }

    const lock = this.accountLocks.get(accountId);
    if (lock) {
      run.waiting = t('cq.wait.busy', { label: this.label(accountId) });
      await lock;
      return false; // the account just sent: plan again from its new last send
    }
    run.waiting = null;
    run.nextAt = null;
    let release: () => void = noop;
    this.accountLocks.set(
      accountId,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    try {
      await this.sendOne(run, row, accountId, plannedAt, typingMs);
    } finally {
      this.accountLocks.delete(accountId);
      release();
    }
    return false;
  }

  private typingMs(parts: DraftPart[]): number {
    const first = parts[0];
    const length = first ? templatedTexts(first).join('').length : 0;
    const o = this.options;
    return Math.round(Math.min(o.typingMaxMs, Math.max(o.typingMinMs, length * o.typingMsPerChar)));
  }

  /** What a part becomes for this recipient: variables filled, one spintax pick (stable per row). */
  private content(run: Run, row: RecipientRecord, index: number): OutgoingContent | null {
    const part = run.parts[index];
    if (!part) return null;
    const contact = { name: row.name, phone: row.phone, fields: parseFieldPairs(row.fields) };
    const random = mulberry32(hash32(`${run.id}:${row.id}:${index}`));
    const fill = (text: string) => renderTemplate(text, contact, random);
    const file = (a: { id: string; fileName: string; mimeType: string }) => ({
      path: attachmentPath(this.deps.dataDir, a),
      mimeType: a.mimeType,
      fileName: a.fileName,
    });
    switch (part.kind) {
      case 'text': {
        const text = fill(part.text);
        return text.trim() === '' ? null : { kind: 'text', text };
      }
      case 'image':
      case 'video':
      case 'document': {
        const caption = fill(part.caption);
        return caption.trim() === '' ? { kind: part.kind, file: file(part.attachment) } : { kind: part.kind, file: file(part.attachment), caption };
      }
      case 'voice':
        return { kind: 'voice', file: file(part.attachment) };
      case 'location': {
        const loc: OutgoingContent = { kind: 'location', latitude: part.latitude, longitude: part.longitude };
        if (part.name) loc.name = part.name;
        if (part.address) loc.address = part.address;
        return loc;
      }
      case 'contact':
        return { kind: 'contact', displayName: part.displayName, phone: part.phone };
      case 'poll':
        return { kind: 'poll', question: fill(part.question), options: part.options, multipleAnswers: part.multipleAnswers };
    }
  }

  /** The text WhatsApp will show for a part (to recognise it when reconciling). */
  private bodyOf(content: OutgoingContent | null): string {
    if (!content) return '';
    if (content.kind === 'text') return content.text;
    if ('caption' in content && content.caption) return content.caption;
    if (content.kind === 'poll') return content.question;
    return '';
  }

  private finishRow(run: Run, row: RecipientRecord, status: RecipientStatus, reason: string | null): void {
    this.st.finish.run(status, reason, this.deps.clock.now(), row.id);
    this.touch(run.id);
  }

  private skipReason(run: Run, phone: string): string | null {
    const word = this.optedOut.get(phone);
    if (word !== undefined) return t('cq.reason.optOut', { word });
    const kind = this.st.blocked.get(phone, run.includeGraylist ? 1 : 0) as string | undefined;
    if (kind === 'black') return t('cq.reason.blacklist');
    if (kind === 'gray') return t('cq.reason.graylist');
    return null;
  }

  private markNotOnWhatsApp(phone: string): void {
    const at = new Date(this.deps.clock.now()).toISOString();
    void this.deps
      .writable()
      .then(() =>
        this.deps.db.updateTable('contacts').set({ wa_status: 'no', wa_checked_at: at }).where('phone', '=', phone).execute(),
      )
      .catch(() => undefined);
  }

  private async sendOne(run: Run, row: RecipientRecord, accountId: number, plannedAt: number, typingMs: number): Promise<void> {
    const { st } = this;
    const clock = this.deps.clock;
    run.sendingAccount = accountId;
    const skip = this.skipReason(run, row.phone);
    if (skip) {
      this.finishRow(run, row, 'skipped', skip);
      return; // no message went out: the pace slot is kept for the next recipient
    }
    const driver = this.readyDriver(accountId);
    if (!driver) return;
    this.deps.onSendStart?.({ campaignId: run.id, recipientId: row.id, plannedAt, startedAt: clock.now() });
    const startedAt = clock.now();
    const consumed = () => {
      run.lastSendAt = startedAt;
      this.accountLastSend.set(accountId, startedAt);
      run.delay = null;
      run.rotation++;
    };

    if (run.pace.checkNumberFirst && row.part === 0) {
      try {
        if (!(await driver.isRegistered(row.phone))) {
          consumed();
          this.finishRow(run, row, 'skipped', t('cq.reason.notOnWhatsAppChecked'));
          this.markNotOnWhatsApp(row.phone);
          return;
        }
      } catch (error) {
        if (error instanceof DriverError && error.code === 'not_ready') return;
        // The check itself failed: send anyway, as without the option.
      }
      if (!run.active) return;
    }
    if (typingMs > 0 && row.part === 0) {
      await driver.sendTyping(row.phone, typingMs).catch(() => undefined);
      if (!run.active) return;
    }

    // Part of this recipient's message already went out earlier (a retry of a later part).
    const resumed = row.sent_at !== null;
    for (let index = row.part; index < run.parts.length; index++) {
      let content: OutgoingContent | null;
      try {
        content = this.content(run, row, index);
      } catch (error) {
        this.fail(run.id, t('cq.status.attachmentMissing', { message: error instanceof Error ? error.message : String(error) }));
        return;
      }
      const last = index === run.parts.length - 1;
      const now = clock.now();
      if (!content) {
        st.partSent.run(index + 1, last ? 1 : 0, null, now, row.id);
        continue;
      }
      // Committed before WhatsApp hears of it: a crash from here on is reconciled, never re-sent blindly.
      // One attempt per try at this recipient, not per part.
      st.markSending.run(accountId, index, now, index === row.part ? 1 : 0, now, row.id);
      let messageId: string;
      try {
        ({ messageId } = await driver.send(row.phone, content));
      } catch (error) {
        if (index > row.part || resumed) consumed();
        this.onSendError(run, row, accountId, index, error);
        return;
      }
      const sentAt = clock.now();
      this.recordSent(messageId, accountId, row.id, index, last, sentAt);
      const early = this.earlyAcks.get(`${accountId}:${messageId}`);
      if (early) {
        this.earlyAcks.delete(`${accountId}:${messageId}`);
        this.onAck(early);
      }
      this.failureStreaks.delete(accountId);
      this.touch(run.id);
    }
    consumed();
    run.sent++;
    run.sendTimes.push(startedAt);
  }

  private onSendError(run: Run, row: RecipientRecord, accountId: number, part: number, error: unknown): void {
    const e = error instanceof DriverError ? error : new DriverError('failed', error instanceof Error ? error.message : String(error));
    const now = this.deps.clock.now();
    switch (e.code) {
      case 'not_on_whatsapp':
        this.finishRow(run, row, 'failed', t('cq.reason.notOnWhatsApp'));
        this.markNotOnWhatsApp(row.phone);
        return;
      case 'invalid_number':
        this.finishRow(run, row, 'failed', t('cq.reason.invalid'));
        return;
      case 'bad_media': {
        // Nothing went out for this part; the same file would fail for everyone.
        this.st.requeue.run(null, null, now, row.id);
        const p = run.parts[part];
        this.fail(run.id, t('cq.status.badMedia', { file: p && 'attachment' in p ? p.attachment.fileName : '?', reason: e.message }));
        return;
      }
      case 'blocked':
        // May or may not have left: the row stays `sending` for reconciliation.
        run.needsReconcile = true;
        this.pauseAccount(accountId, t('cq.status.blocked', { label: this.label(accountId) }));
        return;
      case 'not_ready':
      case 'network':
      case 'timeout':
        // The connection went away mid-send: in doubt until the account is back.
        run.needsReconcile = true;
        return;
      default: {
        const attempts = (this.st.get.get(row.id) as RecipientRecord | undefined)?.attempts ?? row.attempts + 1;
        if (attempts >= this.options.maxAttempts) {
          this.finishRow(run, row, 'failed', t('cq.reason.gaveUp', { count: attempts, reason: e.message }));
        } else {
          const backoff = this.options.retryBaseMs * 2 ** (attempts - 1) * (0.8 + 0.4 * this.random());
          const at = Math.round(now + backoff);
          this.st.requeue.run(at, t('cq.reason.retry', { reason: e.message, at: this.formatAt(at, run.timezone) }), now, row.id);
          this.touch(run.id);
        }
        const streak = (this.failureStreaks.get(accountId) ?? 0) + 1;
        this.failureStreaks.set(accountId, streak);
        if (streak >= this.options.failureStreakLimit) {
          this.pauseAccount(
            accountId,
            t('cq.status.streak', { label: this.label(accountId), count: streak, reason: e.message }),
          );
        }
      }
    }
  }

  /** Pauses every running campaign that sends on this account. */
  private pauseAccount(accountId: number, reason: string): void {
    for (const run of [...this.runs.values()]) {
      if (run.accountIds.includes(accountId)) this.autoPause(run.id, reason);
    }
  }

  /**
   * Rows of this campaign left `sending`: asks their account's driver what it really sent. Returns
   * how many are still undecided (their account is not connected yet).
   */
  private async reconcile(run: Run): Promise<number> {
    const rows = this.st.inFlight.all(run.id) as RecipientRecord[];
    let left = 0;
    const now = this.deps.clock.now();
    for (const row of rows) {
      if (row.sending_at === null) {
        // Between two parts: nothing was in flight.
        this.st.requeue.run(null, null, now, row.id);
        continue;
      }
      const accountId = row.account_id ?? 0;
      if (!this.accountExists(accountId)) {
        this.finishRow(run, row, 'unknown', t('cq.reason.unknownAccountGone'));
        continue;
      }
      const driver = this.readyDriver(accountId);
      if (!driver) {
        left++;
        continue;
      }
      let history;
      try {
        history = await driver.recentMessagesTo(row.phone, 20);
      } catch {
        left++;
        continue;
      }
      let expected = '';
      try {
        expected = this.bodyOf(this.content(run, row, row.part));
      } catch {
        expected = '';
      }
      const known = new Set(this.st.messageIdsOf.all(row.id) as string[]);
      const found = history?.find(
        (m) =>
          !known.has(m.messageId) &&
          m.timestamp >= row.sending_at! - this.options.reconcileSlackMs &&
          (expected === '' || m.body === expected),
      );
      if (found) {
        const last = row.part === run.parts.length - 1;
        this.deps.q.transaction(() => {
          this.st.insertMessage.run(found.messageId, accountId, row.id, row.part, found.timestamp);
          this.st.partSent.run(row.part + 1, last ? 1 : 0, found.timestamp, now, row.id);
          if (!last) this.st.requeue.run(null, null, now, row.id);
        })();
        if (found.ack === 'device' || found.ack === 'read' || found.ack === 'played') {
          this.onAck({ accountId, messageId: found.messageId, ack: found.ack });
        }
      } else if (history !== null && driver.describe().historyComplete) {
        this.st.requeue.run(null, null, now, row.id); // provably never left
      } else {
        this.finishRow(run, row, 'unknown', t('cq.reason.unknown'));
      }
      this.touch(run.id);
    }
    return left;
  }

  // --- events from accounts -------------------------------------------------------------------

  private onAck(e: { accountId: number; messageId: string; ack: string }): void {
    const now = this.deps.clock.now();
    let hit: { campaign_id: number } | undefined;
    if (e.ack === 'device' || e.ack === 'read' || e.ack === 'played') {
      const status = e.ack === 'device' ? 'delivered' : 'read';
      hit = this.st.ack.get(status, now, status, now, now, e.accountId, e.messageId, status) as { campaign_id: number } | undefined;
    } else if (e.ack === 'error') {
      hit = this.st.ackFailed.get(t('cq.reason.waFailed'), now, e.accountId, e.messageId) as { campaign_id: number } | undefined;
    }
    if (hit) this.touch(hit.campaign_id);
    else if (e.ack !== 'server' && e.ack !== 'pending') {
      // Maybe ours, not recorded yet: keep it for the send that is finishing (a bounded memory).
      if (this.earlyAcks.size >= 1_000) this.earlyAcks.delete(this.earlyAcks.keys().next().value ?? '');
      this.earlyAcks.set(`${e.accountId}:${e.messageId}`, e);
    }
  }

  private onAccountState(e: { accountId: number; state: string }): void {
    if (e.state === 'blocked') {
      this.pauseAccount(e.accountId, t('cq.status.blocked', { label: this.label(e.accountId) }));
      return;
    }
    for (const run of this.runs.values()) {
      if (run.accountIds.includes(e.accountId)) {
        if (e.state === 'ready') run.needsReconcile = true;
        run.wake();
      }
    }
  }

  // --- progress -------------------------------------------------------------------------------

  /** Pushes progress soon (coalesced), or now. */
  private touch(id: number, now = false): void {
    if (this.closed) return;
    if (now) {
      const pending = this.progressTimers.get(id);
      if (pending) this.deps.clock.clearTimeout(pending);
      this.progressTimers.delete(id);
      this.emitProgress(id);
      return;
    }
    if (this.progressTimers.has(id)) return;
    this.progressTimers.set(
      id,
      this.deps.clock.setTimeout(() => {
        this.progressTimers.delete(id);
        this.emitProgress(id);
      }, this.options.progressIntervalMs),
    );
  }

  private emitProgress(id: number): void {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) return; // deleted meanwhile
    this.deps.bus.emit('campaigns.progress', this.progressOf(id, record.status as CampaignStatus, record.status_reason, countRecipients(this.deps.q, id)));
  }
}

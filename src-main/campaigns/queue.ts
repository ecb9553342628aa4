/**
 * The send queue (docs/architecture.md, "A campaign message"), as a service: campaigns' life
 * cycle (create, edit, start, pause, resume, cancel, schedule) and one runner per running
 * campaign. Its parts:
 * - `repo.ts` — every SQL statement; `audience.ts` — building recipients;
 * - `runner.ts` — the loop, waits and pace; `send.ts` — one customer's message and its failures;
 * - `reconcile.ts` — sends in doubt and acks after a crash; `progress.ts` — pure arithmetic.
 *
 * The campaign's status in the database is the only truth. Pause and cancel change it there and
 * wake the runner; the runner reads it before every customer, the audience build between chunks,
 * and a row is claimed only while its campaign is running (a conditional update). Nothing spawns
 * a runner for a campaign that is not running and built.
 */
import type {
  AudiencePreview,
  Campaign,
  CampaignProgress,
  CampaignStatus,
  DraftPart,
  Exclusions,
  VariableGap,
} from '#shared/campaigns';
import { templatedTexts } from '#shared/campaigns';
import { AppError } from '#shared/errors';
import { FINISHED_STATUSES, type HistoryRow } from '#shared/history';
import { t } from '#shared/i18n';
import { isValidTimeZone, paceIssues, type Pace } from '#shared/pace';
import { templateVariables, type TemplateVariable } from '#shared/template';
import { raceTimeout, type TimerHandle } from '#main/kernel/clock';
import { accountBreaker, resetBreaker } from '#main/safety/breaker';
import { attachmentPath } from '#main/drafts/attachments';
import { draftProblems, getDraft } from '#main/drafts/service';
import type { WhatsAppDriver } from '#main/whatsapp/driver';
import { BuildStopped, buildRecipients, prepareAudience, previewAudience } from './audience';
import { audienceBudgetUse } from './budget-gate';
import type { BudgetUse } from '#shared/safety';
import {
  DEFAULT_QUEUE_OPTIONS,
  snapshotOf,
  type AckEvent,
  type CampaignSnapshot,
  type QueueDeps,
  type QueueHost,
  type QueueOptions,
} from './context';
import { formatAt, progressOf } from './progress';
import type { CampaignRecord } from './queue-db';
import { reconcileStray, recoverAcks } from './reconcile';
import {
  beginBuild,
  campaignNames,
  cancelCampaign,
  countRecipients,
  deleteCampaign,
  dueCampaigns,
  earliestDue,
  endBuild,
  getCampaignRecord,
  insertCampaign,
  isBuilding,
  isSending,
  listCampaignRecords,
  listRecipients,
  pauseCampaign,
  reopenCampaign,
  resolveUnknownRows,
  sendStatements,
  setCampaignStatus,
  setDueAt,
  toCampaign,
  updateCampaignFields,
  type CampaignFields,
  type SendStatements,
} from './repo';
import { historyRows } from './history';
import { Runner } from './runner';
import { CQ_ERR_CANNOT, CQ_STATUS_WORD } from '#shared/i18n/keys';

export { DEFAULT_QUEUE_OPTIONS, type QueueDeps, type QueueOptions, type SendTiming } from './context';

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

export class CampaignQueue implements QueueHost {
  readonly st: SendStatements;
  readonly options: QueueOptions;
  readonly random: () => number;
  readonly failureStreaks = new Map<number, number>();
  /** Asks for variable gaps so far: only the latest is worked on. */
  private gapsAsks = 0;
  readonly lastLookup = new Map<number, number>();
  readonly accountLocks = new Map<number, Promise<void>>();
  private readonly runs = new Map<number, Runner>();
  private readonly progressTimers = new Map<number, TimerHandle>();
  /** Acks that arrived before their send was recorded (WhatsApp can be quicker than our commit). */
  private readonly earlyAcks = new Map<string, AckEvent>();
  private scheduleTimer: TimerHandle | null = null;
  private closed = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(readonly deps: QueueDeps) {
    this.st = sendStatements(deps.q);
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...deps.options };
    this.random = deps.random ?? Math.random;
    this.unsubscribe.push(
      deps.accounts.on('ack', (e) => this.applyAck(e)),
      deps.accounts.on('state', (e) => this.onAccountState(e)),
      // An opt-out (journaled before this event) may trip a breaker: of any account sending now.
      deps.accounts.on('optOut', () => this.checkBreakers()),
    );
  }

  // --- life cycle ---------------------------------------------------------------------------

  /** Resumes what was running when Pigeon stopped and arms the schedule. */
  async start(): Promise<void> {
    const now = this.now();
    for (const r of listCampaignRecords(this.deps.q)) {
      if (r.status === 'running') {
        if (r.building === 1) await this.begin(r.id, null, ['running']);
        else this.spawn(r.id);
      } else if (r.status === 'scheduled' && r.due_at !== null && r.due_at <= now) {
        await this.begin(r.id, t('cq.status.lateStart', { name: r.name, at: this.formatAt(r.due_at, r.timezone) }), ['scheduled']);
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
    const done = Promise.all([...this.runs.values()].map((run) => run.stop()));
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
    const id = insertCampaign(this.deps.q, fields, this.now());
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
        setDueAt(this.deps.q, id, dueAt);
      }
    }
    updateCampaignFields(this.deps.q, id, fields);
    const run = this.runs.get(id);
    if (run && patch.pace) {
      // A new pace applies to the very next message: redraw its delay and look again now.
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
    const names = campaignNames(this.deps.q);
    let name = `${c.name} (copy)`;
    for (let n = 2; names.has(name); n++) name = `${c.name} (copy ${n})`;
    const newId = insertCampaign(this.deps.q, { ...c, name: name.slice(0, 100), draftId, draftName, parts, schedule: { kind: 'now' } }, this.now());
    return this.changed(newId);
  }

  history(query: Parameters<typeof historyRows>[1]): HistoryRow[] {
    return historyRows(this.deps.q, query);
  }

  /** Renames a finished campaign (a running or unstarted one is renamed in its editor). */
  rename(id: number, name: string): Campaign {
    const record = this.record(id);
    if (!FINISHED_STATUSES.includes(record.status as CampaignStatus)) throw new AppError('conflict', t('history.err.renameUnfinished'));
    this.deps.q.prepare(`UPDATE campaigns SET name = ? WHERE id = ?`).run(name.trim(), id);
    return this.changed(id);
  }

  /** Archives or unarchives a finished campaign; a campaign still going cannot be hidden. */
  archive(id: number, archived: boolean): Campaign {
    const record = this.record(id);
    if (!FINISHED_STATUSES.includes(record.status as CampaignStatus)) throw new AppError('conflict', t('history.err.archiveUnfinished'));
    this.deps.q.prepare(`UPDATE campaigns SET archived = ? WHERE id = ?`).run(archived ? 1 : 0, id);
    return this.changed(id);
  }

  /** Deletes a campaign that is not running; what it sent stays in the send ledger (daily caps). */
  delete(id: number): { deleted: boolean } {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) return { deleted: false };
    if (record.status === 'running') throw new AppError('conflict', t('cq.err.deleteRunning'));
    deleteCampaign(this.deps.q, id);
    this.armSchedule();
    this.deps.bus.emit('campaigns.changed', { id, campaign: null });
    return { deleted: true };
  }

  async preview(audience: Campaign['audience'], exclusions: Exclusions, draftId: number | null): Promise<AudiencePreview> {
    const variables = draftId === null ? [] : this.variablesOf((await getDraft(this.deps.db, draftId)).parts);
    const prepared = await prepareAudience(this.deps.db, audience);
    return await previewAudience(
      this.deps.q,
      { audience, exclusions, campaignId: null, now: this.now(), defaultCountry: await this.deps.defaultCountry(), variables },
      prepared,
    );
  }

  /** Per account: the most of this month's unanswered-message budget the audience may use, and what is left. */
  async budgetUse(audience: Campaign['audience'], exclusions: Exclusions, accountIds: number[]): Promise<BudgetUse[]> {
    const prepared = await prepareAudience(this.deps.db, audience);
    const input = { audience, exclusions, campaignId: null, now: this.now(), defaultCountry: await this.deps.defaultCountry(), variables: [] };
    return audienceBudgetUse(this.deps.q, input, prepared, accountIds.filter((id) => this.accountExists(id)), this.deps.accountTimezone());
  }

  /** For each variable of `parts`, how many contacts (of the audience, or the whole book) lack it. */
  async variableGaps(parts: DraftPart[], audience: Campaign['audience'] | null): Promise<VariableGap[]> {
    // The editor asks again as the text changes: a newer ask ends this one (at a million contacts
    // each takes seconds of stepped work, and they would otherwise queue behind one another, and
    // a campaign start behind them).
    const ask = ++this.gapsAsks;
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
        now: this.now(),
        defaultCountry: await this.deps.defaultCountry(),
        variables,
        allContacts: audience === null,
      },
      prepared,
      { stop: () => ask !== this.gapsAsks, standing: false },
    ).catch((error: unknown) => {
      throw error instanceof BuildStopped ? new AppError('cancelled', t('cq.err.gapsReplaced')) : error;
    });
    return preview.variableGaps;
  }

  /** Starts now, or schedules; the draft's content is frozen into the campaign when it begins. */
  async startCampaign(id: number): Promise<Campaign> {
    const record = this.record(id);
    if (record.status !== 'draft' && record.status !== 'scheduled') this.cannot(record.status, 'Start');
    const c = toCampaign(this.deps.q, record);
    this.checkSettings(c.accountIds, c.pace, c.timezone);
    const parts = await this.freezeDraft(record); // refused here, in words, before anything starts
    this.checkCap(c.pace, parts);
    // A scheduled campaign started by hand goes now; a draft follows its schedule.
    if (record.status === 'draft' && c.schedule.kind === 'at') {
      const dueAt = this.dueAt(c.schedule);
      if (dueAt === null) throw new AppError('invalid_input', t('cq.err.scheduleInPast', { at: this.formatAt(Date.parse(c.schedule.at), c.timezone) }));
      if (!setCampaignStatus(this.deps.q, id, 'scheduled', null, { dueAt, from: ['draft'] })) this.cannot(this.record(id).status, 'Start');
      this.armSchedule();
      return this.changed(id);
    }
    // What begin's last look counted (counting it again held the loop ~11 ms more at 230 000 rows).
    return (await this.begin(id, null, [record.status], parts)) ?? this.get(id);
  }

  pause(id: number): Campaign {
    const record = this.record(id);
    if (record.status !== 'running') this.cannot(record.status, 'Pause');
    pauseCampaign(this.deps.q, id, t('cq.status.pausedByUser'));
    const run = this.runs.get(id);
    if (run) void run.stop();
    return this.changed(id);
  }

  async resume(id: number): Promise<Campaign> {
    const record = this.record(id);
    if (record.status !== 'paused') this.cannot(record.status, 'Resume');
    const c = toCampaign(this.deps.q, record);
    for (const accountId of c.accountIds) this.failureStreaks.delete(accountId);
    // A tripped breaker starts a fresh count (the operator confirmed): only later sends are judged.
    for (const accountId of c.accountIds) {
      if (accountBreaker(this.deps.q, accountId, this.now())?.trip) {
        resetBreaker(this.deps.q, accountId, this.now());
        this.deps.bus.emit('safety.changed', { accountId });
      }
    }
    if (record.building === 1) {
      // Paused while preparing: prepared again from scratch (nothing was sent).
      return (await this.begin(id, null, ['paused'])) ?? this.get(id);
    }
    if (setCampaignStatus(this.deps.q, id, 'running', null, { from: ['paused'] })) this.spawn(id);
    return this.changed(id);
  }

  cancel(id: number): Campaign {
    const record = this.record(id);
    if (!['running', 'paused', 'scheduled', 'draft'].includes(record.status)) this.cannot(record.status, 'Cancel');
    cancelCampaign(this.deps.q, id, t('cq.status.cancelledByUser'), t('cq.reason.cancelled'), this.now());
    const run = this.runs.get(id);
    if (run) void run.stop();
    this.armSchedule();
    return this.changed(id);
  }

  recipients(input: Parameters<typeof listRecipients>[1]) {
    this.record(input.id);
    return listRecipients(this.deps.q, input);
  }

  /** Rows left `unknown` after a crash or an error: queue them again, or drop them. */
  resolveUnknown(id: number, action: 'resend' | 'drop', recipientIds?: number[]): { changed: number } {
    const record = this.record(id);
    const changed = resolveUnknownRows(this.deps.q, id, action, t('cq.reason.dropped'), this.now(), recipientIds);
    if (action === 'resend' && changed > 0) {
      if (record.status === 'completed') reopenCampaign(this.deps.q, id); // finished apart from these: it runs again
      this.spawn(id);
      this.runs.get(id)?.wake();
    }
    this.changed(id);
    return { changed };
  }

  progress(id: number): CampaignProgress {
    const record = this.record(id);
    return this.progressFor(record);
  }

  private progressFor(record: CampaignRecord, counts = countRecipients(this.deps.q, record.id)): CampaignProgress {
    const progress = progressOf(record.id, record.status as CampaignStatus, record.status_reason, counts, this.runs.get(record.id) ?? null, this.now());
    if (record.status === 'running' && record.building === 1) progress.waiting = t('cq.wait.preparing');
    return progress;
  }

  // --- the host side (runner, sender, reconciler call these) ----------------------------------

  now(): number {
    return this.deps.clock.now();
  }

  /** Pushes progress soon (coalesced), or now. */
  touch(id: number, now = false): void {
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

  changed(id: number): Campaign {
    // Counted once for both messages: at 230 000 rows each count held the event loop ~30 ms.
    const record = this.record(id);
    const counts = countRecipients(this.deps.q, id);
    const campaign = toCampaign(this.deps.q, record, counts);
    this.deps.bus.emit('campaigns.changed', { id, campaign });
    this.deps.bus.emit('campaigns.progress', this.progressFor(record, counts));
    return campaign;
  }

  fail(id: number, reason: string): void {
    setCampaignStatus(this.deps.q, id, 'failed', reason, { finishedAt: this.now() });
    const run = this.runs.get(id);
    if (run) void run.stop();
    this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'error', message: reason });
    this.changed(id);
  }

  /** Every runner looks again now (an account's safety settings changed). */
  wake(): void {
    for (const run of this.runs.values()) run.wake();
  }

  /** Pauses every running campaign that sends on this account (being prepared or sending); how many. */
  pauseAccount(accountId: number, reason: string): number {
    let paused = 0;
    for (const r of listCampaignRecords(this.deps.q)) {
      if (r.status === 'running' && snapshotOf(r).accountIds.includes(accountId) && this.autoPause(r.id, reason)) paused++;
    }
    return paused;
  }

  /**
   * The account's breaker on spam signals (opt-outs, undelivered after an hour, failures in its
   * last sends): when it tripped, its running campaigns pause with the figures as the reason.
   */
  checkBreaker(accountId: number): boolean {
    if (this.closed) return false;
    const figures = accountBreaker(this.deps.q, accountId, this.now());
    if (!figures?.tripped) return false;
    if (this.pauseAccount(accountId, figures.tripped) > 0) this.deps.bus.emit('safety.changed', { accountId });
    return true;
  }

  /** Every account that a running campaign sends on. */
  private checkBreakers(): void {
    const ids = new Set<number>();
    for (const r of listCampaignRecords(this.deps.q)) if (r.status === 'running') for (const id of snapshotOf(r).accountIds) ids.add(id);
    for (const id of ids) this.checkBreaker(id);
  }

  label(accountId: number): string {
    try {
      return this.deps.accounts.get(accountId).label;
    } catch {
      return `#${accountId}`;
    }
  }

  /** “Shop”, “Second” — for the waits that name several accounts. */
  quotedLabels(accountIds: number[]): string {
    return [...new Set(accountIds)].map((id) => `“${this.label(id)}”`).join(', ');
  }

  formatAt(ms: number, timezone: string): string {
    return formatAt(ms, timezone, this.now());
  }

  readyDriver(accountId: number): WhatsAppDriver | null {
    try {
      return this.deps.accounts.readyDriver(accountId);
    } catch {
      return null;
    }
  }

  accountExists(accountId: number): boolean {
    try {
      this.deps.accounts.get(accountId);
      return true;
    } catch {
      return false;
    }
  }

  /** Acks record delivery on their row (never moving a row that is still sending). */
  applyAck(e: AckEvent): void {
    const now = this.now();
    let hit: { campaign_id: number } | undefined;
    if (e.ack === 'device' || e.ack === 'read' || e.ack === 'played') {
      const level = e.ack === 'device' ? 'delivered' : 'read';
      const row = this.st.ack.get({ now, level, accountId: e.accountId, messageId: e.messageId }) as
        | { campaign_id: number; phone: string }
        | undefined;
      hit = row;
      // Delivered proves the number is on WhatsApp: the contact book is told, later, elsewhere.
      if (row) this.deps.onDelivered?.(row.phone);
    } else if (e.ack === 'error') {
      hit = this.st.ackFailed.get({ reason: t('cq.reason.waFailed'), now, accountId: e.accountId, messageId: e.messageId }) as
        | { campaign_id: number }
        | undefined;
      if (hit) this.checkBreaker(e.accountId);
    }
    if (hit) this.touch(hit.campaign_id);
    else if (e.ack !== 'server' && e.ack !== 'pending') {
      // Maybe ours, not recorded yet: keep it for the send that is finishing (a bounded memory).
      if (this.earlyAcks.size >= 1_000) this.earlyAcks.delete(this.earlyAcks.keys().next().value ?? '');
      this.earlyAcks.set(`${e.accountId}:${e.messageId}`, e);
    }
  }

  applyEarlyAck(accountId: number, messageId: string): void {
    const early = this.earlyAcks.get(`${accountId}:${messageId}`);
    if (!early) return;
    this.earlyAcks.delete(`${accountId}:${messageId}`);
    this.applyAck(early);
  }

  markNotOnWhatsApp(phone: string): void {
    this.deps.onNotOnWhatsApp?.(phone);
  }

  runnerEnded(id: number, runner: unknown): void {
    if (this.runs.get(id) === runner) this.runs.delete(id);
  }

  // --- internals ------------------------------------------------------------------------------

  private record(id: number): CampaignRecord {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) throw new AppError('not_found', t('cq.err.campaignGone'));
    return record;
  }

  private snapshot(id: number): CampaignSnapshot | null {
    const record = getCampaignRecord(this.deps.q, id);
    return record ? snapshotOf(record) : null;
  }

  private cannot(status: string, action: 'Start' | 'Pause' | 'Resume' | 'Cancel'): never {
    const word = t(CQ_STATUS_WORD[status as keyof typeof CQ_STATUS_WORD]);
    throw new AppError('conflict', t(CQ_ERR_CANNOT[action], { status: word }));
  }

  private checkSettings(accountIds: number[], pace: Pace, timezone: string): void {
    if (accountIds.length === 0) throw new AppError('invalid_input', t('cq.err.noAccounts'));
    const known = new Set(this.deps.accounts.list().map((a) => a.id));
    if (accountIds.some((id) => !known.has(id))) throw new AppError('invalid_input', t('cq.err.accountGone'));
    if (!isValidTimeZone(timezone)) throw new AppError('invalid_input', t('cq.err.timezone', { zone: timezone }));
    const issues = paceIssues(pace);
    if (issues.length > 0) throw new AppError('invalid_input', t('cq.err.pace', { message: issues.join(' ') }));
  }

  /** A customer's parts go out on one day: a cap below the number of parts could never send. */
  private checkCap(pace: Pace, parts: DraftPart[]): void {
    const cap = pace.dailyCapPerAccount;
    if (cap > 0 && parts.length > cap) throw new AppError('invalid_input', t('cq.err.capBelowParts', { cap, parts: parts.length }));
  }

  private dueAt(schedule: Campaign['schedule']): number | null {
    if (schedule.kind === 'now') return null;
    const at = Date.parse(schedule.at);
    return at > this.now() - 60_000 ? at : null;
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
   * Prepares the recipients (after a crash mid-build, again from scratch) and starts the runner,
   * if the campaign is still in one of `from` when it begins. The build reads the status between
   * chunks: a pause or cancel meanwhile stops it, and nothing is sent. Returns the campaign as it
   * was last told to the screens, or null when it was not (failed, changed meanwhile, deleted).
   */
  private async begin(id: number, notice: string | null, from: readonly CampaignStatus[], checked?: DraftPart[]): Promise<Campaign | null> {
    let parts: DraftPart[];
    try {
      parts = checked ?? (await this.freezeDraft(this.record(id)));
    } catch (error) {
      this.fail(id, error instanceof Error ? error.message : String(error));
      return null;
    }
    if (!beginBuild(this.deps.q, id, parts, notice, this.now(), from)) return null; // changed meanwhile (a cancel)
    this.changed(id);
    const stillBuilding = () => isBuilding(this.deps.q, id);
    try {
      const c = this.get(id);
      const prepared = await prepareAudience(this.deps.db, c.audience);
      if (!stillBuilding()) throw new BuildStopped();
      const built = await buildRecipients(
        this.deps.q,
        id,
        {
          audience: c.audience,
          exclusions: c.exclusions,
          campaignId: id,
          now: this.now(),
          defaultCountry: await this.deps.defaultCountry(),
          variables: [],
        },
        prepared,
        () => !stillBuilding(),
      );
      if (!endBuild(this.deps.q, id, built.excluded)) throw new BuildStopped();
      if (notice) this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'info', message: notice });
      if (built.total === 0) {
        setCampaignStatus(this.deps.q, id, 'completed', t('cq.status.nobody'), { finishedAt: this.now(), from: ['running'] });
      } else {
        this.spawn(id);
      }
    } catch (error) {
      // Stopped by a pause (it is prepared again on resume) or a cancel (its rows went with it).
      if (!(error instanceof BuildStopped)) {
        if (getCampaignRecord(this.deps.q, id)) this.fail(id, error instanceof Error ? error.message : String(error));
        return null;
      }
    }
    return getCampaignRecord(this.deps.q, id) ? this.changed(id) : null;
  }

  private autoPause(id: number, reason: string): boolean {
    if (!pauseCampaign(this.deps.q, id, reason)) return false;
    const run = this.runs.get(id);
    if (run) void run.stop();
    this.deps.bus.emit('campaigns.notice', { campaignId: id, level: 'warning', message: reason });
    this.changed(id);
    return true;
  }

  private armSchedule(): void {
    if (this.closed) return;
    if (this.scheduleTimer) this.deps.clock.clearTimeout(this.scheduleTimer);
    this.scheduleTimer = null;
    const next = earliestDue(this.deps.q);
    if (next === null) return;
    const wait = Math.max(0, Math.min(next - this.now(), this.options.maxSleepMs));
    this.scheduleTimer = this.deps.clock.setTimeout(() => {
      this.scheduleTimer = null;
      void this.runDue();
    }, wait);
  }

  private async runDue(): Promise<void> {
    for (const id of dueCampaigns(this.deps.q, this.now())) {
      if (this.closed) return;
      await this.begin(id, null, ['scheduled']);
    }
    this.armSchedule();
  }

  /** A runner for a campaign that is running and built in the database, and has none yet. */
  private spawn(id: number): void {
    if (this.closed || !isSending(this.deps.q, id)) return;
    const previous = this.runs.get(id);
    if (previous) {
      // Resumed while the paused runner still finishes its last send: start after it, so two
      // runners never share a campaign (and never both look at its rows in flight).
      if (!previous.active) void previous.done.then(() => this.spawn(id));
      return;
    }
    const snapshot = this.snapshot(id);
    if (!snapshot) return;
    const run = new Runner(this, id, snapshot);
    this.runs.set(id, run);
    run.start();
  }

  private onAccountState(e: { accountId: number; state: string }): void {
    if (e.state === 'blocked') {
      this.pauseAccount(e.accountId, t('cq.status.blocked', { label: this.label(e.accountId) }));
      return;
    }
    for (const run of this.runs.values()) {
      const c = this.snapshot(run.id);
      if (!c?.accountIds.includes(e.accountId)) continue;
      if (e.state === 'ready') run.needsReconcile = true;
      run.wake();
    }
    if (e.state === 'ready' && !this.closed) {
      // What this account left in doubt for stopped campaigns, and the acks that came meanwhile.
      void reconcileStray(this, e.accountId, (id) => this.snapshot(id))
        .then(() => recoverAcks(this, e.accountId))
        .catch(() => undefined);
    }
  }

  private emitProgress(id: number): void {
    const record = getCampaignRecord(this.deps.q, id);
    if (!record) return; // deleted meanwhile
    this.deps.bus.emit('campaigns.progress', this.progressFor(record));
  }
}

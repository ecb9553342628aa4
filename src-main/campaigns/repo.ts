/**
 * Every SQL statement of the send queue (campaigns, recipients, the send ledger, the opt-out
 * journal), as plain functions taking the connection first, plus the row → domain mappers. The
 * statements run for every message are prepared once per connection in {@link sendStatements};
 * `query-plans.test.ts` checks their real text against the real schema.
 *
 * Rules the statements carry (docs/architecture.md, "A campaign message"):
 * - a row is claimed with a conditional update, never a blind one, and only while its campaign
 *   is running in the database;
 * - the part being sent and the delivery state are kept apart: an ack never moves a row out of
 *   `sending`, and the last part's landing derives sent / delivered / read from the acks so far;
 * - the ledger entry of a part is written with its claim and removed only when that send is
 *   proven never to have left.
 */
import type {
  Audience,
  Campaign,
  CampaignCounts,
  CampaignStatus,
  DraftPart,
  Exclusions,
  Recipient,
  RecipientStatus,
  Schedule,
} from '#shared/campaigns';
import { RECIPIENT_STATUSES } from '#shared/campaigns';
import type { Pace } from '#shared/pace';

import type { CampaignRecord, RecipientRecord } from './queue-db';
import type { Sqlite } from '#main/kernel/db';

export type CampaignFields = {
  name: string;
  draftId: number | null;
  draftName: string;
  parts: DraftPart[];
  audience: Audience;
  exclusions: Exclusions;
  accountIds: number[];
  pace: Pace;
  timezone: string;
  schedule: Schedule;
};

export function emptyCounts(): CampaignCounts {
  const counts = { total: 0 } as CampaignCounts;
  for (const s of RECIPIENT_STATUSES) counts[s] = 0;
  return counts;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export function countRecipients(q: Sqlite, campaignId: number): CampaignCounts {
  const rows = q
    .prepare(`SELECT status, count(*) AS n FROM recipients WHERE campaign_id = ? GROUP BY status`)
    .all(campaignId) as { status: RecipientStatus; n: number }[];
  const counts = emptyCounts();
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
  }
  return counts;
}

/** `counts` when the caller has just counted the rows itself (the report does). */
export function toCampaign(q: Sqlite, r: CampaignRecord, counts?: CampaignCounts): Campaign {
  return {
    id: r.id,
    name: r.name,
    status: r.status as CampaignStatus,
    statusReason: r.status_reason,
    preparing: (r.status === 'running' || r.status === 'paused') && r.building === 1,
    draftId: r.draft_id,
    draftName: r.draft_name,
    parts: JSON.parse(r.parts) as DraftPart[],
    frozen: r.frozen === 1,
    audience: JSON.parse(r.audience) as Audience,
    exclusions: JSON.parse(r.exclusions) as Exclusions,
    accountIds: JSON.parse(r.account_ids) as number[],
    pace: JSON.parse(r.pace) as Pace,
    timezone: r.timezone,
    schedule: JSON.parse(r.schedule) as Schedule,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    counts: counts ?? countRecipients(q, r.id),
  };
}

export function getCampaignRecord(q: Sqlite, id: number): CampaignRecord | undefined {
  return q.prepare(`SELECT * FROM campaigns WHERE id = ?`).get(id) as CampaignRecord | undefined;
}

export function listCampaignRecords(q: Sqlite): CampaignRecord[] {
  return q.prepare(`SELECT * FROM campaigns ORDER BY id DESC`).all() as CampaignRecord[];
}

export function campaignNames(q: Sqlite): Set<string> {
  return new Set(q.prepare(`SELECT name FROM campaigns`).pluck().all() as string[]);
}

export function insertCampaign(q: Sqlite, f: CampaignFields, now: number): number {
  return Number(
    q
      .prepare(
        `INSERT INTO campaigns (name, status, draft_id, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.name,
        f.draftId,
        f.draftName,
        JSON.stringify(f.parts),
        JSON.stringify(f.audience),
        JSON.stringify(f.exclusions),
        JSON.stringify(f.accountIds),
        JSON.stringify(f.pace),
        f.timezone,
        JSON.stringify(f.schedule),
        now,
      ).lastInsertRowid,
  );
}

const COLUMN: Record<keyof CampaignFields, string> = {
  name: 'name',
  draftId: 'draft_id',
  draftName: 'draft_name',
  parts: 'parts',
  audience: 'audience',
  exclusions: 'exclusions',
  accountIds: 'account_ids',
  pace: 'pace',
  timezone: 'timezone',
  schedule: 'schedule',
};

export function updateCampaignFields(q: Sqlite, id: number, patch: Partial<CampaignFields>): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof CampaignFields, unknown][];
  if (entries.length === 0) return;
  const sets = entries.map(([k]) => `${COLUMN[k]} = ?`).join(', ');
  const values = entries.map(([, v]) => (typeof v === 'string' || typeof v === 'number' || v === null ? v : JSON.stringify(v)));
  q.prepare(`UPDATE campaigns SET ${sets} WHERE id = ?`).run(...values, id);
}

/**
 * Sets a campaign's status. With `from`, only when it is in one of those statuses now (the
 * database decides, not a copy in memory); returns whether it changed.
 */
export function setCampaignStatus(
  q: Sqlite,
  id: number,
  status: CampaignStatus,
  reason: string | null,
  extra: { startedAt?: number; finishedAt?: number; dueAt?: number | null; from?: readonly CampaignStatus[] } = {},
): boolean {
  const from = extra.from ? `AND status IN (SELECT value FROM json_each(?))` : '';
  const params: unknown[] = [status, reason, extra.startedAt ?? null, extra.finishedAt ?? null, extra.dueAt !== undefined ? 1 : 0, extra.dueAt ?? null, id];
  if (extra.from) params.push(JSON.stringify(extra.from));
  return (
    q
      .prepare(
        `UPDATE campaigns SET status = ?, status_reason = ?,
           started_at = coalesce(started_at, ?), finished_at = ?, due_at = CASE WHEN ? THEN ? ELSE due_at END
         WHERE id = ? ${from}`,
      )
      .run(...params).changes === 1
  );
}

export function setDueAt(q: Sqlite, id: number, dueAt: number): void {
  q.prepare(`UPDATE campaigns SET due_at = ? WHERE id = ?`).run(dueAt, id);
}

export function deleteCampaign(q: Sqlite, id: number): void {
  q.prepare(`DELETE FROM campaigns WHERE id = ?`).run(id);
}

/**
 * Starts (or restarts) preparing: running, building, the content frozen, no rows yet; only if
 * the campaign is in one of `from` now. Returns whether it began.
 */
export function beginBuild(q: Sqlite, id: number, parts: DraftPart[], notice: string | null, now: number, from: readonly CampaignStatus[]): boolean {
  return q.transaction(() => {
    const began = q
      .prepare(
        `UPDATE campaigns SET parts = ?, frozen = 1, status = 'running', status_reason = ?, building = 1, finished_at = NULL,
           started_at = coalesce(started_at, ?)
         WHERE id = ? AND status IN (SELECT value FROM json_each(?))`,
      )
      .run(JSON.stringify(parts), notice, now, id, JSON.stringify(from)).changes === 1;
    if (began) q.prepare(`DELETE FROM recipients WHERE campaign_id = ?`).run(id);
    return began;
  })();
}

/** Whether the campaign is running and still preparing its recipients (read between chunks). */
export function isBuilding(q: Sqlite, id: number): boolean {
  return q.prepare(`SELECT 1 FROM campaigns WHERE id = ? AND status = 'running' AND building = 1`).pluck().get(id) === 1;
}

/** The build is done; only if the campaign is still running and building (else false). */
export function endBuild(q: Sqlite, id: number, excluded: unknown): boolean {
  return (
    q
      .prepare(`UPDATE campaigns SET building = 0, excluded = ? WHERE id = ? AND status = 'running' AND building = 1`)
      .run(JSON.stringify(excluded), id).changes === 1
  );
}

/** A build that stopped half way: its rows go (none was sent), it is no longer building. */
export function discardBuild(q: Sqlite, id: number): void {
  q.transaction(() => {
    q.prepare(`DELETE FROM recipients WHERE campaign_id = ?`).run(id);
    q.prepare(`UPDATE campaigns SET building = 0 WHERE id = ?`).run(id);
  })();
}

/** Whether the campaign is running and not building, right now in the database. */
export function isSending(q: Sqlite, id: number): boolean {
  return q.prepare(`SELECT 1 FROM campaigns WHERE id = ? AND status = 'running' AND building = 0`).pluck().get(id) === 1;
}

/**
 * Pauses a running campaign. One still preparing loses its half-built rows (nobody was sent
 * anything) and stays marked building: Resume prepares it again from scratch.
 */
export function pauseCampaign(q: Sqlite, id: number, reason: string): boolean {
  return q.transaction(() => {
    const paused = setCampaignStatus(q, id, 'paused', reason, { from: ['running'] });
    if (paused && q.prepare(`SELECT building FROM campaigns WHERE id = ?`).pluck().get(id) === 1) {
      q.prepare(`DELETE FROM recipients WHERE campaign_id = ?`).run(id);
    }
    return paused;
  })();
}

/**
 * Cancels: status cancelled, queued rows skipped. A campaign still preparing loses its half-built
 * rows instead (nobody was sent anything yet). Rows in flight finish their message.
 */
export function cancelCampaign(q: Sqlite, id: number, reason: string, rowReason: string, now: number): void {
  q.transaction(() => {
    const building = q.prepare(`SELECT building FROM campaigns WHERE id = ?`).pluck().get(id) === 1;
    setCampaignStatus(q, id, 'cancelled', reason, { finishedAt: now });
    if (building) discardBuild(q, id);
    else {
      q.prepare(`UPDATE recipients SET status = 'skipped', reason = ?, updated_at = ? WHERE campaign_id = ? AND status = 'queued'`).run(
        rowReason,
        now,
        id,
      );
    }
  })();
}

export function earliestDue(q: Sqlite): number | null {
  return q.prepare(`SELECT min(due_at) FROM campaigns WHERE status = 'scheduled' AND due_at IS NOT NULL`).pluck().get() as number | null;
}

export function dueCampaigns(q: Sqlite, now: number): number[] {
  return q.prepare(`SELECT id FROM campaigns WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id`).pluck().all(now) as number[];
}

/** Rows left `unknown`: queue them again (with a new try), or drop them. */
export function resolveUnknownRows(
  q: Sqlite,
  id: number,
  action: 'resend' | 'drop',
  droppedReason: string,
  now: number,
  recipientIds?: number[],
): number {
  const only = recipientIds ? `AND id IN (SELECT value FROM json_each(?))` : '';
  const params: (string | number)[] = recipientIds ? [JSON.stringify(recipientIds)] : [];
  if (action === 'resend') {
    return q
      .prepare(
        `UPDATE recipients SET status = 'queued', reason = NULL, sending_at = NULL, ledger_id = NULL, not_before = NULL, updated_at = ?
         WHERE campaign_id = ? AND status = 'unknown' ${only}`,
      )
      .run(now, id, ...params).changes;
  }
  return q
    .prepare(`UPDATE recipients SET status = 'failed', reason = ?, sending_at = NULL, updated_at = ? WHERE campaign_id = ? AND status = 'unknown' ${only}`)
    .run(droppedReason, now, id, ...params).changes;
}

/** A completed campaign runs again (some rows were queued again). */
export function reopenCampaign(q: Sqlite, id: number): void {
  q.prepare(`UPDATE campaigns SET status = 'running', status_reason = NULL, finished_at = NULL WHERE id = ? AND status = 'completed'`).run(id);
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

export function toRecipient(r: RecipientRecord): Recipient {
  return {
    id: r.id,
    phone: r.phone,
    name: r.name,
    status: r.status as RecipientStatus,
    reason: r.reason,
    accountId: r.account_id,
    attempts: r.attempts,
    updatedAt: new Date(r.updated_at).toISOString(),
    sentAt: iso(r.sent_at),
  };
}

export function listRecipients(
  q: Sqlite,
  input: { id: number; status: RecipientStatus | 'all'; search: string; offset: number; limit: number },
): { rows: Recipient[]; total: number } {
  const where = ['campaign_id = ?'];
  const params: (string | number)[] = [input.id];
  if (input.status !== 'all') {
    where.push('status = ?');
    params.push(input.status);
  }
  const search = input.search.trim();
  if (search) {
    where.push(`(name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')`);
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like.replace(/[\s()-]/g, ''));
  }
  const clause = where.join(' AND ');
  const total = q.prepare(`SELECT count(*) FROM recipients WHERE ${clause}`).pluck().get(...params) as number;
  const rows = q
    .prepare(`SELECT * FROM recipients WHERE ${clause} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as RecipientRecord[];
  return { rows: rows.map(toRecipient), total };
}

/** The visible status of a row whose last part has landed, from what WhatsApp said so far. */
const DONE_STATUS = `CASE WHEN wa_error IS NOT NULL THEN 'failed' WHEN read_at IS NOT NULL THEN 'read'
  WHEN delivered_at IS NOT NULL THEN 'delivered' ELSE 'sent' END`;

/** The send path's statements, prepared once per connection. */
export function sendStatements(q: Sqlite) {
  return {
    /**
     * The next row to try: queued, not backing off, and either fresh or pinned to an account
     * that is ready (a customer's parts all go through one account).
     */
    nextQueued: q.prepare(
      `SELECT * FROM recipients WHERE campaign_id = ? AND status = 'queued' AND (not_before IS NULL OR not_before <= ?)
         AND (part = 0 OR account_id IN (SELECT value FROM json_each(?))) ORDER BY id LIMIT 1`,
    ),
    /** Accounts that queued rows are pinned to (their first parts went through them). */
    pinnedAccounts: q
      .prepare(`SELECT DISTINCT account_id FROM recipients WHERE campaign_id = ? AND status = 'queued' AND part > 0`)
      .pluck(),
    /** Rows whose first parts went through an account that was removed: the rest cannot follow. */
    orphanPinned: q.prepare(
      `UPDATE recipients SET status = ${DONE_STATUS}, reason = ?, sending_at = NULL, ledger_id = NULL, updated_at = ?
       WHERE campaign_id = ? AND status = 'queued' AND part > 0 AND account_id = ?`,
    ),
    earliestRetry: q.prepare(`SELECT min(not_before) FROM recipients WHERE campaign_id = ? AND status = 'queued'`).pluck(),
    queuedCount: q.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND status = 'queued'`).pluck(),
    inFlight: q.prepare(`SELECT * FROM recipients WHERE campaign_id = ? AND status = 'sending' ORDER BY id`),
    get: q.prepare(`SELECT * FROM recipients WHERE id = ?`),
    /** Claims a queued row for its first part to send, while its campaign runs (DB truth). */
    claim: q.prepare(
      `UPDATE recipients SET status = 'sending', account_id = @accountId, part = @part, sending_at = @sendingAt, ledger_id = @ledgerId,
         attempts = attempts + 1, reason = NULL, updated_at = @now
       WHERE id = @id AND status = 'queued'
         AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = recipients.campaign_id AND c.status = 'running' AND c.building = 0)`,
    ),
    /** Claims the next part of a row this runner holds (between two parts, nothing in flight). */
    claimNextPart: q.prepare(
      `UPDATE recipients SET part = @part, sending_at = @sendingAt, ledger_id = @ledgerId, updated_at = @now
       WHERE id = @id AND status = 'sending' AND sending_at IS NULL AND account_id = @accountId AND part = @part`,
    ),
    ledgerAdd: q.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, ?, ?, ?)`),
    /** The ledger entry of a row's part in flight goes: that send provably never left. */
    ledgerRemove: q.prepare(`DELETE FROM send_ledger WHERE id = (SELECT ledger_id FROM recipients WHERE id = ?)`),
    ledgerDelete: q.prepare(`DELETE FROM send_ledger WHERE id = ?`),
    /** Messages handed to WhatsApp on this account since `dayStart` (every campaign, deleted ones too). */
    sentSince: q.prepare(`SELECT count(*) FROM send_ledger WHERE account_id = ? AND at >= ?`).pluck(),
    accountLastSend: q.prepare(`SELECT max(at) FROM send_ledger WHERE account_id = ?`).pluck(),
    campaignLastSend: q.prepare(`SELECT max(at) FROM send_ledger WHERE campaign_id = ?`).pluck(),
    /** Customers this campaign has reached so far (breaks come every N of them). */
    campaignReached: q.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck(),
    /**
     * A part went out (or was empty): the next part, or the row done with its status derived
     * from the acks so far. Only while this row is ours (`sending`).
     */
    partDone: q.prepare(
      `UPDATE recipients SET part = @next, sending_at = NULL, ledger_id = NULL,
         sent_at = CASE WHEN @sentAt IS NULL THEN sent_at ELSE coalesce(sent_at, @sentAt) END,
         status = CASE WHEN @last THEN ${DONE_STATUS} ELSE status END,
         reason = CASE WHEN @last THEN wa_error ELSE NULL END,
         not_before = NULL, updated_at = @now
       WHERE id = @id AND status = 'sending'`,
    ),
    insertMessage: q.prepare(`INSERT OR IGNORE INTO messages (wa_message_id, account_id, recipient_id, part, sent_at) VALUES (?, ?, ?, ?, ?)`),
    messageOwner: q.prepare(`SELECT recipient_id FROM messages WHERE account_id = ? AND wa_message_id = ?`).pluck(),
    requeue: q.prepare(
      `UPDATE recipients SET status = 'queued', sending_at = NULL, ledger_id = NULL, not_before = ?, reason = ?, updated_at = ? WHERE id = ?`,
    ),
    /** A queued row that will not be sent (skipped before its claim); only while still queued. */
    skipQueued: q.prepare(`UPDATE recipients SET status = 'skipped', reason = ?, updated_at = ? WHERE id = ? AND status = 'queued'`),
    /** Why a send in flight is in doubt (shown if it ends `unknown`). */
    noteDoubt: q.prepare(`UPDATE recipients SET reason = ? WHERE id = ? AND status = 'sending'`),
    /** A final status (failed, skipped): nothing is in flight any more. */
    finish: q.prepare(`UPDATE recipients SET status = ?, reason = ?, sending_at = NULL, ledger_id = NULL, updated_at = ? WHERE id = ?`),
    /** In doubt for the operator: when it began stays (`sending_at`), with the ledger entry. */
    markUnknown: q.prepare(`UPDATE recipients SET status = 'unknown', reason = ?, updated_at = ? WHERE id = ? AND status = 'sending'`),
    /** Stopped part-way (a STOP between parts): what went out counts, with why the rest did not. */
    finishPartial: q.prepare(
      `UPDATE recipients SET status = ${DONE_STATUS}, reason = ?, sending_at = NULL, ledger_id = NULL, updated_at = ? WHERE id = ?`,
    ),
    /**
     * An ack records delivery on the row; the status follows only once every part is out (sent
     * → delivered → read, never backwards). A row still sending keeps `sending`.
     */
    ack: q.prepare(
      `UPDATE recipients SET delivered_at = coalesce(delivered_at, @now),
         read_at = CASE WHEN @level = 'read' THEN coalesce(read_at, @now) ELSE read_at END,
         status = CASE WHEN status = 'sent' OR (status = 'delivered' AND @level = 'read') THEN @level ELSE status END,
         updated_at = @now
       WHERE id = (SELECT recipient_id FROM messages WHERE account_id = @accountId AND wa_message_id = @messageId)
       RETURNING campaign_id, phone`,
    ),
    ackFailed: q.prepare(
      `UPDATE recipients SET wa_error = @reason,
         status = CASE WHEN status = 'sent' THEN 'failed' ELSE status END,
         reason = CASE WHEN status = 'sent' THEN @reason ELSE reason END, updated_at = @now
       WHERE id = (SELECT recipient_id FROM messages WHERE account_id = @accountId AND wa_message_id = @messageId)
         AND status IN ('sending', 'sent', 'queued')
       RETURNING campaign_id`,
    ),
    /**
     * Messages whose delivery is not known to be final, sent on an account since `since`: those
     * not known as delivered first, newest first, at most `limit` (each is a question to the phone).
     */
    awaitingAcks: q
      .prepare(
        `SELECT m.wa_message_id FROM messages m JOIN recipients r ON r.id = m.recipient_id
         WHERE m.account_id = ? AND m.sent_at >= ? AND r.status IN ('sending', 'sent', 'delivered')
         ORDER BY r.status = 'delivered', m.sent_at DESC LIMIT ?`,
      )
      .pluck(),
    /** The blacklist (and graylist unless included), and opt-outs not yet in the contact book. */
    suppression: q.prepare(
      `SELECT kind, source FROM book.suppressions WHERE phone = @phone AND (kind = 'black' OR @gray = 0)
       UNION ALL SELECT 'black', 'opt-out' FROM opt_outs WHERE phone = @phone AND applied = 0
       LIMIT 1`,
    ),
    optOutWord: q.prepare(`SELECT word FROM opt_outs WHERE phone = ? ORDER BY id DESC LIMIT 1`).pluck(),
    remaining: q.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND status IN ('queued', 'sending')`).pluck(),
    /** Rows in flight of campaigns that are not running (paused, cancelled, …): reconciled without a runner. */
    strayInFlight: q.prepare(
      `SELECT r.* FROM campaigns c CROSS JOIN recipients r ON r.campaign_id = c.id AND r.status = 'sending'
       WHERE c.status IN ('cancelled', 'failed', 'completed') AND r.account_id = ? ORDER BY r.id`,
    ),
  };
}
export type SendStatements = ReturnType<typeof sendStatements>;

// ---------------------------------------------------------------------------------------------
// The opt-out journal
// ---------------------------------------------------------------------------------------------

export type OptOutEntry = {
  id: number;
  accountId: number;
  accountLabel: string;
  waMessageId: string;
  phone: string;
  word: string;
  body: string;
  receivedAt: string;
};

/** Records an opt-out the moment it arrives; returns its id, or null when already recorded. */
export function journalOptOut(q: Sqlite, e: Omit<OptOutEntry, 'id'>): number | null {
  const r = q
    .prepare(
      `INSERT INTO opt_outs (account_id, account_label, wa_message_id, phone, word, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, wa_message_id) DO NOTHING`,
    )
    .run(e.accountId, e.accountLabel, e.waMessageId, e.phone, e.word, e.body, e.receivedAt);
  return r.changes === 1 ? Number(r.lastInsertRowid) : null;
}

export function optOutApplied(q: Sqlite, id: number): void {
  q.prepare(`UPDATE opt_outs SET applied = 1 WHERE id = ?`).run(id);
}

export function pendingOptOuts(q: Sqlite): OptOutEntry[] {
  return q
    .prepare(
      `SELECT id, account_id AS accountId, account_label AS accountLabel, wa_message_id AS waMessageId, phone, word, body,
         received_at AS receivedAt FROM opt_outs WHERE applied = 0 ORDER BY id`,
    )
    .all() as OptOutEntry[];
}

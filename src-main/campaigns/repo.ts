/**
 * Campaign and recipient rows in the queue file: plain functions taking the connection first, and
 * the row → domain mappers. The send path's statements are prepared once per connection.
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
} from '../../src-shared/campaigns';
import { RECIPIENT_STATUSES } from '../../src-shared/campaigns';
import type { Pace } from '../../src-shared/pace';
import type { Sqlite } from '../db/connection';
import type { CampaignRecord, RecipientRecord } from './queue-db';

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

export function toCampaign(q: Sqlite, r: CampaignRecord): Campaign {
  return {
    id: r.id,
    name: r.name,
    status: r.status as CampaignStatus,
    statusReason: r.status_reason,
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
    counts: countRecipients(q, r.id),
  };
}

export function getCampaignRecord(q: Sqlite, id: number): CampaignRecord | undefined {
  return q.prepare(`SELECT * FROM campaigns WHERE id = ?`).get(id) as CampaignRecord | undefined;
}

export function listCampaignRecords(q: Sqlite): CampaignRecord[] {
  return q.prepare(`SELECT * FROM campaigns ORDER BY id DESC`).all() as CampaignRecord[];
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

export function setCampaignStatus(
  q: Sqlite,
  id: number,
  status: CampaignStatus,
  reason: string | null,
  extra: { startedAt?: number; finishedAt?: number; dueAt?: number | null } = {},
): void {
  q.prepare(
    `UPDATE campaigns SET status = ?, status_reason = ?,
       started_at = coalesce(started_at, ?), finished_at = ?, due_at = CASE WHEN ? THEN ? ELSE due_at END
     WHERE id = ?`,
  ).run(status, reason, extra.startedAt ?? null, extra.finishedAt ?? null, extra.dueAt !== undefined ? 1 : 0, extra.dueAt ?? null, id);
}

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

/** The send path's statements, prepared once. */
export function sendStatements(q: Sqlite) {
  return {
    nextQueued: q.prepare(
      `SELECT * FROM recipients WHERE campaign_id = ? AND status = 'queued' AND (not_before IS NULL OR not_before <= ?) ORDER BY id LIMIT 1`,
    ),
    earliestRetry: q.prepare(`SELECT min(not_before) FROM recipients WHERE campaign_id = ? AND status = 'queued'`).pluck(),
    inFlight: q.prepare(`SELECT * FROM recipients WHERE campaign_id = ? AND status = 'sending' ORDER BY id`),
    get: q.prepare(`SELECT * FROM recipients WHERE id = ?`),
    markSending: q.prepare(
      `UPDATE recipients SET status = 'sending', account_id = ?, part = ?, sending_at = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?`,
    ),
    /** A part went out; `done` when it was the last one. */
    partSent: q.prepare(
      `UPDATE recipients SET part = ?, sending_at = NULL, status = CASE WHEN ? THEN 'sent' ELSE status END,
         sent_at = coalesce(sent_at, ?), not_before = NULL, reason = NULL, updated_at = ? WHERE id = ?`,
    ),
    insertMessage: q.prepare(
      `INSERT OR IGNORE INTO messages (wa_message_id, account_id, recipient_id, part, sent_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    messageIdsOf: q.prepare(`SELECT wa_message_id FROM messages WHERE recipient_id = ?`).pluck(),
    requeue: q.prepare(
      `UPDATE recipients SET status = 'queued', sending_at = NULL, not_before = ?, reason = ?, updated_at = ? WHERE id = ?`,
    ),
    finish: q.prepare(`UPDATE recipients SET status = ?, reason = ?, sending_at = NULL, updated_at = ? WHERE id = ?`),
    /** Acks move a row forward only (a late 'delivered' never undoes 'read'). */
    ack: q.prepare(
      `UPDATE recipients SET status = ?, delivered_at = coalesce(delivered_at, ?), read_at = CASE WHEN ? = 'read' THEN coalesce(read_at, ?) ELSE read_at END, updated_at = ?
       WHERE id = (SELECT recipient_id FROM messages WHERE account_id = ? AND wa_message_id = ?)
         AND status IN (${"'sending','sent','delivered'"}) AND (status != 'delivered' OR ? = 'read')
       RETURNING campaign_id`,
    ),
    ackFailed: q.prepare(
      `UPDATE recipients SET status = 'failed', reason = ?, updated_at = ?
       WHERE id = (SELECT recipient_id FROM messages WHERE account_id = ? AND wa_message_id = ?) AND status IN ('sent', 'sending')
       RETURNING campaign_id`,
    ),
    sentToday: q.prepare(`SELECT count(*) FROM recipients WHERE account_id = ? AND sent_at >= ?`).pluck(),
    blocked: q.prepare(
      `SELECT kind FROM book.suppressions WHERE phone = ? AND (kind = 'black' OR ? = 0)`,
    ).pluck(),
    remaining: q.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND status IN ('queued', 'sending')`).pluck(),
  };
}
export type SendStatements = ReturnType<typeof sendStatements>;

/**
 * A campaign's report, read from the queue file (recipients, messages, opt-out journal, poll
 * votes, the people left out) and the contact book attached as `book` (replies, account labels,
 * drafts). Plain functions taking the queue connection first; every statement is set-based SQL
 * on an index (query plans are checked in query-plans.test.ts of this folder).
 *
 * Definitions:
 * - sent = status sent | delivered | read; delivered = delivered | read; pending = queued | sending.
 * - replied = the recipient's phone wrote to us (any account) at or after our first send to them
 *   and within the reply window; opted out = an opt-out reply at or after our first send (the
 *   book's incoming messages plus the queue's opt-out journal, which holds ones not yet applied).
 * - delays: nearest-rank median (rank ⌈n/2⌉) and p90 (rank ⌈0.9·n⌉) of delivered_at − sent_at and
 *   read_at − sent_at, walked on expression indexes (ORDER BY … LIMIT 1 OFFSET rank − 1).
 */
import type { Campaign, DraftPart, RecipientStatus } from '#shared/campaigns';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import { startOfLocalDay, zonedParts, zonedTimeToUtc } from '#shared/pace';
import type {
  AccountFigures,
  CampaignReport,
  DelayFigures,
  PollResult,
  ReasonCount,
  ReportBucket,
  ReportFunnel,
  ReportRecipient,
  ReportSelection,
  ReportSeries,
  ReportSort,
} from '#shared/reports';
import type { CampaignRecord } from '#main/campaigns/queue-db';
import { emptyCounts, getCampaignRecord, toCampaign } from '#main/campaigns/repo';
import type { Sqlite } from '#main/kernel/db';

const HOUR = 3_600_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The exclusion reasons in the order the review shows them (keys of the campaign's `excluded`). */
export const EXCLUSION_REASONS = ['blacklist', 'graylist', 'notOnWhatsApp', 'recentlyMessaged', 'duplicates', 'invalid'] as const;

export function campaignRecord(q: Sqlite, id: number): CampaignRecord {
  const record = getCampaignRecord(q, id);
  if (!record) throw new AppError('not_found', t('cq.err.campaignGone'));
  return record;
}

/** ISO text → ms, in SQL (the book keeps times as ISO text, the queue as ms). */
const ms = (column: string) => `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;

/**
 * Per recipient who got something and then heard back: the first reply within the window
 * (`replied_at`, ms) and whether any reply after our send was an opt-out. A CTE named `rep`;
 * parameters @c (campaign), @from (ISO, the campaign's first send), @win (ms).
 */
export const REPLIES_CTE = `rep AS MATERIALIZED (
  SELECT rid, min(replied_at) AS replied_at, max(opted_out) AS opted_out FROM (
    SELECT r.id AS rid, CASE WHEN ${ms('m.received_at')} <= r.sent_at + @win THEN ${ms('m.received_at')} END AS replied_at, m.opt_out AS opted_out
    FROM book.incoming_messages m CROSS JOIN recipients r ON r.campaign_id = @c AND r.phone = m.from_phone
    WHERE m.received_at >= @from AND r.sent_at IS NOT NULL AND ${ms('m.received_at')} >= r.sent_at
    UNION ALL
    SELECT r.id, CASE WHEN ${ms('o.received_at')} <= r.sent_at + @win THEN ${ms('o.received_at')} END, 1
    FROM opt_outs o CROSS JOIN recipients r ON r.campaign_id = @c AND r.phone = o.phone
    WHERE o.received_at >= @from AND r.sent_at IS NOT NULL AND ${ms('o.received_at')} >= r.sent_at
  ) GROUP BY rid
)`;

/** One row's first reply within the window (ms), as a correlated subquery (parameter @win). */
const REPLIED_AT = `(SELECT min(x.at) FROM (
    SELECT ${ms('m.received_at')} AS at FROM book.incoming_messages m WHERE m.from_phone = r.phone
    UNION ALL
    SELECT ${ms('o.received_at')} FROM opt_outs o WHERE o.phone = r.phone
  ) x WHERE r.sent_at IS NOT NULL AND x.at >= r.sent_at AND x.at <= r.sent_at + @win) AS replied_at`;

function firstSent(q: Sqlite, id: number): { first: number | null; last: number | null } {
  // Two index seeks on recipients_by_sent.
  const first = q.prepare(`SELECT min(sent_at) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck().get(id) as number | null;
  const last = q.prepare(`SELECT max(sent_at) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck().get(id) as number | null;
  return { first, last };
}

function replyParams(id: number, first: number | null, windowHours: number) {
  // No send yet: nothing can be a reply (a date after any stored one).
  return { c: id, from: first === null ? '9999' : new Date(first).toISOString(), win: windowHours * HOUR };
}

function delay(q: Sqlite, id: number, column: 'delivered_at' | 'read_at'): DelayFigures {
  const index = column === 'delivered_at' ? 'recipients_delivered_delay' : 'recipients_read_delay';
  const where = `campaign_id = ? AND ${column} IS NOT NULL AND sent_at IS NOT NULL`;
  const count = q.prepare(`SELECT count(*) FROM recipients INDEXED BY ${index} WHERE ${where}`).pluck().get(id) as number;
  if (count === 0) return null;
  const at = q.prepare(`SELECT ${column} - sent_at FROM recipients INDEXED BY ${index} WHERE ${where} ORDER BY ${column} - sent_at LIMIT 1 OFFSET ?`).pluck();
  const rank = (p: number) => Math.max(0, Math.ceil(p * count) - 1);
  return { count, medianMs: at.get(id, rank(0.5)) as number, p90Ms: at.get(id, rank(0.9)) as number };
}

function excludedCounts(record: CampaignRecord): ReasonCount[] {
  if (!record.excluded) return [];
  const counts = JSON.parse(record.excluded) as Partial<Record<string, number>>;
  return EXCLUSION_REASONS.map((reason) => ({ reason, count: counts[reason] ?? 0 })).filter((r) => r.count > 0);
}

function draftDeleted(q: Sqlite, record: CampaignRecord): boolean {
  if (record.draft_id === null) return true;
  return q.prepare(`SELECT 1 FROM book.drafts WHERE id = ?`).pluck().get(record.draft_id) !== 1;
}

function polls(q: Sqlite, id: number, parts: DraftPart[]): PollResult[] {
  const results: PollResult[] = [];
  const byPart = new Map<number, PollResult>();
  parts.forEach((part, index) => {
    if (part.kind !== 'poll') return;
    const result: PollResult = { part: index, question: part.question, options: part.options.map((name) => ({ name, votes: 0 })), voters: 0 };
    results.push(result);
    byPart.set(index, result);
  });
  if (results.length === 0) return results;
  const rows = q
    .prepare(
      `SELECT m.part, v.options FROM poll_votes v
       JOIN messages m ON m.account_id = v.account_id AND m.wa_message_id = v.wa_message_id
       JOIN recipients r ON r.id = m.recipient_id
       WHERE r.campaign_id = ?`,
    )
    .all(id) as { part: number; options: string }[];
  for (const row of rows) {
    const result = byPart.get(row.part);
    if (!result) continue;
    const chosen = JSON.parse(row.options) as string[];
    if (chosen.length > 0) result.voters++;
    for (const name of chosen) {
      const option = result.options.find((o) => o.name === name);
      if (option) option.votes++;
    }
  }
  return results;
}

export function getReport(q: Sqlite, id: number, replyWindowHours: number): CampaignReport {
  const record = campaignRecord(q, id);

  // One covering scan of recipients_report gives the funnel and the per-account figures.
  const groups = q
    .prepare(`SELECT account_id AS accountId, status, count(*) AS n FROM recipients WHERE campaign_id = ? GROUP BY account_id, status`)
    .all(id) as { accountId: number | null; status: RecipientStatus; n: number }[];
  const excludedReasons = excludedCounts(record);
  const funnel: ReportFunnel = {
    recipients: 0,
    sent: 0,
    delivered: 0,
    read: 0,
    replied: 0,
    optedOut: 0,
    failed: 0,
    skipped: 0,
    unknown: 0,
    pending: 0,
    excluded: excludedReasons.reduce((sum, r) => sum + r.count, 0),
  };
  const accounts = new Map<number, AccountFigures>();
  const counts = emptyCounts();
  for (const { accountId, status, n } of groups) {
    funnel.recipients += n;
    counts[status] += n;
    counts.total += n;
    const sent = status === 'sent' || status === 'delivered' || status === 'read';
    const delivered = status === 'delivered' || status === 'read';
    if (sent) funnel.sent += n;
    if (delivered) funnel.delivered += n;
    if (status === 'read') funnel.read += n;
    if (status === 'failed') funnel.failed += n;
    if (status === 'skipped') funnel.skipped += n;
    if (status === 'unknown') funnel.unknown += n;
    if (status === 'queued' || status === 'sending') funnel.pending += n;
    if (accountId === null) continue;
    let a = accounts.get(accountId);
    if (!a) {
      a = { accountId, label: null, sent: 0, delivered: 0, read: 0, failed: 0 };
      accounts.set(accountId, a);
    }
    if (sent) a.sent += n;
    if (delivered) a.delivered += n;
    if (status === 'read') a.read += n;
    if (status === 'failed') a.failed += n;
  }
  const campaign: Campaign = toCampaign(q, record, counts);
  const label = q.prepare(`SELECT label FROM book.accounts WHERE id = ?`).pluck();
  for (const a of accounts.values()) a.label = (label.get(a.accountId) as string | undefined) ?? null;

  const { first, last } = firstSent(q, id);
  const replies = q
    .prepare(`WITH ${REPLIES_CTE} SELECT count(replied_at) AS replied, coalesce(sum(opted_out), 0) AS optedOut FROM rep`)
    .get(replyParams(id, first, replyWindowHours)) as { replied: number; optedOut: number };
  funnel.replied = replies.replied;
  funnel.optedOut = replies.optedOut;

  const failures = q
    .prepare(
      `SELECT coalesce(reason, '') AS reason, count(*) AS count FROM recipients
       WHERE campaign_id = ? AND status IN ('failed', 'skipped') GROUP BY 1 ORDER BY 2 DESC, 1`,
    )
    .all(id) as ReasonCount[];

  return {
    campaign,
    draftDeleted: draftDeleted(q, record),
    replyWindowHours,
    funnel,
    excludedReasons,
    firstSentAt: iso(first),
    lastSentAt: iso(last),
    deliveredDelay: delay(q, id, 'delivered_at'),
    readDelay: delay(q, id, 'read_at'),
    perAccount: [...accounts.values()].sort((a, b) => a.accountId - b.accountId),
    failures,
    polls: polls(q, id, campaign.parts),
  };
}

// ---------------------------------------------------------------------------------------------
// Sends over time
// ---------------------------------------------------------------------------------------------

const SLOT = 15 * 60_000; // every zone's offset is a multiple of 15 minutes

export function getSeries(q: Sqlite, id: number, bucket: ReportBucket): ReportSeries {
  const record = campaignRecord(q, id);
  const timezone = record.timezone;
  // Per 15-minute UTC slot in SQL, then slot → local hour / day in JS (DST-safe, zone arithmetic).
  const rows = q
    .prepare(
      `SELECT coalesce(sent_at, sending_at, updated_at) / ${SLOT} AS slot,
         sum(status IN ('sent', 'delivered', 'read')) AS sent, sum(status IN ('delivered', 'read')) AS delivered,
         sum(status = 'read') AS read, sum(status = 'failed') AS failed
       FROM recipients WHERE campaign_id = ? AND (sent_at IS NOT NULL OR status = 'failed')
       GROUP BY 1 ORDER BY 1`,
    )
    .all(id) as { slot: number; sent: number; delivered: number; read: number; failed: number }[];
  const points = new Map<number, ReportSeries['points'][number] & { ms: number }>();
  for (const row of rows) {
    const at = row.slot * SLOT;
    let start: number;
    if (bucket === 'day') start = startOfLocalDay(at, timezone);
    else {
      const p = zonedParts(at, timezone);
      start = zonedTimeToUtc({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: 0 }, timezone);
    }
    let point = points.get(start);
    if (!point) {
      point = { ms: start, at: new Date(start).toISOString(), sent: 0, delivered: 0, read: 0, failed: 0 };
      points.set(start, point);
    }
    point.sent += row.sent;
    point.delivered += row.delivered;
    point.read += row.read;
    point.failed += row.failed;
  }
  return {
    bucket,
    timezone,
    points: [...points.values()].sort((a, b) => a.ms - b.ms).map(({ ms: _ms, ...p }) => p),
  };
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

export type RecipientsQuery = {
  id: number;
  selection: ReportSelection;
  replyWindowHours: number;
  sort: ReportSort;
  descending: boolean;
  offset: number;
  limit: number;
};

const SORT_COLUMN: Record<ReportSort, string> = {
  name: 'r.name',
  phone: 'r.phone',
  status: 'r.status',
  sentAt: 'r.sent_at',
  deliveredAt: 'r.delivered_at',
  readAt: 'r.read_at',
  repliedAt: 'rep.replied_at',
  account: 'a.label',
};

const like = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Where = { clauses: string[]; params: Record<string, unknown>; needsReplies: boolean };

function recipientWhere(id: number, selection: ReportSelection): Where {
  const w: Where = { clauses: ['r.campaign_id = @c'], params: { c: id }, needsReplies: false };
  const f = selection.filter;
  if (f === 'pending') w.clauses.push(`r.status IN ('queued', 'sending')`);
  else if (f === 'replied') {
    w.clauses.push('rep.replied_at IS NOT NULL');
    w.needsReplies = true;
  } else if (f === 'optedOut') {
    w.clauses.push('rep.opted_out = 1');
    w.needsReplies = true;
  } else if (f !== 'all' && f !== 'excluded') {
    w.clauses.push('r.status = @status');
    w.params.status = f;
  }
  if (selection.reason !== null) {
    w.clauses.push('r.reason = @reason');
    w.params.reason = selection.reason;
  }
  if (selection.accountId !== null) {
    w.clauses.push('r.account_id = @account');
    w.params.account = selection.accountId;
  }
  const search = selection.search.trim();
  if (search) {
    w.clauses.push(`(r.name LIKE @like ESCAPE '\\' OR r.phone LIKE @likePhone ESCAPE '\\')`);
    w.params.like = like(search);
    w.params.likePhone = like(search).replace(/[\s()-]/g, '');
  }
  return w;
}

type Row = {
  id: number;
  contact_id: number | null;
  name: string;
  phone: string;
  status: RecipientStatus;
  reason: string | null;
  account_id: number | null;
  attempts: number;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  replied_at: number | null;
};

function listExcluded(q: Sqlite, input: RecipientsQuery): { rows: ReportRecipient[]; total: number } {
  const clauses = ['campaign_id = @c'];
  const params: Record<string, unknown> = { c: input.id };
  if (input.selection.reason !== null) {
    clauses.push('reason = @reason');
    params.reason = input.selection.reason;
  }
  const search = input.selection.search.trim();
  if (search) {
    clauses.push(`(name LIKE @like ESCAPE '\\' OR phone LIKE @likePhone ESCAPE '\\')`);
    params.like = like(search);
    params.likePhone = like(search).replace(/[\s()-]/g, '');
  }
  // The account is always none here; a filter by account finds nobody.
  if (input.selection.accountId !== null) clauses.push('0');
  const where = clauses.join(' AND ');
  const dir = input.descending ? 'DESC' : 'ASC';
  const order = input.sort === 'phone' ? `phone ${dir}, id` : input.sort === 'status' ? `reason ${dir}, name, id` : `name ${dir}, id ${dir}`;
  const total = q.prepare(`SELECT count(*) FROM excluded_people WHERE ${where}`).pluck().get(params) as number;
  const rows = q
    .prepare(`SELECT * FROM excluded_people WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as { contact_id: number | null; name: string; phone: string; reason: string }[];
  return {
    total,
    rows: rows.map((r) => ({
      id: null,
      contactId: r.contact_id,
      name: r.name,
      phone: r.phone,
      status: 'excluded',
      reason: r.reason,
      accountId: null,
      attempts: 0,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      repliedAt: null,
    })),
  };
}

export function listReportRecipients(q: Sqlite, input: RecipientsQuery): { rows: ReportRecipient[]; total: number } {
  campaignRecord(q, input.id);
  if (input.selection.filter === 'excluded') return listExcluded(q, input);
  const w = recipientWhere(input.id, input.selection);
  const { first } = firstSent(q, input.id);
  const params = { ...w.params, ...replyParams(input.id, first, input.replyWindowHours) };
  const where = w.clauses.join(' AND ');
  const joinReplies = `LEFT JOIN rep ON rep.rid = r.id`;
  const total = q
    .prepare(w.needsReplies ? `WITH ${REPLIES_CTE} SELECT count(*) FROM recipients r ${joinReplies} WHERE ${where}` : `SELECT count(*) FROM recipients r WHERE ${where}`)
    .pluck()
    .get(w.needsReplies ? params : w.params) as number;
  const column = SORT_COLUMN[input.sort];
  const dir = input.descending ? 'DESC' : 'ASC';
  // Empty times (and removed accounts) last either way; the row id breaks ties.
  const nullsLast = input.sort === 'name' || input.sort === 'phone' || input.sort === 'status' ? '' : `${column} IS NULL, `;
  // Replies only shown (not filtered or sorted by): looked up for the page's rows alone.
  const withCte = w.needsReplies || input.sort === 'repliedAt';
  const rows = q
    .prepare(
      `${withCte ? `WITH ${REPLIES_CTE}` : ''}
       SELECT r.id, r.contact_id, r.name, r.phone, r.status, r.reason, r.account_id, r.attempts, r.sent_at, r.delivered_at, r.read_at,
         ${withCte ? 'rep.replied_at' : REPLIED_AT}
       FROM recipients r ${withCte ? joinReplies : ''} LEFT JOIN book.accounts a ON a.id = r.account_id
       WHERE ${where}
       ORDER BY ${nullsLast}${column} ${dir}, r.id ${dir}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...(withCte ? params : { ...w.params, win: params.win }), limit: input.limit, offset: input.offset }) as Row[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      name: r.name,
      phone: r.phone,
      status: r.status,
      reason: r.reason,
      accountId: r.account_id,
      attempts: r.attempts,
      sentAt: iso(r.sent_at),
      deliveredAt: iso(r.delivered_at),
      readAt: iso(r.read_at),
      repliedAt: iso(r.replied_at),
    })),
  };
}

/** Every selected recipient's contact id and phone (for a group or a new campaign). */
export function selectedPeople(
  q: Sqlite,
  id: number,
  selection: ReportSelection,
  replyWindowHours: number,
): { contactId: number | null; phone: string }[] {
  campaignRecord(q, id);
  if (selection.filter === 'excluded') {
    const all = listExcluded(q, { id, selection, replyWindowHours, sort: 'name', descending: false, offset: 0, limit: -1 });
    return all.rows.map((r) => ({ contactId: r.contactId, phone: r.phone }));
  }
  const w = recipientWhere(id, selection);
  const { first } = firstSent(q, id);
  return q
    .prepare(
      `WITH ${REPLIES_CTE} SELECT r.contact_id AS contactId, r.phone FROM recipients r LEFT JOIN rep ON rep.rid = r.id
       WHERE ${w.clauses.join(' AND ')} ORDER BY r.id`,
    )
    .all({ ...w.params, ...replyParams(id, first, replyWindowHours) }) as { contactId: number | null; phone: string }[];
}

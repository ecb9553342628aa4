/**
 * A contact's timeline, newest first, from two files: campaign messages from the queue's file
 * (`campaigns.sqlite3`, read on its own connection), replies and contact events from the book.
 *
 * Paging merges the three sources by time: each gives at most `offset + limit + 1` rows, newest
 * first, through an index (recipients: one probe of UNIQUE (campaign_id, phone) per campaign,
 * so unsent rows are found too; incoming_messages by from_phone; contact_events by (phone, at)).
 */
import { timelineSource, type TimelineItem, type TimelinePage } from '#shared/timeline';
import type { Db, Sqlite } from '#main/kernel/db';
import { rawOf } from '#main/db/connection';

type MessageRow = {
  campaign_id: number;
  campaign_name: string;
  status: Extract<TimelineItem, { kind: 'message' }>['status'];
  reason: string | null;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  updated_at: number;
};
type ReplyRow = { id: number; body: string; account_label: string | null; received_at: string; opt_out: number };
type EventRow = { at: string; kind: string; source: string; detail: string };

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function campaignMessagesOf(queueDb: Sqlite, phone: string, max: number): TimelineItem[] {
  const rows = queueDb
    .prepare(
      `SELECT r.campaign_id, c.name AS campaign_name, r.status, r.reason, r.sent_at, r.delivered_at, r.read_at, r.updated_at
       FROM campaigns c CROSS JOIN recipients r ON r.campaign_id = c.id AND r.phone = ?
       ORDER BY coalesce(r.sent_at, r.updated_at) DESC LIMIT ?`,
    )
    .all(phone, max) as MessageRow[];
  return rows.map((r) => ({
    kind: 'message',
    at: new Date(r.sent_at ?? r.updated_at).toISOString(),
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    status: r.status,
    reason: r.reason,
    sentAt: iso(r.sent_at),
    deliveredAt: iso(r.delivered_at),
    readAt: iso(r.read_at),
  }));
}

export function timeline(db: Db, queueDb: Sqlite, phone: string, offset: number, limit: number): TimelinePage {
  const book = rawOf(db);
  if (!book) throw new Error('timeline needs the store’s own connection');
  const max = offset + limit + 1;
  const replies = book
    .prepare(
      `SELECT id, body, account_label, received_at, opt_out FROM incoming_messages
       WHERE from_phone = ? ORDER BY received_at DESC LIMIT ?`,
    )
    .all(phone, max) as ReplyRow[];
  const events = book
    .prepare(`SELECT at, kind, source, detail FROM contact_events WHERE phone = ? ORDER BY at DESC, id DESC LIMIT ?`)
    .all(phone, max) as EventRow[];
  const items: TimelineItem[] = [
    ...campaignMessagesOf(queueDb, phone, max),
    ...replies.map((r): TimelineItem => ({
      kind: 'reply',
      at: r.received_at,
      id: r.id,
      body: r.body,
      accountLabel: r.account_label,
      optOut: r.opt_out === 1,
    })),
    ...events.map(
      (e): TimelineItem => ({
        kind: 'event',
        at: e.at,
        event: e.kind as Extract<TimelineItem, { kind: 'event' }>['event'],
        source: timelineSource(e.source),
        detail: e.detail,
      }),
    ),
  ];
  // Newest first; at the same instant a reply after the message, an event after both.
  const rank = { event: 0, reply: 1, message: 2 } as const;
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : rank[a.kind] - rank[b.kind]));
  return { phone, items: items.slice(offset, offset + limit), hasMore: items.length > offset + limit };
}

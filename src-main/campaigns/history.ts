/**
 * The campaigns history: search, status filter, date range and sort done in SQL, with every
 * campaign's figures counted in one GROUP BY over the recipients' (campaign_id, status, id) index.
 */
import type { CampaignStatus } from '#shared/campaigns';
import type { HistoryQuerySchema, HistoryRow, HistorySort } from '#shared/history';
import type { z } from 'zod';
import type { Sqlite } from '#main/kernel/db';

type Query = z.output<typeof HistoryQuerySchema>;

type Row = {
  id: number;
  name: string;
  draft_name: string;
  status: CampaignStatus;
  archived: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  recipients: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
};

const ORDER: Record<HistorySort, string> = {
  created: 'c.created_at',
  started: 'c.started_at',
  finished: 'c.finished_at',
  name: 'c.name COLLATE NOCASE',
  recipients: 'recipients',
  // Campaigns that sent nothing sort after every rate, whichever the direction.
  deliveredRate: 'CASE WHEN sent = 0 THEN NULL ELSE 1.0 * delivered / sent END',
};

/** LIKE with the user's % and _ taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function historyRows(q: Sqlite, query: Query): HistoryRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (!query.includeArchived) where.push('c.archived = 0');
  const search = query.search.trim();
  if (search !== '') {
    where.push(`(c.name LIKE ? ESCAPE '\\' OR c.draft_name LIKE ? ESCAPE '\\')`);
    params.push(likePattern(search), likePattern(search));
  }
  if (query.statuses.length > 0) {
    where.push(`c.status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.from !== null) {
    where.push('c.created_at >= ?');
    params.push(Date.parse(query.from));
  }
  if (query.to !== null) {
    where.push('c.created_at < ?');
    params.push(Date.parse(query.to));
  }
  const direction = query.descending ? 'DESC' : 'ASC';
  const sql = `
    WITH figures AS (
      SELECT campaign_id,
             count(*) AS recipients,
             sum(status IN ('sent', 'delivered', 'read')) AS sent,
             sum(status IN ('delivered', 'read')) AS delivered,
             sum(status = 'read') AS read,
             sum(status = 'failed') AS failed
      FROM recipients GROUP BY campaign_id
    )
    SELECT c.id, c.name, c.draft_name, c.status, c.archived, c.created_at, c.started_at, c.finished_at,
           coalesce(f.recipients, 0) AS recipients, coalesce(f.sent, 0) AS sent, coalesce(f.delivered, 0) AS delivered,
           coalesce(f.read, 0) AS read, coalesce(f.failed, 0) AS failed
    FROM campaigns c LEFT JOIN figures f ON f.campaign_id = c.id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${ORDER[query.sort]} ${direction} NULLS LAST, c.id ${direction}`;
  const rows = q.prepare(sql).all(...params) as Row[];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    draftName: r.draft_name,
    status: r.status,
    archived: r.archived === 1,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    figures: {
      recipients: r.recipients,
      sent: r.sent,
      delivered: r.delivered,
      read: r.read,
      failed: r.failed,
      deliveredRate: r.sent === 0 ? null : r.delivered / r.sent,
      readRate: r.sent === 0 ? null : r.read / r.sent,
    },
  }));
}

/**
 * The Overview's figures. Everything comes from the two files (the send ledger and the recipients
 * in the queue's file, the inbox in the book) except each account's state, which is live.
 */
import type { Account } from '#shared/accounts';
import type { CampaignProgress, CampaignStatus } from '#shared/campaigns';
import type { Overview, OverviewDay } from '#shared/overview';
import { isValidTimeZone, startOfLocalDay } from '#shared/pace';
import type { Db, Sqlite } from '#main/kernel/db';
import { listIncoming } from '#main/accounts/repo';

export const OVERVIEW_DAYS = 30;
const RECENT_MESSAGES = 6;

export type OverviewDeps = {
  db: Db;
  queueDb: Sqlite;
  accounts: () => Account[];
  progress: (campaignId: number) => CampaignProgress;
  timezone: () => string;
  now: () => number;
};

/** Midnights of the last `count` local days, oldest first, and the next midnight after today. */
export function dayStarts(now: number, timezone: string, count: number): number[] {
  const starts = [startOfLocalDay(now, timezone)];
  while (starts.length < count) starts.unshift(startOfLocalDay(starts[0]! - 1, timezone));
  return starts;
}

type ActiveRow = { id: number; name: string; status: CampaignStatus; due_at: number | null; pace: string; account_ids: string };

export async function overview(deps: OverviewDeps): Promise<Overview> {
  const zone = isValidTimeZone(deps.timezone()) ? deps.timezone() : 'UTC';
  const now = deps.now();
  const starts = dayStarts(now, zone, OVERVIEW_DAYS);
  const today = starts.at(-1)!;
  const q = deps.queueDb;

  const active = q
    .prepare(
      `SELECT id, name, status, due_at, pace, account_ids FROM campaigns
       WHERE status IN ('running', 'paused', 'scheduled') ORDER BY status = 'scheduled', coalesce(due_at, started_at, created_at), id`,
    )
    .all() as ActiveRow[];

  // The cap that binds an account today: the smallest among campaigns that may still send on it.
  const caps = new Map<number, number>();
  for (const c of active) {
    const cap = (JSON.parse(c.pace) as { dailyCapPerAccount?: number }).dailyCapPerAccount ?? 0;
    if (cap <= 0) continue;
    for (const accountId of JSON.parse(c.account_ids) as number[]) caps.set(accountId, Math.min(cap, caps.get(accountId) ?? Infinity));
  }

  const sentSince = q.prepare(`SELECT count(*) FROM send_ledger WHERE account_id = ? AND at >= ?`).pluck();
  const accounts = deps.accounts().map((a) => {
    const sentToday = sentSince.get(a.id, today) as number;
    const cap = caps.get(a.id) ?? null;
    return {
      accountId: a.id,
      label: a.label,
      state: a.state,
      stateDetail: a.stateDetail,
      linked: a.linked,
      sentToday,
      cap,
      capLeft: cap === null ? null : Math.max(0, cap - sentToday),
    };
  });
  const sentToday = q.prepare(`SELECT count(*) FROM send_ledger WHERE at >= ?`).pluck().get(today) as number;

  // Per local day: customers first handed to WhatsApp that day, and how many of them got it / read it.
  // One range of the covering index per day (a read counts as delivered: a read receipt proves it).
  const dayFigures = q.prepare(
    `SELECT count(*) AS sent, count(CASE WHEN delivered_at IS NOT NULL OR read_at IS NOT NULL THEN 1 END) AS delivered,
            count(read_at) AS read
     FROM recipients INDEXED BY recipients_sent_acks WHERE sent_at IS NOT NULL AND sent_at >= ? AND sent_at < ?`,
  );
  const days: OverviewDay[] = starts.map((lo, i) => {
    const row = dayFigures.get(lo, starts[i + 1] ?? Number.MAX_SAFE_INTEGER) as { sent: number; delivered: number; read: number };
    return { day: new Date(lo).toISOString(), ...row };
  });

  const [replies, optOuts] = await Promise.all([
    listIncoming(deps.db, { accountId: null, optOutOnly: false, offset: 0, limit: RECENT_MESSAGES }),
    listIncoming(deps.db, { accountId: null, optOutOnly: true, offset: 0, limit: RECENT_MESSAGES }),
  ]);

  return {
    timezone: zone,
    today: new Date(today).toISOString(),
    sentToday,
    accounts,
    campaigns: active.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      dueAt: c.due_at === null ? null : new Date(c.due_at).toISOString(),
      progress: deps.progress(c.id),
    })),
    replies: replies.rows,
    optOuts: optOuts.rows,
    days,
  };
}

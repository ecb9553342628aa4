/**
 * A seeded campaign history for the report, dashboard, usage and timeline benchmarks: by default
 * 50 finished campaigns × 20 000 recipients = 1 000 000 recipient rows, spread over the last year,
 * on two accounts, with their send-ledger entries, WhatsApp message ids, acks, failures, skips,
 * replies and opt-outs. Same seed, same history.
 *
 * The campaigns are made through the contract (so their JSON columns are what the app writes) and
 * their recipients are then written straight into the queue file, one transaction per campaign.
 */
import { mulberry32 } from '#shared/random';
import { PACE_PRESETS } from '#shared/pace';
import type { Core } from '#main/core/core';

export type HistoryOptions = {
  campaigns?: number;
  perCampaign?: number;
  seed?: number;
  /** The newest campaign starts this long before `now` (ms). */
  now?: number;
};

export type History = {
  campaignIds: number[];
  accountIds: number[];
  /** Recipient rows written. */
  rows: number;
  /** Ledger entries (messages handed to WhatsApp). */
  sent: number;
  replies: number;
  /** The contact that appears in the most campaigns (for timeline figures). */
  busiestContact: { id: number; phone: string; campaigns: number };
};

const FAILURES = ['Not on WhatsApp', 'The account was blocked', 'No answer from WhatsApp in time'];
const SKIPS = ['On the blacklist', 'Opted out during the campaign'];
const DAY = 86_400_000;

export async function seedHistory(core: Core, options: HistoryOptions = {}): Promise<History> {
  const campaignCount = options.campaigns ?? 50;
  const perCampaign = options.perCampaign ?? 20_000;
  const now = options.now ?? Date.now();
  const rand = mulberry32(options.seed ?? 7);
  const h = core.handlers;

  const contacts = core.store.sqlite.prepare(`SELECT id, phone, name FROM contacts ORDER BY id`).all() as {
    id: number;
    phone: string;
    name: string;
  }[];
  if (contacts.length < perCampaign) throw new Error(`the history needs ${perCampaign} contacts, the book has ${contacts.length}`);

  const accounts = [
    await h['accounts.create']({ label: 'Shop', driver: 'simulator' }),
    await h['accounts.create']({ label: 'Support', driver: 'simulator' }),
  ];
  const accountIds = accounts.map((a) => a.id);
  const draft = await h['drafts.create']({ name: 'History', parts: [{ kind: 'text', text: 'Hello {{name}}' }] });

  const q = core.queueDb;
  const insertRecipient = q.prepare(
    `INSERT INTO recipients (campaign_id, contact_id, phone, name, fields, status, reason, account_id, part, attempts,
       sending_at, sent_at, delivered_at, read_at, updated_at)
     VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const insertLedger = q.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, ?, ?, 0)`);
  const insertMessage = q.prepare(`INSERT INTO messages (wa_message_id, account_id, recipient_id, part, sent_at) VALUES (?, ?, ?, 0, ?)`);
  const finish = q.prepare(
    `UPDATE campaigns SET status = 'completed', frozen = 1, started_at = ?, finished_at = ?, due_at = NULL WHERE id = ?`,
  );
  const insertReply = core.store.sqlite.prepare(
    `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  const campaignIds: number[] = [];
  const appearances = new Map<number, number>();
  let rows = 0;
  let sent = 0;
  let replies = 0;
  for (let c = 0; c < campaignCount; c++) {
    const campaign = await h['campaigns.create']({
      name: `History ${String(c + 1).padStart(2, '0')}`,
      draftId: draft.id,
      audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
      accountIds,
      pace: PACE_PRESETS.normal,
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    campaignIds.push(campaign.id);
    // Spread over the last year, newest last; sends two to three seconds apart.
    const start = now - Math.round(((campaignCount - c) / campaignCount) * 360 * DAY) + 9 * 3_600_000;
    const offset = (c * 1999) % contacts.length;
    let at = start;
    const replyRows: unknown[][] = [];
    q.transaction(() => {
      for (let j = 0; j < perCampaign; j++) {
        const contact = contacts[(offset + j) % contacts.length]!;
        appearances.set(contact.id, (appearances.get(contact.id) ?? 0) + 1);
        const account = accountIds[j % accountIds.length]!;
        at += 2000 + Math.floor(rand() * 1000);
        const roll = rand();
        let status: string;
        let reason: string | null = null;
        let sentAt: number | null = null;
        let deliveredAt: number | null = null;
        let readAt: number | null = null;
        if (roll < 0.03) {
          status = 'failed';
          reason = FAILURES[Math.floor(rand() * FAILURES.length)]!;
        } else if (roll < 0.05) {
          status = 'skipped';
          reason = SKIPS[Math.floor(rand() * SKIPS.length)]!;
        } else {
          sentAt = at;
          status = 'sent';
          if (rand() < 0.9) {
            deliveredAt = sentAt + 1000 + Math.floor(rand() * rand() * 60_000);
            status = 'delivered';
            if (rand() < 0.6) {
              readAt = deliveredAt + 60_000 + Math.floor(rand() * rand() * 5 * 3_600_000);
              status = 'read';
            }
          }
        }
        const updated = readAt ?? deliveredAt ?? sentAt ?? at;
        const r = insertRecipient.run(
          campaign.id,
          contact.id,
          contact.phone,
          contact.name,
          status,
          reason,
          status === 'skipped' ? null : account,
          sentAt === null ? 0 : 1,
          status === 'skipped' ? null : at,
          sentAt,
          deliveredAt,
          readAt,
          updated,
        );
        rows++;
        if (sentAt !== null) {
          const recipientId = Number(r.lastInsertRowid);
          insertLedger.run(account, sentAt, campaign.id, recipientId);
          insertMessage.run(`hist-${campaign.id}-${j}`, account, recipientId, sentAt);
          sent++;
          if (readAt !== null && rand() < 0.08) {
            const optOut = rand() < 0.1;
            const receivedAt = readAt + Math.floor(rand() * 48 * 3_600_000);
            replyRows.push([
              account,
              accounts[j % accounts.length]!.label,
              `in-${campaign.id}-${j}`,
              contact.phone,
              optOut ? 'STOP' : 'Thanks, how much is it?',
              new Date(receivedAt).toISOString(),
              optOut ? 1 : 0,
            ]);
          }
        }
      }
      finish.run(start, at, campaign.id);
    })();
    core.store.sqlite.transaction(() => {
      for (const reply of replyRows) insertReply.run(...reply);
    })();
    replies += replyRows.length;
  }

  let busiest = { id: 0, campaigns: 0 };
  for (const [id, count] of appearances) if (count > busiest.campaigns) busiest = { id, campaigns: count };
  const phone = contacts.find((c) => c.id === busiest.id)?.phone ?? '';
  return { campaignIds, accountIds, rows, sent, replies, busiestContact: { ...busiest, phone } };
}

/** What the history benchmarks get: a core open on the seeded history, and the bench's tools. */
export type HistoryBenchContext = {
  core: Core;
  history: History;
  rounds: number;
  tmp: string;
  report: (name: string, value: number, unit: string, op: '<=' | '>=', target: number) => void;
  median: (values: number[]) => number;
  percentile: (values: number[], p: number) => number;
};

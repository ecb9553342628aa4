/**
 * The send queue's own database file (`campaigns.sqlite3`): campaigns, their recipients (each row
 * is a job) and the WhatsApp ids of what was sent.
 *
 * Why a second file: an import holds the contact book's write lock for seconds, and a queue that
 * must commit "sending" before every message cannot wait that long. SQLite locks per file, so the
 * queue writes here on its own connection and never waits for an import. The book is attached
 * read-only-in-practice as `book` (WAL readers never wait for a writer) for audiences and the
 * blacklist check before each send.
 *
 * Times here are integer milliseconds (the injected clock's), converted to ISO at the boundary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeVariableKey } from '#shared/template';
import { migrate } from '#main/db/migrations';
import { testSendsMigration } from '#main/test-sends/migration';
import { budgetMigration } from '#main/safety/budget-migration';
import { breakerResetsMigration } from '#main/safety/breaker';
import type { Migration } from '#main/db/migrations/types';
import { openSqlite } from '#main/db/connection';
import type { Sqlite } from '#main/kernel/db';

export const QUEUE_FILE = 'campaigns.sqlite3';

const q0001: Migration = {
  version: 1,
  name: 'campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','scheduled','running','paused','completed','cancelled','failed')),
        status_reason TEXT,
        draft_id INTEGER,
        draft_name TEXT NOT NULL,
        -- The message parts (JSON). Copied from the draft when the campaign starts (frozen = 1).
        parts TEXT NOT NULL,
        frozen INTEGER NOT NULL DEFAULT 0,
        audience TEXT NOT NULL,
        exclusions TEXT NOT NULL,
        account_ids TEXT NOT NULL,
        pace TEXT NOT NULL,
        timezone TEXT NOT NULL,
        schedule TEXT NOT NULL,
        -- When a scheduled campaign is due (ms).
        due_at INTEGER,
        -- 1 while its recipient rows are being written; a crash then means "build again".
        building INTEGER NOT NULL DEFAULT 0,
        -- What the audience lost to exclusions when it was built (JSON counts).
        excluded TEXT,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER
      ) STRICT;

      CREATE TABLE recipients (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        contact_id INTEGER,
        phone TEXT NOT NULL,
        name TEXT NOT NULL,
        -- The contact's custom fields when the campaign started (JSON pairs), for variables.
        fields TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','delivered','read','failed','skipped','unknown')),
        reason TEXT,
        account_id INTEGER,
        -- The next message part to send (while 'sending': the part being sent).
        part INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        -- A transient failure's backoff: not before this time (ms).
        not_before INTEGER,
        -- When the current part's send began (ms): reconciliation looks for messages after it.
        sending_at INTEGER,
        sent_at INTEGER,
        delivered_at INTEGER,
        read_at INTEGER,
        updated_at INTEGER NOT NULL,
        UNIQUE (campaign_id, phone)
      ) STRICT;
      CREATE INDEX recipients_queue ON recipients (campaign_id, status, id);
      -- "Messaged by another campaign in the last N hours" and daily caps per account. Partial, so
      -- writing a new campaign's (unsent) rows costs no entries here.
      CREATE INDEX recipients_phone_sent ON recipients (phone, sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX recipients_account_sent ON recipients (account_id, sent_at) WHERE sent_at IS NOT NULL;

      -- Every WhatsApp message a campaign sent, so acks find their recipient.
      CREATE TABLE messages (
        wa_message_id TEXT NOT NULL,
        account_id INTEGER NOT NULL,
        recipient_id INTEGER NOT NULL REFERENCES recipients(id) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        sent_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, wa_message_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX messages_recipient ON messages (recipient_id);
    `);
  },
};

const q0002: Migration = {
  version: 2,
  name: 'ledger, opt-out journal, acks apart from parts',
  up(db) {
    db.exec(`
      -- Every message handed to WhatsApp (or in doubt), per account. The daily cap and the pace
      -- count from it; deleting a campaign leaves it alone (no foreign keys on purpose). An entry
      -- is removed only when a send is proven never to have left.
      CREATE TABLE send_ledger (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        campaign_id INTEGER,
        recipient_id INTEGER,
        part INTEGER
      ) STRICT;
      CREATE INDEX send_ledger_account ON send_ledger (account_id, at);
      CREATE INDEX send_ledger_campaign ON send_ledger (campaign_id, at);
      INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part)
        SELECT m.account_id, m.sent_at, r.campaign_id, m.recipient_id, m.part
        FROM messages m JOIN recipients r ON r.id = m.recipient_id ORDER BY m.sent_at;
      INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part)
        SELECT account_id, coalesce(sending_at, updated_at), campaign_id, id, part FROM recipients
        WHERE account_id IS NOT NULL AND (status = 'unknown' OR (status = 'sending' AND sending_at IS NOT NULL));

      -- The ledger entry of the part in flight (removed again if that send provably never left).
      ALTER TABLE recipients ADD COLUMN ledger_id INTEGER;
      -- WhatsApp said a part could not be delivered; applied to the status when the last part lands.
      ALTER TABLE recipients ADD COLUMN wa_error TEXT;

      -- Acks after a crash: the messages an account sent lately, by time.
      CREATE INDEX messages_account_sent ON messages (account_id, sent_at);

      -- Opt-out replies, written the moment they arrive (this file never waits for an import);
      -- applied = 1 once the contact book holds the message and the blacklist entry.
      CREATE TABLE opt_outs (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL,
        account_label TEXT NOT NULL,
        wa_message_id TEXT NOT NULL,
        phone TEXT NOT NULL,
        word TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        applied INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, wa_message_id)
      ) STRICT;
      CREATE INDEX opt_outs_phone ON opt_outs (phone, applied);
    `);
  },
};

const q0003: Migration = {
  version: 3,
  name: 'overview indexes',
  up(db) {
    db.exec(`
      -- The Overview's days: customers by the time their message went out, with its acks (covering).
      CREATE INDEX recipients_sent_acks ON recipients (sent_at, delivered_at, read_at) WHERE sent_at IS NOT NULL;
      -- Today's sends over every account (the per-account index leads with the account).
      CREATE INDEX send_ledger_at ON send_ledger (at);
    `);
  },
};

/**
 * Reports (issue 11): the people an audience left out (until now only their counts were kept),
 * poll votes, and the indexes the report's queries walk (delays as expressions, so a median is an
 * ORDER BY … OFFSET on an index; the funnel and per-account figures as a covering scan).
 */
const qReports: Migration = {
  version: 4,
  name: 'reports: excluded people, poll votes, report indexes',
  up(db) {
    db.exec(`
      -- Who the audience left out when the campaign was built, and why (black, gray, nowa, recent).
      CREATE TABLE excluded_people (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        contact_id INTEGER,
        phone TEXT NOT NULL,
        name TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX excluded_people_campaign ON excluded_people (campaign_id, name, id);

      -- Poll votes on the messages we sent: the latest vote per voter and poll message wins.
      CREATE TABLE poll_votes (
        account_id INTEGER NOT NULL,
        wa_message_id TEXT NOT NULL,
        voter TEXT NOT NULL,
        options TEXT NOT NULL,
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, wa_message_id, voter)
      ) STRICT, WITHOUT ROWID;

      -- Partial on a condition only the report's statement states (campaign_id > 0), so that the
      -- send path's statements keep their own indexes (their plans are pinned in query-plans.test.ts).
      CREATE INDEX recipients_report ON recipients (campaign_id, account_id, status) WHERE campaign_id > 0;
      CREATE INDEX recipients_by_name ON recipients (campaign_id, name, id);
      CREATE INDEX recipients_by_sent ON recipients (campaign_id, sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX recipients_delivered_delay ON recipients (campaign_id, delivered_at - sent_at)
        WHERE delivered_at IS NOT NULL AND sent_at IS NOT NULL;
      CREATE INDEX recipients_read_delay ON recipients (campaign_id, read_at - sent_at)
        WHERE read_at IS NOT NULL AND sent_at IS NOT NULL;
    `);
  },
};

const historyUsage: Migration = {
  version: 5,
  name: 'archived campaigns, send counts per account per quarter hour',
  up(db) {
    db.exec(`
      -- A finished campaign the operator archived: hidden from the history's default view.
      ALTER TABLE campaigns ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX campaigns_archived ON campaigns (archived, id);

      -- The send ledger counted per account per quarter hour of UTC (q = at / 900000), kept by
      -- triggers. Every time zone's midnight falls on a quarter hour, so a day in any zone is a
      -- range of q: a year of usage reads ~35 000 rows per account, not every ledger entry.
      CREATE TABLE send_ledger_quarters (
        account_id INTEGER NOT NULL,
        q INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (account_id, q)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO send_ledger_quarters (account_id, q, n)
        SELECT account_id, at / 900000, count(*) FROM send_ledger GROUP BY account_id, at / 900000;
      CREATE TRIGGER send_ledger_quarters_add AFTER INSERT ON send_ledger BEGIN
        INSERT INTO send_ledger_quarters (account_id, q, n) VALUES (NEW.account_id, NEW.at / 900000, 1)
          ON CONFLICT (account_id, q) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER send_ledger_quarters_remove AFTER DELETE ON send_ledger BEGIN
        UPDATE send_ledger_quarters SET n = n - 1 WHERE account_id = OLD.account_id AND q = OLD.at / 900000;
      END;
      CREATE TRIGGER send_ledger_quarters_move AFTER UPDATE OF account_id, at ON send_ledger BEGIN
        UPDATE send_ledger_quarters SET n = n - 1 WHERE account_id = OLD.account_id AND q = OLD.at / 900000;
        INSERT INTO send_ledger_quarters (account_id, q, n) VALUES (NEW.account_id, NEW.at / 900000, 1)
          ON CONFLICT (account_id, q) DO UPDATE SET n = n + 1;
      END;
    `);
  },
};

export const QUEUE_MIGRATIONS: readonly Migration[] = [
  q0001,
  q0002,
  q0003,
  qReports,
  historyUsage,
  testSendsMigration(6),
  budgetMigration(7),
  breakerResetsMigration(8),
];

/**
 * Opens the queue file next to the book and attaches the book as `book`. Every commit here is
 * synchronous=FULL (and F_FULLFSYNC on macOS): a "sending" mark that a power cut could roll back
 * would let the same message go out twice.
 */
export function openQueueDb(dataDir: string, bookFile: string): Sqlite {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = openSqlite(path.join(dataDir, QUEUE_FILE), { busyTimeoutMs: 2000, durable: true });
  try {
    migrate(sqlite, QUEUE_MIGRATIONS);
    sqlite.prepare('ATTACH DATABASE ? AS book').run(bookFile);
    // A contact field's key as templates match it ({{City}} finds "city "), for variable gaps.
    sqlite.function('pigeon_var_key', { deterministic: true }, (key: unknown) =>
      normalizeVariableKey(typeof key === 'string' ? key : ''),
    );
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export type CampaignRecord = {
  id: number;
  name: string;
  status: string;
  status_reason: string | null;
  draft_id: number | null;
  draft_name: string;
  parts: string;
  frozen: number;
  audience: string;
  exclusions: string;
  account_ids: string;
  pace: string;
  timezone: string;
  schedule: string;
  due_at: number | null;
  building: number;
  excluded: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  archived: number;
};

export type RecipientRecord = {
  id: number;
  campaign_id: number;
  contact_id: number | null;
  phone: string;
  name: string;
  fields: string;
  status: string;
  reason: string | null;
  account_id: number | null;
  part: number;
  attempts: number;
  not_before: number | null;
  sending_at: number | null;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  updated_at: number;
  ledger_id: number | null;
  wa_error: string | null;
};

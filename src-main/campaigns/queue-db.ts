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
import { normalizeVariableKey } from '../../src-shared/template';
import { migrate } from '../db/migrations';
import type { Migration } from '../db/migrations/types';
import { openSqlite, type Sqlite } from '../db/connection';

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

export const QUEUE_MIGRATIONS: readonly Migration[] = [q0001];

/** Opens the queue file next to the book and attaches the book as `book`. */
export function openQueueDb(dataDir: string, bookFile: string): Sqlite {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = openSqlite(path.join(dataDir, QUEUE_FILE), { busyTimeoutMs: 2000 });
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
};

import type { Migration } from './types';

/** WhatsApp accounts, their event log, incoming messages, and the number-check result per contact. */
export const m0002Accounts: Migration = {
  version: 2,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        driver TEXT NOT NULL CHECK (driver IN ('wweb', 'simulator')),
        -- The simulator's seed: its story (replies, latencies) repeats for the same account.
        seed INTEGER NOT NULL,
        -- 1 while a saved session exists (reconnect at start without a QR code).
        linked INTEGER NOT NULL DEFAULT 0,
        phone TEXT,
        display_name TEXT,
        created_at TEXT NOT NULL,
        last_ready_at TEXT
      ) STRICT;

      -- The event log: every state change and error, in plain words. account_id is kept (no foreign
      -- key) so the log of a removed account stays readable; the label is copied for that reason.
      CREATE TABLE account_events (
        id INTEGER PRIMARY KEY,
        account_id INTEGER,
        account_label TEXT,
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        code TEXT NOT NULL,
        message TEXT NOT NULL
      ) STRICT;
      CREATE INDEX account_events_by_account ON account_events (account_id, id);
      CREATE INDEX account_events_by_level ON account_events (level, id);

      CREATE TABLE incoming_messages (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL,
        account_label TEXT,
        wa_message_id TEXT NOT NULL,
        from_phone TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        opt_out INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, wa_message_id)
      ) STRICT;
      CREATE INDEX incoming_by_phone ON incoming_messages (from_phone);
      CREATE INDEX incoming_by_opt_out ON incoming_messages (opt_out, id) WHERE opt_out = 1;

      -- Last number check: 'yes' / 'no', NULL when never checked (unknown).
      ALTER TABLE contacts ADD COLUMN wa_status TEXT CHECK (wa_status IN ('yes', 'no'));
      ALTER TABLE contacts ADD COLUMN wa_checked_at TEXT;
      CREATE INDEX contacts_by_wa_status ON contacts (wa_status) WHERE wa_status IS NOT NULL;
    `);
  },
};

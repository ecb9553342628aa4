/**
 * The queue file's tables for test sends (kept there: the send ledger they write to lives there,
 * and that file never waits for an import). Self-contained; its number is set in the registry.
 */
import type { Migration } from '#main/db/migrations/types';

export function testSendsMigration(version: number): Migration {
  return {
    version,
    name: 'test sends',
    up(db) {
      db.exec(`
        -- One test: a draft's message to a typed number through one account, outside every campaign.
        CREATE TABLE test_sends (
          id INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL,
          draft_id INTEGER NOT NULL,
          draft_name TEXT NOT NULL,
          phone TEXT NOT NULL,
          contact_name TEXT,
          parts INTEGER NOT NULL,
          error TEXT,
          created_at INTEGER NOT NULL
        ) STRICT;
        -- The account's last typed number is its latest test.
        CREATE INDEX test_sends_account ON test_sends (account_id, id);

        -- Every part WhatsApp took, so acks find their test (ledger_id: its send_ledger entry).
        CREATE TABLE test_messages (
          test_id INTEGER NOT NULL REFERENCES test_sends(id) ON DELETE CASCADE,
          part INTEGER NOT NULL,
          account_id INTEGER NOT NULL,
          wa_message_id TEXT,
          ledger_id INTEGER,
          sent_at INTEGER,
          delivered_at INTEGER,
          read_at INTEGER,
          PRIMARY KEY (test_id, part)
        ) STRICT;
        CREATE UNIQUE INDEX test_messages_wa ON test_messages (account_id, wa_message_id) WHERE wa_message_id IS NOT NULL;
      `);
    },
  };
}

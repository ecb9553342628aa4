/**
 * The queue file's tables for the unanswered-message budget (issue 16). Self-contained; its number
 * is set in the registry (QUEUE_MIGRATIONS).
 *
 * `budget_people` holds one row per account and person a campaign messaged: the last time it did
 * (kept by triggers on the send ledger, so deleting a campaign does not give the budget back) and
 * whether that person ever wrote to the account. A person counts in a window when we messaged them
 * in it and they never wrote to us (neither before our message — they wrote first — nor after — they
 * answered). Whether they wrote lives in the book (another file, out of a trigger's reach), so it is
 * brought up to date when the figures are read: rows the triggers touched since (`fresh`), and
 * incoming messages after the last one seen (`budget_seen`). The budget's count is then a range
 * count on one index, whatever the size of the history.
 */
import type { Migration } from '#main/db/migrations/types';

export function budgetMigration(version: number): Migration {
  return {
    version,
    name: 'unanswered-message budget: people messaged per account',
    up(db) {
      db.exec(`
        CREATE TABLE budget_people (
          account_id INTEGER NOT NULL,
          phone TEXT NOT NULL,
          -- The latest campaign message to this person on this account (ms).
          last_at INTEGER NOT NULL,
          -- Campaign ledger entries behind the row: a send proven never to have left removes its
          -- entry, and the person goes when none is left.
          sends INTEGER NOT NULL DEFAULT 1,
          -- 1: they wrote to this account at some time (answered, or wrote first): never counted.
          answered INTEGER NOT NULL DEFAULT 0,
          -- 1: written by a trigger since 'answered' was last checked against the inbox.
          fresh INTEGER NOT NULL DEFAULT 1,
          PRIMARY KEY (account_id, phone)
        ) STRICT, WITHOUT ROWID;
        -- The count: people not answered, by the time of our last message.
        CREATE INDEX budget_people_open ON budget_people (account_id, answered, last_at);
        CREATE INDEX budget_people_fresh ON budget_people (account_id) WHERE fresh = 1;

        -- Per account: the last incoming message (book.incoming_messages.id) applied to 'answered';
        -- the month (YYYY-MM-DD of its first day) whose 80 % warning was logged.
        CREATE TABLE budget_seen (
          account_id INTEGER PRIMARY KEY,
          incoming_id INTEGER NOT NULL DEFAULT 0,
          warned_month TEXT
        ) STRICT;

        INSERT INTO budget_people (account_id, phone, last_at, sends)
          SELECT l.account_id, r.phone, max(l.at), count(*) FROM send_ledger l JOIN recipients r ON r.id = l.recipient_id
          WHERE l.campaign_id IS NOT NULL GROUP BY l.account_id, r.phone;

        -- Campaign sends only: a test send (campaign_id NULL) never counts.
        CREATE TRIGGER budget_people_add AFTER INSERT ON send_ledger WHEN NEW.campaign_id IS NOT NULL BEGIN
          INSERT INTO budget_people (account_id, phone, last_at)
            SELECT NEW.account_id, r.phone, NEW.at FROM recipients r WHERE r.id = NEW.recipient_id
            ON CONFLICT (account_id, phone) DO UPDATE SET last_at = max(last_at, excluded.last_at), sends = sends + 1;
        END;
        CREATE TRIGGER budget_people_remove AFTER DELETE ON send_ledger WHEN OLD.campaign_id IS NOT NULL BEGIN
          UPDATE budget_people SET sends = sends - 1
            WHERE account_id = OLD.account_id AND phone = (SELECT phone FROM recipients WHERE id = OLD.recipient_id);
          DELETE FROM budget_people
            WHERE account_id = OLD.account_id AND phone = (SELECT phone FROM recipients WHERE id = OLD.recipient_id) AND sends <= 0;
        END;
      `);
    },
  };
}

import type { Migration } from './types';

/**
 * What happened to a contact, kept from now on for its timeline: list changes (blacklisted,
 * graylisted, taken off, with who did it: an import, a reply, by hand), number checks and notes.
 * Written by triggers, so every writer (the import worker, opt-out replies, the operator) records
 * them in the same transaction as the change itself. Keyed by phone: it outlives the contact.
 */
export const m0004ContactEvents: Migration = {
  version: 4,
  name: 'contact-events',
  up(db) {
    db.exec(`
      CREATE TABLE contact_events (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        at TEXT NOT NULL,
        -- black | gray | unlisted | wa_yes | wa_no | note
        kind TEXT NOT NULL,
        -- suppressions.source (manual, contacts, opt-out, import…), or '' for checks and notes
        source TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX contact_events_by_phone ON contact_events (phone, at);
      -- A sender's replies, newest first, without a sort.
      CREATE INDEX incoming_by_phone_time ON incoming_messages (from_phone, received_at);

      CREATE TRIGGER contact_events_listed AFTER INSERT ON suppressions BEGIN
        INSERT INTO contact_events (phone, at, kind, source, detail) VALUES (NEW.phone, NEW.created_at, NEW.kind, NEW.source, NEW.reason);
      END;
      CREATE TRIGGER contact_events_moved AFTER UPDATE OF kind ON suppressions WHEN OLD.kind IS NOT NEW.kind BEGIN
        INSERT INTO contact_events (phone, at, kind, source, detail)
        VALUES (NEW.phone, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NEW.kind,
                CASE WHEN NEW.source IS NOT OLD.source THEN NEW.source ELSE 'manual' END, NEW.reason);
      END;
      CREATE TRIGGER contact_events_unlisted AFTER DELETE ON suppressions BEGIN
        INSERT INTO contact_events (phone, at, kind, source, detail)
        VALUES (OLD.phone, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'unlisted', 'manual', OLD.kind);
      END;
      CREATE TRIGGER contact_events_checked AFTER UPDATE OF wa_status ON contacts
        WHEN NEW.wa_status IS NOT NULL AND OLD.wa_status IS NOT NEW.wa_status BEGIN
        INSERT INTO contact_events (phone, at, kind)
        VALUES (NEW.phone, coalesce(NEW.wa_checked_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), 'wa_' || NEW.wa_status);
      END;
      CREATE TRIGGER contact_events_noted AFTER UPDATE OF note ON contacts WHEN OLD.note IS NOT NEW.note AND NEW.note <> '' BEGIN
        INSERT INTO contact_events (phone, at, kind, detail) VALUES (NEW.phone, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'note', NEW.note);
      END;
    `);
  },
};

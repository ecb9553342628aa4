import type { Migration } from './types';

/** The contact book: contacts with a trigram search index, tags, groups, smart lists, suppressions. */
export const m0001ContactBook: Migration = {
  version: 1,
  name: 'contact-book',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        -- What names sort by (src-shared/text.ts nameSortKey): accents and case folded.
        name_key TEXT NOT NULL DEFAULT '￿',
        fields TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_name ON contacts (name_key, id);

      -- Search: a word index (prefix queries) over name and custom field values; phones are found
      -- through the UNIQUE phone index by E.164 prefix. Contentless: the text lives in contacts,
      -- shaped by the view below. Inserts and updates are indexed by the code that writes
      -- (src-main/contacts/search-index.ts), in batches during imports, which is several times
      -- cheaper than a trigger per row; deletes are caught by a trigger, whoever deletes.
      CREATE VIEW contact_search_text AS
        SELECT id, name || ' ' ||
          coalesce((SELECT group_concat(value ->> 1, ' ') FROM json_each(fields)), '') AS text
        FROM contacts;
      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.id;
      END;

      CREATE TABLE contact_tags (
        tag TEXT NOT NULL,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        PRIMARY KEY (tag, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_tags_by_contact ON contact_tags (contact_id);

      CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (group_id, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX group_members_by_contact ON group_members (contact_id);

      CREATE TABLE smart_lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        filter TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Blacklist and graylist in one table: a number is on at most one of them, and moving it is
      -- one UPDATE. Numbers need not be in the contact book.
      CREATE TABLE suppressions (
        phone TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('black', 'gray')),
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX suppressions_by_kind ON suppressions (kind, created_at);

      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        added INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};

import type { Migration } from './types';

/**
 * Undo for deleting contacts: each deleted contact's row, tags and groups, kept for a while under
 * the deletion's token (src-main/contacts/undo.ts), so the toast's Undo can bring them back.
 */
export const m0006Undo: Migration = {
  version: 6,
  name: 'undo',
  up(db) {
    db.exec(`
      CREATE TABLE undo_deleted_contacts (
        batch TEXT NOT NULL,
        id INTEGER NOT NULL,
        -- Every column of the contact but its id (JSON object).
        row TEXT NOT NULL,
        tags TEXT NOT NULL,
        group_ids TEXT NOT NULL,
        deleted_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX undo_deleted_contacts_batch ON undo_deleted_contacts (batch);
      CREATE INDEX undo_deleted_contacts_at ON undo_deleted_contacts (deleted_at);
    `);
  },
};

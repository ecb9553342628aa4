import type { Migration } from './types';

/** Undo for taking people out of a group: the memberships removed, kept for a while under a token. */
export const m0007UndoMembers: Migration = {
  version: 7,
  name: 'undo-members',
  up(db) {
    db.exec(`
      CREATE TABLE undo_removed_members (
        batch TEXT NOT NULL,
        group_id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        removed_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX undo_removed_members_batch ON undo_removed_members (batch);
      CREATE INDEX undo_removed_members_at ON undo_removed_members (removed_at);
    `);
  },
};

import type { Migration } from './types';

/**
 * Drafts: a name and its message parts (JSON, checked by the contract's schema on the way in).
 * Campaigns and their recipients live in their own file (campaigns/queue-db.ts) so the send
 * queue never waits for an import's write lock on this one.
 */
export const m0003Drafts: Migration = {
  version: 3,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        parts TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

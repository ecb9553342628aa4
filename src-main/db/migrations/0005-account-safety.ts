import type { Migration } from './types';

/**
 * Per-account safety settings (the unanswered-message budget, warm-up, breakers) as one JSON
 * document checked by zod when read (NULL: the defaults), and the day an account was first ready,
 * from which an automatic warm-up counts.
 */
export const m0005AccountSafety: Migration = {
  version: 5,
  name: 'account-safety',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN safety TEXT;
      ALTER TABLE accounts ADD COLUMN first_ready_at TEXT;
      UPDATE accounts SET first_ready_at = last_ready_at;
    `);
  },
};

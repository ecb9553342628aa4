import type BetterSqlite3 from 'better-sqlite3';

/** A numbered, immutable schema step. Once released, a migration is never edited: add a new one. */
export type Migration = {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
};

/**
 * The database handle types every domain takes: the contact book through Kysely (`Db`) and a raw
 * better-sqlite3 connection (`Sqlite`, for the queue's file and the few hot paths). Opening and
 * migrating live in db/connection.ts; this file only names the types, so importing it costs nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '#main/db/schema';

export type Db = Kysely<Database>;
export type Sqlite = BetterSqlite3.Database;

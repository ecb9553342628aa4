import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, closeStore } from '#main/db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from './index';

describe('migrations', () => {
  it('bring a new database to the latest version once, in WAL mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-mig-'));
    const store = openStore(dir);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(store.sqlite)).toBe(LATEST_SCHEMA_VERSION);
    await closeStore(store);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuse a database written by a newer Pigeon, with a clear message', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of Pigeon/);
    db.close();
  });

  it('roll back every step when one fails', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      { version: 1, name: 'ok', up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'bad', up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE oops (') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
  });
});

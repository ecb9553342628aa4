/**
 * The send path's statements run for every message: each must use an index, never scan a table
 * that grows with every campaign (Signal's habit of testing hot query plans).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, closeStore } from '../db/connection';
import { openQueueDb } from './queue-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-plans-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function plan(sql: string, ...params: unknown[]): string {
  const store = openStore(dir);
  const q = openQueueDb(dir, store.file);
  try {
    const rows = q.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail).join(' | ');
  } finally {
    q.close();
    void closeStore(store);
  }
}

describe('query plans of the send path', () => {
  it.each([
    [
      'the next queued recipient',
      `SELECT * FROM recipients WHERE campaign_id = ? AND status = 'queued' AND (not_before IS NULL OR not_before <= ?) ORDER BY id LIMIT 1`,
      /SEARCH recipients USING INDEX recipients_queue \(campaign_id=\? AND status=\?\)/,
    ],
    [
      'an ack finding its recipient',
      `SELECT recipient_id FROM messages WHERE account_id = ? AND wa_message_id = ?`,
      /SEARCH messages USING PRIMARY KEY \(account_id=\? AND wa_message_id=\?\)/,
    ],
    [
      'the daily count of an account',
      `SELECT count(*) FROM recipients WHERE account_id = ? AND sent_at >= ?`,
      /SEARCH recipients USING COVERING INDEX recipients_account_sent \(account_id=\? AND sent_at>\?\)/,
    ],
    [
      'the blacklist check before a send',
      `SELECT kind FROM book.suppressions WHERE phone = ? AND (kind = 'black' OR ? = 0)`,
      /SEARCH book.suppressions USING PRIMARY KEY \(phone=\?\)/,
    ],
    [
      'someone messaged recently by another campaign',
      `SELECT 1 FROM recipients r WHERE r.phone = ? AND r.sent_at >= ? AND r.campaign_id IS NOT ?`,
      /SEARCH r USING INDEX recipients_phone_sent \(phone=\? AND sent_at>\?\)/,
    ],
    [
      'a campaign’s counts',
      `SELECT status, count(*) AS n FROM recipients WHERE campaign_id = ? GROUP BY status`,
      /SEARCH recipients USING COVERING INDEX recipients_queue \(campaign_id=\?\)/,
    ],
  ])('%s uses an index', (_what, sql, expected) => {
    const params = (sql.match(/\?/g) ?? []).map(() => 1);
    expect(plan(sql, ...params)).toMatch(expected);
  });
});

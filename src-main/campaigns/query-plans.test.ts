/**
 * The send path's statements run for every message: each must use an index, never scan a table
 * that grows with every campaign (Signal's habit of testing hot query plans). The plans are taken
 * of the very statements the queue prepares (`sendStatements`), on the real schema, so a change
 * to one of them is checked here; a statement added without a plan expectation fails the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '#main/db/connection';
import { openQueueDb } from './queue-db';
import { sendStatements } from './repo';
import type { Sqlite } from '#main/kernel/db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-plans-'));
let store: Store;
let q: Sqlite;
beforeAll(() => {
  store = openStore(dir);
  q = openQueueDb(dir, store.file);
});
afterAll(async () => {
  q.close();
  await closeStore(store);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The plan of a prepared statement, with every parameter bound to 1. */
function plan(statement: Statement): string {
  const sql = statement.source;
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const explain = q.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0
    ? explain.all(Object.fromEntries(named.map((n) => [n, 1])))
    : explain.all(...(sql.match(/\?/g) ?? []).map(() => 1))) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

const BY_ID = /SEARCH recipients USING INTEGER PRIMARY KEY \(rowid=\?\)/;
const QUEUE = /SEARCH recipients USING (COVERING )?INDEX recipients_queue \(campaign_id=\? AND status=\?\)/;
const MESSAGE = /SEARCH messages USING PRIMARY KEY \(account_id=\? AND wa_message_id=\?\)/;

/** For each statement of sendStatements(): what its plan must show (null: a plain INSERT, no plan). */
const EXPECTED: Record<keyof ReturnType<typeof sendStatements>, RegExp[] | null> = {
  nextQueued: [QUEUE],
  pinnedAccounts: [QUEUE],
  orphanPinned: [QUEUE],
  earliestRetry: [QUEUE],
  queuedCount: [QUEUE],
  inFlight: [QUEUE],
  get: [BY_ID],
  claim: [BY_ID, /SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/],
  claimNextPart: [BY_ID],
  ledgerAdd: null,
  ledgerRemove: [/SEARCH send_ledger USING INTEGER PRIMARY KEY \(rowid=\?\)/, BY_ID],
  ledgerDelete: [/SEARCH send_ledger USING INTEGER PRIMARY KEY \(rowid=\?\)/],
  sentSince: [/SEARCH send_ledger USING COVERING INDEX send_ledger_account \(account_id=\? AND at>\?\)/],
  accountLastSend: [/SEARCH send_ledger USING COVERING INDEX send_ledger_account \(account_id=\?\)/],
  campaignLastSend: [/SEARCH send_ledger USING COVERING INDEX send_ledger_campaign \(campaign_id=\?\)/],
  // Once per runner start, then counted in memory: a range over the campaign is fine.
  campaignReached: [/SEARCH recipients USING (INDEX (recipients_queue|sqlite_autoindex_recipients_1)|COVERING INDEX recipients_by_sent) \(campaign_id=\?( AND sent_at>\?)?\)/],
  partDone: [BY_ID],
  insertMessage: null,
  messageOwner: [MESSAGE],
  requeue: [BY_ID],
  skipQueued: [BY_ID],
  noteDoubt: [BY_ID],
  finish: [BY_ID],
  markUnknown: [BY_ID],
  finishPartial: [BY_ID],
  ack: [BY_ID, MESSAGE],
  ackFailed: [BY_ID, MESSAGE],
  awaitingAcks: [/SEARCH m USING INDEX messages_account_sent \(account_id=\? AND sent_at>\?\)/, /SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/],
  suppression: [/SEARCH book.suppressions USING PRIMARY KEY \(phone=\?\)/, /SEARCH opt_outs USING COVERING INDEX opt_outs_phone \(phone=\? AND applied=\?\)/],
  optOutWord: [/SEARCH opt_outs USING INDEX opt_outs_phone \(phone=\?\)/],
  remaining: [QUEUE],
  strayInFlight: [/SCAN c/, /SEARCH r USING INDEX recipients_queue \(campaign_id=\? AND status=\?\)/],
};

describe('query plans of the send path', () => {
  it('has an expectation for every statement the queue prepares', () => {
    expect(Object.keys(sendStatements(q)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED).filter(([, e]) => e !== null) as [keyof typeof EXPECTED, RegExp[]][])('%s uses its indexes', (name, expected) => {
    const detail = plan(sendStatements(q)[name]);
    for (const pattern of expected) expect(detail).toMatch(pattern);
    // Nothing that grows with history is scanned (the campaigns table is small and may be).
    expect(detail.replace(/SCAN c\b/g, '')).not.toMatch(/SCAN (recipients|messages|send_ledger|opt_outs|r\b|m\b)/);
  });
});

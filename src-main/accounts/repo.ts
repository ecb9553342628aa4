/** Account, event-log and inbox queries: plain functions with the database first. */
import { sql } from 'kysely';
import type { AccountEvent, DriverKind, IncomingMessage, LogLevel } from '#shared/accounts';

import type { EventBus } from '#main/kernel/events';
import type { Db } from '#main/kernel/db';

export type AccountRecord = {
  id: number;
  label: string;
  driver: DriverKind;
  seed: number;
  linked: boolean;
  phone: string | null;
  displayName: string | null;
  createdAt: string;
  lastReadyAt: string | null;
};

export async function listAccountRecords(db: Db): Promise<AccountRecord[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    driver: r.driver,
    seed: r.seed,
    linked: r.linked === 1,
    phone: r.phone,
    displayName: r.display_name,
    createdAt: r.created_at,
    lastReadyAt: r.last_ready_at,
  }));
}

export async function insertAccount(db: Db, label: string, driver: DriverKind, seed: number, now: string): Promise<AccountRecord> {
  const row = await db
    .insertInto('accounts')
    .values({ label, driver, seed, created_at: now, phone: null, display_name: null, last_ready_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, label, driver, seed, linked: false, phone: null, displayName: null, createdAt: now, lastReadyAt: null };
}

export async function updateAccount(
  db: Db,
  id: number,
  patch: Partial<{ label: string; linked: boolean; phone: string | null; displayName: string | null; lastReadyAt: string }>,
): Promise<void> {
  const values: Record<string, string | number | null> = {};
  if (patch.label !== undefined) values.label = patch.label;
  if (patch.linked !== undefined) values.linked = patch.linked ? 1 : 0;
  if (patch.phone !== undefined) values.phone = patch.phone;
  if (patch.displayName !== undefined) values.display_name = patch.displayName;
  if (patch.lastReadyAt !== undefined) values.last_ready_at = patch.lastReadyAt;
  if (Object.keys(values).length === 0) return;
  await db.updateTable('accounts').set(values).where('id', '=', id).execute();
  // The first time it is ready starts an automatic warm-up (the safety settings).
  if (patch.lastReadyAt !== undefined) {
    await db.updateTable('accounts').set({ first_ready_at: patch.lastReadyAt }).where('id', '=', id).where('first_ready_at', 'is', null).execute();
  }
}

export async function deleteAccount(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The event log keeps this many lines; older ones are dropped as new ones come. */
export const EVENT_LOG_LIMIT = 20_000;

export async function appendEvent(
  db: Db,
  e: { accountId: number | null; accountLabel: string | null; at: string; level: LogLevel; code: string; message: string },
): Promise<AccountEvent> {
  const row = await db
    .insertInto('account_events')
    .values({
      account_id: e.accountId,
      account_label: e.accountLabel,
      at: e.at,
      level: e.level,
      code: e.code,
      message: e.message,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (row.id % 500 === 0) {
    await db.deleteFrom('account_events').where('id', '<=', row.id - EVENT_LOG_LIMIT).execute();
  }
  return { id: row.id, ...e };
}

/**
 * Appends a line to the event log once the main thread may write, and pushes it to the UI. Never
 * throws: the log must not take an account or a check down (e.g. while the database closes).
 */
export async function recordEvent(
  ctx: { db: Db; bus: EventBus; writable: () => Promise<void> },
  e: Parameters<typeof appendEvent>[1],
): Promise<void> {
  try {
    await ctx.writable();
    ctx.bus.emit('accounts.log', await appendEvent(ctx.db, e));
  } catch {
    // Nothing to do: the event is lost, the work goes on.
  }
}

export async function listEvents(
  db: Db,
  input: { accountId: number | null; level: 'all' | 'warning' | 'error'; offset: number; limit: number },
): Promise<{ rows: AccountEvent[]; total: number }> {
  let q = db.selectFrom('account_events');
  if (input.accountId !== null) q = q.where('account_id', '=', input.accountId);
  if (input.level === 'warning') q = q.where('level', 'in', ['warning', 'error']);
  if (input.level === 'error') q = q.where('level', '=', 'error');
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').offset(input.offset).limit(input.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      accountLabel: r.account_label,
      at: r.at,
      level: r.level,
      code: r.code,
      message: r.message,
    })),
    total: Number(count.n),
  };
}

type IncomingRow = {
  id: number;
  account_id: number;
  account_label: string | null;
  from_phone: string;
  body: string;
  received_at: string;
  opt_out: number;
  contact_id: number | null;
  contact_name: string | null;
};

function toIncoming(r: IncomingRow): IncomingMessage {
  return {
    id: r.id,
    accountId: r.account_id,
    accountLabel: r.account_label,
    fromPhone: r.from_phone,
    contactId: r.contact_id,
    contactName: r.contact_name,
    body: r.body,
    receivedAt: r.received_at,
    optOut: r.opt_out === 1,
  };
}

/** Stores a message; returns null when it was already stored (WhatsApp can deliver twice). */
export async function insertIncoming(
  db: Db,
  m: { accountId: number; accountLabel: string; waMessageId: string; fromPhone: string; body: string; receivedAt: string; optOut: boolean },
): Promise<IncomingMessage | null> {
  const inserted = await db
    .insertInto('incoming_messages')
    .values({
      account_id: m.accountId,
      account_label: m.accountLabel,
      wa_message_id: m.waMessageId,
      from_phone: m.fromPhone,
      body: m.body,
      received_at: m.receivedAt,
      opt_out: m.optOut ? 1 : 0,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const { rows } = await sql<IncomingRow>`SELECT m.*, c.id AS contact_id, c.name AS contact_name
    FROM incoming_messages m LEFT JOIN contacts c ON c.phone = m.from_phone WHERE m.id = ${inserted.id}`.execute(db);
  const row = rows[0];
  return row ? toIncoming(row) : null;
}

export async function listIncoming(
  db: Db,
  input: { accountId: number | null; optOutOnly: boolean; offset: number; limit: number },
): Promise<{ rows: IncomingMessage[]; total: number }> {
  const account = input.accountId === null ? sql`1` : sql`m.account_id = ${input.accountId}`;
  const optOut = input.optOutOnly ? sql`m.opt_out = 1` : sql`1`;
  const { rows } = await sql<IncomingRow>`SELECT m.*, c.id AS contact_id, c.name AS contact_name
    FROM incoming_messages m LEFT JOIN contacts c ON c.phone = m.from_phone
    WHERE ${account} AND ${optOut} ORDER BY m.id DESC LIMIT ${input.limit} OFFSET ${input.offset}`.execute(db);
  const { rows: count } = await sql<{ n: number }>`SELECT count(*) AS n FROM incoming_messages m
    WHERE ${account} AND ${optOut}`.execute(db);
  return { rows: rows.map(toIncoming), total: Number(count[0]?.n ?? 0) };
}

/** Blacklists an opted-out number (moving it off the graylist); keeps an existing blacklist entry. */
export async function blacklistOptOut(db: Db, phone: string, reason: string, now: string): Promise<void> {
  await sql`INSERT INTO suppressions (phone, kind, reason, source, created_at)
    VALUES (${phone}, 'black', ${reason}, 'opt-out', ${now})
    ON CONFLICT (phone) DO UPDATE SET kind = 'black', reason = excluded.reason, source = excluded.source,
      created_at = excluded.created_at WHERE suppressions.kind <> 'black'`.execute(db);
}

export type IncomingInput = Parameters<typeof insertIncoming>[1];

/**
 * Stores an incoming message and, for an opt-out, the blacklist entry, in one transaction: a
 * crash between the two can never keep the message (so a re-delivery is ignored) and lose the
 * opt-out. Returns null when the message was stored before.
 */
export async function storeIncoming(db: Db, m: IncomingInput, optOutReason: string | null): Promise<IncomingMessage | null> {
  return db.transaction().execute(async (trx) => {
    const stored = await insertIncoming(trx, m);
    if (stored && optOutReason !== null) await blacklistOptOut(trx, m.fromPhone, optOutReason, m.receivedAt);
    return stored;
  });
}

export async function setWaStatus(db: Db, results: { id: number; status: 'yes' | 'no' }[], at: string): Promise<void> {
  if (results.length === 0) return;
  await sql`UPDATE contacts SET wa_status = r.value ->> 1, wa_checked_at = ${at}
    FROM (SELECT value FROM json_each(${JSON.stringify(results.map((r) => [r.id, r.status]))})) AS r
    WHERE contacts.id = r.value ->> 0`.execute(db);
}

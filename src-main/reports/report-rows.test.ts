/**
 * The report on known rows written straight into the queue file: replies inside and outside the
 * window, opt-outs from the book and from the journal, delays, per-account figures, a deleted
 * draft and account, sorting / filters / search, a group from a filter and "send again".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PACE_PRESETS } from '#shared/pace';
import { REPORT_SORTS, type ReportSelection } from '#shared/reports';
import type { Core } from '#main/core/core';
import { callCore, testCore } from '#main/test-support/core';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const MIN = 60_000;
const HOUR = 3_600_000;

type RowSpec = {
  name: string;
  phone: string;
  status: string;
  account: number | null;
  sent?: number;
  delivered?: number;
  read?: number;
  reason?: string;
};

async function seed(core: Core) {
  const h = core.handlers;
  const shop = await h['accounts.create']({ label: 'Shop', driver: 'simulator' });
  const spare = await h['accounts.create']({ label: 'Spare', driver: 'simulator' });
  const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hi {{name}}' }] });
  const campaign = await h['campaigns.create']({
    name: 'November',
    draftId: draft.id,
    audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: [shop.id, spare.id],
    pace: PACE_PRESETS.normal,
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  });
  const contacts: number[] = [];
  const people = ['Ayşe', 'Burak', 'Cem', 'Deniz', 'Ece', 'Fatma', 'Gül', 'Hakan'];
  for (const [i, name] of people.entries()) {
    contacts.push((await h['contacts.create']({ phone: `+90532111000${i + 1}`, name, fields: [], tags: [], note: '' })).id);
  }
  const s = shop.id;
  const p = spare.id;
  const rows: RowSpec[] = [
    // Delivered delays 1, 2, 3, 4, 10 minutes; read delays 5, 20 minutes.
    { name: 'Ayşe', phone: '+905321110001', status: 'read', account: s, sent: T0, delivered: T0 + 1 * MIN, read: T0 + 5 * MIN },
    { name: 'Burak', phone: '+905321110002', status: 'delivered', account: s, sent: T0 + 1 * MIN, delivered: T0 + 3 * MIN },
    { name: 'Cem', phone: '+905321110003', status: 'read', account: p, sent: T0 + 2 * MIN, delivered: T0 + 5 * MIN, read: T0 + 22 * MIN },
    { name: 'Deniz', phone: '+905321110004', status: 'delivered', account: p, sent: T0 + 3 * MIN, delivered: T0 + 7 * MIN },
    { name: 'Ece', phone: '+905321110005', status: 'delivered', account: s, sent: T0 + 61 * MIN, delivered: T0 + 71 * MIN },
    { name: 'Fatma', phone: '+905321110006', status: 'failed', account: s, reason: 'Not on WhatsApp.' },
    { name: 'Gül', phone: '+905321110007', status: 'failed', account: p, reason: 'Not on WhatsApp.' },
    { name: 'Hakan', phone: '+905321110008', status: 'skipped', account: null, reason: 'On the blacklist' },
    { name: 'Pasted', phone: '+905321110099', status: 'queued', account: null },
  ];
  const q = core.queueDb;
  const insert = q.prepare(
    `INSERT INTO recipients (campaign_id, contact_id, phone, name, fields, status, reason, account_id, attempts, sent_at, delivered_at, read_at, updated_at)
     VALUES (?, ?, ?, ?, '[]', ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  for (const [i, r] of rows.entries()) {
    insert.run(campaign.id, contacts[i] ?? null, r.phone, r.name, r.status, r.reason ?? null, r.account, r.sent ?? null, r.delivered ?? null, r.read ?? null, T0);
  }
  q.prepare(`UPDATE campaigns SET status = 'completed', frozen = 1, started_at = ?, finished_at = ?, excluded = ? WHERE id = ?`).run(
    T0,
    T0 + 2 * HOUR,
    JSON.stringify({ blacklist: 2, graylist: 0, notOnWhatsApp: 1, recentlyMessaged: 0, duplicates: 1, invalid: 0 }),
    campaign.id,
  );
  q.prepare(`INSERT INTO excluded_people (campaign_id, contact_id, phone, name, reason) VALUES (?, NULL, ?, ?, ?)`).run(
    campaign.id,
    '+905321110077',
    'Zeynep',
    'blacklist',
  );
  const reply = core.store.sqlite.prepare(
    `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out) VALUES (?, 'Shop', ?, ?, ?, ?, ?)`,
  );
  // Ayşe: a reply before our send (not counted), then one 2 hours after (counted).
  reply.run(s, 'w1', '+905321110001', 'Hello?', new Date(T0 - HOUR).toISOString(), 0);
  reply.run(s, 'w2', '+905321110001', 'Thanks', new Date(T0 + 2 * HOUR).toISOString(), 0);
  // Burak: a reply 80 hours after our send (outside the default 72-hour window).
  reply.run(s, 'w3', '+905321110002', 'Late', new Date(T0 + MIN + 80 * HOUR).toISOString(), 0);
  // Cem: STOP an hour after (replied and opted out).
  reply.run(p, 'w4', '+905321110003', 'STOP', new Date(T0 + 2 * MIN + HOUR).toISOString(), 1);
  // Someone we never messaged.
  reply.run(s, 'w5', '+905329999999', 'Who is this?', new Date(T0 + HOUR).toISOString(), 0);
  // Deniz: an opt-out only in the queue's journal (not yet applied to the book).
  q.prepare(
    `INSERT INTO opt_outs (account_id, account_label, wa_message_id, phone, word, body, received_at) VALUES (?, 'Spare', 'w6', ?, 'STOP', 'stop', ?)`,
  ).run(p, '+905321110004', new Date(T0 + 3 * MIN + 30 * MIN).toISOString());
  return { campaign, draft, shop, spare, contacts };
}

describe('reports on known rows', () => {
  it('counts the funnel, replies within the window, opt-outs, delays and accounts', async () => {
    opened = await testCore({ connectAccounts: false, startQueue: false });
    const { core } = opened;
    const { campaign, shop, spare } = await seed(core);
    const report = await callCore(core, 'reports.get', { id: campaign.id });
    expect(report.funnel).toEqual({
      recipients: 9,
      sent: 5,
      delivered: 5,
      read: 2,
      replied: 3, // Ayşe, Cem and Deniz (a STOP is a reply too); Burak's came after 72 hours, Ayşe's first before our send
      optedOut: 2, // Cem (book), Deniz (journal)
      failed: 2,
      skipped: 1,
      unknown: 0,
      pending: 1,
      excluded: 4,
    });
    expect(report.excludedReasons).toEqual([
      { reason: 'blacklist', count: 2 },
      { reason: 'notOnWhatsApp', count: 1 },
      { reason: 'duplicates', count: 1 },
    ]);
    expect(report.draftDeleted).toBe(false);
    expect(report.firstSentAt).toBe(new Date(T0).toISOString());
    expect(report.lastSentAt).toBe(new Date(T0 + 61 * MIN).toISOString());
    // Delivered delays 1, 2, 3, 4, 10 min: median (rank 3) 3 min, p90 (rank 5) 10 min.
    expect(report.deliveredDelay).toEqual({ count: 5, medianMs: 3 * MIN, p90Ms: 10 * MIN });
    // Read delays 5, 20 min: median (rank 1) 5, p90 (rank 2) 20.
    expect(report.readDelay).toEqual({ count: 2, medianMs: 5 * MIN, p90Ms: 20 * MIN });
    expect(report.perAccount).toEqual([
      { accountId: shop.id, label: 'Shop', sent: 3, delivered: 3, read: 1, failed: 1 },
      { accountId: spare.id, label: 'Spare', sent: 2, delivered: 2, read: 1, failed: 1 },
    ]);
    expect(report.failures).toEqual([
      { reason: 'Not on WhatsApp.', count: 2 },
      { reason: 'On the blacklist', count: 1 },
    ]);
    expect(report.polls).toEqual([]);

    // A wider window takes Burak's late reply in.
    const wide = await callCore(core, 'reports.get', { id: campaign.id, replyWindowHours: 96 });
    expect(wide.funnel.replied).toBe(4);
  });

  it('still opens when the draft and an account were deleted', async () => {
    opened = await testCore({ connectAccounts: false, startQueue: false });
    const { core } = opened;
    const { campaign, draft, spare } = await seed(core);
    await core.handlers['drafts.delete']({ id: draft.id });
    await core.handlers['accounts.remove']({ id: spare.id });
    const report = await callCore(core, 'reports.get', { id: campaign.id });
    expect(report.draftDeleted).toBe(true);
    expect(report.campaign.parts).toEqual([{ kind: 'text', text: 'Hi {{name}}' }]);
    expect(report.perAccount.find((a) => a.accountId === spare.id)?.label).toBeNull();
    const page = await callCore(core, 'reports.recipients', { id: campaign.id, sort: 'account' });
    expect(page.total).toBe(9);
  });

  it('lists, filters, searches and sorts the recipients', async () => {
    opened = await testCore({ connectAccounts: false, startQueue: false });
    const { core } = opened;
    const { campaign, spare } = await seed(core);
    const list = (selection: Partial<{ filter: string; reason: string | null; accountId: number | null; search: string }>, extra = {}) =>
      callCore(core, 'reports.recipients', {
        id: campaign.id,
        selection: { filter: 'all', reason: null, accountId: null, search: '', ...selection } as ReportSelection,
        ...extra,
      });
    const names = async (...args: Parameters<typeof list>) => (await list(...args)).rows.map((r) => r.name);

    expect(await names({})).toEqual(['Ayşe', 'Burak', 'Cem', 'Deniz', 'Ece', 'Fatma', 'Gül', 'Hakan', 'Pasted']);
    expect(await names({ filter: 'failed' })).toEqual(['Fatma', 'Gül']);
    expect(await names({ filter: 'pending' })).toEqual(['Pasted']);
    expect(await names({ filter: 'replied' })).toEqual(['Ayşe', 'Cem', 'Deniz']);
    expect(await names({ filter: 'optedOut' })).toEqual(['Cem', 'Deniz']);
    expect(await names({ reason: 'On the blacklist' })).toEqual(['Hakan']);
    expect(await names({ accountId: spare.id })).toEqual(['Cem', 'Deniz', 'Gül']);
    expect(await names({ search: 'ece' })).toEqual(['Ece']);
    expect(await names({ search: '111 0003' })).toEqual(['Cem']);
    const excluded = await list({ filter: 'excluded' });
    expect(excluded.total).toBe(1);
    expect(excluded.rows[0]).toMatchObject({ id: null, name: 'Zeynep', status: 'excluded', reason: 'blacklist' });

    const ayse = (await list({ search: 'Ayşe' })).rows[0]!;
    expect(ayse).toMatchObject({
      sentAt: new Date(T0).toISOString(),
      deliveredAt: new Date(T0 + MIN).toISOString(),
      readAt: new Date(T0 + 5 * MIN).toISOString(),
      repliedAt: new Date(T0 + 2 * HOUR).toISOString(),
    });

    // Every sort both ways: the order is the column's, empty values last, and reversed is reversed
    // (apart from the empty values, which stay last).
    for (const sort of REPORT_SORTS) {
      const up = (await list({}, { sort })).rows;
      const down = (await list({}, { sort, descending: true })).rows;
      expect(up).toHaveLength(9);
      expect(new Set(down.map((r) => r.id))).toEqual(new Set(up.map((r) => r.id)));
      const key = (r: (typeof up)[number]): string | number | null =>
        sort === 'account'
          ? r.accountId === null
            ? null
            : r.accountId === spare.id
              ? 'Spare'
              : 'Shop'
          : sort === 'name' || sort === 'phone' || sort === 'status'
            ? r[sort]
            : r[sort];
      const keys = up.map(key);
      const filled = keys.filter((k) => k !== null);
      expect(keys.slice(0, filled.length)).toEqual(filled); // empty last
      expect([...filled].sort()).toEqual(filled);
      const downFilled = down.map(key).filter((k) => k !== null);
      expect(downFilled).toEqual([...filled].sort().reverse());
    }
    const byReply = (await list({}, { sort: 'repliedAt', descending: true })).rows.map((r) => r.name);
    expect(byReply.slice(0, 3)).toEqual(['Ayşe', 'Cem', 'Deniz']); // T0+2h, T0+62min, T0+33min

    const page = await list({}, { offset: 2, limit: 3 });
    expect(page.total).toBe(9);
    expect(page.rows.map((r) => r.name)).toEqual(['Cem', 'Deniz', 'Ece']);
  });

  it('makes a group of a filter and a new campaign of the failed ones', async () => {
    opened = await testCore({ connectAccounts: false, startQueue: false });
    const { core } = opened;
    const { campaign, contacts } = await seed(core);
    const h = core.handlers;
    const read = await callCore(core, 'reports.toGroup', {
      id: campaign.id,
      selection: { filter: 'read', reason: null, accountId: null, search: '' },
      name: 'Read the offer',
    });
    expect(read).toMatchObject({ added: 2, notContacts: 0 });
    const members = core.store.sqlite.prepare(`SELECT contact_id FROM group_members WHERE group_id = ? ORDER BY contact_id`).pluck().all(read.groupId);
    expect(members).toEqual([contacts[0], contacts[2]]);
    const pending = await callCore(core, 'reports.toGroup', {
      id: campaign.id,
      selection: { filter: 'pending', reason: null, accountId: null, search: '' },
      name: 'Not yet',
    });
    expect(pending).toMatchObject({ added: 0, notContacts: 1 }); // the pasted number is no contact

    const retry = await callCore(core, 'reports.retryFailed', { id: campaign.id });
    expect(retry.status).toBe('draft');
    expect(retry.name).toBe('November – failed ones again');
    expect(retry.parts).toEqual([{ kind: 'text', text: 'Hi {{name}}' }]);
    expect(retry.frozen).toBe(true);
    expect(retry.accountIds).toEqual(campaign.accountIds);
    expect(retry.pace).toEqual(campaign.pace);
    expect(retry.audience.pasted.split('\n')).toEqual(['+905321110006', '+905321110007']);
    // What the audience gives: exactly the two failed contacts.
    const preview = await h['campaigns.preview']({ audience: retry.audience, exclusions: retry.exclusions, draftId: null });
    expect(preview.total).toBe(2);
    const again = await callCore(core, 'reports.retryFailed', { id: campaign.id });
    expect(again.name).toBe('November – failed ones again 2');
  });

  it('puts sends into local hours and days', async () => {
    opened = await testCore({ connectAccounts: false, startQueue: false });
    const { core } = opened;
    const { campaign } = await seed(core);
    const hours = await callCore(core, 'reports.series', { id: campaign.id, bucket: 'hour' });
    expect(hours.timezone).toBe('Europe/Istanbul');
    // 09:00Z is 12:00 in Istanbul; the failed rows count at their update time (T0).
    expect(hours.points).toEqual([
      { at: new Date(T0).toISOString(), sent: 4, delivered: 4, read: 2, failed: 2 },
      { at: new Date(T0 + HOUR).toISOString(), sent: 1, delivered: 1, read: 0, failed: 0 },
    ]);
    const days = await callCore(core, 'reports.series', { id: campaign.id, bucket: 'day' });
    // Local midnight in Istanbul (UTC+3) is 21:00Z the day before.
    expect(days.points).toEqual([{ at: '2026-11-01T21:00:00.000Z', sent: 5, delivered: 5, read: 2, failed: 2 }]);
  });
});

/**
 * The report's statements must walk an index on the campaign, never scan the recipients of every
 * campaign (a year of history is a million rows). Every statement the report handlers prepare is
 * captured while they run and its plan checked on the real schema. Scanning the book's incoming
 * messages and the opt-out journal is expected (they are small next to the recipients: one row
 * per reply), each probing recipients by (campaign, phone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILTERS, REPORT_SORTS } from '#shared/reports';
import { PACE_PRESETS } from '#shared/pace';
import { callCore, testCore } from '#main/test-support/core';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened;
const captured = new Set<string>();
let campaignId = 0;

beforeAll(async () => {
  opened = await testCore({ connectAccounts: false, startQueue: false });
  const { core } = opened;
  const account = await core.handlers['accounts.create']({ label: 'Shop', driver: 'simulator' });
  const draft = await core.handlers['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hi' }] });
  const campaign = await core.handlers['campaigns.create']({
    name: 'Plans',
    draftId: draft.id,
    audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: [account.id],
    pace: PACE_PRESETS.normal,
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  });
  campaignId = campaign.id;
  const q = core.queueDb;
  q.prepare(
    `INSERT INTO recipients (campaign_id, phone, name, fields, status, account_id, sent_at, delivered_at, read_at, updated_at)
     VALUES (?, '+905321110001', 'A', '[]', 'read', ?, 1000, 2000, 3000, 3000)`,
  ).run(campaign.id, account.id);
  const prepare = q.prepare.bind(q);
  q.prepare = ((source: string) => {
    captured.add(source);
    return prepare(source);
  });
  const id = campaign.id;
  await callCore(core, 'reports.get', { id });
  await callCore(core, 'reports.series', { id, bucket: 'hour' });
  for (const filter of REPORT_FILTERS) {
    for (const sort of REPORT_SORTS) {
      await callCore(core, 'reports.recipients', {
        id,
        selection: { filter: filter, reason: 'x', accountId: account.id, search: 'a' },
        sort,
        descending: true,
      });
    }
    await callCore(core, 'reports.recipients', { id, selection: { filter: filter, reason: null, accountId: null, search: '' } });
  }
  q.prepare = prepare;
});
afterAll(async () => {
  await opened.cleanup();
});

function plan(sql: string): string {
  const q = opened.core.queueDb;
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const explain = q.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0
    ? explain.all(Object.fromEntries(named.map((n) => [n, 1])))
    : explain.all(...(sql.match(/\?/g) ?? []).map(() => 1))) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

/** A full pass over a table (or over one of its indexes) that holds every campaign's rows. */
const SCANS = /SCAN (recipients|r|excluded_people|messages)\b/;

describe('report query plans', () => {
  it('never scans the recipients, excluded people or messages tables', () => {
    const statements = [...captured].filter((s) => /\b(recipients|excluded_people|messages)\b/.test(s));
    expect(statements.length).toBeGreaterThan(10);
    for (const sql of statements) {
      const p = plan(sql);
      expect(p, sql).not.toMatch(SCANS);
    }
    // The check itself bites: a statement without the campaign is caught.
    expect(plan(`SELECT id FROM recipients WHERE name = ?`)).toMatch(SCANS);
  });

  it('walks the delay indexes for medians and the name index for the first page', () => {
    const delays = [...captured].filter((s) => /ORDER BY (delivered_at|read_at) - sent_at/.test(s));
    expect(delays).toHaveLength(2);
    for (const sql of delays) expect(plan(sql)).toMatch(/SEARCH recipients USING INDEX recipients_(delivered|read)_delay \(campaign_id=\?\)/);
    expect(plan(`SELECT r.id FROM recipients r WHERE r.campaign_id = @c ORDER BY r.name ASC, r.id ASC LIMIT 100`)).toBe(
      'SEARCH r USING COVERING INDEX recipients_by_name (campaign_id=?)',
    );
    const page = [...captured].find((s) => /ORDER BY r\.name ASC, r\.id ASC/.test(s) && !s.includes('WITH rep'));
    expect(page).toBeDefined();
    expect(plan(page!)).toMatch(/^SEARCH r USING INDEX recipients_by_name \(campaign_id=\?\)/);
    expect(plan(page!)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // The funnel and the per-account figures: one covering scan of the campaign's rows.
    const funnel = [...captured].find((s) => s.includes('GROUP BY account_id, status'))!;
    expect(plan(funnel)).toMatch(/SEARCH recipients USING COVERING INDEX recipients_report \(campaign_id=\?\)/);
    expect(campaignId).toBeGreaterThan(0);
  });
});

/** "People who have answered us before first": the build writes (and so sends to) warm contacts first. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Audience } from '#shared/campaigns';
import { buildRecipients, prepareAudience } from '#main/campaigns/audience';
import type { Core } from '#main/core/core';
import { callCore, testCore } from '#main/test-support/core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A core whose account "Shop" has had a message from each of `warm`. */
async function withAnswers(warm: readonly string[]): Promise<Core> {
  const opened = await testCore({ connectAccounts: false, startQueue: false });
  cleanup = opened.cleanup;
  const c = opened.core;
  const account = await callCore(c, 'accounts.create', { label: 'Shop', driver: 'simulator' });
  c.store.sqlite
    .prepare(
      `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out)
       SELECT ?, 'Shop', 'in-' || key, value, 'hi', '2026-01-01T10:00:00.000Z', 0 FROM json_each(?)`,
    )
    .run(account.id, JSON.stringify(warm));
  return c;
}

/** The recipients a campaign for the pasted `phones` gets, in the order they are sent. */
async function build(c: Core, phones: readonly string[], order: Audience['order']): Promise<string[]> {
  const id = Number(
    c.queueDb
      .prepare(
        `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
         VALUES ('C', 'draft', 'D', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', 0)`,
      )
      .run().lastInsertRowid,
  );
  const audience: Audience = { groupIds: [], listIds: [], contactIds: [], query: null, pasted: phones.join('\n'), order };
  const input = {
    audience,
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
    campaignId: id,
    now: Date.now(),
    defaultCountry: 'TR',
    variables: [],
  };
  await buildRecipients(c.queueDb, id, input, await prepareAudience(c.store.db, audience));
  return c.queueDb.prepare(`SELECT phone FROM recipients WHERE campaign_id = ? ORDER BY id`).pluck().all(id) as string[];
}

describe('the audience order', () => {
  it('puts people who wrote to us before first, the rest after in their usual order', async () => {
    const phones = ['+905322500001', '+905322500002', '+905322500003', '+905322500004'];
    const c = await withAnswers([phones[2]!]);
    expect(await build(c, phones, undefined)).toEqual(phones);
    expect(await build(c, phones, 'warmFirst')).toEqual([phones[2], phones[0], phones[1], phones[3]]);
  });

  it('does so over more people than one window (the copy goes a window at a time), each once', async () => {
    const phones = Array.from({ length: 20_001 }, (_, i) => `+90532${String(3_000_001 + i)}`);
    const warm = phones.filter((_, i) => i % 4 === 1 || i === 7_999 || i === 8_000);
    const c = await withAnswers(warm);
    const isWarm = new Set(warm);
    const cold = phones.filter((p) => !isWarm.has(p));
    expect(await build(c, phones, 'warmFirst')).toEqual([...warm, ...cold]);
  });
});

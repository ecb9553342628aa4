/** "People who have answered us before first": the build writes (and so sends to) warm contacts first. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Audience } from '#shared/campaigns';
import { buildRecipients, prepareAudience } from '#main/campaigns/audience';
import { callCore, testCore } from '#main/test-support/core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('the audience order', () => {
  it('puts people who wrote to us before first, the rest after in their usual order', async () => {
    const opened = await testCore({ connectAccounts: false, startQueue: false });
    cleanup = opened.cleanup;
    const c = opened.core;
    const account = await callCore(c, 'accounts.create', { label: 'Shop', driver: 'simulator' });
    const phones = ['+905322500001', '+905322500002', '+905322500003', '+905322500004'];
    c.store.sqlite
      .prepare(
        `INSERT INTO incoming_messages (account_id, account_label, wa_message_id, from_phone, body, received_at, opt_out)
         VALUES (?, 'Shop', 'in-1', ?, 'hi', '2026-01-01T10:00:00.000Z', 0)`,
      )
      .run(account.id, phones[2]);
    const build = async (order: Audience['order']) => {
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
      return c.queueDb.prepare(`SELECT phone FROM recipients WHERE campaign_id = ? ORDER BY id`).pluck().all(id);
    };
    expect(await build(undefined)).toEqual(phones);
    expect(await build('warmFirst')).toEqual([phones[2], phones[0], phones[1], phones[3]]);
  });
});

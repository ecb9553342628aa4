/**
 * Poll votes from the demo phone to the report: people who read a poll vote on it (as its seeded
 * stories say), the account manager passes the votes on, and the report counts them per option.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { callCore, testCore } from '#main/test-support/core';
import { withoutSafetyBrakes } from '#main/test-support/safety-brakes';
import { customPace } from '#main/test-support/pace';
import { until } from '#main/test-support/until';
import { readDeliveryLog, simulatorStory, simulatorVote } from '#main/whatsapp/simulator/simulator-driver';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

const OPTIONS = ['Morning', 'Afternoon', 'Evening'];

describe('poll votes on the demo phone', () => {
  it('reach the report: each reader who votes counts once, on the option the demo phone chose', async () => {
    opened = await testCore({ simulatorSpeed: 200 });
    const { core, dataDir } = opened;
    const h = core.handlers;
    const phones = Array.from({ length: 24 }, (_, i) => `+${905321220001 + i}`).filter((p) => !p.endsWith('0'));
    const account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
    withoutSafetyBrakes(core, account.id);
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
    await until(() => core.accounts.get(account.id).state === 'ready', 'ready');
    const draft = await callCore(core, 'drafts.create', {
      name: 'When to visit',
      parts: [{ kind: 'poll', question: 'When do you visit us?', options: OPTIONS, multipleAnswers: false }],
    });
    const created = await callCore(core, 'campaigns.create', {
      name: 'Visit poll',
      draftId: draft.id,
      audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: phones.join('\n') },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [account.id],
      pace: customPace({ minDelayMs: 0, maxDelayMs: 5 }),
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    await h['campaigns.start']({ id: created.id });
    await until(async () => (await h['campaigns.get']({ id: created.id })).status === 'completed', 'completed', 30_000);

    // What the demo phone will do: who reads (its stories) and, of those, who votes for what.
    const seed = core.store.sqlite.prepare(`SELECT seed FROM accounts WHERE id = ?`).pluck().get(account.id) as number;
    const log = readDeliveryLog(path.join(dataDir, 'simulator'), account.id);
    expect(log).toHaveLength(phones.length);
    const expected = new Map(OPTIONS.map((o) => [o, 0]));
    let voters = 0;
    for (const r of log) {
      expect(r.options).toEqual(OPTIONS);
      if (simulatorStory(seed, r.to, 1).readAfterMs === null) continue;
      const vote = simulatorVote(seed, r, 1);
      if (!vote) continue;
      voters++;
      for (const o of vote.options) {
        expect(expected.has(o)).toBe(true);
        expected.set(o, expected.get(o)! + 1);
      }
    }
    expect(voters).toBeGreaterThan(3); // the seed gives this poll votes to count

    const report = await until(
      async () => {
        const r = await callCore(core, 'reports.get', { id: created.id });
        return r.polls[0]?.voters === voters ? r : null;
      },
      'every vote',
      30_000,
    );
    expect(report.polls).toEqual([
      { part: 0, question: 'When do you visit us?', voters, options: OPTIONS.map((name) => ({ name, votes: expected.get(name)! })) },
    ]);
  });
});

/**
 * Counts over an audience taken a window at a time (a turn of the event loop between): the draft
 * editor's and the review's "N people have no City", and the review's budget use. The answer must be
 * exactly the whole audience's, whatever falls on a window's edge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '#main/test-support/core';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

/** 20 001 contacts (more than two windows): every 5th without a name, every 3rd without a City, every 7th with a blank one. */
const COUNT = 20_001;
function seed(raw: Opened['core']['store']['sqlite']): void {
  raw
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO contacts (phone, name, fields, created_at, updated_at)
       SELECT '+90532' || printf('%07d', i),
              CASE WHEN i % 5 = 0 THEN '' ELSE 'Person ' || i END,
              CASE WHEN i % 3 = 0 THEN '[]' WHEN i % 7 = 0 THEN json_array(json_array('City', '  ')) ELSE json_array(json_array('City', 'Ankara')) END,
              '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'
       FROM n`,
    )
    .run(COUNT);
}

const IDS = Array.from({ length: COUNT }, (_, k) => k + 1);
const NO_NAME = IDS.filter((i) => i % 5 === 0).length;
const NO_CITY = IDS.filter((i) => i % 3 === 0 || i % 7 === 0).length;

describe('variable gaps over more candidates than one window', () => {
  it('are the exact counts of the whole book', async () => {
    opened = await testCore();
    const { core } = opened;
    seed(core.store.sqlite);
    const parts = [{ kind: 'text' as const, text: 'Hi {{first_name|friend}} in {{City|your city}}, {{Segment}} ({{phone}})' }];
    const gaps = await core.handlers['drafts.variableGaps']({ parts, audience: null });
    expect(gaps.map((g) => [g.key, g.missing, g.total])).toEqual([
      ['first_name', NO_NAME, COUNT],
      ['City', NO_CITY, COUNT],
      // Nobody has one: a row lost or counted twice on a window's edge shows here.
      ['Segment', COUNT, COUNT],
      ['phone', 0, COUNT],
    ]);
  });
});

describe('budget use over more candidates than one window', () => {
  it('counts everyone new this month once, on each account', async () => {
    opened = await testCore();
    const { core } = opened;
    seed(core.store.sqlite);
    const h = core.handlers;
    const a = await h['accounts.create']({ label: 'A', driver: 'simulator' });
    const b = await h['accounts.create']({ label: 'B', driver: 'simulator' });
    const group = await h['groups.create']({ name: 'Everyone' });
    core.store.sqlite.prepare(`INSERT INTO group_members (group_id, contact_id, added_at) SELECT ?, id, created_at FROM contacts`).run(group.id);
    const uses = await h['campaigns.budgetUse']({
      audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [a.id, b.id],
    });
    expect(uses.map((u) => [u.accountId, u.use])).toEqual([
      [a.id, COUNT],
      [b.id, COUNT],
    ]);
  });
});

describe('asks for variable gaps one after another', () => {
  it('the newer ends the older (cancelled, said in words) and gets the exact counts', async () => {
    opened = await testCore();
    const { core } = opened;
    seed(core.store.sqlite);
    const ask = (text: string) => core.campaigns.variableGaps([{ kind: 'text', text }], null);
    const older = ask('Hi {{first_name}}');
    const newer = ask('Hi {{first_name}} from {{City}}');
    await expect(older).rejects.toMatchObject({ code: 'cancelled', message: 'A newer count of the missing details took the place of this one.' });
    expect((await newer).map((g) => [g.key, g.missing])).toEqual([
      ['first_name', NO_NAME],
      ['City', NO_CITY],
    ]);
  });
});

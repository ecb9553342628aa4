/**
 * The warm-up schedule holds across two campaigns on one new account: the whole core (store, queue,
 * demo phone) on a fake clock, counting what the demo phone's durable log says WhatsApp received,
 * per local day of the operator. Day 2 allows more than day 1, and a restart does not reset it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '#shared/warmup';
import { FakeClock } from '#main/kernel/clock';
import type { Core } from '#main/core/core';
import { openTestCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';

const ZONE = 'Europe/Istanbul';
const SCHEDULE = [4, 7, 12];
const MIN = 60_000;
const HOUR = 60 * MIN;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function open(clock: FakeClock, dataDir: string) {
  const core = await openTestCore(dataDir, { clock, simulatorSpeed: 1_000_000 });
  let closed = false;
  const close = async () => {
    if (!closed) await core.close();
    closed = true;
  };
  cleanups.push(close);
  await core.handlers['settings.update']({ timezone: ZONE });
  return { core, close };
}

async function audience(core: Core, count: number, start: number): Promise<number> {
  const group = await core.handlers['groups.create']({ name: `G${start}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    // Ending in 3: everyone is on WhatsApp on the demo phone.
    const phone = `+905322${String(start * 1000 + i * 10 + 3).padStart(6, '0')}`;
    ids.push((await core.handlers['contacts.create']({ phone, name: `C${i}`, fields: [], tags: [], note: '' })).id);
  }
  await core.handlers['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  return group.id;
}

async function campaign(core: Core, groupId: number, accountId: number, name: string): Promise<number> {
  const draft = await core.handlers['drafts.create']({ name, parts: [{ kind: 'text', text: `${name} {{name}}` }] });
  const c = await core.handlers['campaigns.create']({
    name,
    draftId: draft.id,
    audience: { groupIds: [groupId], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: [accountId],
    // The campaign's own cap is far above the warm-up's.
    pace: customPace({ minDelayMs: MIN, maxDelayMs: MIN, dailyCapPerAccount: 100 }),
    timezone: ZONE,
    schedule: { kind: 'now' },
  });
  return c.id;
}

/** Messages the demo phone received, per local day of the operator. */
function perDay(logDir: string): Map<string, number> {
  const days = new Map<string, number>();
  for (const r of fs.existsSync(logDir) ? readDeliveryLog(logDir) : []) {
    const day = localDate(Date.parse(r.at), ZONE);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

describe('the warm-up schedule', () => {
  it('holds across two campaigns on one new account, grows on day 2, and survives a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-warmup-'));
    cleanups.push(() => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })));
    const logDir = path.join(dataDir, 'simulator');
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0)); // 12:00 on 5 January in Istanbul
    const first = await open(clock, dataDir);
    const account = await first.core.handlers['accounts.create']({ label: 'Shop', driver: 'simulator' });
    await first.core.handlers['accounts.connect']({ id: account.id, method: 'qr' });
    expect(await clock.advanceUntil(() => first.core.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
    await first.core.handlers['safety.set']({ accountId: account.id, patch: { warmup: { auto: true, newNumberSince: null, schedule: SCHEDULE } } });

    const a = await campaign(first.core, await audience(first.core, 12, 100), account.id, 'A');
    const b = await campaign(first.core, await audience(first.core, 12, 200), account.id, 'B');
    await first.core.handlers['campaigns.start']({ id: a });
    await first.core.handlers['campaigns.start']({ id: b });

    // Day 1 (5 January): until 23:30 local.
    await clock.advance(11 * HOUR + 30 * MIN);
    expect(perDay(logDir).get('2026-01-05')).toBe(4);
    expect(first.core.campaigns.progress(a).waiting).toMatch(/Warm-up day 1 of 3 on “Shop”: 4 messages today/);

    // Day 2 (6 January): into the morning, then Pigeon closes and opens again.
    await clock.advance(30 * MIN + 4 * MIN);
    const beforeRestart = perDay(logDir).get('2026-01-06') ?? 0;
    expect(beforeRestart).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(7);
    await first.close();
    const second = await open(clock, dataDir);
    expect(await clock.advanceUntil(() => second.core.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
    await clock.advance(20 * HOUR);
    const days = perDay(logDir);
    expect(days.get('2026-01-05')).toBe(4);
    expect(days.get('2026-01-06')).toBe(7); // more than day 1, never above the schedule
    const figures = await second.core.handlers['safety.get']({ accountId: account.id });
    expect(figures.warmup).toMatchObject({ active: true, day: 2, of: 3, capToday: 7, sentToday: 7, reason: 'young', endsOn: '2026-01-08' });

    // Day 3 (12), then the schedule is over: the rest goes on day 4 at the campaign's own pace.
    await clock.advanceUntil(() => ['a', 'b'].every((_, i) => second.core.campaigns.get(i === 0 ? a : b).status === 'completed'), 3 * 24 * HOUR, 10 * MIN);
    const end = perDay(logDir);
    expect(end.get('2026-01-07')).toBe(12);
    expect(end.get('2026-01-08')).toBe(24 - 4 - 7 - 12);
    for (const [day, count] of end) {
      const n = ['2026-01-05', '2026-01-06', '2026-01-07'].indexOf(day);
      if (n >= 0) expect(count, day).toBeLessThanOrEqual(SCHEDULE[n]!);
    }
  });
});

/**
 * The queue's pace and schedule on a fake clock: the whole core (store, queue, demo phone) runs on
 * it, so hours and days pass in milliseconds and every send time is exact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignProgress } from '#shared/campaigns';
import type { MethodParsedInput } from '#shared/contract';
import { zonedParts, type Pace, type WorkingHours } from '#shared/pace';
import { FakeClock } from '#main/kernel/clock';
import type { Core } from '#main/core/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { withoutSafetyBrakes } from '#main/test-support/safety-brakes';
import type { SendTiming } from './queue';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function fakeCore(clock: FakeClock, dataDir?: string) {
  const sends: SendTiming[] = [];
  const onSendStart = (s: SendTiming) => sends.push(s);
  // The demo phone's own delays are divided away; the queue's pace is what is measured.
  const extra = { clock, simulatorSpeed: 1_000_000, onSendStart };
  let dir = dataDir;
  if (!dir) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-pace-'));
    cleanups.push(() => Promise.resolve(fs.rmSync(made, { recursive: true, force: true })));
    dir = made;
  }
  const core = await openTestCore(dir, extra);
  let closed = false;
  const close = async () => {
    if (!closed) await core.close();
    closed = true;
  };
  cleanups.push(close);
  return { core, dataDir: dir, sends, close };
}

async function ready(core: Core, clock: FakeClock): Promise<number> {
  const account = await core.handlers['accounts.create']({ label: 'Demo', driver: 'simulator' });
  withoutSafetyBrakes(core, account.id);
  await core.handlers['accounts.connect']({ id: account.id, method: 'qr' });
  // At this speed the pretend phone scans its own QR code at once.
  expect(await clock.advanceUntil(() => core.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
  return account.id;
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

async function campaign(
  core: Core,
  groupId: number,
  accountId: number,
  p: Pace,
  over: Partial<MethodParsedInput<'campaigns.create'>> = {},
): Promise<number> {
  const draft = await core.handlers['drafts.create']({ name: 'D', parts: [{ kind: 'text', text: 'Hello {{name}}' }] });
  const c = await core.handlers['campaigns.create']({
    name: 'C',
    draftId: draft.id,
    audience: { groupIds: [groupId], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    accountIds: [accountId],
    pace: p,
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
    ...over,
  });
  return c.id;
}

const status = (core: Core, id: number) => core.campaigns.get(id).status;
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('pace on a fake clock', () => {
  it('keeps every gap within [min, max], never late, and varies it', async () => {
    const clock = new FakeClock();
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const id = await campaign(core, await audience(core, 40, 0), accountId, customPace({ minDelayMs: 10_000, maxDelayMs: 20_000 }));
    await core.handlers['campaigns.start']({ id });
    expect(await clock.advanceUntil(() => status(core, id) === 'completed', 40 * 20_000 + 5_000, 1_000)).toBe(true);
    expect(sends).toHaveLength(40);
    const g = gaps(sends.map((s) => s.startedAt));
    expect(Math.min(...g)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...g)).toBeLessThanOrEqual(20_000);
    expect(new Set(g).size).toBeGreaterThan(20); // random, not a fixed step
    expect(sends.every((s) => s.startedAt === s.plannedAt)).toBe(true);
  });

  it('takes a longer break after every N messages, and only then', async () => {
    const clock = new FakeClock();
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const p = customPace({ minDelayMs: 1_000, maxDelayMs: 2_000, pauseEvery: 5, pauseMinMs: 60_000, pauseMaxMs: 90_000 });
    const id = await campaign(core, await audience(core, 21, 100), accountId, p);
    await core.handlers['campaigns.start']({ id });
    const progress: CampaignProgress[] = [];
    core.bus.subscribe((e, payload) => e === 'campaigns.progress' && progress.push(payload as CampaignProgress));
    expect(await clock.advanceUntil(() => status(core, id) === 'completed', 10 * 60_000, 500)).toBe(true);
    const g = gaps(sends.map((s) => s.startedAt));
    expect(g).toHaveLength(20);
    g.forEach((gap, i) => {
      const afterMessage = i + 1;
      if (afterMessage % 5 === 0) {
        expect(gap).toBeGreaterThanOrEqual(60_000);
        expect(gap).toBeLessThanOrEqual(90_000);
      } else {
        expect(gap).toBeGreaterThanOrEqual(1_000);
        expect(gap).toBeLessThanOrEqual(2_000);
      }
    });
    expect(progress.some((p) => p.waiting?.startsWith('Taking a break after 5 messages'))).toBe(true);
  });

  it('shares the daily cap per account between campaigns and goes on after local midnight', async () => {
    // 2026-01-05 09:00 UTC is 12:00 in Istanbul (UTC+3): the local day ends at 21:00 UTC.
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    // The account's day is the operator's (Settings), here the same as the campaigns' zone.
    await core.handlers['settings.update']({ timezone: 'Europe/Istanbul' });
    const p = customPace({ minDelayMs: 60_000, maxDelayMs: 60_000, dailyCapPerAccount: 7 });
    const a = await campaign(core, await audience(core, 6, 200), accountId, p);
    const b = await campaign(core, await audience(core, 6, 300), accountId, p);
    await core.handlers['campaigns.start']({ id: a });
    await core.handlers['campaigns.start']({ id: b });
    await clock.advance(11 * 3600_000); // to 20:00 UTC, 23:00 Istanbul
    expect(sends).toHaveLength(7);
    const waiting = core.campaigns.progress(a).waiting ?? core.campaigns.progress(b).waiting;
    expect(waiting).toMatch(/Daily limit of 7 messages reached/);
    expect(await clock.advanceUntil(() => status(core, a) === 'completed' && status(core, b) === 'completed', 3 * 3600_000, 1_000)).toBe(true);
    const nextDay = sends.slice(7).map((s) => s.startedAt);
    expect(nextDay).toHaveLength(5);
    expect(Math.min(...nextDay)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 5, 21, 0, 0));
    // Both campaigns sent on the first day: the cap was shared, not per campaign.
    const firstDay = new Set(sends.slice(0, 7).map((s) => s.campaignId));
    expect(firstDay.size).toBe(2);
  });

  it('sends only inside working hours that cross midnight', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 12, 0, 0)); // Monday 12:00 in London
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const hours: WorkingHours = { enabled: true, days: [1, 2, 3, 4, 5], start: '22:00', end: '02:00' };
    const p = customPace({ minDelayMs: 30 * 60_000, maxDelayMs: 30 * 60_000, workingHours: hours });
    const id = await campaign(core, await audience(core, 12, 400), accountId, p, { timezone: 'Europe/London' });
    await core.handlers['campaigns.start']({ id });
    expect(await clock.advanceUntil(() => status(core, id) === 'completed', 3 * 86_400_000, 60_000)).toBe(true);
    const times = sends.map((s) => s.startedAt);
    // Monday 22:00 → Tuesday 02:00 holds 8 sends (22:00 … 01:30); the rest wait for Tuesday 22:00.
    expect(times[0]).toBe(Date.UTC(2026, 0, 5, 22, 0, 0));
    expect(times[7]).toBe(Date.UTC(2026, 0, 6, 1, 30, 0));
    expect(times[8]).toBe(Date.UTC(2026, 0, 6, 22, 0, 0));
    for (const t of times) {
      const h = zonedParts(t, 'Europe/London').hour;
      expect(h >= 22 || h < 2).toBe(true);
    }
  });

  it('follows local working hours across the autumn DST change', async () => {
    // Friday 2026-10-30 in New York (EDT, UTC−4); the clocks go back on Sunday 1 November.
    const clock = new FakeClock(Date.UTC(2026, 9, 30, 18, 0, 0));
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const hours: WorkingHours = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '11:00' };
    const p = customPace({ minDelayMs: 3600_000, maxDelayMs: 3600_000, workingHours: hours });
    const id = await campaign(core, await audience(core, 6, 500), accountId, p, { timezone: 'America/New_York' });
    await core.handlers['campaigns.start']({ id });
    expect(await clock.advanceUntil(() => status(core, id) === 'completed', 5 * 86_400_000, 60_000)).toBe(true);
    const times = sends.map((s) => s.startedAt);
    expect(times).toEqual([
      Date.UTC(2026, 9, 31, 13, 0, 0), // Sat 09:00 EDT
      Date.UTC(2026, 9, 31, 14, 0, 0), // Sat 10:00 EDT
      Date.UTC(2026, 10, 1, 14, 0, 0), // Sun 09:00 EST (an hour later in UTC)
      Date.UTC(2026, 10, 1, 15, 0, 0),
      Date.UTC(2026, 10, 2, 14, 0, 0), // Mon 09:00 EST
      Date.UTC(2026, 10, 2, 15, 0, 0),
    ]);
  });

  it('follows local working hours across the spring DST change (a 23-hour day)', async () => {
    // London: clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    const clock = new FakeClock(Date.UTC(2026, 2, 28, 12, 0, 0));
    const { core, sends } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const hours: WorkingHours = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '08:30' };
    const p = customPace({ minDelayMs: 3600_000, maxDelayMs: 3600_000, workingHours: hours });
    const id = await campaign(core, await audience(core, 2, 600), accountId, p, { timezone: 'Europe/London' });
    await core.handlers['campaigns.start']({ id });
    expect(await clock.advanceUntil(() => status(core, id) === 'completed', 3 * 86_400_000, 60_000)).toBe(true);
    expect(sends.map((s) => s.startedAt)).toEqual([Date.UTC(2026, 2, 29, 7, 0, 0), Date.UTC(2026, 2, 30, 7, 0, 0)]);
  });
});

describe('schedule on a fake clock', () => {
  it('starts a scheduled campaign on time, and after a restart that missed it, on open with a notice', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const first = await fakeCore(clock);
    const accountId = await ready(first.core, clock);
    const group = await audience(first.core, 3, 700);
    const at = new Date(clock.now() + 3600_000).toISOString();
    const onTime = await campaign(first.core, group, accountId, customPace({ minDelayMs: 1_000, maxDelayMs: 1_000 }), {
      schedule: { kind: 'at', at },
    });
    const started = await first.core.handlers['campaigns.start']({ id: onTime });
    expect(started.status).toBe('scheduled');
    await clock.advance(3600_000 - 1);
    expect(first.sends.map((s) => new Date(s.startedAt).toISOString())).toEqual([]);
    expect(await clock.advanceUntil(() => first.sends.length === 1, 5_000, 1)).toBe(true);
    // On time: the rows are built when it is due (a few fake-clock steps), then it sends.
    expect(first.sends[0]!.startedAt - Date.parse(at)).toBeGreaterThanOrEqual(0);
    expect(first.sends[0]!.startedAt - Date.parse(at)).toBeLessThanOrEqual(20);

    // A second one due at 12:00; Pigeon is closed from 11:00 to 13:00.
    const late = await campaign(first.core, await audience(first.core, 3, 800), accountId, customPace({ minDelayMs: 1_000, maxDelayMs: 1_000 }), {
      schedule: { kind: 'at', at: new Date(Date.UTC(2026, 0, 5, 12, 0, 0)).toISOString() },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
    });
    await first.core.handlers['campaigns.start']({ id: late });
    await clock.advance(3600_000);
    await first.close();
    await clock.advance(2 * 3600_000);

    const notices: string[] = [];
    const second = await fakeCore(clock, first.dataDir);
    second.core.bus.subscribe((e, p) => e === 'campaigns.notice' && notices.push((p as { message: string }).message));
    await clock.advanceUntil(() => status(second.core, late) !== 'scheduled', 1_000);
    expect(status(second.core, late)).toBe('running');
    expect(second.core.campaigns.get(late).statusReason).toMatch(/was due at 15:00 while Pigeon was closed/);
    expect(await clock.advanceUntil(() => status(second.core, late) === 'completed', 60_000, 100)).toBe(true);
  });
});

describe('progress on a fake clock', () => {
  it('counts the wait for working hours in the time left', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 12, 0, 0)); // Monday 12:00 in London
    const { core } = await fakeCore(clock);
    const accountId = await ready(core, clock);
    const hours: WorkingHours = { enabled: true, days: [1, 2, 3, 4, 5], start: '22:00', end: '23:00' };
    const p = customPace({ minDelayMs: 60_000, maxDelayMs: 60_000, workingHours: hours });
    const id = await campaign(core, await audience(core, 5, 900), accountId, p, { timezone: 'Europe/London' });
    await core.handlers['campaigns.start']({ id });
    await clock.advance(1_000);
    const progress = core.campaigns.progress(id);
    expect(progress.waiting).toBe('Outside working hours; the next message goes at 22:00.');
    // About 10 hours of waiting, then five messages a minute apart.
    expect(progress.etaMs).toBe(Date.UTC(2026, 0, 5, 22, 0, 0) - clock.now() + 5 * 60_000);
  });
});

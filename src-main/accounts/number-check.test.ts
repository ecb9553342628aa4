import { afterEach, describe, expect, it } from 'vitest';
import type { NumberCheckProgress } from '#shared/accounts';
import { emptyQuery } from '#shared/filters';
import { FakeClock } from '#main/kernel/clock';
import { testCore } from '#main/test-support/core';
import { fakeDriverFactory, type FakeDriver } from '#main/test-support/fake-driver';
import { checkTuning, REAL_CHECK_PACE } from './number-check';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

async function setUp(count: number) {
  const clock = new FakeClock();
  const { factory, drivers } = fakeDriverFactory();
  opened = await testCore({ clock, createDriver: factory });
  const h = opened.core.handlers;
  const group = await h['groups.create']({ name: 'Customers' });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = await h['contacts.create']({ phone: `+90532100${String(1000 + i)}`, name: `C${i}`, fields: [], tags: [], note: '' });
    ids.push(c.id);
  }
  await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
  await h['accounts.connect']({ id: account.id, method: 'qr' });
  await clock.advance(1);
  const driver = drivers[0] as FakeDriver;
  driver.fire('ready', { phone: '+447700900123', displayName: 'Shop' });
  await clock.advance(1);
  const progress: NumberCheckProgress[] = [];
  opened.core.bus.subscribe((event, payload) => {
    if (event === 'checks.progress') progress.push(payload as NumberCheckProgress);
  });
  const groupSelection = { kind: 'query' as const, query: { ...emptyQuery(), filter: { ...emptyQuery().filter, groupIds: [group.id] } } };
  return { clock, h, account, driver, progress, groupSelection, ids };
}

describe('number check', () => {
  it('checks a group at a throttled pace and stores the answer on each contact, usable as a filter', async () => {
    const { clock, h, account, progress, groupSelection } = await setUp(30);
    const started = await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null });
    expect(started).toMatchObject({ status: 'running', total: 30, done: 0 });
    expect(await h['checks.active']({})).toHaveLength(1);
    const t0 = clock.now();
    const finished = await clock.advanceUntil(() => progress.at(-1)?.status === 'completed', 10 * 60_000, 100);
    expect(finished).toBe(true);
    const elapsed = clock.now() - t0;
    // 29 pauses between 30 lookups, each within the real-account pace.
    expect(elapsed).toBeGreaterThanOrEqual(29 * REAL_CHECK_PACE.minMs);
    expect(elapsed).toBeLessThanOrEqual(29 * REAL_CHECK_PACE.maxMs + 1_000);
    expect(progress.at(-1)).toMatchObject({ done: 30, onWhatsApp: 27, notOnWhatsApp: 3, unknown: 0 });
    expect(await h['checks.active']({})).toEqual([]);
    const filtered = (whatsapp: 'yes' | 'no' | 'unknown') =>
      h['contacts.count']({ query: { ...emptyQuery(), filter: { ...emptyQuery().filter, whatsapp } } });
    expect(await filtered('no')).toEqual({ total: 3 });
    expect(await filtered('yes')).toEqual({ total: 27 });
    expect(await filtered('unknown')).toEqual({ total: 0 });
    const list = await h['contacts.list']({
      query: { ...emptyQuery(), filter: { ...emptyQuery().filter, whatsapp: 'no' } },
      sort: { column: 'phone', direction: 'asc' },
      offset: 0,
      limit: 10,
      withTotal: true,
    });
    expect(list.rows.map((r) => r.phone)).toEqual(['+905321001000', '+905321001010', '+905321001020']);
    expect(list.rows[0]?.waStatus).toBe('no');
    expect(list.rows[0]?.waCheckedAt).toBe(new Date(list.rows[0]?.waCheckedAt ?? '').toISOString());
    const { rows } = await h['accounts.events']({ accountId: account.id, level: 'all', offset: 0, limit: 1 });
    expect(rows[0]?.message).toBe('Number check finished: 27 on WhatsApp, 3 not, 0 unchecked.');
  });

  it('reads phones as it goes: a contact deleted meanwhile is neither looked up nor written back', async () => {
    const saved = checkTuning.phonesAtOnce;
    checkTuning.phonesAtOnce = 4;
    try {
      const { clock, h, account, driver, progress, groupSelection, ids } = await setUp(30);
      const looked: string[] = [];
      const lookup = driver.isRegistered.bind(driver);
      driver.isRegistered = (phone: string) => {
        looked.push(phone);
        return lookup(phone);
      };
      await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null });
      await clock.advanceUntil(() => (progress.at(-1)?.done ?? 0) >= 3, 60_000, 50);
      const gone = [ids[20] ?? 0, ids[25] ?? 0];
      const gonePhones = await Promise.all(gone.map(async (id) => (await h['contacts.get']({ id })).phone));
      await h['contacts.delete']({ selection: { kind: 'ids', ids: gone } });
      expect(await clock.advanceUntil(() => progress.at(-1)?.status === 'completed', 10 * 60_000, 100)).toBe(true);
      expect(progress.at(-1)).toMatchObject({ total: 30, done: 30, unknown: 2 });
      expect(looked).toHaveLength(28);
      expect(looked.filter((p) => gonePhones.includes(p))).toEqual([]);
      expect(new Set(looked).size).toBe(28);
      expect(await h['contacts.count']({ query: emptyQuery() })).toEqual({ total: 28 });
      const unknown = await h['contacts.count']({ query: { ...emptyQuery(), filter: { ...emptyQuery().filter, whatsapp: 'unknown' } } });
      expect(unknown.total).toBe(0);
    } finally {
      checkTuning.phonesAtOnce = saved;
    }
  });

  it('cancels before the next lookup and keeps what was checked', async () => {
    const { clock, h, account, progress, groupSelection } = await setUp(20);
    const started = await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null });
    await clock.advanceUntil(() => (progress.at(-1)?.done ?? 0) >= 5, 60_000, 50);
    expect(h['checks.cancel']({ checkId: started.checkId })).toEqual({ cancelled: true });
    await clock.advance(100);
    const last = progress.at(-1);
    expect(last?.status).toBe('cancelled');
    expect(last?.done).toBeGreaterThanOrEqual(5);
    expect(last?.done).toBeLessThan(20);
    expect((last?.unknown ?? 0) + (last?.done ?? 0)).toBe(20);
    const checked = await h['contacts.count']({ query: { ...emptyQuery(), filter: { ...emptyQuery().filter, whatsapp: 'unknown' } } });
    expect(checked.total).toBe(20 - (last?.done ?? 0));
  });

  it('stops when the account drops, leaving the rest unknown, and refuses a second check on one account', async () => {
    const { clock, h, account, driver, progress, groupSelection } = await setUp(10);
    await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null });
    await expect(h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null })).rejects.toThrow(/already running/);
    await clock.advanceUntil(() => (progress.at(-1)?.done ?? 0) >= 3, 60_000, 50);
    driver.fire('disconnected', { reason: 'NAVIGATION', loggedOut: false });
    await clock.advanceUntil(() => progress.at(-1)?.status === 'failed', 60_000, 50);
    expect(progress.at(-1)).toMatchObject({ status: 'failed', message: 'the account disconnected' });
    expect(progress.at(-1)?.unknown).toBe(10 - (progress.at(-1)?.onWhatsApp ?? 0) - (progress.at(-1)?.notOnWhatsApp ?? 0));
  });

  it('refuses plainly when the account is not ready or the selection is empty', async () => {
    const { h, account, groupSelection, driver, clock } = await setUp(1);
    await expect(
      h['checks.start']({ accountId: account.id, selection: { kind: 'query', query: { ...emptyQuery(), search: 'nobody-here' } }, skipCheckedWithinDays: null }),
    ).rejects.toThrow(/no contacts to check/);
    driver.state('blocked', 'banned');
    await clock.advance(1);
    await expect(h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: null })).rejects.toThrow(
      /“Shop” is not connected/,
    );
  });

  it('can skip contacts checked recently, and says so when nothing is left', async () => {
    const { clock, h, account, progress, groupSelection, ids } = await setUp(6);
    await h['checks.start']({ accountId: account.id, selection: { kind: 'ids', ids: ids.slice(0, 4) }, skipCheckedWithinDays: null });
    await clock.advanceUntil(() => progress.at(-1)?.status === 'completed', 60_000, 100);
    expect(await h['checks.preview']({ selection: groupSelection, withinDays: 30 })).toEqual({ total: 6, recentlyChecked: 4 });

    // Ten days later: the four are still recent; only the two others are checked.
    await clock.advance(10 * 86_400_000);
    const second = await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: 30 });
    expect(second.total).toBe(2);
    await clock.advanceUntil(() => progress.at(-1)?.checkId === second.checkId && progress.at(-1)?.status === 'completed', 60_000, 100);
    await expect(h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: 30 })).rejects.toThrow(
      'All 6 contacts were checked on WhatsApp in the last 30 days',
    );

    // After 31 days the first four are due again.
    await clock.advance(21 * 86_400_000);
    expect(await h['checks.preview']({ selection: groupSelection, withinDays: 30 })).toEqual({ total: 6, recentlyChecked: 2 });
    expect((await h['checks.start']({ accountId: account.id, selection: groupSelection, skipCheckedWithinDays: 30 })).total).toBe(4);
  });
});

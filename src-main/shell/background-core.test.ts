/**
 * The background shell on the real core (store, queue, demo phone, fake clock) and a fake desktop:
 * the sleep blocker follows a real campaign, "Pause and quit" leaves it Paused in the database, and
 * Pigeon opening on a campaign left sending (a crash, a quit from the app menu) blocks sleep at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '#main/kernel/clock';
import type { Core } from '#main/core/core';
import { openTestCore } from '#main/test-support/core';
import { FakeDesktop } from '#main/test-support/fake-desktop';
import { customPace } from '#main/test-support/pace';
import { BackgroundShell } from './background';
import { sourceOf } from './source';

const MIN = 60_000;

let cleanups: (() => Promise<void> | void)[] = [];
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
  return { core, close };
}

async function sendingCampaign(core: Core, clock: FakeClock): Promise<number> {
  const account = await core.handlers['accounts.create']({ label: 'Shop', driver: 'simulator' });
  await core.handlers['accounts.connect']({ id: account.id, method: 'qr' });
  expect(await clock.advanceUntil(() => core.accounts.get(account.id).state === 'ready', 10_000)).toBe(true);
  const group = await core.handlers['groups.create']({ name: 'Customers' });
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push((await core.handlers['contacts.create']({ phone: `+90532200${String(1000 + i * 10 + 3)}`, name: `C${i}`, fields: [], tags: [], note: '' })).id);
  }
  await core.handlers['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  const draft = await core.handlers['drafts.create']({ name: 'Hello', parts: [{ kind: 'text', text: 'Hello {{name}}' }] });
  const c = await core.handlers['campaigns.create']({
    name: 'Spring sale',
    draftId: draft.id,
    audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
    accountIds: [account.id],
    pace: customPace({ minDelayMs: 10 * MIN, maxDelayMs: 10 * MIN }),
    timezone: 'UTC',
    schedule: { kind: 'now' },
  });
  await core.handlers['campaigns.start']({ id: c.id });
  return c.id;
}

describe('the background shell on the real core', () => {
  it('blocks sleep while a campaign sends, and "Pause and quit" leaves it Paused in the database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-shell-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9));
    const { core } = await open(clock, dataDir);
    const desktop = new FakeDesktop();
    const shell = await BackgroundShell.install(desktop, sourceOf(core));
    cleanups.push(() => shell.dispose());
    expect(desktop.blockers.size).toBe(0);

    const id = await sendingCampaign(core, clock);
    await clock.advanceUntil(() => core.campaigns.progress(id).counts.sent > 0, 5 * MIN);
    expect(desktop.blockers.size).toBe(1);
    expect(desktop.lines()[2]).toMatch(/^Spring sale — [1-4] of 5$/);

    desktop.answer = { response: 1, checkboxChecked: false };
    expect(shell.onWindowClose()).toBe(false);
    expect(await shell.closing).toBe('paused-and-quit');
    expect(desktop.quits).toBe(1);
    expect((await core.handlers['campaigns.get']({ id })).status).toBe('paused');
    expect(desktop.blockers.size).toBe(0);
  });

  it('blocks sleep at once when Pigeon opens on a campaign left sending', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-shell-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9));
    const first = await open(clock, dataDir);
    const id = await sendingCampaign(first.core, clock);
    await clock.advanceUntil(() => first.core.campaigns.progress(id).counts.sent > 0, 5 * MIN);
    await first.close(); // quit without pausing: it is still `running` in the database

    const second = await open(clock, dataDir);
    const desktop = new FakeDesktop();
    const shell = await BackgroundShell.install(desktop, sourceOf(second.core));
    cleanups.push(() => shell.dispose());
    expect(desktop.blockers.size).toBe(1);
    // Pause all from the tray: through the service, so the database says Paused.
    desktop.click('pause-all');
    await clock.advanceUntil(() => second.core.campaigns.get(id).status === 'paused', MIN);
    await new Promise((r) => setTimeout(r, 0));
    expect(desktop.blockers.size).toBe(0);
  });
});

/**
 * The first run on a real core: the welcome is offered on a new, empty data folder until it is
 * finished or skipped (and remembered after a restart), the place chosen saves the country's
 * working week, the demo adds a linking demo account and the sample contacts in the chosen
 * language (once), and the checklist ticks itself off from the data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '#shared/contract';
import { emptyQuery } from '#shared/filters';
import { LANGUAGES } from '#shared/i18n';
import type { Core } from '#main/core/core';
import { callCore, openTestCore, testCore } from '#main/test-support/core';
import { until } from '#main/test-support/until';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

async function open(): Promise<Core> {
  opened = await testCore({ simulatorSpeed: 40 });
  return opened.core;
}

/** Closes the core and opens another on the same data folder (a restart). */
async function restart(): Promise<Core> {
  const first = opened!;
  await first.core.close();
  const core = await openTestCore(first.dataDir);
  opened = {
    ...first,
    core,
    cleanup: async () => {
      await core.close();
      await first.cleanup();
    },
  };
  return core;
}

const NOTHING_DONE = { contacts: false, account: false, draft: false, campaign: false };

describe('the welcome', () => {
  it('is offered on a new data folder until it is finished, and not after a restart', async () => {
    const core = await open();
    expect(await callCore(core, 'firstRun.get', {})).toEqual({ welcome: true, done: NOTHING_DONE, checklistHidden: false });

    const after = await callCore(core, 'firstRun.done', { what: 'welcome' });
    expect(after.welcome).toBe(false);
    expect(after.done).toEqual(NOTHING_DONE);

    const again = await restart();
    expect((await callCore(again, 'firstRun.get', {})).welcome).toBe(false);
  });

  it('is not offered on a data folder that has contacts, a draft, an account or a campaign', async () => {
    const core = await open();
    await callCore(core, 'contacts.create', { phone: '+905321234567', name: 'Ayşe' });
    expect(await callCore(core, 'firstRun.get', {})).toMatchObject({ welcome: false, done: { ...NOTHING_DONE, contacts: true } });
    await callCore(core, 'contacts.delete', { selection: { kind: 'query', query: emptyQuery() } });
    expect((await callCore(core, 'firstRun.get', {})).welcome).toBe(true);

    await callCore(core, 'drafts.create', { name: 'Hello' });
    expect(await callCore(core, 'firstRun.get', {})).toMatchObject({ welcome: false, done: { ...NOTHING_DONE, draft: true } });
  });

  it('counts a campaign once it was started, not while it is a draft', async () => {
    const core = await open();
    const insert = core.queueDb.prepare(
      `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
       VALUES ('Spring', ?, 'd', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', 0)`,
    );
    insert.run('draft');
    expect(await callCore(core, 'firstRun.get', {})).toMatchObject({ welcome: false, done: NOTHING_DONE });
    insert.run('completed');
    expect((await callCore(core, 'firstRun.get', {})).done.campaign).toBe(true);
  });
});

describe('the place', () => {
  it('saves the country, the time zone and the country’s working week', async () => {
    const core = await open();
    // Until the first run says, Monday to Saturday from Monday.
    expect(await callCore(core, 'settings.get', {})).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6], weekStart: 1 });

    const iran = await callCore(core, 'firstRun.place', { country: 'IR', timezone: 'Asia/Tehran' });
    // Saturday to Wednesday, the week from Saturday; Thursday and Friday are off.
    expect(iran).toMatchObject({ defaultCountry: 'IR', timezone: 'Asia/Tehran', workingDays: [6, 0, 1, 2, 3], weekStart: 6 });
    expect(await callCore(core, 'settings.get', {})).toMatchObject({ defaultCountry: 'IR', workingDays: [6, 0, 1, 2, 3], weekStart: 6 });

    expect(await callCore(core, 'firstRun.place', { country: 'TR', timezone: 'Europe/Istanbul' })).toMatchObject({ workingDays: [1, 2, 3, 4, 5], weekStart: 1 });
    expect(await callCore(core, 'firstRun.place', { country: 'SA', timezone: 'Asia/Riyadh' })).toMatchObject({ workingDays: [0, 1, 2, 3, 4], weekStart: 0 });
    expect(await callCore(core, 'firstRun.place', { country: 'DE', timezone: 'Europe/Berlin' })).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6], weekStart: 1 });

    // The operator's own days (Thursday, a short day in Iran, ticked) are kept, in the week's order.
    expect(await callCore(core, 'firstRun.place', { country: 'IR', timezone: 'Asia/Tehran', workingDays: [4, 3, 2, 1, 0, 6] })).toMatchObject({
      workingDays: [6, 0, 1, 2, 3, 4],
      weekStart: 6,
    });
    // The welcome shown again keeps the operator's own first day of the week.
    expect(await callCore(core, 'firstRun.place', { country: 'IR', timezone: 'Asia/Tehran', workingDays: [1, 6], weekStart: 1 })).toMatchObject({
      workingDays: [1, 6],
      weekStart: 1,
    });
    // The main process reads the new zone at once (each account's day starts there).
    expect((await callCore(core, 'overview.get', {})).timezone).toBe('Asia/Tehran');
  });

  it('refuses no working day, and an unknown country', async () => {
    const core = await open();
    expect(() => contract['settings.update'].input.parse({ workingDays: [] })).toThrow('Choose at least one working day');
    expect(() => contract['firstRun.place'].input.parse({ country: 'IR', timezone: 'Mars/Olympus' })).toThrow('Pick a time zone from the list');
    await expect(callCore(core, 'firstRun.place', { country: 'XX', timezone: 'UTC' })).rejects.toThrow('Pick a country from the list.');
    const saved = await callCore(core, 'settings.update', { workingDays: [5, 1, 1], weekStart: 6 });
    // Repeats go; the days are listed from the week’s first day (from Saturday, Monday comes before Friday).
    expect(saved).toMatchObject({ workingDays: [1, 5], weekStart: 6 });
  });
});

describe('the demo', () => {
  it('adds a demo account that links itself and the sample contacts in the chosen language, once', async () => {
    const core = await open();
    await callCore(core, 'settings.update', { language: 'fa' });
    const demo = await callCore(core, 'firstRun.demo', { language: 'fa' });
    expect(demo).toMatchObject({ added: 25, groupName: 'مخاطبان نمونه' });
    expect(demo.account.driver).toBe('simulator');
    expect(demo.account.label).toBe('گوشی نمایشی');

    const { rows, total } = await callCore(core, 'contacts.list', { query: emptyQuery(), limit: 100 });
    expect(total).toBe(25);
    expect(rows.map((r) => r.name)).toContain('علی رضایی');
    expect(rows.every((r) => r.phone.startsWith('+98'))).toBe(true);
    expect(rows.every((r) => r.tags.includes('نمونه'))).toBe(true);
    const groups = await callCore(core, 'groups.list', {});
    expect(groups).toEqual([expect.objectContaining({ id: demo.groupId, name: 'مخاطبان نمونه', memberCount: 25 })]);
    // The Import page starts on "Choose a file", not on the samples' result.
    expect(await callCore(core, 'imports.current', {})).toBeNull();

    await until(async () => (await callCore(core, 'accounts.list', {}))[0]?.state === 'ready', 'the demo account to link');
    const state = await until(async () => {
      const s = await callCore(core, 'firstRun.get', {});
      return s.done.account ? s : null;
    }, 'the checklist to see the linked account');
    expect(state).toEqual({ welcome: false, done: { contacts: true, account: true, draft: false, campaign: false }, checklistHidden: false });

    // Again: the same account, nothing added twice.
    const again = await callCore(core, 'firstRun.demo', { language: 'fa' });
    expect(again).toMatchObject({ added: 0, groupId: demo.groupId });
    expect(again.account.id).toBe(demo.account.id);
    expect(await callCore(core, 'accounts.list', {})).toHaveLength(1);
  });

  it('has 25 sample contacts for every language, each read without a rejected row', async () => {
    const core = await open();
    const seen = new Set<string>();
    for (const language of LANGUAGES) {
      const demo = await callCore(core, 'firstRun.demo', { language });
      expect(demo.added, language).toBe(25);
      const history = await callCore(core, 'imports.history', { limit: 1 });
      expect(history[0], language).toMatchObject({ added: 25, rejected: 0, skipped: 0 });
      const { rows } = await callCore(core, 'contacts.list', { query: emptyQuery(), limit: 200 });
      for (const r of rows) {
        if (seen.has(r.phone)) continue;
        seen.add(r.phone);
        // Name, phone, the city as a field for messages ({City} / {شهر}…), the note.
        expect(r.name, `${language} ${r.phone}`).not.toBe('');
        expect(r.fields.length, `${language} ${r.phone}`).toBe(1);
        expect(r.note, `${language} ${r.phone}`).not.toBe('');
      }
    }
    expect(seen.size).toBe(100);
  });
});

describe('the checklist', () => {
  it('is hidden and shown again, and stays so after a restart', async () => {
    const core = await open();
    expect((await callCore(core, 'firstRun.done', { what: 'checklist' })).checklistHidden).toBe(true);
    const again = await restart();
    expect((await callCore(again, 'firstRun.get', {})).checklistHidden).toBe(true);
    expect((await callCore(again, 'firstRun.done', { what: 'checklist', hidden: false })).checklistHidden).toBe(false);
  });
});

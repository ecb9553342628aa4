import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDateText, parseTimeText } from '#shared/calendar';
import type { Account, AccountState } from '#shared/accounts';
import type { Campaign, CampaignCounts, Draft } from '#shared/campaigns';
import { contract } from '#shared/contract';
import { emptyQuery } from '#shared/filters';
import { isValidTimeZone, paceFromPreset, type Pace, type Weekday } from '#shared/pace';
import {
  allTimeZones,
  audienceOf,
  exclusionsOf,
  firstIncompleteStep,
  formFromCampaign,
  hasAudience,
  localTimeZone,
  newForm,
  rhythmIssues,
  scheduledMs,
  scheduleOf,
  stepIssues,
  STEPS,
  toInput,
  wallDateTime,
  workingHoursIssues,
  type CampaignForm,
} from './model';

const IST = 'Europe/Istanbul';
const LON = 'Europe/London';

afterEach(() => {
  vi.unstubAllEnvs();
});

function account(id: number, state: AccountState): Account {
  return {
    id,
    label: `Phone ${id}`,
    driver: 'simulator',
    state,
    stateDetail: null,
    phone: null,
    displayName: null,
    qrSvg: null,
    pairingCode: null,
    linked: state === 'ready',
    note: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastReadyAt: null,
  };
}

function draft(id: number, name: string): Draft {
  return { id, name, parts: [{ kind: 'text', text: 'Hi' }], createdAt: '', updatedAt: '' };
}

const noCounts: CampaignCounts = { queued: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, unknown: 0, total: 0 };

function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 3,
    name: 'Spring sale',
    status: 'draft',
    statusReason: null,
    preparing: false,
    draftId: 9,
    draftName: 'Spring text',
    parts: [],
    frozen: false,
    audience: { groupIds: [1, 2], listIds: [5], contactIds: [10, 11], query: null, pasted: '+90 532 111 22 33' },
    exclusions: { includeGraylist: true, skipNotOnWhatsApp: false, recentlyMessagedHours: 48 },
    accountIds: [4],
    pace: paceFromPreset('careful'),
    timezone: IST,
    schedule: { kind: 'at', at: '2026-03-05T06:00:00.000Z' },
    createdAt: '2026-03-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    counts: noCounts,
    ...overrides,
  };
}

/** 5 March 2026, 10:00 in Istanbul. */
const NOW = Date.UTC(2026, 2, 5, 7, 0);

/** A form every step accepts: starts on 10 March 2026, 09:00 Istanbul time. */
function goodForm(overrides: Partial<CampaignForm> = {}): CampaignForm {
  return {
    name: 'Spring sale',
    draftId: 9,
    groupIds: [1],
    listIds: [],
    contactIds: [],
    query: null,
    pasted: '',
    includeGraylist: false,
    skipNotOnWhatsApp: true,
    skipRecent: true,
    recentHours: 24,
    accountIds: [4],
    pace: paceFromPreset('normal'),
    timezone: IST,
    scheduleKind: 'at',
    date: '2026-03-10',
    time: '09:00',
    ...overrides,
  };
}

describe('localTimeZone', () => {
  it('is the computer’s time zone', () => {
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(localTimeZone()).toBe('Asia/Tokyo');
    vi.stubEnv('TZ', 'America/Sao_Paulo');
    expect(localTimeZone()).toBe('America/Sao_Paulo');
  });

  it('is UTC when the computer’s zone is unknown', () => {
    vi.stubEnv('TZ', 'Nowhere/Land');
    expect(localTimeZone()).toBe('UTC');
  });
});

describe('allTimeZones', () => {
  it('lists real zones, UTC included, each once', () => {
    const zones = allTimeZones();
    expect(zones).toEqual(expect.arrayContaining(['UTC', IST, LON, 'America/New_York', 'Asia/Tehran']));
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.filter((z) => !isValidTimeZone(z))).toEqual([]);
    expect(allTimeZones()).toBe(zones);
  });
});

describe('wallDateTime', () => {
  it('gives the date and time as read in the zone', () => {
    expect(wallDateTime(Date.UTC(2026, 2, 5, 6, 0, 59), IST)).toEqual({ date: '2026-03-05', time: '09:00' });
    expect(wallDateTime(Date.UTC(2026, 2, 5, 22, 30), IST)).toEqual({ date: '2026-03-06', time: '01:30' });
    expect(wallDateTime(Date.UTC(2026, 0, 1, 3, 5), 'America/New_York')).toEqual({ date: '2025-12-31', time: '22:05' });
    expect(wallDateTime(Date.UTC(2026, 6, 1, 12, 0), 'Asia/Kathmandu')).toEqual({ date: '2026-07-01', time: '17:45' });
  });

  it('reads an unknown zone as UTC', () => {
    expect(wallDateTime(Date.UTC(2026, 2, 5, 6, 7), 'Mars/Base')).toEqual({ date: '2026-03-05', time: '06:07' });
    expect(wallDateTime(Date.UTC(2026, 2, 5, 6, 7), '')).toEqual({ date: '2026-03-05', time: '06:07' });
  });
});

describe('newForm', () => {
  it('starts empty, sending now, with tomorrow 09:00 in the computer’s zone ready for “At”', () => {
    vi.stubEnv('TZ', IST);
    // 31 December, 22:30 UTC is already 1 January, 01:30 in Istanbul.
    const form = newForm({ accounts: [], drafts: [], now: Date.UTC(2026, 11, 31, 22, 30) });
    expect(form).toEqual({
      name: '',
      draftId: null,
      groupIds: [],
      listIds: [],
      contactIds: [],
      query: null,
      pasted: '',
      includeGraylist: false,
      skipNotOnWhatsApp: true,
      skipRecent: true,
      recentHours: 24,
      accountIds: [],
      pace: paceFromPreset('normal'),
      timezone: IST,
      scheduleKind: 'now',
      date: '2027-01-02',
      time: '09:00',
    });
  });

  it('picks every ready account', () => {
    const accounts = [account(1, 'ready'), account(2, 'qr'), account(3, 'ready'), account(4, 'failed')];
    expect(newForm({ accounts, drafts: [], now: NOW }).accountIds).toEqual([1, 3]);
  });

  it('picks the only account even when it is not ready, and none out of several that are not', () => {
    expect(newForm({ accounts: [account(7, 'reconnecting')], drafts: [], now: NOW }).accountIds).toEqual([7]);
    expect(newForm({ accounts: [account(1, 'qr'), account(2, 'loggedOut')], drafts: [], now: NOW }).accountIds).toEqual([]);
  });

  it('uses the only draft, and its name for the campaign', () => {
    const one = newForm({ accounts: [], drafts: [draft(5, 'Ramazan 🌙')], now: NOW });
    expect([one.draftId, one.name]).toEqual([5, 'Ramazan 🌙']);
    const two = newForm({ accounts: [], drafts: [draft(5, 'a'), draft(6, 'b')], now: NOW });
    expect([two.draftId, two.name]).toEqual([null, '']);
  });

  it('starts with the people picked on the Contacts page', () => {
    const ids = [3, 1, 2];
    const form = newForm({ accounts: [], drafts: [], now: NOW, audience: { contactIds: ids } });
    ids.push(99);
    expect(form.contactIds).toEqual([3, 1, 2]);
    expect(form.query).toBeNull();
    expect(hasAudience(form)).toBe(true);

    const query = { ...emptyQuery(), search: 'izmir' };
    const byQuery = newForm({ accounts: [], drafts: [], now: NOW, audience: { query } });
    expect(byQuery.query).toEqual(query);
    expect(byQuery.contactIds).toEqual([]);
  });

  it('sends in the operator’s time zone and on their working days (the place chosen at the first run)', () => {
    const place: { timezone: string; workingDays: Weekday[] } = { timezone: 'Asia/Tehran', workingDays: [6, 0, 1, 2, 3] };
    const form = newForm({ accounts: [], drafts: [], now: NOW, place });
    expect(form.timezone).toBe('Asia/Tehran');
    expect(form.pace).toEqual(paceFromPreset('normal', { enabled: true, days: [6, 0, 1, 2, 3], start: '09:00', end: '20:00' }));
    place.workingDays.push(4);
    expect(form.pace.workingHours.days).toEqual([6, 0, 1, 2, 3]);
    // A zone that is none, or no days, keeps the defaults.
    const odd = newForm({ accounts: [], drafts: [], now: NOW, place: { timezone: 'Mars/Base', workingDays: [] } });
    expect(odd.timezone).toBe(localTimeZone());
    expect(odd.pace).toEqual(paceFromPreset('normal'));
  });

  it('gives each form its own pace, so editing one leaves the next alone', () => {
    const first = newForm({ accounts: [], drafts: [], now: NOW });
    first.pace.workingHours.days.push(0);
    first.pace.minDelayMs = 1;
    expect(newForm({ accounts: [], drafts: [], now: NOW }).pace).toEqual(paceFromPreset('normal'));
  });
});

describe('formFromCampaign', () => {
  it('shows a saved campaign as the form that made it', () => {
    expect(formFromCampaign(campaign(), NOW)).toEqual({
      name: 'Spring sale',
      draftId: 9,
      groupIds: [1, 2],
      listIds: [5],
      contactIds: [10, 11],
      query: null,
      pasted: '+90 532 111 22 33',
      includeGraylist: true,
      skipNotOnWhatsApp: false,
      skipRecent: true,
      recentHours: 48,
      accountIds: [4],
      pace: paceFromPreset('careful'),
      timezone: IST,
      scheduleKind: 'at',
      date: '2026-03-05',
      time: '09:00',
    });
  });

  it('turns off “skip recently messaged” when the campaign has none, keeping 24 h ready', () => {
    const form = formFromCampaign(campaign({ exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null } }), NOW);
    expect([form.skipRecent, form.recentHours]).toEqual([false, 24]);
  });

  it('offers tomorrow 09:00 in the campaign’s zone when it starts now', () => {
    // 5 March, 22:30 UTC is 6 March, 01:30 in Istanbul: tomorrow there is 7 March.
    const form = formFromCampaign(campaign({ schedule: { kind: 'now' } }), Date.UTC(2026, 2, 5, 22, 30));
    expect([form.scheduleKind, form.date, form.time]).toEqual(['now', '2026-03-07', '09:00']);
  });

  it('copies what it may change, so editing the form leaves the campaign alone', () => {
    const c = campaign();
    const form = formFromCampaign(c, NOW);
    form.groupIds.push(3);
    form.listIds.push(6);
    form.contactIds.push(12);
    form.accountIds.push(5);
    form.pace.workingHours.days.push(0);
    form.pace.minDelayMs = 0;
    expect(c).toEqual(campaign());
  });

  it('gives back the same campaign input when saved unchanged', () => {
    const c = campaign();
    expect(toInput(formFromCampaign(c, NOW))).toEqual({
      name: c.name,
      draftId: c.draftId,
      audience: c.audience,
      exclusions: c.exclusions,
      accountIds: c.accountIds,
      pace: c.pace,
      timezone: c.timezone,
      schedule: c.schedule,
    });
  });
});

describe('audienceOf / exclusionsOf / hasAudience', () => {
  it('takes the audience and exclusions from the form', () => {
    const query = emptyQuery();
    const form = goodForm({ groupIds: [1], listIds: [2], contactIds: [3], query, pasted: '555', includeGraylist: true, skipNotOnWhatsApp: false });
    expect(audienceOf(form)).toEqual({ groupIds: [1], listIds: [2], contactIds: [3], query, pasted: '555' });
    expect(exclusionsOf(form)).toEqual({ includeGraylist: true, skipNotOnWhatsApp: false, recentlyMessagedHours: 24 });
    expect(exclusionsOf(goodForm({ skipRecent: false, recentHours: 72 })).recentlyMessagedHours).toBeNull();
    expect(exclusionsOf(goodForm({ skipRecent: true, recentHours: 72 })).recentlyMessagedHours).toBe(72);
  });

  const nobody = { groupIds: [], listIds: [], contactIds: [], query: null, pasted: '' };
  it.each<[string, Partial<CampaignForm>, boolean]>([
    ['nobody', nobody, false],
    ['only blank pasted text', { ...nobody, pasted: ' \n\t ' }, false],
    ['a group', { ...nobody, groupIds: [1] }, true],
    ['a smart list', { ...nobody, listIds: [1] }, true],
    ['picked contacts', { ...nobody, contactIds: [1] }, true],
    ['a query (even “everyone”)', { ...nobody, query: emptyQuery() }, true],
    ['a pasted number', { ...nobody, pasted: '+905321112233' }, true],
  ])('%s: %s', (_what, overrides, expected) => {
    expect(hasAudience(goodForm(overrides))).toBe(expected);
  });
});

describe('scheduledMs / scheduleOf', () => {
  it('reads the date and time in the chosen zone', () => {
    expect(scheduledMs({ date: '2026-03-05', time: '09:00', timezone: IST })).toBe(Date.UTC(2026, 2, 5, 6, 0));
    expect(scheduledMs({ date: '2026-03-05', time: '09:00', timezone: 'UTC' })).toBe(Date.UTC(2026, 2, 5, 9, 0));
    expect(scheduledMs({ date: '2026-07-01', time: '23:59', timezone: 'America/New_York' })).toBe(Date.UTC(2026, 6, 2, 3, 59));
  });

  it('handles the clock changes: a skipped time is when the clocks jump, a repeated one is the first', () => {
    // London skips 01:00–02:00 on 29 March 2026 and repeats 01:00–02:00 on 25 October 2026.
    expect(scheduledMs({ date: '2026-03-29', time: '01:30', timezone: LON })).toBe(Date.UTC(2026, 2, 29, 1, 0));
    expect(scheduledMs({ date: '2026-10-25', time: '01:30', timezone: LON })).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it.each([
    ['', '09:00', IST],
    ['2026-3-5', '09:00', IST],
    ['05.03.2026', '09:00', IST],
    ['2026-03-05', '', IST],
    ['2026-03-05', '9:00', IST],
    ['2026-03-05', '09:00:00', IST],
    ['2026-03-05', '09:00', ''],
    ['2026-03-05', '09:00', 'Mars/Base'],
  ])('is null for date %j, time %j, zone %j', (date, time, timezone) => {
    expect(scheduledMs({ date, time, timezone })).toBeNull();
  });

  it('gives the schedule the contract takes', () => {
    expect(scheduleOf(goodForm())).toEqual({ kind: 'at', at: '2026-03-10T06:00:00.000Z' });
    expect(scheduleOf(goodForm({ scheduleKind: 'now', date: '', time: 'garbage' }))).toEqual({ kind: 'now' });
    expect(scheduleOf(goodForm({ date: '' }))).toBeNull();
  });

  it('takes a date picked in the Persian calendar: 15 Esfand 1404 at 09:30 in Tehran', () => {
    const date = parseDateText('۱۴۰۴/۱۲/۱۵', 'fa-u-ca-persian') ?? '';
    const time = parseTimeText('۰۹:۳۰') ?? '';
    const schedule = scheduleOf(goodForm({ date, time, timezone: 'Asia/Tehran' }));
    expect(schedule).toEqual({ kind: 'at', at: '2026-03-06T06:00:00.000Z' });
    const back = new Intl.DateTimeFormat('fa-u-ca-persian', { timeZone: 'Asia/Tehran', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
    expect(back.format(Date.parse(schedule?.kind === 'at' ? schedule.at : ''))).toBe(back.format(Date.UTC(2026, 2, 6, 6, 0)));
  });

  it('takes a date picked in the Umm al-Qura calendar: 1 Shawwal 1447 at 08:00 in Riyadh', () => {
    const date = parseDateText('1447/10/01', 'ar-u-ca-islamic-umalqura') ?? '';
    const schedule = scheduleOf(goodForm({ date, time: '08:00', timezone: 'Asia/Riyadh' }));
    expect(schedule?.kind === 'at' && schedule.at).toBeTruthy();
    const at = Date.parse(schedule?.kind === 'at' ? schedule.at : '');
    const wall = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'Asia/Riyadh', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(wall.format(at)).toBe('10/1/1447 AH, 08:00');
  });
});

describe('rhythmIssues / workingHoursIssues', () => {
  const pace = (change: (p: Pace) => void): Pace => {
    const p = paceFromPreset('normal');
    change(p);
    return p;
  };

  it('finds nothing wrong with a preset', () => {
    for (const preset of ['careful', 'normal', 'fast'] as const) {
      expect(rhythmIssues(paceFromPreset(preset))).toEqual([]);
      expect(workingHoursIssues(paceFromPreset(preset))).toEqual([]);
    }
  });

  it('keeps the rhythm’s problems and the working hours’ problems apart', () => {
    const both = pace((p) => {
      p.minDelayMs = 40_000;
      p.workingHours.days = [];
    });
    expect(rhythmIssues(both)).toEqual(['The shortest delay between messages is longer than the longest one.']);
    expect(workingHoursIssues(both)).toEqual(['Working hours are on but no working days are chosen.']);
  });

  it('reports bad working times under working hours only', () => {
    const bad = pace((p) => {
      p.workingHours.start = '9am';
      p.workingHours.end = '24:00';
    });
    expect(rhythmIssues(bad)).toEqual([]);
    expect(workingHoursIssues(bad)).toEqual([
      'The working hours start "9am" is not a time like 09:00.',
      'The working hours end "24:00" is not a time like 20:00.',
    ]);
  });

  it('does not mind having no working days while working hours are off', () => {
    const off = pace((p) => {
      p.workingHours = { enabled: false, days: [], start: '09:00', end: '20:00' };
    });
    expect(workingHoursIssues(off)).toEqual([]);
  });
});

describe('stepIssues', () => {
  it('finds nothing missing in a complete form', () => {
    expect(STEPS.map((step) => stepIssues(goodForm(), step, NOW))).toEqual([[], [], [], [], []]);
  });

  it('message: needs a name and a draft', () => {
    expect(stepIssues(goodForm({ name: '   ', draftId: null }), 'message', NOW)).toEqual([
      'Give the campaign a name.',
      'Pick the draft to send.',
    ]);
    expect(stepIssues(goodForm({ name: '🎉' }), 'message', NOW)).toEqual([]);
  });

  it('message: refuses an empty message there, in words, not at "Start now"', () => {
    const blank = { name: 'New draft', parts: [{ kind: 'text' as const, text: '  \n ' }] };
    expect(stepIssues(goodForm(), 'message', NOW, blank)).toEqual([
      'The draft “New draft” has nothing to send yet. Add a message, a picture or another part.',
    ]);
    expect(stepIssues(goodForm(), 'message', NOW, { name: 'Nothing', parts: [] })).toHaveLength(1);
    expect(firstIncompleteStep(goodForm(), NOW, blank)).toBe('message');
    // A text that can't be read is said at the same step.
    const broken = { name: 'Sale', parts: [{ kind: 'text' as const, text: 'Hello {{name' }] };
    expect(stepIssues(goodForm(), 'message', NOW, broken)[0]).toMatch(/^Part 1 of the draft: /);
    // A picture alone, or a text, is a message.
    const ok = { name: 'Sale', parts: [{ kind: 'text' as const, text: 'Hello {{name|friend}}' }] };
    expect(stepIssues(goodForm(), 'message', NOW, ok)).toEqual([]);
    expect(firstIncompleteStep(goodForm(), NOW, ok)).toBeNull();
    // Drafts not loaded yet: nothing to say (main checks again before it starts).
    expect(stepIssues(goodForm(), 'message', NOW, undefined)).toEqual([]);
  });

  it('audience: needs someone to send to', () => {
    expect(stepIssues(goodForm({ groupIds: [], pasted: '  ' }), 'audience', NOW)).toEqual([
      'Choose at least one group or smart list, paste some numbers, or pick people on the Contacts page.',
    ]);
  });

  it.each([
    [0, true],
    [1, false],
    [1.5, true],
    [8760, false],
    [8761, true],
    [Number.NaN, true],
    [-24, true],
  ])('audience: %d hours for “messaged recently” is wrong: %s', (recentHours, wrong) => {
    const issue = 'The hours for “messaged recently” must be a whole number from 1 to 8760.';
    expect(stepIssues(goodForm({ recentHours }), 'audience', NOW)).toEqual(wrong ? [issue] : []);
    // Ignored while the option is off.
    expect(stepIssues(goodForm({ recentHours, skipRecent: false }), 'audience', NOW)).toEqual([]);
  });

  it('sending: needs an account and a sound rhythm', () => {
    const p = paceFromPreset('fast');
    p.pauseMinMs = 10 * 60_000;
    expect(stepIssues(goodForm({ accountIds: [], pace: p }), 'sending', NOW)).toEqual([
      'Pick at least one WhatsApp account to send from.',
      'The shortest batch pause is longer than the longest one.',
    ]);
  });

  it('timing: needs a known zone, then a complete start time that has not passed', () => {
    expect(stepIssues(goodForm({ timezone: 'Istanbul' }), 'timing', NOW)).toEqual([
      'Pick a time zone from the list (for example Europe/Istanbul).',
    ]);
    expect(stepIssues(goodForm({ time: '' }), 'timing', NOW)).toEqual(['Choose the date and the time to start.']);
    expect(stepIssues(goodForm({ date: '2026-03-05', time: '09:59' }), 'timing', NOW)).toEqual([
      'That start time has already passed. Pick a later time, or start now.',
    ]);
    expect(stepIssues(goodForm({ date: '2026-03-05', time: '10:00' }), 'timing', NOW)).toEqual([]);
  });

  it('timing: a campaign that starts now has no start time to check', () => {
    expect(stepIssues(goodForm({ scheduleKind: 'now', date: '2020-01-01', time: '' }), 'timing', NOW)).toEqual([]);
  });

  it('timing: includes the working hours’ problems', () => {
    const p = paceFromPreset('normal');
    p.workingHours.days = [];
    expect(stepIssues(goodForm({ pace: p }), 'timing', NOW)).toEqual(['Working hours are on but no working days are chosen.']);
    expect(stepIssues(goodForm({ pace: p }), 'sending', NOW)).toEqual([]);
  });

  it('review: never holds anything back', () => {
    const empty = goodForm({ name: '', draftId: null, groupIds: [], accountIds: [], timezone: '' });
    expect(stepIssues(empty, 'review', NOW)).toEqual([]);
  });
});

describe('firstIncompleteStep', () => {
  it('is null when every step is done', () => {
    expect(firstIncompleteStep(goodForm(), NOW)).toBeNull();
  });

  it('is the earliest step that still needs something', () => {
    expect(firstIncompleteStep(goodForm({ name: '' }), NOW)).toBe('message');
    expect(firstIncompleteStep(goodForm({ groupIds: [], accountIds: [] }), NOW)).toBe('audience');
    expect(firstIncompleteStep(goodForm({ accountIds: [] }), NOW)).toBe('sending');
    expect(firstIncompleteStep(goodForm({ date: '2026-03-01' }), NOW)).toBe('timing');
  });
});

describe('toInput', () => {
  it('gives what campaigns.create accepts', () => {
    const input = toInput(goodForm({ skipRecent: false }));
    expect(input).toEqual({
      name: 'Spring sale',
      draftId: 9,
      audience: { groupIds: [1], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
      accountIds: [4],
      pace: paceFromPreset('normal'),
      timezone: IST,
      schedule: { kind: 'at', at: '2026-03-10T06:00:00.000Z' },
    });
    const parsed = contract['campaigns.create'].input.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(input);
  });

  it('is null without a draft or a usable start time', () => {
    expect(toInput(goodForm({ draftId: null }))).toBeNull();
    expect(toInput(goodForm({ date: '2026-13' }))).toBeNull();
    expect(toInput(goodForm({ timezone: 'Nowhere' }))).toBeNull();
    expect(toInput(goodForm({ scheduleKind: 'now', timezone: IST, date: '' }))?.schedule).toEqual({ kind: 'now' });
  });
});

/**
 * Campaigns on the real simulator through the core's handlers, on the real clock with the demo
 * phone sped up: a group with numbers off WhatsApp, STOP replies mid-campaign, pause / resume /
 * cancel, and the durable log agreeing with the report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Campaign, CampaignProgress } from '#shared/campaigns';
import type { MethodParsedInput } from '#shared/contract';
import { emptyFilter } from '#shared/filters';
import type { Pace } from '#shared/pace';
import type { Core } from '#main/core/core';
import { testCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { withoutSafetyBrakes } from '#main/test-support/safety-brakes';
import { until } from '#main/test-support/until';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

const SPEED = 200;

async function setUp(core: Core, phones: string[]) {
  const h = core.handlers;
  const group = await h['groups.create']({ name: 'Customers' });
  const ids: number[] = [];
  for (const [i, phone] of phones.entries()) {
    ids.push((await h['contacts.create']({ phone, name: i % 3 === 0 ? '' : `Customer ${i}`, fields: [['City', i % 2 ? 'İzmir' : '']], tags: [], note: '' })).id);
  }
  await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids } });
  const account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
  withoutSafetyBrakes(core, account.id);
  await h['accounts.connect']({ id: account.id, method: 'qr' });
  await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
  await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
  await until(() => core.accounts.get(account.id).state === 'ready', 'ready');
  const draft = await h['drafts.create']({
    name: 'Offer',
    parts: [{ kind: 'text', text: '{Hi|Hello} {{first_name|friend}} 👋 *20% off* in {{City|your city}}' }],
  });
  return { group, account, draft, ids };
}

function watch(core: Core) {
  const progress = new Map<number, CampaignProgress>();
  const notices: string[] = [];
  /** Every "waiting" a campaign's progress showed (the latest progress may already have moved on). */
  const waits: string[] = [];
  core.bus.subscribe((event, payload) => {
    if (event === 'campaigns.progress') {
      const p = payload as CampaignProgress;
      progress.set(p.campaignId, p);
      if (p.waiting) waits.push(p.waiting);
    }
    if (event === 'campaigns.notice') notices.push((payload as { message: string }).message);
  });
  return { progress, notices, waits };
}

function campaignInput(
  groupId: number,
  draftId: number,
  accountId: number,
  pace: Pace,
): MethodParsedInput<'campaigns.create'> {
  return {
    name: 'November offer',
    draftId,
    audience: { groupIds: [groupId], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: 24 },
    accountIds: [accountId],
    pace,
    timezone: 'Europe/Istanbul',
    schedule: { kind: 'now' },
  };
}

const phonesOf = (n: number, start = 905321110001) => Array.from({ length: n }, (_, i) => `+${start + i}`);

describe('a campaign on the demo phone', () => {
  it('sends to a group once each, fails the numbers off WhatsApp, and the report matches the durable log', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(25);
    const { group, account, draft } = await setUp(core, phones);
    // One number on the blacklist, one on the graylist: excluded before start.
    await core.handlers['suppressions.addNumbers']({ kind: 'black', numbers: [phones[1]!], reason: '' });
    await core.handlers['suppressions.addNumbers']({ kind: 'gray', numbers: [phones[2]!], reason: '' });

    const h = core.handlers;
    const preview = await h['campaigns.preview']({
      audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: `${phones[3]}\nnot a number\n+90 532 111 0099` },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: 24 },
      draftId: draft.id,
    });
    expect(preview.excluded).toMatchObject({ blacklist: 1, graylist: 1, duplicates: 1, invalid: 1 });
    expect(preview.invalidSamples).toEqual([{ input: 'not a number', reason: 'Not a phone number' }]);
    expect(preview.total).toBe(26 - 2); // 25 in the group + one new pasted number − black − gray
    expect(preview.variableGaps.find((g) => g.key === 'City')?.missing).toBeGreaterThan(0);
    // For the risk review: nobody was ever messaged or checked, nobody ever wrote.
    expect(preview.standing).toEqual({ neverMessaged: 24, notChecked: 24, answered: 0 });

    const created = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 0, maxDelayMs: 5 })));
    expect(created.status).toBe('draft');
    const started = await h['campaigns.start']({ id: created.id });
    expect(started.frozen).toBe(true);
    const done = await until(() => seen.progress.get(created.id)?.status === 'completed' && seen.progress.get(created.id), 'completed');

    const offWhatsApp = phones.filter((p, i) => p.endsWith('0') && i !== 1 && i !== 2);
    expect(done.counts.total).toBe(23);
    expect(done.counts.failed).toBe(offWhatsApp.length);
    const delivered = done.counts.sent + done.counts.delivered + done.counts.read;
    expect(delivered).toBe(23 - offWhatsApp.length);

    const log = readDeliveryLog(path.join(dataDir, 'simulator'), account.id);
    const to = log.map((r) => r.to);
    expect(new Set(to).size).toBe(to.length); // nobody twice
    expect(to.length).toBe(delivered);
    expect(to).not.toContain(phones[1]);
    expect(to).not.toContain(phones[2]);
    // Variables and a spintax pick went out; the contact without a name got the fallback.
    const first = log.find((r) => r.to === phones[0]);
    expect(first?.text).toMatch(/^(Hi|Hello) friend 👋 \*20% off\* in your city$/);
    const fourth = log.find((r) => r.to === phones[5]);
    expect(fourth?.text).toMatch(/^(Hi|Hello) Customer 👋 \*20% off\* in İzmir$/);

    const failed = await h['campaigns.recipients']({ id: created.id, status: 'failed', search: '', offset: 0, limit: 100 });
    expect(failed.rows.every((r) => r.reason === 'Not on WhatsApp.')).toBe(true);
    // The contacts found off WhatsApp are marked, so the next campaign leaves them out, and so
    // does everyone this one reached (messaged in the last 24 hours).
    const nextPreview = () =>
      h['campaigns.preview']({
        audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
        exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: 24 },
        draftId: null,
      });
    let next = await nextPreview();
    for (let i = 0; i < 100 && next.excluded.notOnWhatsApp < offWhatsApp.length; i++) {
      await new Promise((r) => setTimeout(r, 10));
      next = await nextPreview();
    }
    // Some readers may have replied STOP meanwhile (the demo phone's replies): they count as
    // blacklisted, which comes before "recently messaged".
    const optedOut = next.excluded.blacklist - 1;
    expect(optedOut).toBeGreaterThanOrEqual(0);
    expect(next.excluded).toMatchObject({ notOnWhatsApp: offWhatsApp.length, recentlyMessaged: delivered - optedOut, graylist: 1 });
    expect(next.total).toBe(0);
    // Everyone kept but the blacklist, now: the graylisted one and the ones off WhatsApp were never
    // messaged; the rest were, and their delivered messages proved them on WhatsApp, so only the
    // graylisted one is not known.
    const everyone = () =>
      h['campaigns.preview']({
        audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
        exclusions: { includeGraylist: true, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
        draftId: null,
      });
    const standing = await until(async () => {
      const p = await everyone();
      return p.standing?.notChecked === 1 && p;
    }, 'every number known but the graylisted one');
    expect(standing.total).toBe(25 - 1 - optedOut);
    expect(standing.standing?.neverMessaged).toBe(offWhatsApp.length + 1);
  });

  it('skips the rest of a campaign for someone who replies STOP mid-campaign', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(12, 905321120001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 60, maxDelayMs: 80 })));
    await h['campaigns.start']({ id: c.id });
    await until(() => (seen.progress.get(c.id)?.counts.sent ?? 0) + (seen.progress.get(c.id)?.counts.delivered ?? 0) >= 2, 'two sent');
    const order = await h['campaigns.recipients']({ id: c.id, status: 'all', search: '', offset: 0, limit: 100 });
    const last = order.rows.at(-1)!.phone; // recipients go in name order
    await h['accounts.simulate']({ id: account.id, action: { kind: 'receive', from: last, text: 'stop' } });
    const done = await until(() => seen.progress.get(c.id)?.status === 'completed' && seen.progress.get(c.id), 'completed');
    expect(done.counts.skipped).toBe(1);
    const skipped = await h['campaigns.recipients']({ id: c.id, status: 'skipped', search: '', offset: 0, limit: 10 });
    expect(skipped.rows.map((r) => [r.phone, r.reason])).toEqual([[last, 'Asked to stop (replied “STOP”).']]);
    const log = readDeliveryLog(path.join(dataDir, 'simulator'), account.id);
    expect(log.map((r) => r.to)).not.toContain(last);
    expect(log).toHaveLength(phones.length - 1);
  });

  it('pauses before the next message, resumes where it stopped, and cancel skips the rest', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(15, 905321130001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 40, maxDelayMs: 50 })));
    await h['campaigns.start']({ id: c.id });
    const logCount = () => readDeliveryLog(path.join(dataDir, 'simulator'), account.id).length;
    await until(() => logCount() >= 3, 'three sent');
    const paused = await h['campaigns.pause']({ id: c.id });
    expect(paused.status).toBe('paused');
    const atPause = logCount();
    await new Promise((r) => setTimeout(r, 300));
    expect(logCount()).toBeLessThanOrEqual(atPause + 1); // at most the one already handed to WhatsApp
    const settled = logCount();
    await new Promise((r) => setTimeout(r, 200));
    expect(logCount()).toBe(settled);

    await h['campaigns.resume']({ id: c.id });
    await until(() => logCount() >= settled + 3, 'three more after resume');
    const cancelled = await h['campaigns.cancel']({ id: c.id });
    expect(cancelled.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 200));
    const final = h['campaigns.get']({ id: c.id }) as Campaign;
    const sentRows = final.counts.sent + final.counts.delivered + final.counts.read;
    expect(final.counts.queued).toBe(0);
    expect(final.counts.skipped).toBe(phones.length - sentRows);
    const to = readDeliveryLog(path.join(dataDir, 'simulator'), account.id).map((r) => r.to);
    expect(to.length).toBe(sentRows);
    expect(new Set(to).size).toBe(to.length);
    expect(seen.progress.get(c.id)?.status).toBe('cancelled');
  });

  it('a new pace applies to the very next message', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core, dataDir } = opened;
    const phones = phonesOf(8, 905321140001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    // A 10-minute gap: without the change, the second message would wait 10 minutes.
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 600_000, maxDelayMs: 600_000 })));
    await h['campaigns.start']({ id: c.id });
    const logCount = () => readDeliveryLog(path.join(dataDir, 'simulator'), account.id).length;
    await until(() => logCount() === 1, 'the first message');
    await h['campaigns.update']({ id: c.id, pace: customPace({ minDelayMs: 0, maxDelayMs: 10 }) });
    await until(() => logCount() === phones.length, 'the rest at the new pace', 5_000);
  });
});

describe('when sending goes wrong', () => {
  it('retries a failed send with backoff and then delivers it', async () => {
    opened = await testCore({ simulatorSpeed: SPEED, queueOptions: { retryBaseMs: 200 } });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(6, 905321150001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    await h['accounts.simulate']({ id: account.id, action: { kind: 'failSends', count: 2 } });
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 0, maxDelayMs: 5 })));
    await h['campaigns.start']({ id: c.id });
    const waiting: string[] = [];
    core.bus.subscribe((e, p) => e === 'campaigns.progress' && (p as CampaignProgress).waiting && waiting.push((p as CampaignProgress).waiting!));
    const done = await until(() => seen.progress.get(c.id)?.status === 'completed' && seen.progress.get(c.id), 'completed');
    expect(done.counts.failed).toBe(0);
    expect(done.counts.sent + done.counts.delivered + done.counts.read).toBe(phones.length);
    const to = readDeliveryLog(path.join(dataDir, 'simulator'), account.id).map((r) => r.to);
    expect(to.sort()).toEqual([...phones].sort());
    expect(waiting.some((w) => /^Retrying \d failed sends? at/.test(w))).toBe(true);
  });

  it('pauses the campaign after five failed sends in a row, with the reason', async () => {
    opened = await testCore({ simulatorSpeed: SPEED, queueOptions: { retryBaseMs: 60_000 } });
    const { core } = opened;
    const seen = watch(core);
    const phones = phonesOf(12, 905321160001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    await h['accounts.simulate']({ id: account.id, action: { kind: 'failSends', count: 50 } });
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 0, maxDelayMs: 5 })));
    await h['campaigns.start']({ id: c.id });
    const paused = await until(() => seen.progress.get(c.id)?.status === 'paused' && seen.progress.get(c.id), 'paused');
    expect(paused.statusReason).toMatch(/failed 5 sends in a row \(last error: The demo phone was told to fail this send\)/);
    expect(seen.notices.some((n) => n.includes('failed 5 sends in a row'))).toBe(true);
    expect(paused.counts.queued).toBe(phones.length); // all five go back to the queue for a later try
  });

  it('waits while the account is reconnecting and carries on by itself', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(12, 905321170001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 100, maxDelayMs: 120 })));
    await h['campaigns.start']({ id: c.id });
    const logCount = () => readDeliveryLog(path.join(dataDir, 'simulator'), account.id).length;
    await until(() => logCount() >= 2, 'two sent');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'disconnect' } });
    // A send in flight at the drop makes the wait "checking N messages…; waiting for “Demo”"
    // instead (its fate is in doubt until the account is back): both wait for the account.
    await until(() => seen.waits.some((w) => /^Waiting for “Demo” to connect|waiting for “Demo”\.$/.test(w)), 'waiting for the account');
    expect(h['campaigns.get']({ id: c.id })).toMatchObject({ status: 'running' });
    const done = await until(() => seen.progress.get(c.id)?.status === 'completed' && seen.progress.get(c.id), 'completed after the reconnect', 20_000);
    expect(done.counts.sent + done.counts.delivered + done.counts.read).toBe(phones.length);
    const to = readDeliveryLog(path.join(dataDir, 'simulator'), account.id).map((r) => r.to);
    expect(new Set(to).size).toBe(phones.length);
    expect(to).toHaveLength(phones.length);
  });

  it('pauses with the reason when WhatsApp blocks the account', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core } = opened;
    const seen = watch(core);
    const phones = phonesOf(12, 905321180001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 50, maxDelayMs: 60 })));
    await h['campaigns.start']({ id: c.id });
    await until(() => (seen.progress.get(c.id)?.counts.queued ?? 99) < phones.length - 1, 'a couple sent');
    await h['accounts.simulate']({ id: account.id, action: { kind: 'block' } });
    const paused = await until(() => seen.progress.get(c.id)?.status === 'paused' && seen.progress.get(c.id), 'paused');
    expect(paused.statusReason).toBe('Paused: WhatsApp blocked the account “Demo”. Check the phone before resuming.');
  });
});

describe('a campaign over two accounts', () => {
  it('rotates between them, checks each number first, and sends the picture with its caption (typing on)', async () => {
    opened = await testCore({ simulatorSpeed: SPEED, queueOptions: { typingMinMs: 20, typingMaxMs: 20 } });
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(14, 905321210001);
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const second = await h['accounts.create']({ label: 'Second', driver: 'simulator' });
    await h['accounts.connect']({ id: second.id, method: 'qr' });
    await until(() => core.accounts.get(second.id).state === 'qr', 'a QR code');
    await h['accounts.simulate']({ id: second.id, action: { kind: 'scan' } });
    await until(() => core.accounts.get(second.id).state === 'ready', 'ready');
    // A 1×1 PNG.
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    );
    const attachment = await h['drafts.attach']({ kind: 'image', fileName: 'offer.png', bytes: png });
    await h['drafts.update']({
      id: draft.id,
      parts: [
        { kind: 'text', text: 'Merhaba {{name|}}' },
        { kind: 'image', attachment, caption: 'Only this week, {{first_name|friend}}' },
      ],
    });
    const pace = customPace({ minDelayMs: 30, maxDelayMs: 40, typing: true, checkNumberFirst: true });
    const c = await h['campaigns.create']({ ...campaignInput(group.id, draft.id, account.id, pace), accountIds: [account.id, second.id] });
    await h['campaigns.start']({ id: c.id });
    const done = await until(() => seen.progress.get(c.id)?.status === 'completed' && seen.progress.get(c.id), 'completed', 20_000);

    const offWhatsApp = phones.filter((p) => p.endsWith('0'));
    expect(done.counts.skipped).toBe(offWhatsApp.length);
    const skipped = await h['campaigns.recipients']({ id: c.id, status: 'skipped', search: '', offset: 0, limit: 50 });
    expect(skipped.rows.every((r) => r.reason === 'Not on WhatsApp (checked before sending).')).toBe(true);

    const logDir = path.join(dataDir, 'simulator');
    const first = readDeliveryLog(logDir, account.id);
    const other = readDeliveryLog(logDir, second.id);
    const reached = phones.length - offWhatsApp.length;
    expect(first.length + other.length).toBe(reached * 2); // text + picture each
    // Rotation: each account carried about half of the recipients, each recipient on one account.
    const perAccount = [new Set(first.map((r) => r.to)).size, new Set(other.map((r) => r.to)).size];
    expect(perAccount[0]! + perAccount[1]!).toBe(reached);
    expect(Math.abs(perAccount[0]! - perAccount[1]!)).toBeLessThanOrEqual(1);
    // One try per recipient, whatever the number of parts.
    const everyone = await h['campaigns.recipients']({ id: c.id, status: 'all', search: '', offset: 0, limit: 100 });
    expect(everyone.rows.filter((r) => r.status !== 'skipped').every((r) => r.attempts === 1)).toBe(true);
    const pictures = [...first, ...other].filter((r) => r.kind === 'image');
    expect(pictures).toHaveLength(reached);
    expect(pictures.every((r) => r.fileName === 'offer.png' && /^Only this week, \S+$/.test(r.text))).toBe(true);
  });
});

describe('an audience from the contacts page', () => {
  it('takes picked contacts and everyone a search matched, once each', async () => {
    opened = await testCore({ simulatorSpeed: SPEED });
    const { core } = opened;
    const phones = phonesOf(9, 905321220001);
    const { ids } = await setUp(core, phones);
    const h = core.handlers;
    // "Customer 1", "Customer 2", … match the search "Customer"; ids[0] has no name but is picked.
    const query = { search: 'Customer', filter: emptyFilter(), listId: null, status: 'all' as const };
    const preview = await h['campaigns.preview']({
      audience: { groupIds: [], listIds: [], contactIds: [ids[0]!, ids[1]!], query, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: null },
      draftId: null,
    });
    const named = phones.filter((_, i) => i % 3 !== 0).length;
    expect(preview.matched).toBe(named + 1); // the named ones, plus the picked one without a name
    expect(preview.total).toBe(named + 1);
  });
});

describe('pause and resume in quick succession', () => {
  it('resumes even while the paused runner still finishes a send, and never sends twice', async () => {
    opened = await testCore({ simulatorSpeed: 5 }); // sends take 20–110 ms: resume lands mid-send
    const { core, dataDir } = opened;
    const seen = watch(core);
    const phones = phonesOf(8, 905321230001).filter((p) => !p.endsWith('0'));
    const { group, account, draft } = await setUp(core, phones);
    const h = core.handlers;
    const c = await h['campaigns.create'](campaignInput(group.id, draft.id, account.id, customPace({ minDelayMs: 0, maxDelayMs: 0 })));
    await h['campaigns.start']({ id: c.id });
    const logCount = () => readDeliveryLog(path.join(dataDir, 'simulator'), account.id).length;
    for (let round = 0; round < 3; round++) {
      await until(() => logCount() >= round * 2 + 1, `message ${round * 2 + 1}`);
      await h['campaigns.pause']({ id: c.id });
      await h['campaigns.resume']({ id: c.id });
    }
    const done = await until(() => seen.progress.get(c.id)?.status === 'completed' && seen.progress.get(c.id), 'completed', 20_000);
    expect(done.counts.sent + done.counts.delivered + done.counts.read).toBe(phones.length);
    const to = readDeliveryLog(path.join(dataDir, 'simulator'), account.id).map((r) => r.to);
    expect(to).toHaveLength(phones.length);
    expect(new Set(to).size).toBe(phones.length);
  });
});

describe('a large audience', () => {
  it('is built window by window in name order, every member once', async () => {
    opened = await testCore({ connectAccounts: false });
    const { core } = opened;
    const h = core.handlers;
    const group = await h['groups.create']({ name: 'Everyone' });
    const now = new Date().toISOString();
    const insert = core.store.sqlite.prepare(
      `INSERT INTO contacts (phone, name, name_key, fields, note, source, created_at, updated_at) VALUES (?, ?, ?, '[]', '', NULL, ?, ?)`,
    );
    const member = core.store.sqlite.prepare(`INSERT INTO group_members (group_id, contact_id, added_at) VALUES (?, ?, ?)`);
    const count = 20_003; // two full windows and a partial one, and more
    let inGroup = 0;
    core.store.sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const name = `N${String((i * 7919) % count).padStart(6, '0')}`;
        const id = Number(insert.run(`+9053240${String(i).padStart(5, '0')}`, name, name.toLowerCase(), now, now).lastInsertRowid);
        // Every third contact is outside the group: windows skip them.
        if (i % 3 !== 0) {
          member.run(group.id, id, now);
          inGroup++;
        }
      }
    })();
    const account = await h['accounts.create']({ label: 'Later', driver: 'simulator' });
    const draft = await h['drafts.create']({ name: 'D', parts: [{ kind: 'text', text: 'Hi' }] });
    const c = await h['campaigns.create']({ ...campaignInput(group.id, draft.id, account.id, customPace({})) });
    await h['campaigns.start']({ id: c.id });
    const rows = core.queueDb.prepare(`SELECT name FROM recipients WHERE campaign_id = ? ORDER BY id`).pluck().all(c.id) as string[];
    expect(rows).toHaveLength(inGroup);
    expect(new Set(rows).size).toBe(inGroup);
    expect(rows).toEqual([...rows].sort());
  });
});

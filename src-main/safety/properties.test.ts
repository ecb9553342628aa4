/**
 * The account-safety promises, attacked with random worlds on the fake clock: random campaigns
 * (audiences, accounts, daily caps, start times), replies and STOPs, blacklist edits and restarts.
 * Whatever happens, counted from the demo phone's durable log (what "WhatsApp" received), not
 * from Pigeon's own tables:
 * - nobody gets a message while on the blacklist (by hand, or after replying STOP);
 * - no account sends more on a local day than the daily cap of the campaign that sent it, or more
 *   than its warm-up allows that day;
 * - no account messages more people in a calendar month who never answered than its budget.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOfLocalDay, zonedParts } from '#shared/pace';
import { mulberry32 } from '#shared/random';
import type { Core } from '#main/core/core';
import { FakeClock } from '#main/kernel/clock';
import { openTestCore } from '#main/test-support/core';
import { customPace } from '#main/test-support/pace';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Berlin';
/** The demo phone's own delays are divided away: only the queue's pace and the world's events move time. */
const SPEED = 1_000_000;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

type Suppressed = { phone: string; from: number; to: number };
type CampaignPlan = { id: number; tag: string; cap: number; accountIds: number[] };

const localDate = (ms: number) => {
  const p = zonedParts(ms, ZONE);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};
const dayNumber = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY;

async function waitReady(core: Core, clock: FakeClock, ids: number[]): Promise<void> {
  const ok = await clock.advanceUntil(() => ids.every((id) => core.accounts.get(id).state === 'ready'), 60_000, 100);
  if (!ok) throw new Error('the demo accounts did not come back');
}

/** One random world, run for four days; returns what the checks need. */
async function runWorld(seed: number) {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  // The last days of March: a month boundary and a DST change inside the run.
  const clock = new FakeClock(Date.UTC(2026, 2, 28, 6, int(0, 59)));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-props-'));
  cleanups.push(() => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })));
  const open = () => openTestCore(dataDir, { clock, simulatorSpeed: SPEED });
  let core = await open();
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await core.close();
  });
  await core.handlers['settings.update']({ timezone: ZONE });

  const accountIds: number[] = [];
  const budgets = new Map<number, number>();
  const warmups = new Map<number, { since: string; schedule: number[] } | null>();
  for (let i = 0; i < int(1, 2); i++) {
    const account = await core.handlers['accounts.create']({ label: `Demo ${i + 1}`, driver: 'simulator' });
    await core.handlers['accounts.connect']({ id: account.id, method: 'qr' });
    accountIds.push(account.id);
    const budget = int(4, 14);
    budgets.set(account.id, budget);
    const warm = random() < 0.6 ? { since: localDate(clock.now()), schedule: [int(1, 3), int(3, 5), int(5, 8)] } : null;
    warmups.set(account.id, warm);
    await waitReady(core, clock, [account.id]);
    await core.handlers['safety.set']({
      accountId: account.id,
      patch: {
        monthlyBudget: budget,
        warmup: warm ? { auto: false, newNumberSince: warm.since, schedule: warm.schedule } : { auto: false, newNumberSince: null, schedule: [20] },
      },
    });
  }

  // 36 people, all on WhatsApp (no number ends in 0 on the demo phone's rule), in two overlapping groups.
  const phones = Array.from({ length: 36 }, (_, i) => `+90532${1_000_000 + (seed % 900) * 1000 + i * 10 + int(1, 9)}`);
  const ids: number[] = [];
  for (const [i, phone] of phones.entries()) {
    ids.push((await core.handlers['contacts.create']({ phone, name: `P${i}`, fields: [], tags: [], note: '' })).id);
  }
  const groups: number[] = [];
  for (let g = 0; g < 2; g++) {
    const group = await core.handlers['groups.create']({ name: `G${g}` });
    await core.handlers['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids: ids.filter(() => random() < 0.6) } });
    groups.push(group.id);
  }

  const campaigns: CampaignPlan[] = [];
  for (let k = 0; k < int(2, 3); k++) {
    const tag = `C${k}`;
    const cap = pick([0, 3, 5, 9]);
    const using = accountIds.length === 1 || random() < 0.5 ? accountIds : [pick(accountIds)];
    const draft = await core.handlers['drafts.create']({ name: tag, parts: [{ kind: 'text', text: `${tag} hello {{name}}` }] });
    const c = await core.handlers['campaigns.create']({
      name: tag,
      draftId: draft.id,
      audience: { groupIds: [pick(groups)], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: using,
      pace: customPace({ minDelayMs: int(1, 5) * MINUTE, maxDelayMs: int(6, 20) * MINUTE, dailyCapPerAccount: cap }),
      timezone: ZONE,
      schedule: { kind: 'now' },
    });
    campaigns.push({ id: c.id, tag, cap, accountIds: using });
  }

  const blacklisted: Suppressed[] = [];
  const end = clock.now() + 4 * DAY;
  let nextStart = 0;
  while (clock.now() < end) {
    await clock.advance(int(5, 90) * MINUTE);
    const roll = random();
    const now = clock.now();
    if (nextStart < campaigns.length && roll < 0.25) {
      await core.handlers['campaigns.start']({ id: campaigns[nextStart++]!.id });
    } else if (roll < 0.35) {
      const phone = pick(phones);
      const open = blacklisted.find((b) => b.phone === phone && b.to === Infinity);
      if (open) {
        // Only a number we listed ourselves comes off, and never one that said STOP.
        const stopped = core.queueDb.prepare(`SELECT 1 FROM book.incoming_messages WHERE from_phone = ? AND opt_out = 1`).get(phone);
        if (!stopped) {
          await core.handlers['suppressions.remove']({ phones: [phone] });
          open.to = clock.now();
        }
      } else if (!core.queueDb.prepare(`SELECT 1 FROM book.suppressions WHERE phone = ?`).get(phone)) {
        await core.handlers['suppressions.addNumbers']({ kind: 'black', numbers: [phone], reason: 'test' });
        blacklisted.push({ phone, from: now, to: Infinity });
      }
    } else if (roll < 0.5) {
      // Someone writes: an answer, or now and then a STOP.
      await core.handlers['accounts.simulate']({ id: pick(accountIds), action: { kind: 'receive', from: pick(phones), text: random() < 0.3 ? 'STOP' : 'Thanks!' } });
    } else if (roll < 0.56) {
      await core.close();
      closed = true;
      core = await open();
      closed = false;
      await waitReady(core, clock, accountIds);
    }
  }
  while (nextStart < campaigns.length) await core.handlers['campaigns.start']({ id: campaigns[nextStart++]!.id });
  await clock.advance(DAY);

  const log = accountIds.flatMap((id) => readDeliveryLog(path.join(dataDir, 'simulator'), id));
  const incoming = core.queueDb
    .prepare(`SELECT account_id AS accountId, from_phone AS phone, received_at AS at, opt_out AS optOut FROM book.incoming_messages`)
    .all() as { accountId: number; phone: string; at: string; optOut: number }[];
  return { log, incoming, blacklisted, campaigns, budgets, warmups, accountIds };
}

type World = Awaited<ReturnType<typeof runWorld>>;

function checkSuppression(w: World): void {
  for (const r of w.log) {
    const at = Date.parse(r.at);
    const listed = w.blacklisted.find((b) => b.phone === r.to && b.from <= at && at < b.to);
    expect(listed, `${r.to} got “${r.text}” at ${r.at} while blacklisted`).toBeUndefined();
    const stop = w.incoming.find((m) => m.optOut === 1 && m.phone === r.to && Date.parse(m.at) < at);
    expect(stop, `${r.to} got “${r.text}” at ${r.at} after replying STOP at ${stop?.at}`).toBeUndefined();
  }
}

function checkDailyLimits(w: World): void {
  for (const accountId of w.accountIds) {
    const entries = w.log.filter((r) => r.accountId === accountId).sort((a, b) => a.seq - b.seq);
    const perDay = new Map<number, number>();
    const warm = w.warmups.get(accountId) ?? null;
    for (const r of entries) {
      const at = Date.parse(r.at);
      const day = startOfLocalDay(at, ZONE);
      const before = perDay.get(day) ?? 0;
      const campaign = w.campaigns.find((c) => r.text.startsWith(`${c.tag} `));
      expect(campaign, `an unknown message “${r.text}”`).toBeDefined();
      if (campaign && campaign.cap > 0) expect(before, `${r.at}: over the daily cap of ${campaign.tag}`).toBeLessThan(campaign.cap);
      if (warm) {
        const index = dayNumber(localDate(at)) - dayNumber(warm.since);
        const cap = warm.schedule[index];
        if (cap !== undefined) expect(before, `${r.at}: warm-up day ${index + 1} allows ${cap}`).toBeLessThan(cap);
      }
      perDay.set(day, before + 1);
    }
  }
}

function checkBudgets(w: World): void {
  for (const accountId of w.accountIds) {
    const budget = w.budgets.get(accountId)!;
    const byMonth = new Map<string, Set<string>>();
    for (const r of w.log.filter((x) => x.accountId === accountId)) {
      const month = localDate(Date.parse(r.at)).slice(0, 7);
      const set = byMonth.get(month) ?? new Set<string>();
      set.add(r.to);
      byMonth.set(month, set);
    }
    for (const [month, people] of byMonth) {
      // A lower bound of what the budget counted at the month's last send: people messaged that
      // month who never wrote to this account at all (a reply in an earlier month makes a person
      // warm for good; the world starts on 28 March and runs into April).
      const silent = [...people].filter((phone) => !w.incoming.some((m) => m.accountId === accountId && m.phone === phone));
      expect(silent.length, `account ${accountId} in ${month}: ${silent.length} people never answered, budget ${budget}`).toBeLessThanOrEqual(budget);
    }
  }
}

describe('account safety under random campaigns, replies, blacklist edits and restarts', () => {
  for (const seed of [11, 23, 37, 41, 59, 73]) {
    it(`holds for world ${seed}`, async () => {
      const w = await runWorld(seed);
      // The world did something: messages went out and the limits were reached somewhere.
      expect(w.log.length).toBeGreaterThan(5);
      checkSuppression(w);
      checkDailyLimits(w);
      checkBudgets(w);
    }, 120_000);
  }
});

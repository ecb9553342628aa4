/**
 * kill -9 in the middle of a campaign, several times: the real host runs in a child process on
 * the demo phone, is killed at random moments while messages are in flight, and is started again
 * on the same data folder. The demo phone's durable log (appended before each send returns) is
 * WhatsApp's side of the story: nobody may appear in it twice for the same message part, nobody
 * on WhatsApp may miss a part, the campaign's report must count exactly what it holds, and the
 * receipts that came while Pigeon was dead must be caught up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Account } from '#shared/accounts';
import type { Campaign } from '#shared/campaigns';
import { mulberry32 } from '#shared/random';
import { startHost, type HostProcess } from '#main/test-support/host-process';
import { until } from '#main/test-support/until';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';
import { withoutSafetyBrakesIn } from '#main/test-support/safety-brakes';
import { QUEUE_FILE } from './queue-db';

const RECIPIENTS = 240;
const MIN_KILLS = 5;
const MAX_KILLS = 30;
// Sends take 2–10 ms to reach "WhatsApp" and 0.5–4 ms more to be confirmed: kills land in both.
const ENV = { PIGEON_SIM_SPEED: '40' };
/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const ZERO_PACE = {
  preset: 'custom',
  minDelayMs: 0,
  maxDelayMs: 0,
  pauseEvery: 0,
  pauseMinMs: 0,
  pauseMaxMs: 0,
  dailyCapPerAccount: 0,
  workingHours: { enabled: false, days: [1], start: '09:00', end: '18:00' },
  typing: false,
  checkNumberFirst: false,
};

type Scenario = {
  seed: number;
  accounts: number;
  parts: (h: HostProcess) => Promise<unknown[]>;
  partKinds: string[];
  /** Lose the confirmation of this many sends per account after every (re)start. */
  loseConfirmations: number;
};

async function linkDemo(host: HostProcess, dataDir: string, label: string): Promise<number> {
  const account = await host.ask('accounts.create', { label, driver: 'simulator' });
  withoutSafetyBrakesIn(dataDir, account.id);
  await host.ask('accounts.connect', { id: account.id, method: 'qr' });
  await until(async () => (await host.ask('accounts.list', {})).find((a: Account) => a.id === account.id)?.state === 'ready', 'ready');
  return account.id;
}

async function faults(host: HostProcess, accountIds: number[], count: number): Promise<void> {
  if (count === 0) return;
  for (const id of accountIds) {
    await until(async () => (await host.ask('accounts.list', {})).find((a: Account) => a.id === id)?.state === 'ready', 'ready again');
    await host.ask('accounts.simulate', { id, action: { kind: 'loseConfirmations', count } });
  }
}

async function crashRun(s: Scenario): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-queue-crash-'));
  const logDir = path.join(dataDir, 'simulator');
  const random = mulberry32(s.seed);
  let host: HostProcess | null = null;
  try {
    host = await startHost(dataDir, ENV);
    const accountIds: number[] = [];
    for (let i = 0; i < s.accounts; i++) accountIds.push(await linkDemo(host, dataDir, `Demo ${i + 1}`));

    const phones = Array.from({ length: RECIPIENTS }, (_, i) => `+9053215${String(10_000 + i * 7).padStart(5, '0')}`);
    const offWhatsApp = phones.filter((p) => p.endsWith('0'));
    const added = await host.ask('imports.open', {
      fileName: 'customers.csv',
      bytes: new TextEncoder().encode(`Phone,Name\n${phones.map((p, i) => `${p},Customer ${i}`).join('\n')}\n`),
    });
    const run = await host.ask('imports.run', { importId: added.importId, mapping: added.mapping, onDuplicate: 'skip', target: { kind: 'newGroup', name: 'Customers' } });
    expect(run.added).toBe(RECIPIENTS);
    const [group] = await host.ask('groups.list', {});
    const draft = await host.ask('drafts.create', { name: 'Parts', parts: await s.parts(host) });
    const campaign = await host.ask('campaigns.create', {
      name: 'Crash',
      draftId: draft.id,
      audience: { groupIds: [group!.id] },
      exclusions: { recentlyMessagedHours: null },
      accountIds,
      pace: ZERO_PACE,
      timezone: 'Europe/Istanbul',
      schedule: { kind: 'now' },
    });
    await faults(host, accountIds, s.loseConfirmations);
    await host.ask('campaigns.start', { id: campaign.id });

    const logged = () => (fs.existsSync(logDir) ? readDeliveryLog(logDir) : []);
    const total = (RECIPIENTS - offWhatsApp.length) * s.partKinds.length;
    // Kills that left a row `sending` whose message WhatsApp did not have yet (must be sent
    // again), and ones whose message it already had (must not be).
    let killsBefore = 0;
    let killsAfter = 0;
    let kills = 0;
    while (kills < MIN_KILLS || ((killsBefore === 0 || killsAfter === 0) && kills < MAX_KILLS)) {
      const target = logged().length + 8 + Math.floor(random() * 25);
      if (target >= total - 40) break;
      await until(() => logged().length >= target, `${target} messages in the log`);
      await host.kill();
      host = null;
      kills++;
      const q = new BetterSqlite3(path.join(dataDir, QUEUE_FILE), { readonly: true });
      const inFlight = q
        .prepare(`SELECT phone, part FROM recipients WHERE status = 'sending' AND sending_at IS NOT NULL`)
        .all() as { phone: string; part: number }[];
      q.close();
      const have = new Set(logged().map((r) => `${r.to}|${r.kind}`));
      for (const row of inFlight) {
        if (have.has(`${row.phone}|${s.partKinds[row.part]}`)) killsAfter++;
        else killsBefore++;
      }
      host = await startHost(dataDir, ENV);
      await faults(host, accountIds, s.loseConfirmations);
    }
    const last = host;
    const done = await until(async () => {
      const c: Campaign = await last.ask('campaigns.get', { id: campaign.id });
      return c.status === 'completed' ? c : null;
    }, 'the campaign to complete', 60_000);

    // WhatsApp's side: each (recipient, part) exactly once, all of a recipient's parts on one account.
    const log = readDeliveryLog(logDir);
    const keys = log.map((r) => `${r.to}|${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byPhone = new Map<string, { kinds: Set<string>; accounts: Set<number> }>();
    for (const r of log) {
      const seen = byPhone.get(r.to) ?? { kinds: new Set<string>(), accounts: new Set<number>() };
      seen.kinds.add(r.kind);
      seen.accounts.add(r.accountId);
      byPhone.set(r.to, seen);
    }
    const complete = [...byPhone.values()].filter((v) => s.partKinds.every((k) => v.kinds.has(k))).length;
    expect(complete).toBe(RECIPIENTS - offWhatsApp.length); // everyone on WhatsApp got every part
    expect([...byPhone.values()].every((v) => v.accounts.size === 1)).toBe(true);
    for (const phone of offWhatsApp) expect(byPhone.has(phone)).toBe(false);
    if (s.accounts > 1) expect(new Set(log.map((r) => r.accountId)).size).toBe(s.accounts);

    // Our side: the report counts exactly that.
    const c = done.counts;
    expect(c.total).toBe(RECIPIENTS);
    expect(c.sent + c.delivered + c.read).toBe(complete);
    expect(c.failed).toBe(offWhatsApp.length);
    expect(c.unknown + c.queued + c.sending + c.skipped).toBe(0);
    // The receipts are caught up, those that came while Pigeon was dead too: nobody stays "sent".
    const settled = await until(async () => {
      const now: Campaign = await last.ask('campaigns.get', { id: campaign.id });
      return now.counts.sent === 0 ? now : null;
    }, 'every receipt', 30_000);
    expect(settled.counts.delivered + settled.counts.read).toBe(complete);
    console.log(
      `[crash] ${s.accounts} account(s), parts ${s.partKinds.join('+')}: ${kills} kills (${killsBefore} before WhatsApp took the message in flight, ` +
        `${killsAfter} after), ${log.length} messages in the log, ${complete} customers complete, lost confirmations armed ${s.loseConfirmations} per account per start`,
    );
    // The kills really landed while messages were in flight, on both sides of WhatsApp taking
    // them (else this proved little).
    expect(killsBefore).toBeGreaterThan(0);
    expect(killsAfter).toBeGreaterThan(0);
  } finally {
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('a campaign killed with SIGKILL again and again', () => {
  it('never sends anyone the same message twice, and its report matches the durable log', async () => {
    await crashRun({
      seed: 20261125,
      accounts: 1,
      partKinds: ['text', 'location'],
      loseConfirmations: 0,
      parts: () =>
        Promise.resolve([
          { kind: 'text', text: '{Merhaba|Selam} {{first_name|}}, kampanya başladı 🎉' },
          { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Dükkan', address: 'İstiklal Cd. 1' },
        ]),
    });
  }, 180_000);

  it('on two accounts, with a picture and confirmations lost after delivery: no duplicate, no missing part', async () => {
    await crashRun({
      seed: 20261202,
      accounts: 2,
      partKinds: ['text', 'image'],
      loseConfirmations: 6,
      parts: async (host) => {
        const attachment = await host.ask('drafts.attach', { kind: 'image', fileName: 'spring.png', bytes: PNG });
        return [
          { kind: 'text', text: 'Merhaba {{first_name|}}, bahar indirimi başladı 🌷' },
          { kind: 'image', attachment, caption: '' },
        ];
      },
    });
  }, 240_000);
});

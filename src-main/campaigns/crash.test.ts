/**
 * kill -9 in the middle of a campaign, several times: the real host runs in a child process on
 * the demo phone, is killed at random moments while messages are in flight, and is started again
 * on the same data folder. The demo phone's durable log (appended before each send returns) is
 * WhatsApp's side of the story: nobody may appear in it twice for the same message part, and
 * the campaign's report must count exactly what it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src-shared/accounts';
import type { Campaign } from '../../src-shared/campaigns';
import { mulberry32 } from '../../src-shared/random';
import { startHost, type HostProcess } from '../test-support/host-process';
import { until } from '../test-support/until';
import { readDeliveryLog } from '../whatsapp/simulator/simulator-driver';
import { QUEUE_FILE } from './queue-db';

const RECIPIENTS = 240;
const MIN_KILLS = 5;
const MAX_KILLS = 30;
// Sends take 2–10 ms to reach "WhatsApp" and 0.5–4 ms more to be confirmed: kills land in both.
const ENV = { PIGEON_SIM_SPEED: '40' };

describe('a campaign killed with SIGKILL again and again', () => {
  it('never sends anyone the same message twice, and its report matches the durable log', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-queue-crash-'));
    const logDir = path.join(dataDir, 'simulator');
    const random = mulberry32(20261125);
    let host: HostProcess | null = null;
    try {
      host = await startHost(dataDir, ENV);
      const account = await host.ask('accounts.create', { label: 'Demo', driver: 'simulator' });
      await host.ask('accounts.connect', { id: account.id, method: 'qr' });
      const h = host;
      await until(async () => (await h.ask('accounts.list', {})).find((a: Account) => a.id === account.id)?.state === 'ready', 'ready');

      const phones = Array.from({ length: RECIPIENTS }, (_, i) => `+9053215${String(10_000 + i * 7).padStart(5, '0')}`);
      const offWhatsApp = phones.filter((p) => p.endsWith('0'));
      const added = await host.ask('imports.open', {
        fileName: 'customers.csv',
        bytes: new TextEncoder().encode(`Phone,Name\n${phones.map((p, i) => `${p},Customer ${i}`).join('\n')}\n`),
      });
      const run = await host.ask('imports.run', {
        importId: added.importId,
        mapping: added.mapping,
        onDuplicate: 'skip',
        target: { kind: 'newGroup', name: 'Customers' },
      });
      expect(run.added).toBe(RECIPIENTS);
      const [group] = await host.ask('groups.list', {});
      const draft = await host.ask('drafts.create', {
        name: 'Two parts',
        parts: [
          { kind: 'text', text: '{Merhaba|Selam} {{first_name|}}, kampanya başladı 🎉' },
          { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Dükkan', address: 'İstiklal Cd. 1' },
        ],
      });
      const campaign = await host.ask('campaigns.create', {
        name: 'Crash',
        draftId: draft.id,
        audience: { groupIds: [group!.id] },
        exclusions: { recentlyMessagedHours: null },
        accountIds: [account.id],
        pace: {
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
        },
        timezone: 'Europe/Istanbul',
        schedule: { kind: 'now' },
      });
      await host.ask('campaigns.start', { id: campaign.id });

      const logged = () => (fs.existsSync(logDir) ? readDeliveryLog(logDir, account.id) : []);
      const partKinds = ['text', 'location'];
      // Kills that left a row `sending` whose message WhatsApp did not have yet (must be sent
      // again), and ones whose message it already had (must not be).
      let killsBefore = 0;
      let killsAfter = 0;
      let kills = 0;
      while (kills < MIN_KILLS || ((killsBefore === 0 || killsAfter === 0) && kills < MAX_KILLS)) {
        const target = logged().length + 8 + Math.floor(random() * 25);
        if (target >= (RECIPIENTS - 30) * 2) break;
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
          if (have.has(`${row.phone}|${partKinds[row.part]}`)) killsAfter++;
          else killsBefore++;
        }
        host = await startHost(dataDir, ENV);
      }
      const last = host;
      const done = await until(async () => {
        const c: Campaign = await last.ask('campaigns.get', { id: campaign.id });
        return c.status === 'completed' ? c : null;
      }, 'the campaign to complete', 60_000);

      // WhatsApp's side: each (recipient, part) at most once.
      const log = readDeliveryLog(logDir, account.id);
      const keys = log.map((r) => `${r.to}|${r.kind}`);
      expect(new Set(keys).size).toBe(keys.length);
      const kindsByPhone = new Map<string, Set<string>>();
      for (const r of log) kindsByPhone.set(r.to, (kindsByPhone.get(r.to) ?? new Set()).add(r.kind));
      const complete = [...kindsByPhone.values()].filter((k) => k.has('text') && k.has('location')).length;

      // Our side: the report counts exactly that.
      const c = done.counts;
      expect(c.total).toBe(RECIPIENTS);
      expect(c.sent + c.delivered + c.read).toBe(complete);
      expect(complete).toBe(RECIPIENTS - offWhatsApp.length); // everyone on WhatsApp got both parts
      expect(c.failed).toBe(offWhatsApp.length);
      expect(c.unknown + c.queued + c.sending + c.skipped).toBe(0);
      for (const phone of offWhatsApp) expect(kindsByPhone.has(phone)).toBe(false);
      // The kills really landed while messages were in flight, on both sides of WhatsApp taking
      // them (else this proved little).
      expect(killsBefore).toBeGreaterThan(0);
      expect(killsAfter).toBeGreaterThan(0);
    } finally {
      await host?.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

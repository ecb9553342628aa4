/**
 * The demo phone's spam-signal faults: a share of the messages sent from then on is never
 * delivered, or answered with an opt-out word; which ones is fixed by the seed and kept in the
 * message's log line, so a new driver on the same log (a restart) tells the same story.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '#main/kernel/clock';
import type { IncomingWhatsAppMessage } from '#main/whatsapp/driver';
import { readDeliveryLog, SimulatorDriver, simulatorFault, simulatorHasWhatsApp, simulatorRecordStory } from './simulator-driver';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function phones(n: number): string[] {
  const list: string[] = [];
  for (let i = 0; list.length < n; i++) {
    const phone = `+90533${String(2_000_000 + i * 11).slice(-7)}`;
    if (simulatorHasWhatsApp(phone)) list.push(phone);
  }
  return list;
}

function driverOn(dir: string, clock: FakeClock): SimulatorDriver {
  return new SimulatorDriver({ accountId: 1, seed: 7, sessionDir: path.join(dir, 'session'), logDir: path.join(dir, 'log'), clock, autoScanMs: 100 });
}

describe('spam-signal faults of the demo phone', () => {
  it('draws the faulted messages from the seed, at about the rate asked', () => {
    const list = phones(2000);
    const rates = { undeliveredPct: 50, optOutPct: 10 };
    const a = list.map((p) => simulatorFault(7, p, 1, rates));
    expect(list.map((p) => simulatorFault(7, p, 1, rates))).toEqual(a);
    expect(list.map((p) => simulatorFault(8, p, 1, rates))).not.toEqual(a);
    const undelivered = a.filter((f) => f === 'undelivered').length / list.length;
    const optOut = a.filter((f) => f === 'optOut').length / list.length;
    expect(undelivered).toBeGreaterThan(0.45);
    expect(undelivered).toBeLessThan(0.55);
    // Opt-outs among the delivered half: about 10 % of 50 %.
    expect(optOut).toBeGreaterThan(0.035);
    expect(optOut).toBeLessThan(0.065);
    expect(list.every((p) => simulatorFault(7, p, 1, { undeliveredPct: 0, optOutPct: 0 }) === null)).toBe(true);
    // An opt-out story is read and answered with an opt-out word; an undelivered one never read.
    expect(simulatorRecordStory(7, { to: list[0]!, fault: 'optOut' }, 1).reply).toMatchObject({ optOut: true });
    expect(simulatorRecordStory(7, { to: list[0]!, fault: 'undelivered' }, 1)).toMatchObject({ readAfterMs: null, reply: null });
  });

  it('keeps faulted messages at one tick or answers STOP, and a restart tells the same story', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-sim-faults-'));
    dirs.push(dir);
    const clock = new FakeClock();
    const driver = driverOn(dir, clock);
    const incoming: IncomingWhatsAppMessage[] = [];
    driver.on('message', (m) => incoming.push(m));
    await driver.connect();
    expect(await clock.advanceUntil(() => driver.state === 'ready', 10_000)).toBe(true);
    driver.setUndeliveredRate(40);
    driver.setOptOutRate(30);
    const list = phones(60);
    const ids: string[] = [];
    for (const to of list) {
      const sending = driver.send(to, { kind: 'text', text: 'Sale!' });
      await clock.advance(1_000);
      ids.push((await sending).messageId);
    }
    await clock.advance(10 * 60_000);
    const log = readDeliveryLog(path.join(dir, 'log'), 1);
    expect(log).toHaveLength(60);
    const undelivered = log.filter((r) => r.fault === 'undelivered');
    const optOuts = log.filter((r) => r.fault === 'optOut');
    expect(undelivered.length).toBeGreaterThan(10);
    expect(optOuts.length).toBeGreaterThan(3);
    const acks = await driver.acksOf(ids);
    for (const r of undelivered) expect(acks.get(r.messageId)).toBe('server');
    for (const r of optOuts) expect(incoming.some((m) => m.from === r.to && /^(STOP|stop|unsubscribe)$/.test(m.body))).toBe(true);

    // Another driver on the same log (a restart) sees the same acks.
    await driver.disconnect();
    const again = driverOn(dir, clock);
    await again.connect();
    expect(await clock.advanceUntil(() => again.state === 'ready', 10_000)).toBe(true);
    expect(await again.acksOf(ids)).toEqual(acks);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountState, AckLevel } from '#shared/accounts';
import { FakeClock } from '#main/kernel/clock';
import type { DriverEvents, OutgoingContent } from '#main/whatsapp/driver';
import { DriverError, isDriverError } from '#main/whatsapp/errors';
import {
  SIMULATOR_DISPLAY_NAME,
  SIMULATOR_OPT_OUT_SHARE,
  SIMULATOR_OPT_OUT_TEXTS,
  SIMULATOR_READ_PROBABILITY,
  SIMULATOR_REPLY_PROBABILITY,
  SIMULATOR_REPLY_TEXTS,
  SIMULATOR_RULE_TEXT,
  SIMULATOR_SESSION_FILE,
  SimulatorDriver,
  deliveryLogPath,
  readDeliveryLog,
  simulatorHasWhatsApp,
  simulatorOwnPhone,
  simulatorSessionExists,
  simulatorStory,
  type SimulatorDriverOptions,
} from './simulator-driver';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-sim-'));
  tempDirs.push(dir);
  return dir;
}

type Logged = { [E in keyof DriverEvents]: { at: number; event: E; payload: DriverEvents[E] } }[keyof DriverEvents];

function setup(overrides: Partial<SimulatorDriverOptions> = {}, dir = tempDir(), clock = new FakeClock()) {
  const options: SimulatorDriverOptions = {
    accountId: 1,
    seed: 42,
    sessionDir: path.join(dir, 'sessions', 'account-1'),
    logDir: path.join(dir, 'simulator'),
    clock,
    ...overrides,
  };
  const driver = new SimulatorDriver(options);
  const events = watch(driver, clock);
  return { dir, clock, driver, events, options };
}

function watch(driver: SimulatorDriver, clock: FakeClock): Logged[] {
  const events: Logged[] = [];
  const names: (keyof DriverEvents)[] = ['state', 'qr', 'pairingCode', 'ready', 'ack', 'message', 'disconnected'];
  for (const event of names) {
    driver.on(event, (payload) => events.push({ at: clock.now(), event, payload } as Logged));
  }
  return events;
}

function states(events: Logged[]): AccountState[] {
  return events.flatMap((e) => (e.event === 'state' ? [e.payload.state] : []));
}

function of<E extends keyof DriverEvents>(events: Logged[], event: E): { at: number; payload: DriverEvents[E] }[] {
  return events.filter((e) => e.event === event) as unknown as { at: number; payload: DriverEvents[E] }[];
}

type Outcome<T> = { done: boolean; value?: T; error?: unknown; at?: number };

function capture<T>(promise: Promise<T>, clock: FakeClock): Outcome<T> {
  const box: Outcome<T> = { done: false };
  promise.then(
    (value) => Object.assign(box, { done: true, value, at: clock.now() }),
    (error: unknown) => Object.assign(box, { done: true, error, at: clock.now() }),
  );
  return box;
}

function codeOf(outcome: Outcome<unknown>): string | undefined {
  return isDriverError(outcome.error) ? outcome.error.code : undefined;
}

async function connectReady(driver: SimulatorDriver, clock: FakeClock): Promise<void> {
  await driver.connect();
  expect(await clock.advanceUntil(() => driver.state === 'ready', 10_000)).toBe(true);
}

async function sendNow(driver: SimulatorDriver, clock: FakeClock, to: string, content: OutgoingContent = { kind: 'text', text: 'Hello' }) {
  const outcome = capture(driver.send(to, content), clock);
  await clock.advanceUntil(() => outcome.done, 5_000, 5);
  if (outcome.error !== undefined) throw outcome.error instanceof Error ? outcome.error : new Error('send failed');
  return { messageId: outcome.value!.messageId, at: outcome.at! };
}

/** n distinct numbers that have WhatsApp under the demo rule (Turkish mobiles, last digit 1–9). */
function recipients(n: number, prefix = '+90532'): string[] {
  const phones: string[] = [];
  for (let i = 0; phones.length < n; i++) {
    const phone = `${prefix}${String(1_000_000 + i * 7).slice(-7)}`;
    if (simulatorHasWhatsApp(phone)) phones.push(phone);
  }
  return phones;
}

describe('linking', () => {
  it('shows a QR code, scans it automatically and saves the session', async () => {
    const { clock, driver, events, options } = setup();
    const start = clock.now();
    await driver.connect();
    expect(states(events)).toEqual(['starting']);

    await clock.advance(1_000);
    expect(states(events)).toEqual(['starting', 'qr']);
    const qrs = of(events, 'qr');
    expect(qrs).toHaveLength(1);
    expect(qrs[0]!.payload.payload).toMatch(/^2@[A-Za-z0-9+/=]{40,},[A-Za-z0-9+/]{43}=,[A-Za-z0-9+/]{43}=,[A-Za-z0-9+/]{43}=$/);
    const qrAt = qrs[0]!.at;
    expect(qrAt - start).toBeGreaterThanOrEqual(500);
    expect(qrAt - start).toBeLessThanOrEqual(900);

    await clock.advanceUntil(() => driver.state === 'ready', 10_000);
    const authAt = events.find((e) => e.event === 'state' && e.payload.state === 'authenticating')!.at;
    expect(authAt - qrAt).toBe(4_000);
    const ready = of(events, 'ready');
    expect(ready).toHaveLength(1);
    expect(ready[0]!.at - authAt).toBeGreaterThanOrEqual(600);
    expect(ready[0]!.at - authAt).toBeLessThanOrEqual(800);
    expect(ready[0]!.payload).toEqual({ phone: simulatorOwnPhone(42), displayName: SIMULATOR_DISPLAY_NAME });
    expect(ready[0]!.payload.phone).toMatch(/^\+447700900\d{3}$/);
    expect(states(events)).toEqual(['starting', 'qr', 'authenticating', 'ready']);
    expect(simulatorSessionExists(options.sessionDir)).toBe(true);
    expect(fs.existsSync(path.join(options.sessionDir, SIMULATOR_SESSION_FILE))).toBe(true);
    await driver.disconnect();
    expect(clock.pending).toBe(0);
  });

  it('rotates the QR code every 20 s and waits for scanNow() when auto scan is off', async () => {
    const { clock, driver, events } = setup({ autoScanMs: null });
    expect(driver.scanNow()).toBe(false);
    await driver.connect();
    await clock.advance(61_000);
    expect(driver.state).toBe('qr');
    const qrs = of(events, 'qr');
    expect(qrs).toHaveLength(4);
    expect(new Set(qrs.map((q) => q.payload.payload)).size).toBe(4);
    expect(qrs[1]!.at - qrs[0]!.at).toBe(20_000);
    // The ref rotates; the keys stay for the whole connection.
    const keys = qrs.map((q) => q.payload.payload.split(',').slice(1).join(','));
    expect(new Set(keys).size).toBe(1);

    expect(driver.scanNow()).toBe(true);
    expect(driver.state).toBe('authenticating');
    await clock.advance(1_000);
    expect(driver.state).toBe('ready');
    await clock.advance(60_000);
    expect(of(events, 'qr')).toHaveLength(4);
    await driver.disconnect();
    expect(clock.pending).toBe(0);
  });

  it('divides the delays by speed', async () => {
    const { clock, driver, events } = setup({ speed: 10 });
    await driver.connect();
    await clock.advanceUntil(() => driver.state === 'ready', 2_000, 1);
    const ready = of(events, 'ready')[0]!;
    // starting ≤ 90 + scan 400 + authenticating ≤ 80.
    expect(ready.at - events[0]!.at).toBeLessThanOrEqual(90 + 400 + 80);
    expect(ready.at - events[0]!.at).toBeGreaterThanOrEqual(50 + 400 + 60);
    await driver.disconnect();
  });

  it('links with a pairing code instead of a QR code', async () => {
    const { clock, driver, events } = setup();
    await expect(driver.connect({ pairWithPhone: '0532 123 45 67' })).rejects.toMatchObject({ code: 'invalid_number' });
    await driver.connect({ pairWithPhone: '+905321234567' });
    await clock.advance(1_000);
    expect(driver.state).toBe('pairing');
    const codes = of(events, 'pairingCode');
    expect(codes).toHaveLength(1);
    expect(codes[0]!.payload.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(of(events, 'qr')).toHaveLength(0);
    await clock.advanceUntil(() => driver.state === 'ready', 10_000);
    expect(states(events)).toEqual(['starting', 'pairing', 'authenticating', 'ready']);
    expect(of(events, 'ready')[0]!.payload.phone).toBe('+905321234567');
    await driver.disconnect();

    // The same seed and phone give the same code.
    const again = setup();
    await again.driver.connect({ pairWithPhone: '+905321234567' });
    await again.clock.advance(1_000);
    expect(of(again.events, 'pairingCode')[0]!.payload.code).toBe(codes[0]!.payload.code);
    await again.driver.disconnect();
  });

  it('restores a saved session without a QR code', async () => {
    const first = setup();
    await connectReady(first.driver, first.clock);
    await first.driver.disconnect();

    const clock = new FakeClock();
    const second = setup({}, first.dir, clock);
    const start = clock.now();
    await second.driver.connect();
    await clock.advanceUntil(() => second.driver.state === 'ready', 5_000, 5);
    expect(states(second.events)).toEqual(['starting', 'authenticating', 'ready']);
    expect(of(second.events, 'qr')).toHaveLength(0);
    const authAt = second.events.find((e) => e.event === 'state' && e.payload.state === 'authenticating')!.at;
    expect(authAt - start).toBeGreaterThanOrEqual(250);
    expect(authAt - start).toBeLessThanOrEqual(350);
    const readyAt = of(second.events, 'ready')[0]!.at;
    expect(readyAt - authAt).toBeGreaterThanOrEqual(600);
    expect(readyAt - authAt).toBeLessThanOrEqual(800);
    expect(of(second.events, 'ready')[0]!.payload.phone).toBe(simulatorOwnPhone(42));
    await second.driver.disconnect();
  });

  it('logout deletes the session and ends in loggedOut; the next connect shows a QR code', async () => {
    const { clock, driver, events, options } = setup();
    await connectReady(driver, clock);
    await driver.logout();
    expect(driver.state).toBe('loggedOut');
    expect(states(events).at(-1)).toBe('loggedOut');
    expect(simulatorSessionExists(options.sessionDir)).toBe(false);
    expect(clock.pending).toBe(0);

    await driver.connect();
    await clock.advance(1_000);
    expect(driver.state).toBe('qr');
    await driver.logout();
    expect(clock.pending).toBe(0);
  });

  it('unlinking from the phone deletes the session and reports loggedOut', async () => {
    const { clock, driver, events, options } = setup();
    expect(driver.unlinkFromPhone()).toBe(false);
    await connectReady(driver, clock);
    expect(driver.unlinkFromPhone()).toBe(true);
    expect(of(events, 'disconnected').map((e) => e.payload.loggedOut)).toEqual([true]);
    expect(driver.state).toBe('loggedOut');
    expect(simulatorSessionExists(options.sessionDir)).toBe(false);
    expect(clock.pending).toBe(0);
  });
});

describe('numbers', () => {
  it('follows the documented rule: a number ending in 0 is not on WhatsApp', async () => {
    expect(SIMULATOR_RULE_TEXT).toMatch(/0/);
    expect(simulatorHasWhatsApp('+905321234560')).toBe(false);
    expect(simulatorHasWhatsApp('+905321234561')).toBe(true);
    expect(simulatorHasWhatsApp('+447700900009')).toBe(true);

    const { clock, driver } = setup();
    const early = capture(driver.isRegistered('+905321234561'), clock);
    await clock.advance(0);
    expect(codeOf(early)).toBe('not_ready');

    await connectReady(driver, clock);
    const bad = capture(driver.isRegistered('12345'), clock);
    await clock.advance(0);
    expect(codeOf(bad)).toBe('invalid_number');

    for (const [phone, expected] of [
      ['+905321234560', false],
      ['+905321234561', true],
      ['+6281234567890', false],
      ['+6281234567899', true],
    ] as const) {
      const start = clock.now();
      const outcome = capture(driver.isRegistered(phone), clock);
      await clock.advanceUntil(() => outcome.done, 1_000, 5);
      expect(outcome.value).toBe(expected);
      expect(outcome.at! - start).toBeGreaterThanOrEqual(50);
      expect(outcome.at! - start).toBeLessThanOrEqual(255);
    }
    await driver.disconnect();
  });
});

describe('sending', () => {
  it('rejects with the right DriverError codes', async () => {
    const { dir, clock, driver } = setup();
    const notReady = capture(driver.send('+905321234561', { kind: 'text', text: 'Hi' }), clock);
    await clock.advance(0);
    expect(codeOf(notReady)).toBe('not_ready');

    await connectReady(driver, clock);
    for (const to of ['05321234561', '+0532123', '+90 532 123 45 61', '']) {
      const outcome = capture(driver.send(to, { kind: 'text', text: 'Hi' }), clock);
      await clock.advance(0);
      expect(codeOf(outcome)).toBe('invalid_number');
      expect((outcome.error as DriverError).permanent).toBe(true);
    }

    const notOn = capture(driver.send('+905321234560', { kind: 'text', text: 'Hi' }), clock);
    await clock.advanceUntil(() => notOn.done, 1_000, 5);
    expect(codeOf(notOn)).toBe('not_on_whatsapp');
    expect((notOn.error as DriverError).permanent).toBe(true);

    const missing = { path: path.join(dir, 'nope.jpg'), mimeType: 'image/jpeg', fileName: 'nope.jpg' };
    const badMedia = capture(driver.send('+905321234561', { kind: 'image', file: missing, caption: 'Look' }), clock);
    await clock.advanceUntil(() => badMedia.done, 1_000, 5);
    expect(codeOf(badMedia)).toBe('bad_media');

    const real = path.join(dir, 'photo.jpg');
    fs.writeFileSync(real, 'jpeg bytes');
    const ok = await sendNow(driver, clock, '+905321234561', {
      kind: 'image',
      file: { path: real, mimeType: 'image/jpeg', fileName: 'photo.jpg' },
      caption: 'Look',
    });
    expect(ok.messageId).toMatch(/^sim-1-1-[0-9a-z]+$/);
    const log = readDeliveryLog(path.join(dir, 'simulator'), 1);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'image', text: 'Look', fileName: 'photo.jpg', to: '+905321234561', seq: 1, accountId: 1 });
    await driver.disconnect();
    expect(clock.pending).toBe(0);
  });

  it('has WhatsApp take the message after 80–400 ms, confirms it 20–150 ms later, and acks server → device → read → played within the stated bounds', async () => {
    const { dir, clock, driver, events, options } = setup();
    await connectReady(driver, clock);
    const voice = path.join(dir, 'voice.ogg');
    fs.writeFileSync(voice, 'ogg bytes');
    const phones = recipients(40);
    const sent = new Map<string, number>();
    for (const to of phones) {
      const start = clock.now();
      const { messageId, at } = await sendNow(driver, clock, to, { kind: 'voice', file: { path: voice, mimeType: 'audio/ogg', fileName: 'v.ogg' } });
      // In the durable log (WhatsApp has it) after 80–400 ms; send() returns 20–150 ms after that.
      const logged = Date.parse(readDeliveryLog(options.logDir).find((r) => r.messageId === messageId)!.at);
      expect(logged - start).toBeGreaterThanOrEqual(80);
      expect(logged - start).toBeLessThanOrEqual(400);
      expect(at - logged).toBeGreaterThanOrEqual(20);
      expect(at - logged).toBeLessThanOrEqual(155);
      sent.set(messageId, logged);
    }
    await clock.advance(60_000);

    let readers = 0;
    for (const [messageId, sentAt] of sent) {
      const acks = of(events, 'ack').filter((a) => a.payload.messageId === messageId);
      const levels = acks.map((a) => a.payload.ack);
      const at = (level: AckLevel) => acks.find((a) => a.payload.ack === level)!.at;
      expect(levels.slice(0, 2)).toEqual(['server', 'device']);
      expect(at('server') - sentAt).toBeGreaterThanOrEqual(100);
      expect(at('server') - sentAt).toBeLessThanOrEqual(500);
      expect(at('device') - at('server')).toBeGreaterThanOrEqual(500);
      expect(at('device') - at('server')).toBeLessThanOrEqual(3_000);
      if (levels.length > 2) {
        readers += 1;
        expect(levels).toEqual(['server', 'device', 'read', 'played']);
        expect(at('read') - at('device')).toBeGreaterThanOrEqual(2_000);
        expect(at('read') - at('device')).toBeLessThanOrEqual(20_000);
        expect(at('played') - at('read')).toBeGreaterThanOrEqual(1_000);
        expect(at('played') - at('read')).toBeLessThanOrEqual(15_000);
      } else {
        expect(levels).toEqual(['server', 'device']);
      }
    }
    expect(readers).toBeGreaterThan(15);
    expect(readers).toBeLessThan(40);
    await driver.disconnect();
  });

  it('fails the next n sends when told to', async () => {
    const { dir, clock, driver } = setup();
    await connectReady(driver, clock);
    driver.failNextSends(2);
    // A malformed number is refused before the failure counter is used.
    const invalid = capture(driver.send('12', { kind: 'text', text: 'x' }), clock);
    await clock.advance(0);
    expect(codeOf(invalid)).toBe('invalid_number');
    for (let i = 0; i < 2; i++) {
      const outcome = capture(driver.send('+905321234561', { kind: 'text', text: 'x' }), clock);
      await clock.advanceUntil(() => outcome.done, 1_000, 5);
      expect(codeOf(outcome)).toBe('failed');
      expect((outcome.error as Error).message).toBe('The demo phone was told to fail this send');
      expect((outcome.error as DriverError).permanent).toBe(false);
      // It failed before reaching WhatsApp, and says so: a retry cannot send it twice.
      expect((outcome.error as DriverError).nothingSent).toBe(true);
    }
    await sendNow(driver, clock, '+905321234561');
    expect(readDeliveryLog(path.join(dir, 'simulator'), 1)).toHaveLength(1);
    await driver.disconnect();
  });

  it('sendTyping resolves after the duration, or at once when not ready', async () => {
    const { clock, driver } = setup();
    const idle = capture(driver.sendTyping('+905321234561', 2_000), clock);
    await clock.advance(0);
    expect(idle.done).toBe(true);

    await connectReady(driver, clock);
    const start = clock.now();
    const typing = capture(driver.sendTyping('+905321234561', 2_000), clock);
    await clock.advance(1_999);
    expect(typing.done).toBe(false);
    await clock.advance(1);
    expect(typing.done).toBe(true);
    expect(typing.at! - start).toBe(2_000);

    // Cut short (not rejected) when the connection goes away.
    const cut = capture(driver.sendTyping('+905321234561', 5_000), clock);
    await driver.disconnect();
    await clock.advance(0);
    expect(cut.done).toBe(true);
    expect(cut.error).toBeUndefined();
    expect(clock.pending).toBe(0);
  });

  it('describes itself', () => {
    expect(setup().driver.describe()).toEqual({ browser: null, canSendVideo: true, historyComplete: true });
    expect(setup().driver.kind).toBe('simulator');
  });
});

describe('the durable delivery log', () => {
  it('has exactly one line per successful send and survives a new driver instance', async () => {
    const first = setup();
    const logDir = first.options.logDir;
    await connectReady(first.driver, first.clock);
    const ids: string[] = [];
    const phones = ['+905321234561', '+905321234562', '+905321234560', '+905321234561'];
    first.driver.failNextSends(1);
    for (const to of ['+905321234569', ...phones]) {
      try {
        ids.push((await sendNow(first.driver, first.clock, to, { kind: 'text', text: `to ${to}` })).messageId);
      } catch (error) {
        expect(isDriverError(error)).toBe(true);
      }
    }
    expect(ids).toHaveLength(3);
    const log = readDeliveryLog(logDir, 1);
    expect(log.map((r) => r.messageId)).toEqual(ids);
    expect(log.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(log.every((r) => r.kind === 'text' && r.accountId === 1 && !Number.isNaN(Date.parse(r.at)))).toBe(true);
    expect(fs.readFileSync(deliveryLogPath(logDir, 1), 'utf8').trim().split('\n')).toHaveLength(3);

    // An interrupted send is either in the log or was not delivered.
    const interrupted = capture(first.driver.send('+905321234563', { kind: 'text', text: 'cut' }), first.clock);
    await first.clock.advance(20);
    first.driver.dropConnection();
    await first.clock.advance(0);
    expect(codeOf(interrupted)).toBe('not_ready');
    expect((interrupted.error as DriverError).nothingSent).toBe(true); // dropped before the log: provably not sent
    expect(readDeliveryLog(logDir, 1)).toHaveLength(3);

    // A crash leaves a torn last line.
    fs.appendFileSync(deliveryLogPath(logDir, 1), '{"at":"2026-01-05T09:0');
    expect(readDeliveryLog(logDir, 1)).toHaveLength(3);

    const clock = new FakeClock(first.clock.now() + 60_000);
    const second = setup({}, first.dir, clock);
    await connectReady(second.driver, clock);
    const recent = await second.driver.sentMessagesTo('+905321234561', 0);
    expect(recent!.map((m) => m.messageId)).toEqual([ids[2], ids[0]]);
    // A minute later the phone knows each message was at least delivered, in a new run too.
    expect(recent![0]).toMatchObject({ to: '+905321234561', kind: 'text', body: 'to +905321234561' });
    expect(['device', 'read']).toContain(recent![0]!.ack);
    const since = Date.parse(readDeliveryLog(logDir, 1).find((r) => r.messageId === ids[2])!.at);
    expect((await second.driver.sentMessagesTo('+905321234561', since))!.map((m) => m.messageId)).toEqual([ids[2]]);
    expect(await second.driver.sentMessagesTo('+905321234568', 0)).toEqual([]);

    const next = await sendNow(second.driver, clock, '+905321234564');
    expect(next.messageId).toMatch(/^sim-1-4-/);
    const after = readDeliveryLog(logDir, 1);
    expect(after).toHaveLength(4);
    expect(new Set(after.map((r) => r.messageId)).size).toBe(4);
    expect(readDeliveryLog(logDir)).toHaveLength(4);
    await second.driver.disconnect();
    await expect(second.driver.sentMessagesTo('+905321234561', 0)).rejects.toMatchObject({ code: 'not_ready' });
  });

  it('reports where each message stands now in sentMessagesTo and acksOf', async () => {
    const { clock, driver } = setup();
    await connectReady(driver, clock);
    const { messageId } = await sendNow(driver, clock, '+905321234561');
    expect(['pending', 'server']).toContain((await driver.sentMessagesTo('+905321234561', 0))![0]!.ack);
    await clock.advance(60_000);
    const ack = (await driver.sentMessagesTo('+905321234561', 0))![0]!.ack;
    expect(['device', 'read']).toContain(ack);
    expect((await driver.sentMessagesTo('+905321234561', 0))![0]!.messageId).toBe(messageId);
    expect(await driver.acksOf([messageId, 'sim-unknown'])).toEqual(new Map([[messageId, ack]]));
    await driver.disconnect();
  });

  it('finds a message in its whole log, not only the newest ones, with what identifies each kind', async () => {
    const { clock, driver } = setup({ speed: 1000 });
    await connectReady(driver, clock);
    const to = '+905321234561';
    const first = await sendNow(driver, clock, to, { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Dükkan' });
    for (let i = 0; i < 25; i++) await sendNow(driver, clock, to, { kind: 'text', text: `later ${i}` });
    await sendNow(driver, clock, to, { kind: 'contact', displayName: 'Shop', phone: '+44 7700 900123' });
    const all = (await driver.sentMessagesTo(to, 0))!;
    expect(all).toHaveLength(27);
    expect(all.at(-1)).toMatchObject({ messageId: first.messageId, kind: 'location', latitude: 41.0082, longitude: 28.9784 });
    expect(all[0]).toMatchObject({ kind: 'contact', contactPhone: '447700900123' });
    await driver.disconnect();
  });

  it('loses the next confirmations when told to: the message is in the log, the send still fails', async () => {
    const { dir, clock, driver } = setup();
    await connectReady(driver, clock);
    driver.loseConfirmations(1);
    const lost = capture(driver.send('+905321234561', { kind: 'text', text: 'did it go?' }), clock);
    await clock.advanceUntil(() => lost.done, 5_000, 5);
    expect(codeOf(lost)).toBe('failed');
    expect((lost.error as DriverError).nothingSent).toBe(false); // in doubt: it may have left
    const log = readDeliveryLog(path.join(dir, 'simulator'), 1);
    expect(log.map((r) => r.text)).toEqual(['did it go?']);
    expect((await driver.sentMessagesTo('+905321234561', 0))!.map((m) => m.messageId)).toEqual([log[0]!.messageId]);
    await sendNow(driver, clock, '+905321234562'); // only the next one
    await driver.disconnect();
  });

  it('plays the acks still to come after a reconnect', async () => {
    const { clock, driver, events } = setup({ seed: 7 });
    await connectReady(driver, clock);
    const { messageId } = await sendNow(driver, clock, '+905321234561');
    driver.dropConnection();
    await connectReady(driver, clock);
    const readyAt = clock.now();
    await clock.advance(60_000);
    const final = (await driver.acksOf([messageId])).get(messageId);
    const after = of(events, 'ack').filter((e) => e.at >= readyAt && e.payload.messageId === messageId);
    // The receipts that fell due after the reconnect arrived, up to where the story ends.
    expect(after.length).toBeGreaterThan(0);
    expect(after.at(-1)!.payload.ack).toBe(final);
    await driver.disconnect();
  });
});

describe('recipients', () => {
  /** Sends to every phone (in batches) and lets every story play out; returns the events. */
  async function campaign(seed: number, phones: string[]) {
    const { clock, driver, events } = setup({ seed });
    await connectReady(driver, clock);
    const start = events.length;
    const sentTo = new Map<string, string>();
    for (let i = 0; i < phones.length; i += 200) {
      const batch = phones.slice(i, i + 200).map((to) => ({ to, outcome: capture(driver.send(to, { kind: 'text', text: 'Sale!' }), clock) }));
      await clock.advance(60_000);
      for (const { to, outcome } of batch) {
        expect(outcome.value).toBeDefined();
        sentTo.set(outcome.value!.messageId, to);
      }
    }
    await driver.disconnect();
    expect(clock.pending).toBe(0);
    return { events: events.slice(start), sentTo };
  }

  it('replies and opts out deterministically per seed, at about the stated rates', async () => {
    const phones = recipients(2_000);
    const a = await campaign(42, phones);
    const b = await campaign(42, phones);
    const c = await campaign(7, phones);
    // Same seed, same story, to the millisecond.
    expect(b.events).toEqual(a.events);

    const summary = (run: { events: Logged[]; sentTo: Map<string, string> }) => {
      const reads = of(run.events, 'ack').filter((e) => e.payload.ack === 'read').length;
      const replies = of(run.events, 'message').map((e) => e.payload);
      const optOuts = replies.filter((m) => (Object.values(SIMULATOR_OPT_OUT_TEXTS).flat() as string[]).includes(m.body));
      return { reads, replies, optOuts };
    };
    const sa = summary(a);
    const sc = summary(c);
    expect(sc.replies.map((m) => m.from)).not.toEqual(sa.replies.map((m) => m.from));

    for (const s of [sa, sc]) {
      expect(s.reads / phones.length).toBeGreaterThan(SIMULATOR_READ_PROBABILITY - 0.04);
      expect(s.reads / phones.length).toBeLessThan(SIMULATOR_READ_PROBABILITY + 0.04);
      expect(s.replies.length / s.reads).toBeGreaterThan(SIMULATOR_REPLY_PROBABILITY - 0.035);
      expect(s.replies.length / s.reads).toBeLessThan(SIMULATOR_REPLY_PROBABILITY + 0.035);
      expect(s.optOuts.length / s.replies.length).toBeGreaterThan(SIMULATOR_OPT_OUT_SHARE - 0.09);
      expect(s.optOuts.length / s.replies.length).toBeLessThan(SIMULATOR_OPT_OUT_SHARE + 0.09);
    }

    const known = new Set<string>([...Object.values(SIMULATOR_REPLY_TEXTS).flat(), ...Object.values(SIMULATOR_OPT_OUT_TEXTS).flat()]);
    const ids = new Set<string>();
    for (const reply of sa.replies) {
      expect(phones).toContain(reply.from);
      expect(reply.type).toBe('text');
      expect(known.has(reply.body)).toBe(true);
      ids.add(reply.id);
    }
    expect(ids.size).toBe(sa.replies.length);
    // Replies come only after the message to that number was read.
    const readAt = new Map<string, number>();
    for (const ack of of(a.events, 'ack')) if (ack.payload.ack === 'read') readAt.set(a.sentTo.get(ack.payload.messageId)!, ack.at);
    for (const reply of of(a.events, 'message')) {
      const at = readAt.get(reply.payload.from);
      expect(at).toBeDefined();
      expect(reply.at - at!).toBeGreaterThanOrEqual(3_000);
    }
    // Turkish numbers mostly answer in Turkish.
    const turkish = new Set<string>([...SIMULATOR_REPLY_TEXTS.tr, ...SIMULATOR_OPT_OUT_TEXTS.tr]);
    expect(sa.replies.filter((m) => turkish.has(m.body)).length / sa.replies.length).toBeGreaterThan(0.6);
  }, 120_000);

  it('keeps the stated rates across seeds (pure story)', () => {
    const phones = recipients(2_000, '+6281');
    for (const seed of [1, 2, 3, 99, 123_456]) {
      const stories = phones.map((to) => simulatorStory(seed, to, 1));
      const reads = stories.filter((s) => s.readAfterMs !== null).length;
      const replies = stories.filter((s) => s.reply !== null);
      const optOuts = replies.filter((s) => s.reply!.optOut);
      expect(reads / phones.length).toBeGreaterThan(0.66);
      expect(reads / phones.length).toBeLessThan(0.74);
      expect(replies.length / reads).toBeGreaterThan(0.115);
      expect(replies.length / reads).toBeLessThan(0.185);
      expect(optOuts.length / replies.length).toBeGreaterThan(SIMULATOR_OPT_OUT_SHARE - 0.045);
      expect(optOuts.length / replies.length).toBeLessThan(SIMULATOR_OPT_OUT_SHARE + 0.045);
    }
    expect(simulatorStory(5, '+905321234561', 1)).toEqual(simulatorStory(5, '+905321234561', 1));
    expect(simulatorStory(5, '+905321234561', 1)).not.toEqual(simulatorStory(5, '+905321234561', 2));
  });

  it('delivers receive() as an incoming message when ready', async () => {
    const { clock, driver, events } = setup();
    expect(driver.receive('+905321234561', 'Hello?')).toBeNull();
    expect(() => driver.receive('nope', 'Hello?')).toThrow(DriverError);
    await connectReady(driver, clock);
    const message = driver.receive('+905321234561', 'Do you have it in blue?');
    expect(message).toMatchObject({ from: '+905321234561', body: 'Do you have it in blue?', type: 'text', timestamp: clock.now() });
    expect(of(events, 'message').map((e) => e.payload)).toEqual([message]);
    const second = driver.receive('+905321234561', 'STOP');
    expect(second!.id).not.toBe(message!.id);
    await driver.disconnect();
  });
});

describe('trouble', () => {
  it('block(): state blocked, in-flight and later sends fail with blocked, no more acks', async () => {
    const { dir, clock, driver, events } = setup();
    expect(driver.block()).toBe(false);
    await connectReady(driver, clock);
    await sendNow(driver, clock, '+905321234561');
    const inFlight = capture(driver.send('+905321234562', { kind: 'text', text: 'x' }), clock);
    expect(driver.block()).toBe(true);
    await clock.advance(0);
    expect(codeOf(inFlight)).toBe('blocked');
    expect(driver.state).toBe('blocked');
    expect(events.at(-1)).toMatchObject({ event: 'state', payload: { state: 'blocked', reason: 'WhatsApp blocked this number (demo)' } });
    expect(clock.pending).toBe(0);
    const later = capture(driver.send('+905321234563', { kind: 'text', text: 'x' }), clock);
    const check = capture(driver.isRegistered('+905321234563'), clock);
    await clock.advance(60_000);
    expect(codeOf(later)).toBe('blocked');
    expect(codeOf(check)).toBe('blocked');
    expect(of(events, 'ack')).toHaveLength(0);
    expect(readDeliveryLog(path.join(dir, 'simulator'), 1)).toHaveLength(1);
    await driver.disconnect();
  });

  it('dropConnection(): disconnected event, no acks while down, connect() works again', async () => {
    const { clock, driver, events } = setup();
    expect(driver.dropConnection()).toBe(false);
    await connectReady(driver, clock);
    const { messageId } = await sendNow(driver, clock, '+905321234561');
    expect(driver.dropConnection('Wi-Fi went away')).toBe(true);
    expect(of(events, 'disconnected').map((e) => e.payload)).toEqual([{ reason: 'Wi-Fi went away', loggedOut: false }]);
    expect(driver.state).toBe('disconnected');
    expect(clock.pending).toBe(0);
    const down = capture(driver.send('+905321234562', { kind: 'text', text: 'x' }), clock);
    await clock.advance(60_000);
    expect(codeOf(down)).toBe('not_ready');
    expect(of(events, 'ack').filter((a) => a.payload.messageId === messageId)).toHaveLength(0);

    // Same instance: the session was kept, so no QR.
    const before = of(events, 'qr').length;
    await connectReady(driver, clock);
    expect(of(events, 'qr')).toHaveLength(before);
    await sendNow(driver, clock, '+905321234562');
    await driver.disconnect();
    expect(clock.pending).toBe(0);

    // And again after disconnect().
    await connectReady(driver, clock);
    await sendNow(driver, clock, '+905321234563');
    await driver.disconnect();
    expect(clock.pending).toBe(0);
  });

  it('leaves no timers after disconnect or logout, whatever it was doing', async () => {
    const { dir, clock, driver } = setup({ autoScanMs: null });
    await driver.connect();
    await clock.advance(1_000);
    expect(clock.pending).toBeGreaterThan(0);
    await driver.disconnect();
    expect(clock.pending).toBe(0);

    await driver.connect({ pairWithPhone: '+905321234567' });
    await clock.advance(300);
    await driver.logout();
    expect(clock.pending).toBe(0);

    await driver.connect({ pairWithPhone: '+905321234567' });
    await clock.advance(1_000);
    driver.scanNow();
    await clock.advance(1_000);
    expect(driver.state).toBe('ready');
    const voice = path.join(dir, 'v.ogg');
    fs.writeFileSync(voice, 'x');
    for (const to of recipients(20)) await sendNow(driver, clock, to, { kind: 'voice', file: { path: voice, mimeType: 'audio/ogg', fileName: 'v.ogg' } });
    const pendingSend = capture(driver.send('+905321234599', { kind: 'text', text: 'x' }), clock);
    const pendingCheck = capture(driver.isRegistered('+905321234599'), clock);
    void driver.sendTyping('+905321234599', 10_000);
    expect(clock.pending).toBeGreaterThan(0);
    await driver.disconnect();
    expect(clock.pending).toBe(0);
    await clock.advance(0);
    expect(codeOf(pendingSend)).toBe('not_ready');
    expect(codeOf(pendingCheck)).toBe('not_ready');
  });

  it('randomDisconnects drops the connection now and then, the same way for the same seed', async () => {
    const dropTimes: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const { clock, driver, events } = setup({ randomDisconnects: true, speed: 60 });
      const start = clock.now();
      await connectReady(driver, clock);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        expect(await clock.advanceUntil(() => of(events, 'disconnected').length > i, 60_000, 100)).toBe(true);
        times.push(of(events, 'disconnected')[i]!.at - start);
        await connectReady(driver, clock);
        await sendNow(driver, clock, '+905321234562');
      }
      await driver.disconnect();
      expect(clock.pending).toBe(0);
      dropTimes.push(times);
    }
    expect(dropTimes[1]).toEqual(dropTimes[0]);
  });

  it('is deterministic for the QR payload and own number, and differs across seeds', async () => {
    const payloads: string[] = [];
    for (const seed of [42, 42, 43]) {
      const { clock, driver, events } = setup({ seed, autoScanMs: null });
      await driver.connect();
      await clock.advance(1_000);
      payloads.push(of(events, 'qr')[0]!.payload.payload);
      await driver.disconnect();
    }
    expect(payloads[1]).toBe(payloads[0]);
    expect(payloads[2]).not.toBe(payloads[0]);
    expect(simulatorOwnPhone(42)).toBe(simulatorOwnPhone(42));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(simulatorOwnPhone)).size).toBeGreaterThan(5);
  });
});

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import wweb from 'whatsapp-web.js';
import { FakeClock } from '#main/kernel/clock';
import type { DriverEvents, OutgoingContent } from '#main/whatsapp/driver';
import { DriverError } from '#main/whatsapp/errors';
import type { FindBrowserResult } from './find-browser';
import {
  WwebDriver,
  buildBrowserArgs,
  type ChatLike,
  type ClientLike,
  type ProcessLike,
  type SendOptions,
  type SendPayload,
  type WidLike,
  type WwebClientOptions,
} from './wweb-driver';
import {
  buildVCard,
  classifyStartError,
  escapeVCardText,
  formatPairingCode,
  incomingSkipReason,
  mapAck,
  mapDisconnectReason,
  mapMessageType,
  mapOperationError,
  mapWaState,
  phoneToWid,
  widToPhone,
} from './wweb-mapping';

// ---------------------------------------------------------------------------------------------
// A fake whatsapp-web.js Client

const never = <T>() => new Promise<T>(() => undefined);

class FakeClient extends EventEmitter implements ClientLike {
  info: { wid?: WidLike | null; pushname?: string | null } | null = null;
  proc: ProcessLike & { kill: ReturnType<typeof vi.fn> } = {
    pid: undefined,
    exitCode: null,
    signalCode: null,
    kill: vi.fn(() => true),
  };
  pupBrowser: { process(): ProcessLike | null } | null = { process: () => this.proc };
  registered = new Set<string>(['905321234567', '905551112233']);
  sent: Array<{ chatId: string; content: SendPayload; options: SendOptions | undefined }> = [];
  chat = {
    sendStateTyping: vi.fn(() => Promise.resolve(true)),
    clearState: vi.fn(() => Promise.resolve(true)),
    fetchMessages: vi.fn((_: { limit: number; fromMe: boolean }): Promise<unknown[]> => Promise.resolve([])),
  } satisfies ChatLike;

  initialize = vi.fn((): Promise<void> => Promise.resolve());
  /** Like the real one: the browser process has exited once destroy() resolves. */
  destroy = vi.fn((): Promise<void> => {
    this.proc.exitCode = 0;
    return Promise.resolve();
  });
  logout = vi.fn((): Promise<void> => Promise.resolve());
  getNumberId = vi.fn((n: string): Promise<WidLike | null> =>
    Promise.resolve(this.registered.has(n) ? { _serialized: `${n}@c.us`, user: n, server: 'c.us' } : null),
  );
  sendMessage = vi.fn((chatId: string, content: SendPayload, options?: SendOptions): Promise<unknown> => {
    this.sent.push({ chatId, content, options });
    return Promise.resolve({ id: { _serialized: `true_${chatId}_MSG${this.sent.length}`, fromMe: true } });
  });
  getChatById = vi.fn((_: string): Promise<ChatLike> => Promise.resolve(this.chat));
  getContactLidAndPhone = vi.fn((ids: string[]) =>
    Promise.resolve(ids.map((lid) => ({ lid, pn: lid === '12345678901234@lid' ? '905551112233@c.us' : undefined }))),
  );

  constructor(readonly options: WwebClientOptions) {
    super();
  }
}

const CHROME: FindBrowserResult = { found: true, path: '/opt/google/chrome/chrome', name: 'Google Chrome', isChrome: true, source: 'installed' };

type Recorded = { [E in keyof DriverEvents]: { event: E; payload: DriverEvents[E] } }[keyof DriverEvents];

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-wweb-unit-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function setup(options: { configure?: (client: FakeClient) => void; browser?: FindBrowserResult; startTimeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const clients: FakeClient[] = [];
  const sessionDir = path.join(tmp, 'sessions', 'account-7');
  const cacheDir = path.join(tmp, 'wweb-cache');
  const driver = new WwebDriver({
    accountId: 7,
    sessionDir,
    cacheDir,
    clock,
    extraBrowserArgs: ['--lang=tr'],
    ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
    createClient: (clientOptions) => {
      const client = new FakeClient(clientOptions);
      options.configure?.(client);
      clients.push(client);
      return client;
    },
    findBrowserImpl: () => options.browser ?? CHROME,
  });
  const events: Recorded[] = [];
  const keys: (keyof DriverEvents)[] = ['state', 'qr', 'pairingCode', 'ready', 'ack', 'message', 'vote', 'disconnected'];
  for (const event of keys) driver.on(event, (payload) => events.push({ event, payload } as Recorded));
  const states = () => events.filter((e) => e.event === 'state').map((e) => e.payload);
  const of = <E extends keyof DriverEvents>(event: E): DriverEvents[E][] =>
    events.filter((e) => e.event === event).map((e) => e.payload as DriverEvents[E]);
  return { clock, clients, driver, events, states, of, sessionDir, cacheDir };
}

async function readySetup(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await s.driver.connect();
  const client = s.clients[0]!;
  client.info = { wid: { _serialized: '905320000000@c.us' }, pushname: 'Pigeon Shop' };
  client.emit('qr', 'qr-payload-1');
  client.emit('authenticated');
  client.emit('ready');
  await s.clock.advance(0);
  return { ...s, client };
}

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

// ---------------------------------------------------------------------------------------------

describe('WwebDriver: starting', () => {
  it('builds whatsapp-web.js options: LocalAuth in the session folder, local version cache, the found browser', async () => {
    const { driver, clients, sessionDir, cacheDir, states } = setup();
    await driver.connect();
    const options = clients[0]!.options;
    expect(options.authStrategy).toBeInstanceOf(wweb.LocalAuth);
    const auth = options.authStrategy as unknown as { dataPath: string; clientId: string };
    expect(auth.dataPath).toBe(path.resolve(sessionDir));
    expect(auth.clientId).toBe('account-7');
    expect(options.webVersionCache).toEqual({ type: 'local', path: cacheDir });
    const puppeteer = options.puppeteer as { executablePath?: string; headless?: boolean; args?: string[] };
    expect(puppeteer.executablePath).toBe('/opt/google/chrome/chrome');
    expect(puppeteer.headless).toBe(true);
    expect(puppeteer.args).toContain('--lang=tr');
    expect(options.pairWithPhoneNumber).toBeUndefined();
    expect(fs.existsSync(sessionDir) && fs.existsSync(cacheDir)).toBe(true);
    expect(states()).toEqual([{ state: 'starting' }]);
    expect(driver.describe()).toEqual({ browser: 'Google Chrome (/opt/google/chrome/chrome)', canSendVideo: true, historyComplete: false });
  });

  it('adds --no-sandbox only for root on Linux', () => {
    expect(buildBrowserArgs('linux', 0)).toContain('--no-sandbox');
    expect(buildBrowserArgs('linux', 1000)).not.toContain('--no-sandbox');
    expect(buildBrowserArgs('win32', null)).not.toContain('--no-sandbox');
    expect(buildBrowserArgs('darwin', 0)).not.toContain('--no-sandbox');
  });

  it('asks for a pairing code when linking by phone number', async () => {
    const { driver, clients, states, of } = setup();
    await driver.connect({ pairWithPhone: '+905321234567' });
    const client = clients[0]!;
    expect(client.options.pairWithPhoneNumber).toEqual({ phoneNumber: '905321234567', showNotification: true });
    client.emit('code', 'K7PD2QXM');
    expect(states().at(-1)).toEqual({ state: 'pairing' });
    expect(of('pairingCode')).toEqual([{ code: 'K7PD-2QXM' }]);
  });

  it('rejects with browser_missing without creating a client when no browser is found', async () => {
    const { driver, clients, states } = setup({
      browser: { found: false, reason: 'none_found', configuredPath: null, checked: ['/usr/bin/google-chrome'], platform: 'linux' },
    });
    const error = await caught(driver.connect());
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).code).toBe('browser_missing');
    expect((error as DriverError).message).toMatch(/Google Chrome/);
    expect(clients).toHaveLength(0);
    expect(states().at(-1)).toMatchObject({ state: 'failed' });
    expect(driver.describe()).toEqual({ browser: null, canSendVideo: false, historyComplete: false });
  });

  it('initialize() rejecting (offline) → state failed with a plain reason, destroy called, DriverError network', async () => {
    const { driver, clients, states } = setup({
      configure: (c) => c.initialize.mockRejectedValue(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/')),
    });
    const error = await caught(driver.connect());
    expect((error as DriverError).code).toBe('network');
    expect(states().at(-1)).toEqual({ state: 'failed', reason: expect.stringMatching(/internet connection/) as unknown });
    expect(clients[0]!.destroy).toHaveBeenCalled();
    expect(clients[0]!.proc.kill).not.toHaveBeenCalled();
  });

  it('initialize() rejecting with a plain string is still classified', async () => {
    const { driver } = setup({ configure: (c) => c.initialize.mockImplementation(() => Promise.reject(new Error('auth timeout'))) });
    expect(((await caught(driver.connect())) as DriverError).code).toBe('timeout');
  });

  it('initialize() hanging → timeout on the clock, destroy called', async () => {
    const { driver, clients, clock, states } = setup({ configure: (c) => c.initialize.mockImplementation(never), startTimeoutMs: 20_000 });
    const result = caught(driver.connect());
    await vi.waitFor(() => expect(clients[0]?.initialize).toHaveBeenCalled());
    await clock.advance(19_000);
    expect(states().at(-1)).toEqual({ state: 'starting' });
    await clock.advance(1_000);
    const error = await result;
    expect((error as DriverError).code).toBe('timeout');
    expect(states().at(-1)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/20 s/) as unknown });
    expect(clients[0]!.destroy).toHaveBeenCalled();
  });

  it('closes the client again when a timed-out initialize() settles later (a browser launched late)', async () => {
    let failInit: (error: Error) => void = () => undefined;
    const { driver, clients, clock } = setup({
      configure: (c) => c.initialize.mockImplementation(() => new Promise<void>((_, reject) => (failInit = reject))),
    });
    const result = caught(driver.connect());
    await vi.waitFor(() => expect(clients[0]?.initialize).toHaveBeenCalled());
    await clock.advance(60_000);
    expect(((await result) as DriverError).code).toBe('timeout');
    expect(clients[0]!.destroy).toHaveBeenCalledTimes(1);
    failInit(new Error('Protocol error: Target closed'));
    await clock.advance(0);
    expect(clients[0]!.destroy).toHaveBeenCalledTimes(2);
  });

  it('disconnect() before the browser is launched: nothing is launched', async () => {
    const { driver, clients, states } = setup();
    const result = caught(driver.connect());
    await driver.disconnect();
    expect(((await result) as DriverError).code).toBe('failed');
    expect(clients).toHaveLength(0);
    expect(states()).toEqual([]);
  });

  it('kills the browser process when destroy() hangs after a failed start', async () => {
    const { driver, clients, clock } = setup({
      configure: (c) => {
        c.initialize.mockImplementation(never);
        c.destroy.mockImplementation(never);
      },
    });
    const result = caught(driver.connect());
    await vi.waitFor(() => expect(clients[0]?.initialize).toHaveBeenCalled());
    await clock.advance(60_000);
    expect(clients[0]!.proc.kill).not.toHaveBeenCalled();
    await clock.advance(10_000);
    expect(((await result) as DriverError).code).toBe('timeout');
    expect(clients[0]!.proc.kill).toHaveBeenCalledWith('SIGKILL');
  });

  it('kills the browser process when destroy() fails', async () => {
    const { driver, clients } = setup({
      configure: (c) => {
        c.initialize.mockRejectedValue(new Error('net::ERR_INTERNET_DISCONNECTED'));
        c.destroy.mockRejectedValue(new Error('Protocol error: Target closed'));
      },
    });
    expect(((await caught(driver.connect())) as DriverError).code).toBe('network');
    expect(clients[0]!.proc.kill).toHaveBeenCalledWith('SIGKILL');
  });

  it('disconnect() during start stops quietly: no failed state, the browser closed', async () => {
    let finishInit: () => void = () => undefined;
    const { driver, clients, states } = setup({
      configure: (c) => c.initialize.mockImplementation(() => new Promise<void>((resolve) => (finishInit = resolve))),
    });
    const result = caught(driver.connect());
    await vi.waitFor(() => expect(clients[0]?.initialize).toHaveBeenCalled());
    const stopped = driver.disconnect();
    finishInit();
    await stopped;
    expect(((await result) as DriverError).code).toBe('failed');
    expect(states().map((s) => s.state)).toEqual(['starting']);
    expect(clients[0]!.destroy.mock.calls.length).toBeGreaterThanOrEqual(1);
  });
});

describe('WwebDriver: events', () => {
  it('qr → state qr + qr event (state once while the code rotates); authenticated; ready with phone and name', async () => {
    const { driver, clients, states, of } = setup();
    await driver.connect();
    const client = clients[0]!;
    client.emit('qr', 'payload-1');
    client.emit('qr', 'payload-2');
    expect(of('qr')).toEqual([{ payload: 'payload-1' }, { payload: 'payload-2' }]);
    client.emit('authenticated');
    client.info = { wid: { _serialized: '905320000000@c.us' }, pushname: 'Pigeon Shop' };
    client.emit('ready');
    await Promise.resolve();
    expect(states().map((s) => s.state)).toEqual(['starting', 'qr', 'authenticating', 'ready']);
    expect(of('ready')).toEqual([{ phone: '+905320000000', displayName: 'Pigeon Shop' }]);
  });

  it('ready with an @lid own id asks WhatsApp for the phone number', async () => {
    const { driver, clients, clock, of } = setup();
    await driver.connect();
    const client = clients[0]!;
    client.info = { wid: { _serialized: '12345678901234@lid' }, pushname: 'Shop' };
    client.emit('ready');
    await clock.advance(0);
    expect(of('ready')).toEqual([{ phone: '+905551112233', displayName: 'Shop' }]);
  });

  it('auth_failure → failed with a reason, client closed', async () => {
    const { driver, clients, states, clock } = setup();
    await driver.connect();
    clients[0]!.emit('auth_failure', 'restore failed');
    await clock.advance(0);
    expect(states().at(-1)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/QR/) as unknown });
    expect(clients[0]!.destroy).toHaveBeenCalled();
  });

  it.each([
    ['TOS_BLOCK', 'blocked'],
    ['SMB_TOS_BLOCK', 'blocked'],
    ['CONFLICT', 'blocked'],
    ['OPENING', 'authenticating'],
    ['CONNECTED', 'ready'],
    ['PROXYBLOCK', 'failed'],
  ] as const)('change_state %s → %s', async (waState, expected) => {
    const { client, states } = await readySetup();
    client.emit('change_state', waState);
    expect(states().at(-1)?.state).toBe(expected);
  });

  it('back from a socket blip (OPENING → CONNECTED): state ready and the ready event again', async () => {
    const { client, states, of } = await readySetup();
    client.emit('change_state', 'OPENING');
    expect(states().at(-1)).toMatchObject({ state: 'authenticating' });
    client.emit('change_state', 'CONNECTED');
    expect(states().at(-1)).toEqual({ state: 'ready' });
    expect(of('ready')).toEqual([
      { phone: '+905320000000', displayName: 'Pigeon Shop' },
      { phone: '+905320000000', displayName: 'Pigeon Shop' },
    ]);
    client.emit('change_state', 'CONNECTED');
    expect(of('ready')).toHaveLength(2);
  });

  it('a blocked account refuses to send', async () => {
    const { client, driver } = await readySetup();
    client.emit('change_state', 'TOS_BLOCK');
    const error = await caught(driver.send('+905321234567', { kind: 'text', text: 'hi' }));
    expect((error as DriverError).code).toBe('blocked');
    expect(client.sendMessage).not.toHaveBeenCalled();
  });

  it('disconnected LOGOUT → loggedOut: browser closed, session deleted, then the disconnected event', async () => {
    const { client, clock, of, states, sessionDir } = await readySetup();
    fs.writeFileSync(path.join(sessionDir, 'marker'), 'x');
    client.emit('disconnected', 'LOGOUT');
    await clock.advance(0);
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(1));
    expect(of('disconnected')[0]).toEqual({ loggedOut: true, reason: expect.stringMatching(/unlinked/) as unknown });
    expect(states().at(-1)?.state).toBe('loggedOut');
    expect(client.destroy).toHaveBeenCalled();
    expect(fs.existsSync(sessionDir)).toBe(false);
  });

  it('disconnected CONFLICT → blocked, not logged out; the session is kept', async () => {
    const { client, clock, of, states, sessionDir } = await readySetup();
    client.emit('change_state', 'CONFLICT');
    client.emit('disconnected', 'CONFLICT');
    await clock.advance(0);
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(1));
    expect(of('disconnected')[0]!.loggedOut).toBe(false);
    expect(states().at(-1)?.state).toBe('blocked');
    expect(fs.existsSync(sessionDir)).toBe(true);
  });

  it('disconnected NAVIGATION → a plain drop (the manager reconnects)', async () => {
    const { client, clock, of, states, driver } = await readySetup();
    client.emit('disconnected', 'NAVIGATION');
    await clock.advance(0);
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(1));
    expect(of('disconnected')[0]).toEqual({ loggedOut: false, reason: 'WhatsApp Web reloaded.' });
    expect(states().at(-1)?.state).toBe('ready'); // the driver reports no "disconnected"/"reconnecting" state itself
    expect(((await caught(driver.isRegistered('+905321234567'))) as DriverError).code).toBe('not_ready');
  });

  it('no events after disconnect() (a stop the manager asked for)', async () => {
    const { client, driver, events } = await readySetup();
    const before = events.length;
    await driver.disconnect();
    client.emit('disconnected', 'NAVIGATION');
    client.emit('qr', 'late');
    expect(events.length).toBe(before);
    expect(client.destroy).toHaveBeenCalledTimes(1);
    await driver.disconnect();
    expect(client.destroy).toHaveBeenCalledTimes(1);
  });

  it('vote_update → votes on our own polls only, with the voter as a phone number and the time in ms', async () => {
    const { client, of } = await readySetup();
    const poll = { id: { _serialized: 'true_905321234567@c.us_POLL', fromMe: true }, from: '905320000000@c.us', fromMe: true, type: 'poll_creation' };
    client.emit('vote_update', { voter: '905321234567@c.us', selectedOptions: [{ id: 0, name: 'Morning' }], interractedAtTs: 1_764_000_000, parentMessage: poll });
    client.emit('vote_update', { voter: '905321234567@c.us', selectedOptions: [], interractedAtTs: 1_764_000_100_000, parentMessage: poll });
    // Not ours, malformed, or no voter: ignored.
    client.emit('vote_update', { voter: '905321234567@c.us', selectedOptions: [], interractedAtTs: 1, parentMessage: { ...poll, id: { _serialized: 'false_905321234567@c.us_X', fromMe: false }, fromMe: false } });
    client.emit('vote_update', { voter: 42, selectedOptions: [], parentMessage: poll });
    client.emit('vote_update', null);
    await new Promise((r) => setTimeout(r, 0));
    expect(of('vote')).toEqual([
      { messageId: 'true_905321234567@c.us_POLL', voter: '+905321234567', options: ['Morning'], at: 1_764_000_000_000 },
      { messageId: 'true_905321234567@c.us_POLL', voter: '+905321234567', options: [], at: 1_764_000_100_000 },
    ]);
  });

  it('message_ack → ack levels for our own messages only', async () => {
    const { client, of } = await readySetup();
    const ours = { id: { _serialized: 'true_905321234567@c.us_ABC', fromMe: true }, from: '905320000000@c.us', fromMe: true, type: 'chat' };
    client.emit('message_ack', ours, 1);
    client.emit('message_ack', ours, 2);
    client.emit('message_ack', ours, 3);
    client.emit('message_ack', ours, -1);
    client.emit('message_ack', ours, 99);
    client.emit('message_ack', { ...ours, id: { _serialized: 'false_x', fromMe: false }, fromMe: false }, 3);
    expect(of('ack')).toEqual([
      { messageId: 'true_905321234567@c.us_ABC', ack: 'server' },
      { messageId: 'true_905321234567@c.us_ABC', ack: 'device' },
      { messageId: 'true_905321234567@c.us_ABC', ack: 'read' },
      { messageId: 'true_905321234567@c.us_ABC', ack: 'error' },
    ]);
  });

  it('incoming messages: people only (no own, group, status, broadcast or notification), numbers as E.164', async () => {
    const { client, clock, of } = await readySetup();
    const base = { fromMe: false, type: 'chat', body: 'STOP', timestamp: 1_767_600_000 };
    client.emit('message', { ...base, id: { _serialized: 'm1' }, from: '905321234567@c.us' });
    client.emit('message', { ...base, id: { _serialized: 'm2', fromMe: true }, from: '905321234567@c.us', fromMe: true });
    client.emit('message', { ...base, id: { _serialized: 'm3' }, from: '120363000000000000@g.us', author: '905321234567@c.us' });
    client.emit('message', { ...base, id: { _serialized: 'm4' }, from: 'status@broadcast', isStatus: true });
    client.emit('message', { ...base, id: { _serialized: 'm5' }, from: '905321234567@c.us', type: 'e2e_notification' });
    client.emit('message', { ...base, id: { _serialized: 'm6' }, from: '1234@newsletter' });
    client.emit('message', { ...base, id: { _serialized: 'm7' }, from: '905321234567@c.us', type: 'image', body: 'caption' });
    client.emit('message', { ...base, id: { _serialized: 'm8' }, from: '905321234567@c.us', type: 'location', body: '/9j/4AAQSkZJRgABAQ' });
    client.emit('message', { ...base, id: { _serialized: 'm9' }, from: '12345678901234@lid' });
    client.emit('message', { ...base, id: { _serialized: 'm10' }, from: '99999999999999@lid', getContact: () => Promise.resolve({ id: { _serialized: '99999999999999@lid' }, number: '99999999999999' }) });
    client.emit('message', 'not a message');
    await clock.advance(0);
    await vi.waitFor(() => expect(of('message').map((m) => m.id)).toEqual(['m1', 'm7', 'm8', 'm9']));
    expect(of('message')[0]).toEqual({ id: 'm1', from: '+905321234567', body: 'STOP', type: 'text', timestamp: 1_767_600_000_000 });
    expect(of('message')[1]).toMatchObject({ type: 'media', body: 'caption' });
    expect(of('message')[2]).toMatchObject({ type: 'location', body: '' });
    expect(of('message')[3]).toMatchObject({ from: '+905551112233' });
  });
});

describe('WwebDriver: operations', () => {
  it('refuses before ready', async () => {
    const { driver } = setup();
    expect(((await caught(driver.send('+905321234567', { kind: 'text', text: 'x' }))) as DriverError).code).toBe('not_ready');
    await driver.connect();
    expect(((await caught(driver.isRegistered('+905321234567'))) as DriverError).code).toBe('not_ready');
  });

  it('isRegistered asks getNumberId with digits', async () => {
    const { driver, client } = await readySetup();
    expect(await driver.isRegistered('+905321234567')).toBe(true);
    expect(await driver.isRegistered('+905329999999')).toBe(false);
    expect(client.getNumberId).toHaveBeenCalledWith('905321234567');
    expect(((await caught(driver.isRegistered('0532 123'))) as DriverError).code).toBe('invalid_number');
  });

  it('send(): not_on_whatsapp without sending', async () => {
    const { driver, client } = await readySetup();
    const error = await caught(driver.send('+905329999999', { kind: 'text', text: 'hello' }));
    expect((error as DriverError).code).toBe('not_on_whatsapp');
    expect((error as DriverError).permanent).toBe(true);
    expect((error as DriverError).nothingSent).toBe(true);
    expect(client.sendMessage).not.toHaveBeenCalled();
  });

  it('send(): every kind of content calls sendMessage the right way', async () => {
    const { driver, client } = await readySetup();
    const image = path.join(tmp, 'photo.jpg');
    fs.writeFileSync(image, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const file = { path: image, mimeType: 'image/jpeg', fileName: 'Kampanya.jpg' };
    const contents: OutgoingContent[] = [
      { kind: 'text', text: 'Merhaba Ayşe' },
      { kind: 'image', file, caption: 'Yeni ürünler' },
      { kind: 'video', file: { ...file, mimeType: 'video/mp4' } },
      { kind: 'document', file: { ...file, mimeType: 'application/pdf', fileName: 'fiyat.pdf' }, caption: 'Fiyat listesi' },
      { kind: 'voice', file: { ...file, mimeType: 'audio/ogg' } },
      { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Mağaza', address: 'İstiklal Cd. 1' },
      { kind: 'contact', displayName: 'Destek; Ekibi', phone: '+905551112233' },
      { kind: 'poll', question: 'Hangi gün?', options: ['Pazartesi', 'Salı'], multipleAnswers: true },
    ];
    const ids: string[] = [];
    for (const content of contents) ids.push((await driver.send('+905321234567', content)).messageId);
    expect(ids[0]).toBe('true_905321234567@c.us_MSG1');
    expect(new Set(ids).size).toBe(contents.length);

    const sent = client.sent;
    expect(sent.every((s) => s.chatId === '905321234567@c.us')).toBe(true);
    expect(sent.every((s) => s.options?.sendSeen === false)).toBe(true);
    expect(sent[0]).toMatchObject({ content: 'Merhaba Ayşe', options: { parseVCards: false } });

    const media = sent[1]!.content as wweb.MessageMedia;
    expect(media).toBeInstanceOf(wweb.MessageMedia);
    expect(media).toMatchObject({ mimetype: 'image/jpeg', filename: 'Kampanya.jpg', filesize: 7 });
    expect(Buffer.from(media.data, 'base64')).toEqual(fs.readFileSync(image));
    expect(sent[1]!.options).toMatchObject({ caption: 'Yeni ürünler' });
    expect(sent[1]!.options?.sendMediaAsDocument).toBeUndefined();

    expect(sent[2]!.content).toMatchObject({ mimetype: 'video/mp4' });
    expect(sent[2]!.options?.caption).toBeUndefined();
    expect(sent[3]!.options).toMatchObject({ sendMediaAsDocument: true, caption: 'Fiyat listesi' });
    expect(sent[3]!.content).toMatchObject({ filename: 'fiyat.pdf' });
    expect(sent[4]!.options).toMatchObject({ sendAudioAsVoice: true });

    expect(sent[5]!.content).toBeInstanceOf(wweb.Location);
    expect(sent[5]!.content).toMatchObject({ latitude: 41.0082, longitude: 28.9784, name: 'Mağaza', address: 'İstiklal Cd. 1' });

    expect(sent[6]!.options).toMatchObject({ parseVCards: true });
    expect(sent[6]!.content).toBe(buildVCard('Destek; Ekibi', '+905551112233'));
    expect(sent[6]!.content as string).toMatch(/^BEGIN:VCARD\n/);
    expect(sent[6]!.content as string).toContain('FN:Destek\\; Ekibi');
    expect(sent[6]!.content as string).toContain('waid=905551112233:+905551112233');

    expect(sent[7]!.content).toBeInstanceOf(wweb.Poll);
    expect(sent[7]!.content).toMatchObject({
      pollName: 'Hangi gün?',
      pollOptions: [
        { name: 'Pazartesi', localId: 0 },
        { name: 'Salı', localId: 1 },
      ],
      options: { allowMultipleAnswers: true },
    });
  });

  it('send(): unreadable media, bad polls and bad contact cards are permanent errors', async () => {
    const { driver, client } = await readySetup();
    const missing = { path: path.join(tmp, 'gone.jpg'), mimeType: 'image/jpeg', fileName: 'gone.jpg' };
    const cases: OutgoingContent[] = [
      { kind: 'image', file: missing },
      { kind: 'poll', question: 'Q', options: ['only one'], multipleAnswers: false },
      { kind: 'contact', displayName: 'X', phone: '12' },
      { kind: 'location', latitude: 123, longitude: 0 },
    ];
    for (const content of cases) {
      const error = (await caught(driver.send('+905321234567', content))) as DriverError;
      expect(error.code).toBe('bad_media');
      expect(error.permanent).toBe(true);
      expect(error.nothingSent).toBe(true);
    }
    expect(client.sendMessage).not.toHaveBeenCalled();
  });

  it('send(): thrown errors become DriverErrors', async () => {
    const { driver, client } = await readySetup();
    client.sendMessage.mockRejectedValueOnce(new Error('Protocol error (Runtime.callFunctionOn): Session closed.'));
    expect(((await caught(driver.send('+905321234567', { kind: 'text', text: 'a' }))) as DriverError).code).toBe('not_ready');
    client.sendMessage.mockRejectedValueOnce(new Error('Evaluation failed: Error: something odd'));
    const odd = (await caught(driver.send('+905321234567', { kind: 'text', text: 'a' }))) as DriverError;
    expect(odd.code).toBe('failed');
    expect(odd.message).not.toContain('odd');
    client.sendMessage.mockResolvedValueOnce(undefined);
    expect(((await caught(driver.send('+905321234567', { kind: 'text', text: 'a' }))) as DriverError).code).toBe('failed');
  });

  it('send(): only what fails before the message exists proves nothing was sent', async () => {
    const { driver, client } = await readySetup();
    const text: OutgoingContent = { kind: 'text', text: 'a' };
    const inDoubt = [
      new Error('Protocol error (Runtime.callFunctionOn): Session closed.'), // the page went away mid-send
      new TypeError("Cannot read properties of undefined (reading 'getMessageModel')"), // after sending
      new Error('Evaluation failed: Error: something odd'),
    ];
    for (const thrown of inDoubt) {
      client.sendMessage.mockRejectedValueOnce(thrown);
      expect(((await caught(driver.send('+905321234567', text))) as DriverError).nothingSent).toBe(false);
    }
    client.sendMessage.mockResolvedValueOnce({}); // resolved without an id: not confirmed
    const unconfirmed = (await caught(driver.send('+905321234567', text))) as DriverError;
    expect(unconfirmed).toMatchObject({ code: 'failed', message: 'WhatsApp did not confirm the message.', nothingSent: false });
    client.sendMessage.mockRejectedValueOnce(new Error('Evaluation failed: Error: Media upload failed'));
    expect((await caught(driver.send('+905321234567', text))) as DriverError).toMatchObject({ code: 'bad_media', nothingSent: true });
    client.sendMessage.mockRejectedValueOnce(new Error('Evaluation failed: invalid wid'));
    expect((await caught(driver.send('+905321234567', text))) as DriverError).toMatchObject({ code: 'invalid_number', nothingSent: true });
    await driver.disconnect();
    expect((await caught(driver.send('+905321234567', text))) as DriverError).toMatchObject({ code: 'not_ready', nothingSent: true });
  });

  it('acksOf reads each message’s current ack by id', async () => {
    const { driver, client } = await readySetup();
    const acks: Record<string, number> = { a: 2, b: 3 };
    (client as ClientLike).getMessageById = vi.fn((id: string) => Promise.resolve(id in acks ? { id: { _serialized: id }, ack: acks[id] } : null));
    expect(await driver.acksOf(['a', 'b', 'gone'])).toEqual(new Map([['a', 'device'], ['b', 'read']]));
  });

  it('send(): a hanging send times out on the clock, in doubt', async () => {
    const { driver, client, clock } = await readySetup();
    client.sendMessage.mockImplementationOnce(never);
    const result = caught(driver.send('+905321234567', { kind: 'text', text: 'a' }));
    await clock.advance(120_000);
    expect((await result) as DriverError).toMatchObject({ code: 'timeout', nothingSent: false });
  });

  it('sendTyping shows typing, then clears it after the duration', async () => {
    const { driver, client, clock } = await readySetup();
    let done = false;
    const typing = driver.sendTyping('+905321234567', 3_000).then(() => (done = true));
    await clock.advance(10);
    expect(client.getChatById).toHaveBeenCalledWith('905321234567@c.us');
    expect(client.chat.sendStateTyping).toHaveBeenCalledTimes(1);
    expect(client.chat.clearState).not.toHaveBeenCalled();
    await clock.advance(2_000);
    expect(done).toBe(false);
    await clock.advance(1_000);
    await typing;
    expect(client.chat.clearState).toHaveBeenCalledTimes(1);
  });

  it('sendTyping never rejects: at once when not on WhatsApp or failing; cut short by disconnect()', async () => {
    const { driver, client, clock } = await readySetup();
    await driver.sendTyping('+905329999999', 3_000);
    client.chat.sendStateTyping.mockRejectedValueOnce(new Error('Session closed'));
    await driver.sendTyping('+905321234567', 3_000);
    let done = false;
    const typing = driver.sendTyping('+905321234567', 5_000).then(() => (done = true));
    await clock.advance(10);
    expect(done).toBe(false);
    await driver.disconnect();
    await typing;
    expect(done).toBe(true);
    await driver.sendTyping('+905321234567', 3_000);
  });

  it('sentMessagesTo returns our messages since a time, newest first, with what identifies each kind', async () => {
    const { driver, client } = await readySetup();
    const mine = (id: string, type: string, timestamp: number, extra: Record<string, unknown> = {}) => ({
      id: { _serialized: id, fromMe: true },
      from: '905320000000@c.us',
      fromMe: true,
      type,
      body: '',
      timestamp,
      ack: 1,
      ...extra,
    });
    client.chat.fetchMessages.mockResolvedValue([
      mine('too-old', 'chat', 50, { body: 'long ago' }),
      mine('old', 'chat', 100, { body: 'first', ack: 3 }),
      mine('new', 'chat', 200, { body: 'second' }),
      mine('loc', 'location', 201, { location: { latitude: 41.0082, longitude: '28.9784' } }),
      mine('card', 'vcard', 202, { body: 'BEGIN:VCARD\nVERSION:3.0\nFN:Shop\nTEL;type=CELL;waid=447700900123:+447700900123\nEND:VCARD' }),
      mine('pic', 'image', 203, { body: 'Only this week', _data: { filename: 'offer.png', size: 68, mimetype: 'image/png' } }),
      mine('poll', 'poll_creation', 204, { pollName: 'Which day?' }),
      mine('voice', 'ptt', 205, { _data: { size: 1234, mimetype: 'audio/ogg; codecs=opus' } }),
    ]);
    const recent = await driver.sentMessagesTo('+905321234567', 100_000);
    expect(client.chat.fetchMessages).toHaveBeenCalledWith({ limit: 50, fromMe: true });
    expect(recent).toEqual([
      { messageId: 'voice', to: '+905321234567', kind: 'voice', body: '', fileSize: 1234, mimeType: 'audio/ogg', timestamp: 205_000, ack: 'server' },
      { messageId: 'poll', to: '+905321234567', kind: 'poll', body: 'Which day?', timestamp: 204_000, ack: 'server' },
      {
        messageId: 'pic',
        to: '+905321234567',
        kind: 'image',
        body: 'Only this week',
        fileName: 'offer.png',
        fileSize: 68,
        mimeType: 'image/png',
        timestamp: 203_000,
        ack: 'server',
      },
      { messageId: 'card', to: '+905321234567', kind: 'contact', body: '', contactPhone: '447700900123', timestamp: 202_000, ack: 'server' },
      { messageId: 'loc', to: '+905321234567', kind: 'location', body: '', latitude: 41.0082, longitude: 28.9784, timestamp: 201_000, ack: 'server' },
      { messageId: 'new', to: '+905321234567', kind: 'text', body: 'second', timestamp: 200_000, ack: 'server' },
      { messageId: 'old', to: '+905321234567', kind: 'text', body: 'first', timestamp: 100_000, ack: 'read' },
    ]);
    expect(await driver.sentMessagesTo('+905329999999', 0)).toEqual([]);
  });

  it('logout() when ready: unlinks through the client, closes it, deletes the session folder', async () => {
    const { driver, client, sessionDir } = await readySetup();
    await driver.logout();
    expect(client.logout).toHaveBeenCalledTimes(1);
    expect(client.destroy).toHaveBeenCalled();
    expect(fs.existsSync(sessionDir)).toBe(false);
    await driver.logout();
    expect(client.logout).toHaveBeenCalledTimes(1);
  });

  it('logout() when never started only removes the session folder; disconnect() is a no-op', async () => {
    const { driver, clients, sessionDir } = setup();
    fs.mkdirSync(sessionDir, { recursive: true });
    fs.writeFileSync(path.join(sessionDir, 'x'), 'x');
    await driver.disconnect();
    await driver.logout();
    expect(fs.existsSync(sessionDir)).toBe(false);
    expect(clients).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wweb-mapping', () => {
  it('maps every WAState', () => {
    const states = ['CONFLICT', 'CONNECTED', 'DEPRECATED_VERSION', 'OPENING', 'PAIRING', 'PROXYBLOCK', 'SMB_TOS_BLOCK', 'TIMEOUT', 'TOS_BLOCK', 'UNLAUNCHED', 'UNPAIRED', 'UNPAIRED_IDLE'];
    expect(Object.fromEntries(states.map((s) => [s, mapWaState(s)?.state ?? null]))).toEqual({
      CONFLICT: 'blocked',
      CONNECTED: 'ready',
      DEPRECATED_VERSION: 'failed',
      OPENING: 'authenticating',
      PAIRING: 'authenticating',
      PROXYBLOCK: 'failed',
      SMB_TOS_BLOCK: 'blocked',
      TIMEOUT: 'authenticating',
      TOS_BLOCK: 'blocked',
      UNLAUNCHED: null,
      UNPAIRED: 'loggedOut',
      UNPAIRED_IDLE: 'loggedOut',
    });
    expect(mapWaState('SOMETHING_NEW')).toBeNull();
    for (const s of states) {
      const mapped = mapWaState(s);
      if (mapped && mapped.state !== 'ready') expect(mapped.reason).toBeTruthy();
    }
  });

  it('maps acks', () => {
    expect([-1, 0, 1, 2, 3, 4].map(mapAck)).toEqual(['error', 'pending', 'server', 'device', 'read', 'played']);
    expect(mapAck(5)).toBeNull();
    expect(mapAck('3')).toBeNull();
    expect(mapAck(1.5)).toBeNull();
  });

  it('maps disconnect reasons', () => {
    expect(mapDisconnectReason('LOGOUT')).toMatchObject({ loggedOut: true, blocked: false });
    expect(mapDisconnectReason('UNPAIRED')).toMatchObject({ loggedOut: true });
    expect(mapDisconnectReason('TOS_BLOCK')).toMatchObject({ loggedOut: false, blocked: true });
    expect(mapDisconnectReason('CONFLICT')).toMatchObject({ loggedOut: false, blocked: true });
    expect(mapDisconnectReason('NAVIGATION')).toMatchObject({ loggedOut: false, blocked: false });
    expect(mapDisconnectReason('NEW_THING').reason).toContain('NEW_THING');
    expect(mapDisconnectReason('some <html> text').reason).not.toContain('html');
    expect(mapDisconnectReason(undefined)).toMatchObject({ loggedOut: false, blocked: false });
  });

  it('converts between E.164 and wids', () => {
    expect(phoneToWid('+905321234567')).toBe('905321234567@c.us');
    expect(() => phoneToWid('05321234567')).toThrow(DriverError);
    expect(() => phoneToWid('+0532')).toThrow(DriverError);
    expect(widToPhone('905321234567@c.us')).toBe('+905321234567');
    expect(widToPhone('905321234567:12@s.whatsapp.net')).toBe('+905321234567');
    expect(widToPhone('120363000000000000@g.us')).toBeNull();
    expect(widToPhone('status@broadcast')).toBeNull();
    expect(widToPhone('12345678901234@lid')).toBeNull();
    expect(widToPhone('1234@newsletter')).toBeNull();
    expect(widToPhone('abc@c.us')).toBeNull();
  });

  it('maps message types and skips what is not a person writing', () => {
    expect(['chat', 'image', 'video', 'ptt', 'audio', 'document', 'sticker', 'location', 'vcard', 'multi_vcard', 'poll_creation', 'revoked'].map(mapMessageType)).toEqual([
      'text', 'media', 'media', 'media', 'media', 'media', 'media', 'location', 'contact', 'contact', 'other', 'other',
    ]);
    const msg = { fromMe: false, from: '905321234567@c.us', type: 'chat' };
    expect(incomingSkipReason(msg)).toBeNull();
    expect(incomingSkipReason({ ...msg, from: '12345678901234@lid' })).toBeNull();
    expect(incomingSkipReason({ ...msg, fromMe: true })).not.toBeNull();
    expect(incomingSkipReason({ ...msg, from: 'x@g.us' })).not.toBeNull();
    expect(incomingSkipReason({ ...msg, from: 'status@broadcast' })).not.toBeNull();
    expect(incomingSkipReason({ ...msg, from: '123@broadcast' })).not.toBeNull();
    expect(incomingSkipReason({ ...msg, type: 'notification_template' })).not.toBeNull();
  });

  it('builds escaped vCards and formats pairing codes', () => {
    expect(escapeVCardText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
    expect(buildVCard('Ayşe, Mağaza', '+905321234567').split('\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ayşe\\, Mağaza',
      'N:;Ayşe\\, Mağaza;;;',
      'TEL;type=CELL;type=VOICE;waid=905321234567:+905321234567',
      'END:VCARD',
    ]);
    expect(formatPairingCode('k7pd2qxm')).toBe('K7PD-2QXM');
    expect(formatPairingCode('K7PD-2QXM')).toBe('K7PD-2QXM');
  });

  it('classifies start and operation errors in plain words', () => {
    expect(classifyStartError(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'))).toMatchObject({ code: 'network' });
    expect(classifyStartError(new Error('net::ERR_PROXY_CONNECTION_FAILED at https://web.whatsapp.com/'))).toMatchObject({ code: 'network' });
    expect(classifyStartError('auth timeout')).toMatchObject({ code: 'timeout' });
    expect(classifyStartError(new Error('Failed to launch the browser process!'))).toMatchObject({ code: 'failed' });
    expect(classifyStartError(new Error('The browser is already running for /x/session. Use a different `userDataDir`'))).toMatchObject({
      code: 'failed',
      reason: expect.stringMatching(/in use/) as unknown,
    });
    expect(mapOperationError(new Error('ENOENT: no such file'), 'send').code).toBe('bad_media');
    expect(mapOperationError(new Error('Execution context was destroyed'), 'send').code).toBe('not_ready');
    expect(mapOperationError(new Error('wid error: invalid wid'), 'send').code).toBe('invalid_number');
    const passthrough = new DriverError('not_on_whatsapp', 'x');
    expect(mapOperationError(passthrough, 'send')).toBe(passthrough);
  });
});

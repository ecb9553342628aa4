import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountEvent } from '#shared/accounts';
import type { EventPayloads } from '#shared/contract';
import { FakeClock } from '#main/kernel/clock';
import { DriverError } from '#main/whatsapp/errors';
import { openTestCore, testCore } from '#main/test-support/core';
import { fakeDriverFactory } from '#main/test-support/fake-driver';
import { RECONNECT_MAX_ATTEMPTS } from './account-manager';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

function record(o: Opened) {
  const accounts: Account[] = [];
  const log: AccountEvent[] = [];
  const inbox: EventPayloads['inbox.received'][] = [];
  o.core.bus.subscribe((event, payload) => {
    if (event === 'accounts.changed') {
      const p = payload as EventPayloads['accounts.changed'];
      if (p.account) accounts.push(p.account);
    }
    if (event === 'accounts.log') log.push(payload as AccountEvent);
    if (event === 'inbox.received') inbox.push(payload as EventPayloads['inbox.received']);
  });
  return { accounts, log, inbox, states: () => accounts.map((a) => a.state) };
}

async function linked(clock: FakeClock, o: Opened, drivers: ReturnType<typeof fakeDriverFactory>['drivers']) {
  const h = o.core.handlers;
  const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
  await h['accounts.connect']({ id: account.id, method: 'qr' });
  await clock.advance(1);
  const driver = drivers.at(-1);
  if (!driver) throw new Error('no driver');
  driver.state('qr');
  driver.fire('qr', { payload: '2@abc,def,ghi' });
  driver.state('authenticating');
  driver.fire('ready', { phone: '+447700900123', displayName: 'Shop phone' });
  await clock.advance(50);
  return account;
}

describe('account manager', () => {
  it('links an account: QR image, authenticating, ready with its own number; all in the log', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const seen = record(opened);
    const h = opened.core.handlers;
    const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
    expect(account).toMatchObject({ state: 'disconnected', linked: false });
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await clock.advance(1);
    const driver = drivers[0];
    if (!driver) throw new Error('no driver');
    driver.state('qr');
    driver.fire('qr', { payload: '2@abc,def,ghi' });
    await clock.advance(50);
    const withQr = (await h['accounts.list']({}))[0];
    expect(withQr?.state).toBe('qr');
    expect(withQr?.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    driver.state('authenticating');
    driver.fire('ready', { phone: '+447700900123', displayName: 'Shop phone' });
    await clock.advance(50);
    const ready = (await h['accounts.list']({}))[0];
    expect(ready).toMatchObject({ state: 'ready', phone: '+447700900123', displayName: 'Shop phone', linked: true, qrSvg: null });
    expect(seen.states()).toEqual(expect.arrayContaining(['starting', 'qr', 'authenticating', 'ready']));
    const { rows } = await h['accounts.events']({ accountId: account.id, level: 'all', offset: 0, limit: 50 });
    expect(rows.map((r) => r.code).reverse()).toEqual([
      'account.created',
      'state.starting',
      'state.qr',
      'state.authenticating',
      'state.ready',
    ]);
    expect(rows[0]?.message).toContain('+44 7700 900123');
  });

  it('asks for a pairing code with the phone number, and refuses a bad number plainly', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const h = opened.core.handlers;
    const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
    await expect(h['accounts.connect']({ id: account.id, method: 'code', phone: '12' })).rejects.toThrow(/phone number/);
    await h['accounts.connect']({ id: account.id, method: 'code', phone: '0532 123 45 67' });
    await clock.advance(1);
    expect(drivers[0]?.connectOptions).toEqual({ pairWithPhone: '+905321234567' });
    drivers[0]?.state('pairing');
    drivers[0]?.fire('pairingCode', { code: 'K7PD-2QXM' });
    await clock.advance(1);
    expect((await h['accounts.list']({}))[0]).toMatchObject({ state: 'pairing', pairingCode: 'K7PD-2QXM' });
  });

  it('reconnects with growing backoff after a drop, then ready again', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const seen = record(opened);
    const account = await linked(clock, opened, drivers);
    // The next two attempts cannot reach WhatsApp; the third works.
    const first = drivers[0];
    first?.fire('disconnected', { reason: 'NAVIGATION', loggedOut: false });
    await clock.advance(1);
    expect(first?.disconnects).toBe(1);
    const states = () => opened?.core.accounts.get(account.id);
    expect(states()?.state).toBe('reconnecting');
    expect(states()?.stateDetail).toMatch(/Retrying in \d+ s \(attempt 1 of 8\)/);
    const delays: number[] = [];
    let at = clock.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = drivers.length;
      await clock.advanceUntil(() => drivers.length > before, 60_000, 100);
      delays.push(clock.now() - at);
      const d = drivers.at(-1);
      if (!d) throw new Error('no driver');
      if (attempt < 3) {
        // Connected, then the page failed to load again.
        d.fire('disconnected', { reason: 'TIMEOUT', loggedOut: false });
        at = clock.now();
        await clock.advance(1);
      } else {
        d.fire('ready', { phone: '+447700900123', displayName: 'Shop phone' });
        await clock.advance(1);
      }
    }
    expect(states()?.state).toBe('ready');
    // 2 s, 4 s, 8 s, each ±20 %.
    expect(delays[0]).toBeGreaterThanOrEqual(1_500);
    expect(delays[0]).toBeLessThanOrEqual(2_500);
    expect(delays[1]).toBeGreaterThanOrEqual(3_200);
    expect(delays[1]).toBeLessThanOrEqual(4_900);
    expect(delays[2]).toBeGreaterThanOrEqual(6_400);
    expect(delays[2]).toBeLessThanOrEqual(9_700);
    expect(seen.log.filter((e) => e.code === 'state.reconnecting')).toHaveLength(3);
  });

  it('gives up after the last attempt and says so', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory((driver, n) => {
      if (n > 0) driver.connectError = new DriverError('network', 'Couldn’t reach WhatsApp Web');
    });
    opened = await testCore({ clock, createDriver: factory });
    const account = await linked(clock, opened, drivers);
    drivers[0]?.fire('disconnected', { reason: 'NAVIGATION', loggedOut: false });
    const failed = await clock.advanceUntil(() => opened?.core.accounts.state(account.id) === 'failed', 60 * 60_000, 1_000);
    expect(failed).toBe(true);
    expect(drivers).toHaveLength(1 + RECONNECT_MAX_ATTEMPTS);
    expect(drivers.every((d) => !d.connected)).toBe(true);
    expect(opened.core.accounts.get(account.id).stateDetail).toMatch(/Could not reconnect after 8 attempts/);
    expect(clock.pending).toBe(0);
  });

  it('stops a blocked account, frees its client, and refuses to hand out its driver', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const account = await linked(clock, opened, drivers);
    expect(() => opened?.core.accounts.readyDriver(account.id)).not.toThrow();
    drivers[0]?.state('blocked', 'WhatsApp banned this number');
    await clock.advance(10);
    expect(opened.core.accounts.get(account.id)).toMatchObject({ state: 'blocked', stateDetail: 'WhatsApp banned this number' });
    expect(drivers[0]?.disconnects).toBe(1);
    expect(() => opened?.core.accounts.readyDriver(account.id)).toThrow(/not connected/);
    await clock.advance(10 * 60_000);
    expect(drivers).toHaveLength(1); // no reconnect loop on a block
    const { rows } = await opened.core.handlers['accounts.events']({ accountId: null, level: 'error', offset: 0, limit: 10 });
    expect(rows[0]?.message).toBe('Sending on this account is stopped: WhatsApp banned this number');
  });

  it('fails a first link plainly and closes the client', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory((d) => {
      d.connectError = new DriverError('browser_missing', 'No Chrome, Edge, Chromium or Brave was found.');
    });
    opened = await testCore({ clock, createDriver: factory });
    const h = opened.core.handlers;
    const account = await h['accounts.create']({ label: 'Shop', driver: 'wweb' });
    await h['accounts.connect']({ id: account.id, method: 'qr' });
    await clock.advance(10);
    expect(opened.core.accounts.get(account.id)).toMatchObject({
      state: 'failed',
      stateDetail: 'No Chrome, Edge, Chromium or Brave was found.',
    });
    expect(drivers[0]?.disconnects).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('an unlink from the phone forgets the session; no reconnect', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const account = await linked(clock, opened, drivers);
    const sessionDir = drivers[0]?.sessionDir ?? '';
    fs.mkdirSync(sessionDir, { recursive: true });
    drivers[0]?.fire('disconnected', { reason: 'LOGOUT', loggedOut: true });
    await clock.advance(10);
    expect(opened.core.accounts.get(account.id)).toMatchObject({ state: 'loggedOut', linked: false });
    expect(fs.existsSync(sessionDir)).toBe(false);
    await clock.advance(10 * 60_000);
    expect(drivers).toHaveLength(1);
  });

  it('reconnects linked accounts when the app opens again, and closes clients on close', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const account = await linked(clock, opened, drivers);
    await opened.core.close();
    expect(drivers[0]?.disconnects).toBe(1);
    const again = await openTestCore(opened.dataDir, { clock, createDriver: factory });
    opened = { ...opened, core: again };
    await clock.advance(1);
    expect(drivers).toHaveLength(2);
    expect(drivers[1]?.connectOptions).toEqual({});
    expect(again.accounts.get(account.id)).toMatchObject({ state: 'starting', phone: '+447700900123', linked: true });
    expect(path.basename(drivers[1]?.sessionDir ?? '')).toBe(`account-${account.id}`);
  });

  it('at start, a linked account that cannot connect yet (no network) keeps retrying instead of failing', async () => {
    const clock = new FakeClock();
    let offline = false;
    const { factory, drivers } = fakeDriverFactory((driver) => {
      if (offline) driver.connectError = new DriverError('network', 'Couldn’t reach WhatsApp Web');
    });
    opened = await testCore({ clock, createDriver: factory });
    const account = await linked(clock, opened, drivers);
    await opened.core.close();
    offline = true;
    const again = await openTestCore(opened.dataDir, { clock, createDriver: factory });
    opened = { ...opened, core: again };
    await clock.advance(10);
    expect(again.accounts.get(account.id).state).toBe('reconnecting');
    offline = false;
    const before = drivers.length;
    await clock.advanceUntil(() => drivers.length > before, 60_000, 100);
    drivers.at(-1)?.fire('ready', { phone: '+447700900123', displayName: 'Shop phone' });
    await clock.advance(10);
    expect(again.accounts.get(account.id).state).toBe('ready');
  });

  it('unlink logs out and deletes the session; remove keeps the log readable', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const h = opened.core.handlers;
    const account = await linked(clock, opened, drivers);
    fs.mkdirSync(drivers[0]?.sessionDir ?? '', { recursive: true });
    const unlinked = await h['accounts.unlink']({ id: account.id });
    expect(unlinked).toMatchObject({ state: 'loggedOut', linked: false });
    expect(drivers[0]?.logouts).toBe(1);
    expect(fs.existsSync(drivers[0]?.sessionDir ?? '')).toBe(false);
    expect(await h['accounts.remove']({ id: account.id })).toEqual({ removed: true });
    expect(await h['accounts.list']({})).toEqual([]);
    const { rows } = await h['accounts.events']({ accountId: account.id, level: 'all', offset: 0, limit: 50 });
    expect(rows[0]).toMatchObject({ code: 'account.removed', accountLabel: 'Shop' });
    await expect(h['accounts.connect']({ id: account.id, method: 'qr' })).rejects.toThrow(/no longer exists/);
  });

  it('stores incoming messages once, and blacklists an opt-out with the reason', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const seen = record(opened);
    const h = opened.core.handlers;
    await h['contacts.create']({ phone: '+905321112233', name: 'Ayşe', fields: [], tags: [], note: '' });
    await h['suppressions.addNumbers']({ kind: 'gray', numbers: ['+905321112233'], reason: 'asked for less' });
    const account = await linked(clock, opened, drivers);
    const d = drivers[0];
    const at = Date.UTC(2026, 10, 25, 12, 0, 0);
    d?.fire('message', { id: 'm1', from: '+905321112233', body: 'Merhaba, fiyat nedir?', type: 'text', timestamp: at });
    d?.fire('message', { id: 'm2', from: '+905321112233', body: ' İptal! ', type: 'text', timestamp: at + 1000 });
    d?.fire('message', { id: 'm2', from: '+905321112233', body: ' İptal! ', type: 'text', timestamp: at + 1000 });
    d?.fire('message', { id: 'm3', from: '+447700900555', body: 'stop it now', type: 'text', timestamp: at + 2000 });
    await clock.advance(50);
    const inbox = await h['inbox.list']({ accountId: account.id, optOutOnly: false, offset: 0, limit: 10 });
    expect(inbox.total).toBe(3);
    expect(inbox.rows.map((r) => [r.body, r.optOut, r.contactName])).toEqual([
      ['stop it now', false, null],
      [' İptal! ', true, 'Ayşe'],
      ['Merhaba, fiyat nedir?', false, 'Ayşe'],
    ]);
    expect(seen.inbox).toHaveLength(3);
    const black = await h['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 });
    expect(black.rows).toEqual([expect.objectContaining({ phone: '+905321112233', reason: 'Replied “İPTAL”', source: 'opt-out' })]);
    expect((await h['suppressions.list']({ kind: 'gray', search: '', offset: 0, limit: 10 })).total).toBe(0);
    expect(seen.log.find((e) => e.code === 'optout')?.message).toBe('+90 532 111 22 33 replied “İPTAL” and was moved to the blacklist.');
    const optOuts = await h['inbox.list']({ accountId: null, optOutOnly: true, offset: 0, limit: 10 });
    expect(optOuts.rows.map((r) => r.id)).toEqual([inbox.rows[1]?.id]);
  });

  it('uses the opt-out words from Settings', async () => {
    const clock = new FakeClock();
    const { factory, drivers } = fakeDriverFactory();
    opened = await testCore({ clock, createDriver: factory });
    const h = opened.core.handlers;
    await h['settings.update']({ optOutWords: ['Basta', 'basta', 'NO MORE'] });
    expect((await h['settings.get']({})).optOutWords).toEqual(['Basta', 'NO MORE']);
    await linked(clock, opened, drivers);
    drivers[0]?.fire('message', { id: 'a', from: '+393331234567', body: 'basta.', type: 'text', timestamp: clock.now() });
    drivers[0]?.fire('message', { id: 'b', from: '+393331234568', body: 'STOP', type: 'text', timestamp: clock.now() });
    await clock.advance(50);
    const black = await h['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 });
    expect(black.rows.map((r) => r.phone)).toEqual(['+393331234567']);
  });
});

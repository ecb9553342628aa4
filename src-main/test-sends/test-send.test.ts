/**
 * "Send a test" on the demo phone: the message reaches the phone's durable log with the variables
 * filled, delivered/read acks come back to the record, the ledger counts it, and no campaign sees it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { TestSend } from '#shared/test-sends';
import { testCore } from '#main/test-support/core';
import { until } from '#main/test-support/until';
import { readDeliveryLog, simulatorStory } from '#main/whatsapp/simulator/simulator-driver';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

async function demoCore() {
  opened = await testCore({ simulatorSpeed: 200 });
  const { core } = opened;
  const h = core.handlers;
  const account = await h['accounts.create']({ label: 'Demo', driver: 'simulator' });
  await h['accounts.connect']({ id: account.id, method: 'qr' });
  await until(() => core.accounts.get(account.id).state === 'qr', 'a QR code');
  await h['accounts.simulate']({ id: account.id, action: { kind: 'scan' } });
  await until(() => core.accounts.get(account.id).state === 'ready', 'ready');
  const seed = core.store.sqlite.prepare(`SELECT seed FROM accounts WHERE id = ?`).pluck().get(account.id) as number;
  // A number the demo phone reads the first two messages on (its stories are seeded and pure).
  const phone = Array.from({ length: 50 }, (_, i) => `+9053255500${String(11 + i)}`).find(
    (p) => !p.endsWith('0') && simulatorStory(seed, p, 1).readAfterMs !== null && simulatorStory(seed, p, 2).readAfterMs !== null,
  )!;
  return { ...opened, h, accountId: account.id, phone };
}

describe('send a test', () => {
  it('reaches the demo phone with the variables filled, gets its acks, counts in the ledger and in no campaign', async () => {
    const { core, dataDir, h, accountId, phone } = await demoCore();
    const contact = await h['contacts.create']({ phone: '+905321110001', name: 'Ayşe', fields: [['city', 'İzmir']], tags: [], note: '' });
    const draft = await h['drafts.create']({
      name: 'Offer',
      parts: [
        { kind: 'text', text: 'Hello {{name|friend}} from {{city|your town}}' },
        { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Shop', address: '' },
      ],
    });
    const campaignsBefore = core.queueDb.prepare(`SELECT count(*) FROM recipients`).pluck().get();
    const events: TestSend[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'testSends.changed') events.push((payload as { testSend: TestSend }).testSend);
    });

    const local = phone.replace('+90', '0'); // typed as a local number: the default country fills it
    const started = await h['testSends.send']({ draftId: draft.id, accountId, phone: local, contactId: contact.id });
    expect(started.status).toBe('sending');
    expect(started.phone).toBe(phone);
    expect(started.parts).toBe(2);

    const read = await until(async () => {
      const t = await h['testSends.get']({ id: started.id });
      return t.status === 'read' ? t : null;
    }, 'read', 20_000);
    expect(read.deliveredAt).not.toBeNull();
    expect(read.partsSent).toBe(2);
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));

    const log = readDeliveryLog(path.join(dataDir, 'simulator'), accountId).filter((r) => r.to === phone);
    expect(log.map((r) => [r.kind, r.text])).toEqual([
      ['text', 'Hello Ayşe from İzmir'],
      ['location', 'Shop'],
    ]);
    const ledger = core.queueDb.prepare(`SELECT account_id, campaign_id, part FROM send_ledger ORDER BY id`).all();
    expect(ledger).toEqual([
      { account_id: accountId, campaign_id: null, part: 0 },
      { account_id: accountId, campaign_id: null, part: 1 },
    ]);
    expect(core.queueDb.prepare(`SELECT count(*) FROM recipients`).pluck().get()).toBe(campaignsBefore);
    expect(core.queueDb.prepare(`SELECT count(*) FROM messages`).pluck().get()).toBe(0);
    expect(await h['testSends.lastPhone']({ accountId })).toEqual({ phone });
  });

  it('leaves variables as their fallbacks when no contact is chosen', async () => {
    const { dataDir, h, accountId, phone } = await demoCore();
    const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello {{name|friend}}' }] });
    const t = await h['testSends.send']({ draftId: draft.id, accountId, phone, contactId: null });
    await until(async () => ((await h['testSends.get']({ id: t.id })).status !== 'sending' ? true : null), 'sent');
    expect(readDeliveryLog(path.join(dataDir, 'simulator'), accountId).map((r) => r.text)).toEqual(['Hello friend']);
  });

  it('refuses an invalid number, an empty message and an account that is not ready, sending nothing', async () => {
    const { core, dataDir, h, accountId, phone } = await demoCore();
    const draft = await h['drafts.create']({ name: 'Offer', parts: [{ kind: 'text', text: 'Hello' }] });
    await expect(h['testSends.send']({ draftId: draft.id, accountId, phone: '12', contactId: null })).rejects.toThrow(/not a phone number/);
    const empty = await h['drafts.create']({ name: 'Empty', parts: [{ kind: 'text', text: '   ' }] });
    await expect(h['testSends.send']({ draftId: empty.id, accountId, phone, contactId: null })).rejects.toThrow(/empty/);
    const other = await h['accounts.create']({ label: 'Not linked', driver: 'simulator' });
    await expect(h['testSends.send']({ draftId: draft.id, accountId: other.id, phone, contactId: null })).rejects.toThrow(/not connected/);
    expect(readDeliveryLog(path.join(dataDir, 'simulator'), accountId)).toEqual([]);
    expect(core.queueDb.prepare(`SELECT count(*) FROM send_ledger`).pluck().get()).toBe(0);
    expect(await h['testSends.lastPhone']({ accountId })).toEqual({ phone: null });
  });
});

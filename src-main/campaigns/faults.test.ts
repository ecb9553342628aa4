/**
 * Faults placed where they hurt: an error after the message may have left, an ack for one part
 * while the next is in flight, a row or campaign changed under the runner between its pick and its
 * claim, evidence that only looks like ours. Each promise ("never twice", "nothing after Cancel",
 * "every part or none in doubt") is attacked on a scriptable WhatsApp Web-like driver.
 */
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftPart } from '#shared/campaigns';
import type { Harness } from '#main/test-support/queue-harness';
import { harnessesCleanedAfterEach, LOCATION_PART, phonesFrom, queueHarness, TEXT_PART } from '#main/test-support/queue-harness';
import { until } from '#main/test-support/until';
import type { MessageEvidence, OutgoingContent, SentMessageInfo } from '#main/whatsapp/driver';
import { DriverError } from '#main/whatsapp/errors';
import type { FakeDriver } from '#main/test-support/fake-driver';
import { QUEUE_FILE } from './queue-db';

const harnesses = harnessesCleanedAfterEach(afterEach);
const phones = phonesFrom;
const TEXT = TEXT_PART;
const LOCATION = LOCATION_PART;

/**
 * A WhatsApp Web-like fake whose chat history holds every message that "left" (including ones
 * whose send then failed), so reconciliation can find them.
 */
function withHistory(driver: FakeDriver, opts: { complete: boolean }) {
  const history: SentMessageInfo[] = [];
  let n = 0;
  const send = driver.send.bind(driver);
  const left = (to: string, content: OutgoingContent) => {
    const info: SentMessageInfo = { ...shown(content), messageId: `wa-${++n}`, to, timestamp: Date.now(), ack: 'server' };
    history.push(info);
    return info;
  };
  driver.sentMessagesTo = (to: string, since: number) =>
    Promise.resolve(history.filter((m) => m.to === to && m.timestamp >= since).reverse());
  driver.describe = () => ({ browser: null, canSendVideo: true, historyComplete: opts.complete });
  return { history, left, send };
}

/** What WhatsApp Web shows of a message we sent, as the fakes report it. */
function shown(content: OutgoingContent): MessageEvidence {
  if (content.kind === 'text') return { kind: 'text', body: content.text };
  if (content.kind === 'location') return { kind: 'location', body: '', latitude: content.latitude, longitude: content.longitude };
  return { kind: content.kind, body: '' };
}

const count = (h: Harness, to: string, kind?: string) => h.sent.filter((s) => s.to === to && (!kind || s.kind === kind)).length;
const campaign = (h: Harness, id: number) => h.core.campaigns.get(id);
const finished = (h: Harness, id: number) => until(() => ['completed', 'paused', 'failed'].includes(campaign(h, id).status) && campaign(h, id), 'finished');

describe('an error after the message may have left WhatsApp', () => {
  it.each([
    ['“WhatsApp did not confirm the message”', () => new DriverError('failed', 'WhatsApp did not confirm the message.')],
    ['a plain error from inside whatsapp-web.js (getMessageModel after sending)', () => new TypeError("Cannot read properties of undefined (reading 'getMessageModel')")],
  ])('is reconciled, never retried blindly: %s', async (_what, makeError) => {
    const list = phones(3, 1_110_001);
    let failed = false;
    const h = await queueHarness({
      phones: list,
      prepare: (driver) => {
        const { left } = withHistory(driver, { complete: false });
        driver.send = (to, content) => {
          const info = left(to, content);
          if (to === list[0] && !failed) {
            failed = true;
            return Promise.reject(makeError()); // it reached WhatsApp, the confirmation did not reach us
          }
          return Promise.resolve({ messageId: info.messageId });
        };
      },
    });
    harnesses.push(h);
    const id = await h.campaign([TEXT]);
    await h.core.handlers['campaigns.start']({ id });
    const done = await finished(h, id);
    expect(done.status).toBe('completed');
    // Found in the chat: counted as sent, never sent again.
    expect(done.counts).toMatchObject({ sent: 3, queued: 0, unknown: 0, failed: 0 });
    const history = await h.driver(h.accountIds[0]!).sentMessagesTo(list[0]!, 0);
    expect(history).toHaveLength(1);
  });

  it('counts timeouts towards the five-failures pause', async () => {
    const list = phones(8, 1_120_001);
    const h = await queueHarness({
      phones: list,
      prepare: (driver) => {
        driver.send = () => Promise.reject(new DriverError('timeout', 'WhatsApp took too long to send the message.'));
      },
    });
    harnesses.push(h);
    const id = await h.campaign([TEXT]);
    await h.core.handlers['campaigns.start']({ id });
    const done = await finished(h, id);
    expect(done.status).toBe('paused');
    expect(done.statusReason).toMatch(/failed 5 sends in a row/);
    // In doubt, never retried: the operator decides about each (the fifth too, once paused).
    await until(() => campaign(h, id).counts.unknown === 5, 'five unknown');
    expect(campaign(h, id).counts).toMatchObject({ unknown: 5, sending: 0, queued: 3 });
  });
});

describe('a multi-part message', () => {
  it('keeps the row in flight when an ack for part 1 arrives while part 2 is being sent', async () => {
    const list = phones(3, 1_130_001);
    let trapped = false;
    const h = await queueHarness({
      phones: list,
      prepare: (driver) => {
        const { left } = withHistory(driver, { complete: true });
        driver.send = async (to, content) => {
          if (to === list[0] && content.kind === 'location' && !trapped) {
            trapped = true;
            // Part 1 is delivered while part 2 is in flight; then part 2 times out before leaving.
            const first = (await driver.sentMessagesTo(to, 0))![0]!;
            driver.fire('ack', { messageId: first.messageId, ack: 'device' });
            await new Promise((r) => setTimeout(r, 30));
            throw new DriverError('timeout', 'WhatsApp took too long to send the message.');
          }
          return { messageId: left(to, content).messageId };
        };
      },
    });
    harnesses.push(h);
    const id = await h.campaign([TEXT, LOCATION]);
    await h.core.handlers['campaigns.start']({ id });
    const done = await finished(h, id);
    expect(done.status).toBe('completed');
    const history = await h.driver(h.accountIds[0]!).sentMessagesTo(list[0]!, 0);
    // Both parts reached the first customer, the location once (the timed-out try never left).
    expect(history).toHaveLength(2);
    const rows = h.core.campaigns.recipients({ id, status: 'all', search: '', offset: 0, limit: 10 }).rows;
    expect(rows.find((r) => r.phone === list[0])?.status).toBe('delivered');
  });
});

describe('a row or campaign changed under the runner', () => {
  async function typingTrap(change: (q: BetterSqlite3.Database, campaignId: number, phone: string) => void) {
    const list = phones(3, 1_140_001);
    let campaignId = 0;
    let dataDir = '';
    let sprung = false;
    const h = await queueHarness({
      phones: list,
      queueOptions: { typingMinMs: 1, typingMaxMs: 1 },
      prepare: (driver) => {
        // "Typing…" before the second customer: another writer changes the database meanwhile.
        driver.sendTyping = (to: string): Promise<void> => {
          if (to === list[1] && !sprung) {
            sprung = true;
            const q = new BetterSqlite3(path.join(dataDir, QUEUE_FILE));
            try {
              change(q, campaignId, to);
            } finally {
              q.close();
            }
          }
          return Promise.resolve();
        };
      },
    });
    harnesses.push(h);
    dataDir = h.dataDir;
    campaignId = await h.campaign([TEXT], { pace: { ...campaignPace(), typing: true } });
    await h.core.handlers['campaigns.start']({ id: campaignId });
    await until(() => sprung, 'the trap');
    await new Promise((r) => setTimeout(r, 200));
    return { h, list, campaignId };
  }

  it('does not send a row that stopped being queued before it was claimed', async () => {
    const { h, list, campaignId } = await typingTrap((q, id, phone) => {
      q.prepare(`UPDATE recipients SET status = 'skipped', reason = 'elsewhere' WHERE campaign_id = ? AND phone = ?`).run(id, phone);
    });
    await finished(h, campaignId);
    expect(count(h, list[1]!)).toBe(0);
    expect(count(h, list[0]!)).toBe(1);
    expect(count(h, list[2]!)).toBe(1);
  });

  it('sends nothing more once the campaign is no longer running in the database', async () => {
    const { h, list } = await typingTrap((q, id) => {
      q.prepare(`UPDATE campaigns SET status = 'paused' WHERE id = ?`).run(id);
    });
    expect(count(h, list[1]!)).toBe(0);
    expect(count(h, list[2]!)).toBe(0);
  });
});

describe('reconciliation evidence', () => {
  /** Builds a campaign, then makes it look as if Pigeon died while sending `phone`'s first part. */
  async function crashed(parts: DraftPart[], history: (sendingAt: number, to: string) => SentMessageInfo[]) {
    const list = phones(2, 1_150_001);
    let h = await queueHarness({ phones: list });
    const other = await h.campaign(parts);
    await h.core.handlers['campaigns.start']({ id: other });
    await finished(h, other);
    const id = await h.campaign(parts);
    // Leave the account unlinked while the second campaign is built, then fake the crash.
    await h.core.handlers['accounts.disconnect']({ id: h.accountIds[0]! });
    await h.core.handlers['campaigns.start']({ id });
    await h.close();
    const sendingAt = Date.now() - 500;
    const q = new BetterSqlite3(path.join(h.dataDir, QUEUE_FILE));
    q.prepare(`UPDATE recipients SET status = 'sending', account_id = ?, part = 0, sending_at = ?, attempts = 1 WHERE campaign_id = ? AND phone = ?`).run(
      h.accountIds[0],
      sendingAt,
      id,
      list[0],
    );
    const owned = q.prepare(`SELECT m.wa_message_id FROM messages m JOIN recipients r ON r.id = m.recipient_id WHERE r.campaign_id = ? AND r.phone = ?`).pluck().get(other, list[0]) as string;
    q.close();
    h = await queueHarness({
      phones: list,
      dataDir: h.dataDir,
      accountIds: h.accountIds,
      groupId: h.groupId,
      prepare: (driver) => {
        driver.sentMessagesTo = (to: string) => Promise.resolve(history(sendingAt, to).map((m) => (m.messageId === '$owned' ? { ...m, messageId: owned } : m)));
      },
    });
    harnesses.push(h);
    await until(() => campaign(h, id).status === 'completed', 'completed');
    return { h, id, list };
  }

  it('does not take the operator’s own text as proof that a location went out', async () => {
    const { h, id, list } = await crashed([LOCATION], (at, to) =>
      to === '+905321150001' ? [{ kind: 'text', messageId: 'mine', to, body: 'I will be late', timestamp: at + 200, ack: 'read' }] : [],
    );
    const rows = h.core.campaigns.recipients({ id, status: 'unknown', search: '', offset: 0, limit: 10 }).rows;
    expect(rows.map((r) => r.phone)).toEqual([list[0]]);
  });

  it('never claims a message another campaign’s row owns', async () => {
    const { h, id, list } = await crashed([LOCATION], (at, to) =>
      to === '+905321150001'
        ? [{ kind: 'location', latitude: 41.0082, longitude: 28.9784, messageId: '$owned', to, body: '', timestamp: at + 100, ack: 'read' }]
        : [],
    );
    const rows = h.core.campaigns.recipients({ id, status: 'unknown', search: '', offset: 0, limit: 10 }).rows;
    expect(rows.map((r) => r.phone)).toEqual([list[0]]);
  });
});

describe('opt-outs while sending', () => {
  it('checks the blacklist before every part, not once per customer', async () => {
    const list = phones(3, 1_160_001);
    let harness: Harness | null = null;
    const h = await queueHarness({
      phones: list,
      prepare: (driver) => {
        const send = driver.send.bind(driver);
        driver.send = async (to, content) => {
          const result = await send(to, content);
          if (to === list[1] && content.kind === 'text') {
            // The customer answers STOP to the first part before the second goes.
            driver.fire('message', { id: `in-${to}`, from: to, body: 'STOP', type: 'text', timestamp: Date.now() });
            await until(async () => {
              const black = await harness!.core.handlers['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 });
              return black.rows.some((r) => r.phone === to);
            }, 'the opt-out stored');
          }
          return result;
        };
      },
    });
    harness = h;
    harnesses.push(h);
    const id = await h.campaign([TEXT, LOCATION]);
    await h.core.handlers['campaigns.start']({ id });
    await finished(h, id);
    expect(count(h, list[1]!, 'text')).toBe(1);
    expect(count(h, list[1]!, 'location')).toBe(0);
    expect(count(h, list[2]!, 'location')).toBe(1);
    const row = h.core.campaigns.recipients({ id, status: 'all', search: list[1]!, offset: 0, limit: 1 }).rows[0];
    expect(row?.reason).toMatch(/replied “STOP”/);
  });

  it('sends to a number the operator took off the blacklist after it said STOP', async () => {
    const list = phones(3, 1_170_001);
    const h = await queueHarness({ phones: list });
    harnesses.push(h);
    const id = await h.campaign([TEXT], { pace: { ...campaignPace(), minDelayMs: 150, maxDelayMs: 150 } });
    await h.core.handlers['campaigns.start']({ id });
    await until(() => h.sent.length >= 1, 'the first message');
    await h.core.handlers['campaigns.pause']({ id });
    h.driver(h.accountIds[0]!).fire('message', { id: 'in-1', from: list[2]!, body: 'stop', type: 'text', timestamp: Date.now() });
    await until(async () => (await h.core.handlers['suppressions.list']({ kind: 'black', search: '', offset: 0, limit: 10 })).total === 1, 'blacklisted');
    // The customer calls: it was a mistake. The operator takes the number off the blacklist.
    await h.core.handlers['suppressions.remove']({ phones: [list[2]!] });
    await h.core.handlers['campaigns.resume']({ id });
    await until(() => campaign(h, id).status === 'completed', 'completed');
    expect(count(h, list[2]!)).toBe(1);
  });
});

function campaignPace() {
  return { preset: 'custom' as const, minDelayMs: 0, maxDelayMs: 0, pauseEvery: 0, pauseMinMs: 0, pauseMaxMs: 0, dailyCapPerAccount: 0, workingHours: { enabled: false, days: [1 as const], start: '09:00', end: '18:00' }, typing: false, checkNumberFirst: false };
}

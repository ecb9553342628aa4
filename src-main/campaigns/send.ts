/**
 * Sending one customer's message: each part rendered for them, claimed in the database (with its
 * ledger entry) before WhatsApp hears of it, then recorded; and what a failure means.
 *
 * The rule for failures: a send failed "before send" only when the driver proves nothing left
 * (DriverError.nothingSent: not connected, no such number, a refused file). Every other failure
 * — a timeout, a lost confirmation, an error from deep inside WhatsApp Web — may have reached
 * the customer: the row stays `sending` and reconciliation decides, never a blind retry.
 */
import fs from 'node:fs';
import { templatedTexts, type DraftPart, type RecipientStatus } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { hash32, mulberry32 } from '#shared/random';
import { renderTemplate, type TemplateContact } from '#shared/template';
import { parseFieldPairs } from '#main/contacts/queries';
import { attachmentPath } from '#main/drafts/attachments';
import type { MessageEvidence, OutgoingContent } from '#main/whatsapp/driver';
import { DriverError } from '#main/whatsapp/errors';
import type { CampaignSnapshot, QueueHost } from './context';
import type { RecipientRecord } from './queue-db';

/** What a runner keeps between messages, as the sender updates it. */
export type RunnerState = {
  readonly active: boolean;
  /** The delay drawn for the next message (null: draw on the next look). */
  delay: { delayMs: number; batchPause: boolean } | null;
  rotation: number;
  sendTimes: number[];
  sendingAccount: number | null;
  /** Customers reached so far (null: not read yet). */
  reached: number | null;
  /** Rows left `sending` wait for their account to say what happened. */
  needsReconcile: boolean;
};

/** What a part becomes for this customer: variables filled, one spintax pick (stable per row). */
export function renderPart(dataDir: string, campaignId: number, parts: readonly DraftPart[], row: RecipientRecord, index: number): OutgoingContent | null {
  const part = parts[index];
  if (!part) return null;
  const contact = { name: row.name, phone: row.phone, fields: parseFieldPairs(row.fields) };
  return renderPartFor(dataDir, part, contact, mulberry32(hash32(`${campaignId}:${row.id}:${index}`)));
}

/**
 * What a part becomes for `contact` (also a test send's): variables filled, spintax picked with
 * `random`; null when nothing is left to send (a text that renders empty).
 */
export function renderPartFor(dataDir: string, part: DraftPart, contact: TemplateContact, random: () => number): OutgoingContent | null {
  const fill = (text: string) => renderTemplate(text, contact, random);
  const file = (a: { id: string; fileName: string; mimeType: string }) => ({
    path: attachmentPath(dataDir, a),
    mimeType: a.mimeType,
    fileName: a.fileName,
  });
  switch (part.kind) {
    case 'text': {
      const text = fill(part.text);
      return text.trim() === '' ? null : { kind: 'text', text };
    }
    case 'image':
    case 'video':
    case 'document': {
      const caption = fill(part.caption);
      return caption.trim() === '' ? { kind: part.kind, file: file(part.attachment) } : { kind: part.kind, file: file(part.attachment), caption };
    }
    case 'voice':
      return { kind: 'voice', file: file(part.attachment) };
    case 'location': {
      const loc: OutgoingContent = { kind: 'location', latitude: part.latitude, longitude: part.longitude };
      if (part.name) loc.name = part.name;
      if (part.address) loc.address = part.address;
      return loc;
    }
    case 'contact':
      return { kind: 'contact', displayName: part.displayName, phone: part.phone };
    case 'poll':
      return { kind: 'poll', question: fill(part.question), options: part.options, multipleAnswers: part.multipleAnswers };
  }
}

/** What identifies a part we send, for reconciliation to compare with what WhatsApp shows. */
export function evidenceOf(content: OutgoingContent): MessageEvidence {
  switch (content.kind) {
    case 'text':
      return { kind: 'text', body: content.text };
    case 'image':
    case 'video':
    case 'document':
    case 'voice': {
      const evidence: MessageEvidence = {
        kind: content.kind,
        body: content.kind === 'voice' ? '' : (content.caption ?? ''),
        fileName: content.file.fileName,
        mimeType: content.file.mimeType,
      };
      try {
        evidence.fileSize = fs.statSync(content.file.path).size;
      } catch {
        // A missing file: the name and type still identify it.
      }
      return evidence;
    }
    case 'location':
      return { kind: 'location', body: '', latitude: content.latitude, longitude: content.longitude };
    case 'contact':
      return { kind: 'contact', body: '', contactPhone: content.phone.replace(/\D/g, '') };
    case 'poll':
      return { kind: 'poll', body: content.question };
  }
}

/**
 * Whether a message WhatsApp shows is the part we sent: the same kind and what identifies that
 * kind. A file needs its caption, or its name or size, to agree; a location its coordinates; a
 * card its number. Weak evidence is no evidence: "can't tell" beats a wrong "it went out".
 */
export function sameMessage(expected: MessageEvidence, found: MessageEvidence): boolean {
  if (found.kind !== expected.kind) return false;
  switch (expected.kind) {
    case 'text':
    case 'poll':
      return found.body === expected.body;
    case 'location':
      return near(found.latitude, expected.latitude) && near(found.longitude, expected.longitude);
    case 'contact':
      return found.contactPhone !== undefined && found.contactPhone === expected.contactPhone;
    case 'image':
    case 'video':
    case 'document':
    case 'voice': {
      if (found.body !== expected.body) return false;
      const agree = (a: unknown, b: unknown) => a === undefined || b === undefined || a === b;
      if (!agree(found.fileName, expected.fileName) || !agree(found.fileSize, expected.fileSize) || !agree(found.mimeType, expected.mimeType)) {
        return false;
      }
      const named = found.fileName !== undefined && found.fileName === expected.fileName;
      const sized = found.fileSize !== undefined && found.fileSize === expected.fileSize;
      return expected.body !== '' || named || sized;
    }
    case 'other':
      return false;
  }
}

function near(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) < 1e-6;
}

/** Why this customer must not get a message now (blacklist, graylist, STOP), or null. */
export function suppressionReason(host: QueueHost, phone: string, includeGraylist: boolean): string | null {
  const hit = host.st.suppression.get({ phone, gray: includeGraylist ? 1 : 0 }) as { kind: string; source: string } | undefined;
  if (!hit) return null;
  if (hit.source === 'opt-out') {
    const word = host.st.optOutWord.get(phone) as string | undefined;
    if (word !== undefined) return t('cq.reason.optOut', { word });
  }
  return hit.kind === 'gray' ? t('cq.reason.graylist') : t('cq.reason.blacklist');
}

function typingMs(host: QueueHost, parts: readonly DraftPart[]): number {
  const first = parts[0];
  const length = first ? templatedTexts(first).join('').length : 0;
  const o = host.options;
  return Math.round(Math.min(o.typingMaxMs, Math.max(o.typingMinMs, length * o.typingMsPerChar)));
}

export function typingFor(host: QueueHost, c: CampaignSnapshot): number {
  return c.pace.typing ? typingMs(host, c.parts) : 0;
}

/** A customer's row ends before anything (more) is sent: skipped, or what went out so far. */
function stopRow(host: QueueHost, c: CampaignSnapshot, row: RecipientRecord, status: RecipientStatus, reason: string): void {
  const now = host.now();
  const current = host.st.get.get(row.id) as RecipientRecord | undefined;
  if (current?.sent_at != null) {
    const sent = current.part;
    host.st.finishPartial.run(t('cq.reason.partial', { reason, sent, total: c.parts.length }), now, row.id);
  } else {
    host.st.finish.run(status, reason, now, row.id);
  }
  host.touch(c.id);
}

/**
 * Sends the rest of `row`'s message through `accountId`. Every part is claimed in the database
 * (conditionally, with its ledger entry) before the driver is called.
 */
export async function sendRecipient(
  host: QueueHost,
  runner: RunnerState,
  c: CampaignSnapshot,
  row: RecipientRecord,
  accountId: number,
  plannedAt: number,
): Promise<void> {
  const { st } = host;
  runner.sendingAccount = accountId;
  const skip = suppressionReason(host, row.phone, c.includeGraylist);
  if (skip) {
    if (row.part === 0) st.skipQueued.run(skip, host.now(), row.id);
    else stopRow(host, c, row, 'skipped', skip);
    host.touch(c.id);
    return; // no message went out: the pace slot is kept for the next customer
  }
  const driver = host.readyDriver(accountId);
  if (!driver) return;
  host.deps.onSendStart?.({ campaignId: c.id, recipientId: row.id, plannedAt, startedAt: host.now() });
  const startedAt = host.now();

  if (c.pace.checkNumberFirst && row.part === 0) {
    host.lastLookup.set(accountId, startedAt);
    try {
      if (!(await driver.isRegistered(row.phone))) {
        runner.delay = null;
        st.skipQueued.run(t('cq.reason.notOnWhatsAppChecked'), host.now(), row.id);
        host.markNotOnWhatsApp(row.phone);
        host.touch(c.id);
        return;
      }
    } catch (error) {
      if (error instanceof DriverError && error.code === 'not_ready') return;
      // The check itself failed: send anyway, as without the option.
    }
    if (!runner.active) return;
  }
  const typing = row.part === 0 ? typingFor(host, c) : 0;
  if (typing > 0) {
    await driver.sendTyping(row.phone, typing).catch(() => undefined);
    if (!runner.active) return;
  }

  let claimed = false;
  for (let index = row.part; index < c.parts.length; index++) {
    let content: OutgoingContent | null;
    try {
      content = renderPart(host.deps.dataDir, c.id, c.parts, row, index);
    } catch (error) {
      if (claimed) st.requeue.run(null, null, host.now(), row.id);
      host.fail(c.id, t('cq.status.attachmentMissing', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const now = host.now();
    const last = index === c.parts.length - 1;
    if (claimed || index > row.part) {
      // STOP is final: checked again before every part, not once per customer.
      const stop = suppressionReason(host, row.phone, c.includeGraylist);
      if (stop) {
        stopRow(host, c, row, 'skipped', stop);
        return;
      }
    }
    if (!claim(host, c, row, accountId, index, content !== null, claimed, now)) return; // no longer ours to send
    claimed = true;
    if (!content) {
      st.partDone.run({ id: row.id, next: index + 1, last: last ? 1 : 0, sentAt: null, now });
      continue;
    }
    runner.delay = null; // a message is on its way: the next one waits a new delay from now
    let messageId: string;
    try {
      ({ messageId } = await driver.send(row.phone, content));
    } catch (error) {
      onSendError(host, runner, c, row, accountId, index, error);
      return;
    }
    recordSent(host, row.id, accountId, messageId, index, last);
    host.failureStreaks.delete(accountId);
    host.touch(c.id);
  }
  runner.rotation++;
  runner.sendTimes.push(startedAt);
  if (row.sent_at === null && runner.reached !== null) runner.reached++;
}

/**
 * Claims `index` of `row`: the first claim takes a queued row while its campaign is running (in
 * the database); later parts need the row still ours between parts. A part with content gets
 * its `sending` mark and ledger entry in the same transaction. False when the row is not ours.
 */
function claim(
  host: QueueHost,
  c: CampaignSnapshot,
  row: RecipientRecord,
  accountId: number,
  index: number,
  withContent: boolean,
  alreadyOurs: boolean,
  now: number,
): boolean {
  const { st } = host;
  return host.deps.q.transaction(() => {
    const ledgerId = withContent ? Number(st.ledgerAdd.run(accountId, now, c.id, row.id, index).lastInsertRowid) : null;
    const params = { id: row.id, accountId, part: index, sendingAt: withContent ? now : null, ledgerId, now };
    const changed = alreadyOurs ? st.claimNextPart.run(params).changes : st.claim.run(params).changes;
    if (changed === 1) return true;
    if (ledgerId !== null) st.ledgerDelete.run(ledgerId);
    return false;
  })();
}

/** A part went out: its WhatsApp id and the row's progress, in one transaction. */
function recordSent(host: QueueHost, recipientId: number, accountId: number, messageId: string, index: number, last: boolean): void {
  const sentAt = host.now();
  host.deps.q.transaction(() => {
    host.st.insertMessage.run(messageId, accountId, recipientId, index, sentAt);
    host.st.partDone.run({ id: recipientId, next: index + 1, last: last ? 1 : 0, sentAt, now: sentAt });
  })();
  host.applyEarlyAck(accountId, messageId);
}

function bumpStreak(host: QueueHost, accountId: number, reason: string): void {
  const streak = (host.failureStreaks.get(accountId) ?? 0) + 1;
  host.failureStreaks.set(accountId, streak);
  if (streak >= host.options.failureStreakLimit) {
    host.pauseAccount(accountId, t('cq.status.streak', { label: host.label(accountId), count: streak, reason }));
  }
}

function onSendError(host: QueueHost, runner: RunnerState, c: CampaignSnapshot, row: RecipientRecord, accountId: number, part: number, error: unknown): void {
  const { st } = host;
  const e = error instanceof DriverError ? error : new DriverError('failed', error instanceof Error ? error.message : String(error));
  const now = host.now();
  if (!e.nothingSent) {
    // It may have reached the customer: the row stays `sending` (with its ledger entry) until
    // its account says what happened. Noted, so an "unknown" says why.
    st.noteDoubt.run(e.message, row.id);
    runner.needsReconcile = true;
    if (e.code === 'blocked') host.pauseAccount(accountId, t('cq.status.blocked', { label: host.label(accountId) }));
    else if (e.code !== 'not_ready' && e.code !== 'network') bumpStreak(host, accountId, e.message);
    host.touch(c.id);
    return;
  }
  // Provably nothing left: the ledger entry goes, and the row is decided now.
  const unsent = (then: () => void) =>
    host.deps.q.transaction(() => {
      st.ledgerRemove.run(row.id);
      then();
    })();
  switch (e.code) {
    case 'not_on_whatsapp':
      unsent(() => st.finish.run('failed', t('cq.reason.notOnWhatsApp'), now, row.id));
      host.markNotOnWhatsApp(row.phone);
      break;
    case 'invalid_number':
      unsent(() => st.finish.run('failed', t('cq.reason.invalid'), now, row.id));
      break;
    case 'bad_media': {
      // The same file would fail for everyone.
      unsent(() => st.requeue.run(null, null, now, row.id));
      const p = c.parts[part];
      host.fail(c.id, t('cq.status.badMedia', { file: p && 'attachment' in p ? p.attachment.fileName : '?', reason: e.message }));
      return;
    }
    case 'blocked':
      unsent(() => st.requeue.run(null, null, now, row.id));
      host.pauseAccount(accountId, t('cq.status.blocked', { label: host.label(accountId) }));
      break;
    case 'not_ready':
      unsent(() => st.requeue.run(null, null, now, row.id)); // waits for the account to come back
      break;
    default:
      unsent(() => retryOrGiveUp(host, c, row, e.message, now));
      bumpStreak(host, accountId, e.message);
  }
  host.touch(c.id);
}

/** A failure that provably sent nothing: tried again after a backoff, or given up after the last try. */
export function retryOrGiveUp(host: QueueHost, c: CampaignSnapshot, row: RecipientRecord, reason: string, now: number): void {
  const attempts = (host.st.get.get(row.id) as RecipientRecord | undefined)?.attempts ?? row.attempts;
  if (attempts >= host.options.maxAttempts) {
    host.st.finish.run('failed', t('cq.reason.gaveUp', { count: attempts, reason }), now, row.id);
    return;
  }
  const backoff = host.options.retryBaseMs * 2 ** Math.max(0, attempts - 1) * (0.8 + 0.4 * host.random());
  const at = Math.round(now + backoff);
  host.st.requeue.run(at, t('cq.reason.retry', { reason, at: host.formatAt(at, c.timezone) }), now, row.id);
}

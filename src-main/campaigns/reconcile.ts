/**
 * Deciding what happened to sends in doubt (a crash, a drop, an error after the message may have
 * left), through the account that sent them, and catching up on acks that came while Pigeon was
 * not running.
 *
 * For a row left `sending` with a part in flight: WhatsApp shows a message of the same kind with
 * what identifies that part (its text, caption, file, coordinates, card number, poll question),
 * to that customer, since the send began, not owned by any other row → it went out. Nothing found,
 * on a driver that sees everything ever sent (the demo phone's log) → it never left: queued again.
 * Otherwise it is `unknown` and the operator decides.
 */
import { t } from '#shared/i18n';
import type { MessageEvidence, SentMessageInfo } from '#main/whatsapp/driver';
import type { CampaignSnapshot, QueueHost } from './context';
import type { RecipientRecord } from './queue-db';
import { evidenceOf, renderPart, retryOrGiveUp, sameMessage } from './send';

/** Messages asked about per reconnect (each is a look-up in WhatsApp Web). */
const ACK_RECOVERY_LIMIT = 2_000;

/** What to do with a row once decided: its campaign runs on, or it stopped (cancelled, failed). */
type Policy = 'running' | 'stopped';

/**
 * Rows of this running campaign left `sending`. Returns how many are still undecided (their
 * account is not connected yet).
 */
export async function reconcileCampaign(host: QueueHost, c: CampaignSnapshot): Promise<number> {
  const rows = host.st.inFlight.all(c.id) as RecipientRecord[];
  let left = 0;
  for (const row of rows) if (!(await reconcileRow(host, c, row, 'running'))) left++;
  return left;
}

/** Rows in flight of campaigns that no longer run (cancelled, failed, completed) on this account. */
export async function reconcileStray(host: QueueHost, accountId: number, snapshot: (campaignId: number) => CampaignSnapshot | null): Promise<void> {
  const rows = host.st.strayInFlight.all(accountId) as RecipientRecord[];
  for (const row of rows) {
    const c = snapshot(row.campaign_id);
    if (c) await reconcileRow(host, c, row, 'stopped');
  }
}

/** Decides one row; false when its account cannot answer yet. */
async function reconcileRow(host: QueueHost, c: CampaignSnapshot, row: RecipientRecord, policy: Policy): Promise<boolean> {
  const { st } = host;
  const now = host.now();
  if (row.sending_at === null) {
    // Between two parts: nothing was in flight.
    if (policy === 'running') st.requeue.run(null, null, now, row.id);
    else finishStopped(host, c, row);
    host.touch(c.id);
    return true;
  }
  const accountId = row.account_id ?? 0;
  if (!host.accountExists(accountId)) {
    st.markUnknown.run(t('cq.reason.unknownAccountGone'), now, row.id);
    host.touch(c.id);
    return true;
  }
  const driver = host.readyDriver(accountId);
  if (!driver) return false;
  let history: SentMessageInfo[] | null;
  try {
    history = await driver.sentMessagesTo(row.phone, row.sending_at - host.options.reconcileSlackMs);
  } catch {
    return false;
  }
  let expected: MessageEvidence | null = null;
  try {
    const content = renderPart(host.deps.dataDir, c.id, c.parts, row, row.part);
    expected = content ? evidenceOf(content) : null;
  } catch {
    expected = null; // its file is gone: nothing can be compared
  }
  const since = row.sending_at - host.options.reconcileSlackMs;
  const found =
    expected === null
      ? undefined
      : history?.find(
          (m) => m.timestamp >= since && st.messageOwner.get(accountId, m.messageId) === undefined && sameMessage(expected, m),
        );
  const done = host.now();
  if (found) {
    const last = row.part === c.parts.length - 1;
    host.deps.q.transaction(() => {
      st.insertMessage.run(found.messageId, accountId, row.id, row.part, found.timestamp);
      st.partDone.run({ id: row.id, next: row.part + 1, last: last ? 1 : 0, sentAt: found.timestamp, now: done });
      if (!last) {
        if (policy === 'running') st.requeue.run(null, null, done, row.id);
        else finishStopped(host, c, row);
      }
    })();
    if (found.ack === 'device' || found.ack === 'read' || found.ack === 'played') host.applyAck({ accountId, messageId: found.messageId, ack: found.ack });
    // It went out: the error was only the confirmation's, not a failing account.
    host.failureStreaks.delete(accountId);
  } else if (history !== null && driver.describe().historyComplete) {
    // Provably never left: its ledger entry goes and it is tried again.
    host.deps.q.transaction(() => {
      st.ledgerRemove.run(row.id);
      if (policy === 'stopped') finishStopped(host, c, row);
      else if (row.reason === null) st.requeue.run(null, null, done, row.id); // a crash: just again
      else retryOrGiveUp(host, c, row, row.reason, done);
    })();
  } else {
    const reason = row.reason === null ? t('cq.reason.unknown') : t('cq.reason.unknownAfterError', { reason: row.reason.replace(/\.$/, '') });
    st.markUnknown.run(reason, done, row.id);
  }
  host.touch(c.id);
  return true;
}

/** A row of a campaign that stopped: what went out counts; the rest is not sent. */
function finishStopped(host: QueueHost, c: CampaignSnapshot, row: RecipientRecord): void {
  const now = host.now();
  const reason = c.status === 'cancelled' ? t('cq.reason.cancelled') : t('cq.reason.stopped');
  const current = host.st.get.get(row.id) as RecipientRecord | undefined;
  if (current?.sent_at != null) {
    host.st.finishPartial.run(t('cq.reason.partial', { reason, sent: current.part, total: c.parts.length }), now, row.id);
  } else {
    host.st.finish.run('skipped', reason, now, row.id);
  }
}

/**
 * Acks that came while Pigeon was not running (or the connection was away): the phone is asked
 * where each recent message not yet known as read stands.
 */
export async function recoverAcks(host: QueueHost, accountId: number): Promise<void> {
  const driver = host.readyDriver(accountId);
  if (!driver) return;
  const ids = host.st.awaitingAcks.all(accountId, host.now() - host.options.ackRecoveryMs, ACK_RECOVERY_LIMIT) as string[];
  for (let i = 0; i < ids.length; i += 200) {
    const acks = await driver.acksOf(ids.slice(i, i + 200));
    for (const [messageId, ack] of acks) host.applyAck({ accountId, messageId, ack });
  }
}

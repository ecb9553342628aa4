/**
 * Test sends: one draft's message (every part, variables filled for a chosen contact or left as
 * their fallbacks) to a number the operator types, through one ready account, outside every
 * campaign. It is never a campaign's recipient, so no campaign count or report sees it; but it is
 * a real message on that WhatsApp number, so each part goes into the account's send ledger
 * (campaign_id NULL) and counts toward its daily cap and its usage.
 */
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import { normalisePhone } from '#shared/phone';
import { hash32, mulberry32 } from '#shared/random';
import type { TemplateContact } from '#shared/template';
import type { TestSend, TestSendStatus } from '#shared/test-sends';
import type { AccountManager } from '#main/accounts/account-manager';
import { renderPartFor } from '#main/campaigns/send';
import { getContact } from '#main/contacts/queries';
import { getDraft } from '#main/drafts/service';
import type { Kernel } from '#main/kernel/context';
import type { Sqlite } from '#main/kernel/db';
import type { OutgoingContent } from '#main/whatsapp/driver';
import { DriverError } from '#main/whatsapp/errors';

export type TestSendDeps = {
  kernel: Kernel;
  q: Sqlite;
  accounts: Pick<AccountManager, 'readyDriver' | 'get' | 'on'>;
  dataDir: string;
};

type SendRow = {
  id: number;
  account_id: number;
  draft_id: number;
  draft_name: string;
  phone: string;
  contact_name: string | null;
  parts: number;
  error: string | null;
  created_at: number;
};
type PartRow = { part: number; sent_at: number | null; delivered_at: number | null; read_at: number | null };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** The latest of the parts' times when every part has one (a test is delivered when all of it is). */
const allAt = (parts: PartRow[], key: 'sent_at' | 'delivered_at' | 'read_at') =>
  parts.length > 0 && parts.every((p) => p[key] !== null) ? Math.max(...parts.map((p) => p[key] ?? 0)) : null;

export class TestSends {
  /** Acks that came before `driver.send` returned the message's id (the demo phone is quick). */
  private readonly early = new Map<string, 'delivered' | 'read'>();

  constructor(private readonly deps: TestSendDeps) {
    // The account manager emits every driver ack; the campaign queue handles its own ids (and
    // ignores these), this domain updates only ids found in test_messages.
    deps.accounts.on('ack', (e) => {
      if (e.ack === 'device' || e.ack === 'read' || e.ack === 'played') this.applyAck(e.accountId, e.messageId, e.ack === 'device' ? 'delivered' : 'read');
    });
  }

  get(id: number): TestSend {
    const row = this.deps.q.prepare(`SELECT * FROM test_sends WHERE id = ?`).get(id) as SendRow | undefined;
    if (!row) throw new AppError('not_found', t('ts.err.gone'));
    const parts = this.deps.q
      .prepare(`SELECT part, sent_at, delivered_at, read_at FROM test_messages WHERE test_id = ? ORDER BY part`)
      .all(id) as PartRow[];
    const taken = parts.filter((p) => p.sent_at !== null);
    const sentAt = taken.length === row.parts ? allAt(parts, 'sent_at') : null;
    const deliveredAt = sentAt === null ? null : allAt(parts, 'delivered_at');
    const readAt = deliveredAt === null ? null : allAt(parts, 'read_at');
    const status: TestSendStatus =
      row.error !== null ? 'failed' : readAt !== null ? 'read' : deliveredAt !== null ? 'delivered' : sentAt !== null ? 'sent' : 'sending';
    return {
      id: row.id,
      accountId: row.account_id,
      draftId: row.draft_id,
      draftName: row.draft_name,
      phone: row.phone,
      contactName: row.contact_name,
      parts: row.parts,
      partsSent: taken.length,
      status,
      error: row.error,
      createdAt: new Date(row.created_at).toISOString(),
      sentAt: iso(sentAt),
      deliveredAt: iso(deliveredAt),
      readAt: iso(readAt),
    };
  }

  /** The number last typed for this account (its latest test), or null. */
  lastPhone(accountId: number): string | null {
    return (this.deps.q.prepare(`SELECT phone FROM test_sends WHERE account_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(accountId) as string | undefined) ?? null;
  }

  /**
   * Checks everything, records the test and returns it at once (status "sending"); the parts go
   * out in the background and `testSends.changed` tells each step.
   */
  async send(input: { draftId: number; accountId: number; phone: string; contactId: number | null }): Promise<TestSend> {
    const { kernel, q, dataDir } = this.deps;
    const phone = normalisePhone(input.phone, await kernel.defaultCountry());
    if (!phone.ok) throw new AppError('invalid_input', t('ts.err.phone', { phone: input.phone }));
    const driver = this.deps.accounts.readyDriver(input.accountId); // a plain "not connected" otherwise
    const draft = await getDraft(kernel.db, input.draftId);
    let contact: TemplateContact = { name: '', phone: phone.e164, fields: [] };
    let contactName: string | null = null;
    if (input.contactId !== null) {
      const c = await getContact(kernel.db, input.contactId);
      contact = { name: c.name, phone: c.phone, fields: c.fields };
      contactName = c.name || c.phone;
    }
    const now = kernel.clock.now();
    const random = mulberry32(hash32(`test:${now}`));
    const contents = draft.parts.map((part) => renderPartFor(dataDir, part, contact, random)).filter((c): c is OutgoingContent => c !== null);
    if (contents.length === 0) throw new AppError('invalid_input', t('ts.err.empty'));

    const id = Number(
      q
        .prepare(`INSERT INTO test_sends (account_id, draft_id, draft_name, phone, contact_name, parts, error, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`)
        .run(input.accountId, draft.id, draft.name, phone.e164, contactName, contents.length, now).lastInsertRowid,
    );
    void this.deliver(id, input.accountId, phone.e164, contents, driver);
    return this.get(id);
  }

  private async deliver(id: number, accountId: number, phone: string, contents: OutgoingContent[], driver: ReturnType<AccountManager['readyDriver']>): Promise<void> {
    const { q, kernel } = this.deps;
    for (const [index, content] of contents.entries()) {
      const at = kernel.clock.now();
      // Ledger first (as a campaign part): a message that may reach WhatsApp counts toward the cap.
      const ledgerId = Number(q.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, NULL, NULL, ?)`).run(accountId, at, index).lastInsertRowid);
      q.prepare(`INSERT INTO test_messages (test_id, part, account_id, ledger_id) VALUES (?, ?, ?, ?)`).run(id, index, accountId, ledgerId);
      let messageId: string;
      try {
        ({ messageId } = await driver.send(phone, content));
      } catch (error) {
        const nothingSent = error instanceof DriverError && error.nothingSent;
        q.transaction(() => {
          // Provably never left: not a message on that number, so the ledger forgets it.
          if (nothingSent) q.prepare(`DELETE FROM send_ledger WHERE id = ?`).run(ledgerId);
          q.prepare(`UPDATE test_sends SET error = ? WHERE id = ?`).run(error instanceof Error ? error.message : String(error), id);
        })();
        this.changed(id);
        return;
      }
      q.prepare(`UPDATE test_messages SET wa_message_id = ?, sent_at = ? WHERE test_id = ? AND part = ?`).run(messageId, kernel.clock.now(), id, index);
      const early = this.early.get(`${accountId}:${messageId}`);
      this.early.delete(`${accountId}:${messageId}`);
      this.changed(id);
      if (early === 'delivered' || early === 'read') this.applyAck(accountId, messageId, 'delivered');
      if (early === 'read') this.applyAck(accountId, messageId, 'read');
    }
  }

  private applyAck(accountId: number, messageId: string, level: 'delivered' | 'read'): void {
    const { q, kernel } = this.deps;
    const now = kernel.clock.now();
    const row = q.prepare(`SELECT test_id FROM test_messages WHERE account_id = ? AND wa_message_id = ?`).get(accountId, messageId) as { test_id: number } | undefined;
    if (!row) {
      // Maybe ours and early (the send has not returned its id yet): kept briefly, in a small map.
      if (this.early.size >= 200) this.early.delete(this.early.keys().next().value ?? '');
      const key = `${accountId}:${messageId}`;
      if (this.early.get(key) !== 'read') this.early.set(key, level);
      return;
    }
    const sql =
      level === 'delivered'
        ? `UPDATE test_messages SET delivered_at = coalesce(delivered_at, ?) WHERE account_id = ? AND wa_message_id = ?`
        : `UPDATE test_messages SET read_at = coalesce(read_at, ?), delivered_at = coalesce(delivered_at, ?) WHERE account_id = ? AND wa_message_id = ?`;
    if (level === 'delivered') q.prepare(sql).run(now, accountId, messageId);
    else q.prepare(sql).run(now, now, accountId, messageId);
    this.changed(row.test_id);
  }

  private changed(id: number): void {
    this.deps.kernel.bus.emit('testSends.changed', { testSend: this.get(id) });
  }
}

/**
 * A test send: one draft's message, variables filled for a chosen contact, sent to a number the
 * operator types through one linked account, outside every campaign. It is written to the
 * account's send ledger (a real message on that number counts toward its daily cap) but never to a
 * campaign's recipients, so no campaign count or report sees it.
 */

/** Where a test stands as a whole: the slowest of its parts. */
export const TEST_SEND_STATUSES = ['sending', 'sent', 'delivered', 'read', 'failed'] as const;
export type TestSendStatus = (typeof TEST_SEND_STATUSES)[number];

export type TestSend = {
  id: number;
  accountId: number;
  draftId: number;
  draftName: string;
  /** E.164. */
  phone: string;
  /** Whose details filled the variables (null: none chosen, variables show their fallbacks). */
  contactName: string | null;
  /** Parts with something to send. */
  parts: number;
  /** Parts WhatsApp has taken so far. */
  partsSent: number;
  status: TestSendStatus;
  /** Why it failed, in plain words. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
};

/** One message the demo phone's "WhatsApp" received (the durable delivery log), newest first. */
export type DemoPhoneMessage = {
  seq: number;
  at: string;
  to: string;
  kind: string;
  text: string;
};

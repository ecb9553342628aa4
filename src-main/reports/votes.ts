/**
 * Poll votes on the messages we sent, kept in the queue file (`poll_votes`): one row per poll
 * message and voter, the latest vote wins (a voter who changes their mind, or takes every vote
 * back: an empty choice). The report counts them per option (queries.ts).
 *
 * Where votes come from: the driver's `vote` event (whatsapp-web.js `vote_update`; the demo
 * phone votes on polls it has read, see simulatorVote), passed on by the account manager with the
 * account, and stored here by the core.
 */
import type { Sqlite } from '#main/kernel/db';

export type VoteEvent = {
  accountId: number;
  /** WhatsApp's id of our poll message. */
  messageId: string;
  /** The voter, E.164. */
  voter: string;
  /** The option names chosen now (empty: the vote was taken back). */
  options: string[];
  /** When the vote was cast (ms). */
  at: number;
};

/** Stores a vote unless a later one from the same voter on the same poll is already stored. */
export function recordVote(q: Sqlite, vote: VoteEvent): void {
  q.prepare(
    `INSERT INTO poll_votes (account_id, wa_message_id, voter, options, voted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id, wa_message_id, voter) DO UPDATE SET options = excluded.options, voted_at = excluded.voted_at
     WHERE excluded.voted_at >= poll_votes.voted_at`,
  ).run(vote.accountId, vote.messageId, vote.voter, JSON.stringify(vote.options), vote.at);
}

/** A contact's story, newest first: campaign messages, replies, list changes, checks and notes. */
export type TimelineEventKind = 'black' | 'gray' | 'unlisted' | 'wa_yes' | 'wa_no' | 'note';

/** Who changed a list entry, in words the operator knows. */
export type TimelineSource = 'import' | 'reply' | 'hand' | '';

export type TimelineItem =
  | {
      kind: 'message';
      /** ISO time: when it was sent, else when the row last changed. */
      at: string;
      campaignId: number;
      campaignName: string;
      status: 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'skipped' | 'unknown';
      reason: string | null;
      sentAt: string | null;
      deliveredAt: string | null;
      readAt: string | null;
    }
  | { kind: 'reply'; at: string; id: number; body: string; accountLabel: string | null; optOut: boolean }
  | { kind: 'event'; at: string; event: TimelineEventKind; source: TimelineSource; detail: string };

export type TimelinePage = { phone: string; items: TimelineItem[]; hasMore: boolean };

/** Maps a suppressions.source to who did it. */
export function timelineSource(source: string): TimelineSource {
  if (source === '') return '';
  if (source === 'opt-out') return 'reply';
  if (source.startsWith('import')) return 'import';
  return 'hand';
}

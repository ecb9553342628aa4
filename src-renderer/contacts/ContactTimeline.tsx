/** A contact's story, newest first: campaign messages with their status and times, replies, list changes, checks, notes. */
import { useCallback, useEffect, useState } from 'react';
import { t } from '#shared/i18n';
import type { TimelineItem } from '#shared/timeline';
import { errorMessage } from '#renderer/ui/api';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { contacts } from './store';
import { TIMELINE_BY, TIMELINE_EVENT, TIMELINE_STATUS } from '#shared/i18n/keys';

const PAGE = 50;

function MessageItem({ item }: { item: Extract<TimelineItem, { kind: 'message' }> }) {
  const times = [
    item.sentAt && t('timeline.sentAt', { at: formatWhen(item.sentAt) }),
    item.deliveredAt && t('timeline.deliveredAt', { at: formatWhen(item.deliveredAt) }),
    item.readAt && t('timeline.readAt', { at: formatWhen(item.readAt) }),
  ].filter(Boolean);
  return (
    <>
      <div className="row tl-head">
        <span className="grow" dir="auto">
          {t('timeline.message', { name: item.campaignName })}
        </span>
        <span className={`badge tl-status ${item.status}`} data-testid="timeline-status">
          {t(TIMELINE_STATUS[item.status])}
        </span>
      </div>
      {times.length > 0 && <div className="muted small">{times.join(' · ')}</div>}
      {item.reason && <div className="muted small">{item.reason}</div>}
    </>
  );
}

function Item({ item }: { item: TimelineItem }) {
  return (
    <li className={`tl-item tl-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <time className="muted small" dateTime={item.at} title={formatFull(item.at)}>
        {formatWhen(item.at)}
      </time>
      {item.kind === 'message' && <MessageItem item={item} />}
      {item.kind === 'reply' && (
        <>
          <div className="tl-head">
            {t(item.optOut ? 'timeline.replyOptOut' : 'timeline.reply')}
            {item.accountLabel && <span className="muted small"> · {t('timeline.via', { account: item.accountLabel })}</span>}
          </div>
          <div className="message-text tl-body" dir="auto">
            {item.body}
          </div>
        </>
      )}
      {item.kind === 'event' && (
        <div className="tl-head">
          {t(TIMELINE_EVENT[item.event])}
          {item.source !== '' && <span className="muted"> {t(TIMELINE_BY[item.source])}</span>}
          {item.detail !== '' && item.event !== 'unlisted' && (
            <div className="muted small" dir="auto">
              {item.detail}
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** Reads again when `version` changes (after a list toggle, a save). */
export function ContactTimeline(props: { phone: string; version: number }) {
  const [items, setItems] = useState<TimelineItem[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const { phone, version } = props;

  useEffect(() => {
    let alive = true;
    contacts
      .timeline(phone, 0, PAGE)
      .then((page) => {
        if (!alive) return;
        setItems(page.items);
        setHasMore(page.hasMore);
        setError(null);
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [phone, version]);

  const more = useCallback(async () => {
    try {
      const page = await contacts.timeline(phone, items.length, PAGE);
      setItems((old) => [...old, ...page.items]);
      setHasMore(page.hasMore);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [phone, items.length]);

  return (
    <section className="timeline" aria-label={t('timeline.title')} data-testid="contact-timeline">
      <h3>{t('timeline.title')}</h3>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!loading && items.length === 0 && !error && <p className="muted small">{t('timeline.empty')}</p>}
      <ol className="tl-list">
        {items.map((item, i) => (
          <Item key={`${item.kind}:${item.at}:${i}`} item={item} />
        ))}
      </ol>
      {hasMore && (
        <button type="button" className="link" onClick={() => void more()}>
          {t('timeline.more')}
        </button>
      )}
    </section>
  );
}

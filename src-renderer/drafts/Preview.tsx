/**
 * The draft as one contact would see it in WhatsApp: each part an outgoing bubble, contact details
 * filled in, one pick of every variation (re-rolled with "Another variation"), formatting applied.
 */
import { useMemo, useState } from 'react';
import type { AttachmentRef } from '#shared/campaigns';
import { getLocale, t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { ContactPicker, usePreviewContact } from './ContactPicker';
import { DraftIcon } from './DraftIcon';
import { FormattedText } from './FormattedText';
import { fileTypeLabel, formatSize, readCoordinate, renderParts, variationCount, type EditorPart, type Rendered } from './model';
import { useAttachmentUrl } from './useAttachmentUrl';
import { VariableGaps } from './VariableGaps';

export const PREVIEW_ID = 'drafts-preview';

const newSeed = () => Math.floor(Math.random() * 0xffffffff);

export function Preview({ parts }: { parts: readonly EditorPart[] }) {
  const [contact, setContact] = usePreviewContact();
  const [seed, setSeed] = useState(newSeed);
  const rendered = useMemo(() => renderParts(parts, contact, seed), [parts, contact, seed]);
  const variations = useMemo(() => variationCount(parts), [parts]);
  const time = new Date().toLocaleTimeString(getLocale(), { hour: '2-digit', minute: '2-digit' });
  return (
    <aside className="drafts-preview" id={PREVIEW_ID} tabIndex={-1} aria-label={t('drafts.preview.title')} data-testid="draft-preview">
      <div className="drafts-preview-head">
        <h2>{t('drafts.preview.title')}</h2>
        <ContactPicker contact={contact} onPick={setContact} />
      </div>
      <div className="wa-phone">
        <div className="wa-topbar">
          <span className="wa-avatar" aria-hidden>
            {initial(contact.name)}
          </span>
          <span className="wa-topbar-name">
            <span>
              <bdi>{contact.name || formatPhoneInternational(contact.phone)}</bdi>
            </span>
            <span className="phone">{formatPhoneInternational(contact.phone)}</span>
          </span>
        </div>
        <div className="wa-chat" data-testid="preview-chat">
          {parts.length === 0 ? (
            <p className="wa-empty">{t('drafts.preview.empty')}</p>
          ) : (
            parts.map((part, i) => (
              <Bubble key={part.key} part={part} rendered={rendered.get(part.key)} time={time} tail={i === 0} />
            ))
          )}
        </div>
      </div>
      <div className="drafts-preview-foot">
        <button
          type="button"
          onClick={() => setSeed(newSeed())}
          disabled={variations <= 1}
          title={variations <= 1 ? t('drafts.preview.noVariations') : undefined}
          data-testid="preview-reroll"
        >
          <DraftIcon name="shuffle" size={14} /> {t('drafts.preview.reroll')}
        </button>
        {variations > 1 && (
          <span className="muted small">
            {variations >= 1e9 ? t('drafts.preview.variationsMany') : t('drafts.preview.variations', { count: variations })}
          </span>
        )}
      </div>
      {contact.id === null && <p className="muted small">{t('drafts.preview.sampleNote')}</p>}
      <VariableGaps parts={parts} />
    </aside>
  );
}

function initial(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toLocaleUpperCase() : '?';
}

/** Time and read ticks, at the bottom end of a bubble. */
function Meta({ time, overlay = false }: { time: string; overlay?: boolean }) {
  return (
    <span className={overlay ? 'wa-meta overlay' : 'wa-meta'}>
      <MetaContent time={time} label={t('drafts.preview.read')} />
    </span>
  );
}

function MetaContent({ time, label }: { time: string; label?: string }) {
  return (
    <>
      <span>{time}</span>
      <svg className="wa-ticks" viewBox="0 0 18 11" width="16" height="11" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true}>
        <path d="M1 6l3 3 7-8M7 9l1 1 7-9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </>
  );
}

/**
 * A rendered template (or, when it has problems, the text as written with a note), with the time
 * and ticks at the end of its last line: a spacer keeps room for them wherever the line ends.
 */
function BubbleText({ rendered, time, placeholder }: { rendered: Rendered | undefined; time: string | null; placeholder?: string }) {
  const tail = time === null ? null : (
    <>
      {/* An invisible copy of the time keeps exactly its room at the end of the last line. */}
      <span className="wa-spacer" aria-hidden>
        <MetaContent time={time} />
      </span>
      <Meta time={time} />
    </>
  );
  if (!rendered || rendered.raw.trim() === '') {
    if (placeholder === undefined) return tail;
    return (
      <span className="wa-text placeholder">
        {placeholder}
        {tail}
      </span>
    );
  }
  if (rendered.text === null) {
    return (
      <>
        <span className="wa-text" dir="auto">
          {rendered.raw}
          {tail}
        </span>
        <span className="wa-broken">
          <DraftIcon name="warning" size={12} /> {t('drafts.preview.broken')}
        </span>
      </>
    );
  }
  return (
    <FormattedText text={rendered.text} className="wa-text">
      {tail}
    </FormattedText>
  );
}

function Bubble({ part, rendered, time, tail }: { part: EditorPart; rendered: Rendered | undefined; time: string; tail: boolean }) {
  const cls = `wa-bubble wa-${part.kind}${tail ? ' tail' : ''}`;
  switch (part.kind) {
    case 'text':
      return (
        <div className={cls} data-testid="preview-bubble">
          <BubbleText rendered={rendered} time={time} placeholder={t('drafts.preview.emptyText')} />
        </div>
      );
    case 'image':
    case 'video': {
      const hasCaption = part.caption.trim() !== '';
      return (
        <div className={`${cls} media`} data-testid="preview-bubble">
          <MediaView kind={part.kind} attachment={part.attachment} />
          {hasCaption ? (
            <div className="wa-caption">
              <BubbleText rendered={rendered} time={time} />
            </div>
          ) : (
            <Meta time={time} overlay />
          )}
        </div>
      );
    }
    case 'document':
      return (
        <div className={`${cls} media`} data-testid="preview-bubble">
          <div className="wa-doc">
            <span className="wa-doc-icon">
              <DraftIcon name="document" size={22} />
            </span>
            <span className="wa-doc-text">
              <span className="wa-doc-name" dir="auto">
                {part.attachment?.fileName ?? t('drafts.preview.noFile')}
              </span>
              {part.attachment && (
                <span className="wa-sub">
                  {t('drafts.attach.meta', {
                    type: fileTypeLabel(part.attachment.mimeType, part.attachment.fileName),
                    size: formatSize(part.attachment.size, getLocale()),
                  })}
                </span>
              )}
            </span>
          </div>
          <div className="wa-caption">
            <BubbleText rendered={rendered} time={time} placeholder="" />
          </div>
        </div>
      );
    case 'voice':
      return (
        <div className={cls} data-testid="preview-bubble">
          <VoiceView attachment={part.attachment} />
          <Meta time={time} />
        </div>
      );
    case 'location': {
      const lat = readCoordinate(part.latitude);
      const long = readCoordinate(part.longitude);
      return (
        <div className={`${cls} media`} data-testid="preview-bubble">
          <div className="wa-map" aria-hidden>
            <DraftIcon name="location" size={30} />
          </div>
          <div className="wa-caption">
            {part.name.trim() !== '' && (
              <span className="wa-loc-name" dir="auto">
                {part.name}
              </span>
            )}
            {part.address.trim() !== '' && (
              <span className="wa-sub" dir="auto">
                {part.address}
              </span>
            )}
            <span className="wa-sub phone" data-testid="preview-coordinates">
              {lat !== null && long !== null ? `${lat.toFixed(5)}, ${long.toFixed(5)}` : t('drafts.preview.noCoordinates')}
            </span>
            <Meta time={time} />
          </div>
        </div>
      );
    }
    case 'contact':
      return (
        <div className={cls} data-testid="preview-bubble">
          <div className="wa-card">
            <span className="wa-avatar small" aria-hidden>
              {initial(part.displayName)}
            </span>
            <span className="wa-card-text">
              <span className="wa-card-name" dir="auto">
                {part.displayName || t('drafts.preview.noName')}
              </span>
              <span className="wa-sub phone">{part.phone}</span>
            </span>
          </div>
          <Meta time={time} />
          <div className="wa-card-action">{t('drafts.preview.message')}</div>
        </div>
      );
    case 'poll': {
      const options = part.options.filter((o) => o.trim() !== '');
      return (
        <div className={cls} data-testid="preview-bubble">
          <span className="wa-poll-question">
            {part.question.trim() === '' ? <span className="muted">{t('drafts.preview.noQuestion')}</span> : <BubbleText rendered={rendered} time={null} />}
          </span>
          <span className="wa-sub">{part.multipleAnswers ? t('drafts.preview.pollMany') : t('drafts.preview.pollOne')}</span>
          <ul className="wa-poll-options">
            {options.map((option, i) => (
              <li key={i}>
                <span className={part.multipleAnswers ? 'wa-poll-box square' : 'wa-poll-box'} aria-hidden />
                {/* The answer reads in its own direction (<bdi>), but the label keeps the row's, so it
                    starts right next to its circle: with dir="auto" on the label a Persian answer sat
                    at the far end of the row and the option looked empty. */}
                <span className="wa-poll-label" data-testid="preview-poll-option">
                  <bdi>{option}</bdi>
                </span>
                <span className="wa-poll-bar" aria-hidden />
              </li>
            ))}
          </ul>
          <Meta time={time} />
          <div className="wa-card-action">{t('drafts.preview.votes')}</div>
        </div>
      );
    }
  }
}

function MediaView({ kind, attachment }: { kind: 'image' | 'video'; attachment: AttachmentRef | null }) {
  const { url } = useAttachmentUrl(attachment);
  if (!attachment || !url) {
    return (
      <div className="wa-media-placeholder">
        <DraftIcon name={kind} size={30} />
        <span>{attachment ? t('common.loading') : t('drafts.preview.noFile')}</span>
      </div>
    );
  }
  if (kind === 'image') {
    return <img className="wa-media" src={url} alt={t('drafts.attach.thumbAlt', { name: attachment.fileName })} data-testid="preview-image" />;
  }
  return <video className="wa-media" src={url} controls preload="metadata" aria-label={attachment.fileName} />;
}

function VoiceView({ attachment }: { attachment: AttachmentRef | null }) {
  const { url } = useAttachmentUrl(attachment);
  if (!attachment) {
    return (
      <span className="wa-voice-empty">
        <DraftIcon name="voice" size={18} /> {t('drafts.preview.noFile')}
      </span>
    );
  }
  return url ? <audio className="wa-audio" src={url} controls preload="metadata" aria-label={attachment.fileName} /> : <span className="wa-sub">{t('common.loading')}</span>;
}

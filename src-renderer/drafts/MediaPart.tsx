/**
 * A picture, video, document or voice note: choose (or drop) a file, see what it is, and read main's
 * reason in plain words when WhatsApp would not take it. Pictures show a thumbnail. A picture over
 * WhatsApp's limit is offered "Shrink it": a smaller JPEG copy made in a worker is attached instead
 * (the original file is only read, never changed).
 */
import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { ATTACHMENT_LIMITS, type AttachmentKind, type AttachmentRef } from '#shared/campaigns';
import { getLocale, t } from '#shared/i18n';
import { errorMessage } from '#renderer/ui/api';
import { drafts } from './store';
import { DraftIcon } from './DraftIcon';
import { ACCEPT, fileTypeLabel, formatSize, oversizeMessage } from './model';
import { shrinkPicture } from './shrinkPicture';
import { useAttachmentUrl } from './useAttachmentUrl';
import { DRAFTS_ATTACH_HINT } from '#shared/i18n/keys';

const CHOOSE_LABEL: Record<AttachmentKind, 'drafts.attach.chooseImage' | 'drafts.attach.chooseVideo' | 'drafts.attach.chooseDocument' | 'drafts.attach.chooseVoice'> = {
  image: 'drafts.attach.chooseImage',
  video: 'drafts.attach.chooseVideo',
  document: 'drafts.attach.chooseDocument',
  voice: 'drafts.attach.chooseVoice',
};

export function AttachmentPicker(props: {
  kind: AttachmentKind;
  attachment: AttachmentRef | null;
  onAttached: (ref: AttachmentRef) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  /** A picture too big for WhatsApp, which a smaller copy could replace. */
  const [tooBigPicture, setTooBigPicture] = useState<File | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { kind, attachment, onAttached } = props;

  const attach = async (file: File) => {
    if (busy !== null) return;
    setError(null);
    setNote(null);
    setTooBigPicture(null);
    // Too big for this kind of part: refused here, before reading it into memory (main says the same).
    const tooBig = oversizeMessage(kind, file.name, file.size);
    if (tooBig !== null) {
      setError(tooBig);
      // A picture can be made smaller here; other kinds need another tool.
      if (kind === 'image' && file.type.startsWith('image/')) setTooBigPicture(file);
      return;
    }
    setBusy(t('drafts.attach.checking', { name: file.name }));
    try {
      const ref = await drafts.attach(kind, file);
      onAttached(ref);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const shrink = async (file: File) => {
    if (busy !== null) return;
    setBusy(t('drafts.attach.shrinking', { name: file.name }));
    setTooBigPicture(null);
    try {
      let smaller: File | null;
      try {
        smaller = await shrinkPicture(file, ATTACHMENT_LIMITS.image);
      } catch {
        // The picture could not be decoded (not really a picture, or a kind the browser can't read).
        setError(t('drafts.attach.shrinkError', { name: file.name }));
        return;
      }
      if (!smaller) {
        setError(t('drafts.attach.shrinkFailed', { name: file.name }));
        return;
      }
      // The copy goes the usual way: main checks it like any file.
      const ref = await drafts.attach('image', smaller);
      setError(null);
      setNote(t('drafts.attach.shrunk', { from: formatSize(file.size, getLocale()), to: formatSize(ref.size, getLocale()), name: file.name }));
      onAttached(ref);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) is noticed.
    e.target.value = '';
    if (file) void attach(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void attach(file);
  };

  return (
    <div
      className={over ? 'drafts-attach over' : 'drafts-attach'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="drafts-attach-row">
        {attachment && kind === 'image' ? <Thumbnail attachment={attachment} /> : <span className="drafts-attach-icon"><DraftIcon name={kind} size={22} /></span>}
        <div className="drafts-attach-info">
          {attachment ? (
            <>
              <span className="drafts-attach-name" dir="auto" title={attachment.fileName} data-testid="attachment-name">
                {attachment.fileName}
              </span>
              <span className="muted small" data-testid="attachment-meta">
                {t('drafts.attach.meta', {
                  type: fileTypeLabel(attachment.mimeType, attachment.fileName),
                  size: formatSize(attachment.size, getLocale()),
                })}
              </span>
            </>
          ) : (
            <span className="muted">{t('drafts.attach.none')}</span>
          )}
          {busy !== null && (
            <span className="small" role="status" data-testid="attach-busy">
              {busy}
            </span>
          )}
        </div>
        <button type="button" onClick={() => inputRef.current?.click()} disabled={busy !== null} data-testid="attach-choose">
          <DraftIcon name="attach" size={14} /> {attachment ? t('drafts.attach.replace') : t(CHOOSE_LABEL[kind])}
        </button>
        <input ref={inputRef} type="file" hidden accept={ACCEPT[kind] || undefined} onChange={onPicked} data-testid="attach-input" />
      </div>
      {error !== null && (
        <p className="error-text drafts-attach-error" role="alert" data-testid="attach-error">
          {error}
        </p>
      )}
      {tooBigPicture !== null && (
        <div className="drafts-attach-shrink">
          <button type="button" className="primary" onClick={() => void shrink(tooBigPicture)} disabled={busy !== null} data-testid="attach-shrink">
            {t('drafts.attach.shrink')}
          </button>
          <span className="muted small">{t('drafts.attach.shrinkHelp')}</span>
        </div>
      )}
      {note !== null && (
        <p className="muted small drafts-attach-note" role="status" data-testid="attach-note">
          {note}
        </p>
      )}
      {!attachment && error === null && <p className="muted small drafts-attach-hint">{t(DRAFTS_ATTACH_HINT[kind])}</p>}
    </div>
  );
}

function Thumbnail({ attachment }: { attachment: AttachmentRef }) {
  const { url, failed } = useAttachmentUrl(attachment);
  if (failed) return <span className="drafts-thumb missing" title={t('drafts.attach.unreadable')}><DraftIcon name="warning" size={18} /></span>;
  return url ? (
    <img className="drafts-thumb" src={url} alt={t('drafts.attach.thumbAlt', { name: attachment.fileName })} data-testid="attachment-thumb" />
  ) : (
    <span className="drafts-thumb loading" aria-hidden />
  );
}

/** One part of a draft in the editor: its header (move, remove) and the fields of its kind. */
import { useEffect, useId, useRef } from 'react';
import { t } from '#shared/i18n';
import { DraftIcon } from './DraftIcon';
import { AttachmentPicker } from './MediaPart';
import {
  CAPTION_LIMIT,
  KIND_LABEL,
  POLL_OPTION_CHARS,
  POLL_OPTION_LIMIT,
  POLL_QUESTION_LIMIT,
  TEXT_LIMIT,
  splitCoordinates,
  type EditorPart,
} from './model';
import { TemplateField } from './TemplateField';

type PartProps<K extends EditorPart['kind']> = {
  part: Extract<EditorPart, { kind: K }>;
  onChange: (part: EditorPart) => void;
  fieldKeys: readonly string[];
};

export function PartEditor(props: {
  part: EditorPart;
  index: number;
  count: number;
  problem: string | null;
  fieldKeys: readonly string[];
  /** Focus the part's first field (it was just added). */
  focus: boolean;
  onFocused: () => void;
  onChange: (part: EditorPart) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { part, index, count } = props;
  const boxRef = useRef<HTMLElement>(null);
  const { focus, onFocused } = props;
  useEffect(() => {
    if (!focus) return;
    const box = boxRef.current;
    box?.scrollIntoView({ block: 'nearest' });
    box?.querySelector<HTMLElement>('textarea, input:not([type="file"]), .drafts-attach button')?.focus();
    onFocused();
  }, [focus, onFocused]);
  const kindLabel = t(KIND_LABEL[part.kind]);
  const title = t('drafts.part.title', { index: index + 1, kind: kindLabel });
  return (
    <section
      ref={boxRef}
      className={props.problem ? 'drafts-part has-problem' : 'drafts-part'}
      aria-label={title}
      data-testid={`part-${part.kind}`}
    >
      <header className="drafts-part-head">
        <DraftIcon name={part.kind} size={16} />
        <h3>{title}</h3>
        <span className="spacer" />
        <button type="button" className="icon" title={t('drafts.part.up')} aria-label={t('drafts.part.upNamed', { title })} disabled={index === 0} onClick={() => props.onMove(-1)}>
          <DraftIcon name="up" size={15} />
        </button>
        <button type="button" className="icon" title={t('drafts.part.down')} aria-label={t('drafts.part.downNamed', { title })} disabled={index === count - 1} onClick={() => props.onMove(1)}>
          <DraftIcon name="down" size={15} />
        </button>
        <button type="button" className="icon" title={t('drafts.part.remove')} aria-label={t('drafts.part.removeNamed', { title })} onClick={props.onRemove}>
          <DraftIcon name="remove" size={15} />
        </button>
      </header>
      <PartFields part={part} onChange={props.onChange} fieldKeys={props.fieldKeys} />
      {props.problem && (
        <p className="error-text drafts-part-problem" role="alert" data-testid="part-problem">
          {props.problem}
        </p>
      )}
    </section>
  );
}

function PartFields({ part, onChange, fieldKeys }: { part: EditorPart; onChange: (p: EditorPart) => void; fieldKeys: readonly string[] }) {
  switch (part.kind) {
    case 'text':
      return (
        <TemplateField
          label={t('drafts.text.label')}
          value={part.text}
          onChange={(text) => onChange({ ...part, text })}
          limit={TEXT_LIMIT}
          rows={6}
          fieldKeys={fieldKeys}
          placeholder={t('drafts.text.placeholder')}
          testId="part-text-input"
        />
      );
    case 'image':
    case 'video':
    case 'document':
      return (
        <>
          <AttachmentPicker kind={part.kind} attachment={part.attachment} onAttached={(attachment) => onChange({ ...part, attachment })} />
          <TemplateField
            label={t('drafts.caption.label')}
            value={part.caption}
            onChange={(caption) => onChange({ ...part, caption })}
            limit={CAPTION_LIMIT}
            rows={2}
            fieldKeys={fieldKeys}
            placeholder={t('drafts.caption.placeholder')}
            testId="part-caption-input"
          />
        </>
      );
    case 'voice':
      return <AttachmentPicker kind="voice" attachment={part.attachment} onAttached={(attachment) => onChange({ ...part, attachment })} />;
    case 'location':
      return <LocationFields part={part} onChange={onChange} fieldKeys={fieldKeys} />;
    case 'contact':
      return <ContactFields part={part} onChange={onChange} fieldKeys={fieldKeys} />;
    case 'poll':
      return <PollFields part={part} onChange={onChange} fieldKeys={fieldKeys} />;
  }
}

function LocationFields({ part, onChange }: PartProps<'location'>) {
  const id = useId();
  return (
    <div className="drafts-fields">
      <div className="drafts-field-pair">
        <label className="field" htmlFor={`${id}-lat`}>
          <span>{t('drafts.location.latitude')}</span>
          <input
            id={`${id}-lat`}
            className="phone"
            inputMode="decimal"
            value={part.latitude}
            placeholder="41.0082"
            onChange={(e) => onChange({ ...part, latitude: e.target.value })}
            onPaste={(e) => {
              // "41.0082, 28.9784" copied from a map fills both boxes.
              const both = splitCoordinates(e.clipboardData.getData('text'));
              if (both) {
                e.preventDefault();
                onChange({ ...part, ...both });
              }
            }}
            data-testid="location-latitude"
          />
        </label>
        <label className="field" htmlFor={`${id}-long`}>
          <span>{t('drafts.location.longitude')}</span>
          <input
            id={`${id}-long`}
            className="phone"
            inputMode="decimal"
            value={part.longitude}
            placeholder="28.9784"
            onChange={(e) => onChange({ ...part, longitude: e.target.value })}
            data-testid="location-longitude"
          />
        </label>
      </div>
      <p className="muted small drafts-help">{t('drafts.location.help')}</p>
      <label className="field">
        <span>{t('drafts.location.name')}</span>
        <input dir="auto" value={part.name} maxLength={200} onChange={(e) => onChange({ ...part, name: e.target.value })} data-testid="location-name" />
      </label>
      <label className="field">
        <span>{t('drafts.location.address')}</span>
        <input dir="auto" value={part.address} maxLength={500} onChange={(e) => onChange({ ...part, address: e.target.value })} data-testid="location-address" />
      </label>
    </div>
  );
}

function ContactFields({ part, onChange }: PartProps<'contact'>) {
  return (
    <div className="drafts-fields drafts-field-pair">
      <label className="field">
        <span>{t('drafts.card.name')}</span>
        <input dir="auto" value={part.displayName} maxLength={200} onChange={(e) => onChange({ ...part, displayName: e.target.value })} data-testid="card-name" />
      </label>
      <label className="field">
        <span>{t('drafts.card.phone')}</span>
        <input className="phone" type="tel" value={part.phone} maxLength={64} onChange={(e) => onChange({ ...part, phone: e.target.value })} data-testid="card-phone" />
      </label>
    </div>
  );
}

function PollFields({ part, onChange, fieldKeys }: PartProps<'poll'>) {
  const setOption = (i: number, value: string) => onChange({ ...part, options: part.options.map((o, j) => (j === i ? value : o)) });
  const removeOption = (i: number) => onChange({ ...part, options: part.options.filter((_, j) => j !== i) });
  const addOption = () => onChange({ ...part, options: [...part.options, ''] });
  const optionsRef = useRef<HTMLOListElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const inputs = optionsRef.current?.querySelectorAll('input');
    inputs?.[inputs.length - 1]?.focus();
  }, [part.options.length]);
  return (
    <div className="drafts-fields">
      <TemplateField
        label={t('drafts.poll.question')}
        value={part.question}
        onChange={(question) => onChange({ ...part, question })}
        limit={POLL_QUESTION_LIMIT}
        rows={2}
        fieldKeys={fieldKeys}
        placeholder={t('drafts.poll.questionPlaceholder')}
        testId="poll-question"
      />
      <p className="drafts-subhead">{t('drafts.poll.options')}</p>
      <ol className="drafts-poll-options" ref={optionsRef}>
        {part.options.map((option, i) => (
          <li key={i}>
            <input
              dir="auto"
              value={option}
              maxLength={POLL_OPTION_CHARS}
              aria-label={t('drafts.poll.option', { index: i + 1 })}
              placeholder={t('drafts.poll.option', { index: i + 1 })}
              onChange={(e) => setOption(i, e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && part.options.length < POLL_OPTION_LIMIT) {
                  e.preventDefault();
                  added.current = true;
                  addOption();
                }
              }}
              data-testid="poll-option"
            />
            <button
              type="button"
              className="icon"
              title={t('drafts.poll.removeOption')}
              aria-label={t('drafts.poll.removeOptionNamed', { index: i + 1 })}
              disabled={part.options.length <= 2}
              onClick={() => removeOption(i)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            added.current = true;
            addOption();
          }}
          disabled={part.options.length >= POLL_OPTION_LIMIT}
        >
          {t('drafts.poll.addOption')}
        </button>
        <span className="muted small">{t('drafts.poll.optionCount', { count: part.options.length, max: POLL_OPTION_LIMIT })}</span>
      </div>
      <label className="check">
        <input type="checkbox" checked={part.multipleAnswers} onChange={(e) => onChange({ ...part, multipleAnswers: e.target.checked })} />
        {t('drafts.poll.multiple')}
      </label>
    </div>
  );
}

/**
 * A text box for a message template, with a small toolbar (formatting, contact details, emoji,
 * variations), a character counter and the template's problems in plain words under it.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { t } from '#shared/i18n';
import { DraftIcon } from './DraftIcon';
import { EmojiPicker } from './EmojiPicker';
import { insertAt, templateIssues, wrapSelection, type TextEdit } from './model';
import { Popover } from './Popover';
import { VariableMenu } from './VariableMenu';

const FORMATS = [
  { marker: '*', label: 'drafts.tool.bold', glyph: 'B', className: 'is-bold', shortcut: 'b' },
  { marker: '_', label: 'drafts.tool.italic', glyph: 'I', className: 'is-italic', shortcut: 'i' },
  { marker: '~', label: 'drafts.tool.strike', glyph: 'S', className: 'is-strike', shortcut: null },
  { marker: '```', label: 'drafts.tool.mono', glyph: '</>', className: 'is-mono', shortcut: null },
] as const;

export function TemplateField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  limit: number;
  rows?: number;
  fieldKeys: readonly string[];
  placeholder?: string;
  testId?: string;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = props.inputRef ?? ownRef;
  const pendingSelection = useRef<[number, number] | null>(null);
  const id = useId();
  const counterId = `${id}-count`;
  const issuesId = `${id}-issues`;
  const { value, onChange } = props;

  // After an edit from the toolbar, put the caret (or selection) where the edit says.
  useLayoutEffect(() => {
    const box = ref.current;
    const sel = pendingSelection.current;
    if (!box || !sel) return;
    pendingSelection.current = null;
    box.focus();
    box.setSelectionRange(sel[0], sel[1]);
  }, [value, ref]);

  const apply = (edit: TextEdit) => {
    pendingSelection.current = [edit.selectionStart, edit.selectionEnd];
    if (edit.text === value) {
      // Nothing changed: still move the caret.
      ref.current?.focus();
      ref.current?.setSelectionRange(edit.selectionStart, edit.selectionEnd);
      pendingSelection.current = null;
    } else onChange(edit.text);
  };
  const selection = (): [number, number] => {
    const box = ref.current;
    return box ? [box.selectionStart, box.selectionEnd] : [value.length, value.length];
  };
  const wrap = (marker: string) => {
    const [start, end] = selection();
    apply(wrapSelection(value, start, end, marker));
  };
  const insert = (text: string, select?: { from: number; to: number }) => {
    const [start, end] = selection();
    apply(insertAt(value, start, end, text, select));
  };
  const insertVariation = () => {
    // Empty choices, caret after the brace: the operator types the first choice in their own
    // language, then the second after the bar.
    insert('{|}', { from: 1, to: 1 });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const format = FORMATS.find((f) => f.shortcut === e.key.toLowerCase());
    if (format) {
      e.preventDefault();
      wrap(format.marker);
    }
  };

  const issues = templateIssues(value);
  const over = value.length > props.limit;
  return (
    <div className="drafts-template">
      <div className="drafts-toolbar" role="toolbar" aria-label={t('drafts.tool.label', { field: props.label })}>
        {FORMATS.map((f) => (
          <button
            key={f.marker}
            type="button"
            className={`drafts-tool ${f.className}`}
            title={f.shortcut ? `${t(f.label)} (Ctrl+${f.shortcut.toUpperCase()})` : t(f.label)}
            aria-label={t(f.label)}
            onClick={() => wrap(f.marker)}
          >
            <span aria-hidden="true">{f.glyph}</span>
          </button>
        ))}
        <span className="drafts-tool-sep" aria-hidden />
        <Popover
          label={t('drafts.tool.variable')}
          button={
            <>
              <DraftIcon name="variable" size={15} /> {t('drafts.tool.variableShort')}
            </>
          }
          className="drafts-tool wide"
          testId="tool-variable"
        >
          {(close) => (
            <VariableMenu
              fieldKeys={props.fieldKeys}
              onPick={(token) => {
                close(false);
                insert(token);
              }}
            />
          )}
        </Popover>
        <Popover label={t('drafts.tool.emoji')} button={<DraftIcon name="emoji" size={16} />} testId="tool-emoji">
          {(close) => (
            <EmojiPicker
              onPick={(emoji) => {
                close(false);
                insert(emoji);
              }}
            />
          )}
        </Popover>
        <button
          type="button"
          className="drafts-tool wide"
          title={t('drafts.tool.variationHelp')}
          onClick={insertVariation}
          data-testid="tool-variation"
        >
          <DraftIcon name="shuffle" size={15} /> {t('drafts.tool.variation')}
        </button>
      </div>
      <textarea
        ref={ref}
        id={id}
        dir="auto"
        value={value}
        rows={props.rows ?? 5}
        placeholder={props.placeholder}
        aria-label={props.label}
        aria-describedby={issues.length > 0 ? `${counterId} ${issuesId}` : counterId}
        aria-invalid={over || issues.length > 0 ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid={props.testId}
      />
      <div className="drafts-template-foot">
        <span className={over ? 'drafts-counter over' : 'drafts-counter'} id={counterId} data-testid="char-counter">
          {over
            ? t('drafts.counterOver', { count: value.length, limit: props.limit })
            : t('drafts.counter', { count: value.length, limit: props.limit })}
        </span>
      </div>
      {issues.length > 0 && (
        <ul className="drafts-issues" id={issuesId} data-testid="template-issues">
          {issues.map((issue, i) => (
            <li key={i}>
              <DraftIcon name="warning" size={14} />
              <span>{issue.message}</span>
              <button
                type="button"
                className="link"
                onClick={() => apply({ text: value, selectionStart: issue.index, selectionEnd: Math.min(value.length, issue.index + 1) })}
              >
                {t('drafts.issueShow')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

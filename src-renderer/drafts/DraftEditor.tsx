/** The open draft: its name, its parts in order, buttons to add more, and Save / Duplicate / Delete. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftPartKind } from '#shared/campaigns';
import { t} from '#shared/i18n';
import { NAME_FOCUS, drafts, selectDirty, useDrafts } from './store';
import { DraftIcon } from './DraftIcon';
import { KIND_LABEL, MAX_PARTS, NAME_LIMIT, PART_KINDS, templateIssueCount, type Working } from './model';
import { PartEditor } from './PartEditor';
import { PREVIEW_ID } from './Preview';
import { TestSendDialog } from '#renderer/test-sends/TestSendDialog';

export function DraftEditor(props: {
  working: Working;
  fieldKeys: readonly string[];
  onSave: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { working } = props;
  const dirty = useDrafts(selectDirty);
  const saving = useDrafts((s) => s.saving);
  const saveError = useDrafts((s) => s.saveError);
  const problems = useDrafts((s) => s.problems);
  const focusPart = useDrafts((s) => s.focusPart);
  const onFocused = useCallback(() => drafts.focusHandled(), []);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusPart !== NAME_FOCUS) return;
    // A new draft: its name is selected, ready to be typed over.
    nameRef.current?.focus();
    nameRef.current?.select();
    drafts.focusHandled();
  }, [focusPart]);
  const issues = templateIssueCount(working.parts);
  const full = working.parts.length >= MAX_PARTS;
  const [testing, setTesting] = useState(false);
  const closeTest = useCallback(() => setTesting(false), []);

  return (
    <div className="drafts-editor" data-testid="draft-editor">
      {testing && <TestSendDialog draftId={working.id} onClose={closeTest} />}
      <div className="drafts-editor-head">
        <input
          ref={nameRef}
          aria-label={t('drafts.name')}
          className="drafts-name"
          dir="auto"
          value={working.name}
          maxLength={NAME_LIMIT}
          placeholder={t('drafts.name')}
          onChange={(e) => drafts.setName(e.target.value)}
          data-testid="draft-name"
        />
        <div className="drafts-editor-actions">
          <span className={dirty ? 'drafts-state dirty' : 'drafts-state'} role="status" data-testid="draft-state">
            {saving ? t('drafts.saving') : dirty ? t('drafts.unsaved') : t('drafts.saved')}
          </span>
          <button
            type="button"
            className="primary"
            onClick={props.onSave}
            disabled={saving || !dirty}
            title={t('drafts.saveShortcut')}
            data-testid="draft-save"
          >
            {t('common.save')}
          </button>
          <button type="button" onClick={props.onDuplicate} disabled={saving} data-testid="draft-duplicate">
            {t('drafts.duplicate')}
          </button>
          <button type="button" onClick={props.onDelete} disabled={saving} data-testid="draft-delete">
            {t('common.delete')}
          </button>
          <button
            type="button"
            onClick={() => setTesting(true)}
            disabled={saving || dirty}
            title={dirty ? t('ts.saveFirst') : undefined}
            data-testid="draft-test-send"
          >
            {t('ts.button')}
          </button>
          <button type="button" className="drafts-jump" onClick={showPreview}>
            {t('drafts.preview.jump')}
          </button>
        </div>
      </div>
      {issues > 0 && (
        <p className="banner warn drafts-issue-banner" data-testid="draft-warning">
          <DraftIcon name="warning" size={15} /> {t('drafts.issuesBanner', { count: issues })}
        </p>
      )}
      {saveError !== null && (
        <p className="banner error" role="alert" data-testid="draft-save-error">
          {saveError}
        </p>
      )}
      {working.parts.length === 0 && <p className="muted drafts-noparts">{t('drafts.noParts')}</p>}
      {working.parts.map((part, i) => (
        <PartEditor
          key={part.key}
          part={part}
          index={i}
          count={working.parts.length}
          problem={problems.find((p) => p.key === part.key)?.message ?? null}
          fieldKeys={props.fieldKeys}
          focus={focusPart === part.key}
          onFocused={onFocused}
          onChange={(p) => drafts.updatePart(p)}
          onMove={(delta) => drafts.movePart(part.key, delta)}
          onRemove={() => drafts.removePart(part.key)}
        />
      ))}
      <AddPartBar full={full} />
    </div>
  );
}

/** On narrow windows the preview is under the editor: this brings it into view. */
function showPreview(): void {
  const preview = document.getElementById(PREVIEW_ID);
  preview?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  preview?.focus({ preventScroll: true });
}

function AddPartBar({ full }: { full: boolean }) {
  return (
    <div className="drafts-add" role="group" aria-label={t('drafts.addLabel')}>
      <span className="drafts-add-label">{t('drafts.addLabel')}</span>
      <div className="drafts-add-buttons">
        {PART_KINDS.map((kind: DraftPartKind) => (
          <button key={kind} type="button" disabled={full} onClick={() => drafts.addPart(kind)} data-testid={`add-${kind}`}>
            <DraftIcon name={kind} size={14} /> {t(KIND_LABEL[kind])}
          </button>
        ))}
      </div>
      {full && <p className="muted small">{t('drafts.full', { max: MAX_PARTS })}</p>}
    </div>
  );
}

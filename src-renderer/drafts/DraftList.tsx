/** The drafts, newest edit first: name, first words, what parts it has, when it was last edited. */
import type { Draft } from '#shared/campaigns';
import { t} from '#shared/i18n';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { DraftIcon } from './DraftIcon';
import { KIND_LABEL, draftSnippet, templateIssueCount, type EditorPart, type Working } from './model';

/** What a line shows: the saved draft, or for the open one, the edits as they are. */
type Shown = { id: number; name: string; parts: readonly (EditorPart | Draft['parts'][number])[]; updatedAt: string };

export function DraftList(props: {
  drafts: readonly Draft[];
  /** The open draft, as edited. */
  working: Working | null;
  /** The open draft has unsaved edits (shown on its line). */
  dirty: boolean;
  onSelect: (id: number) => void;
}) {
  return (
    <ul className="drafts-list" data-testid="drafts-list">
      {props.drafts.map((draft) => {
        const open = props.working?.id === draft.id ? props.working : null;
        const shown: Shown = open ? { ...open, name: open.name.trim() || draft.name, updatedAt: draft.updatedAt } : draft;
        return (
          <li key={draft.id}>
            <DraftListItem draft={shown} selected={open !== null} dirty={props.dirty && open !== null} onSelect={props.onSelect} />
          </li>
        );
      })}
    </ul>
  );
}

function DraftListItem(props: { draft: Shown; selected: boolean; dirty: boolean; onSelect: (id: number) => void }) {
  const { draft } = props;
  const snippet = draftSnippet(draft.parts);
  const issues = templateIssueCount(draft.parts);
  return (
    <button
      type="button"
      className={props.selected ? 'drafts-item selected' : 'drafts-item'}
      aria-current={props.selected ? 'true' : undefined}
      onClick={() => props.onSelect(draft.id)}
      data-testid="draft-item"
    >
      <span className="drafts-item-head">
        <span className="drafts-item-name" dir="auto">
          {draft.name}
        </span>
        {props.dirty && (
          <span className="drafts-dot" title={t('drafts.unsavedShort')} aria-label={t('drafts.unsavedShort')} role="img" />
        )}
        {issues > 0 && (
          <span className="drafts-warn-badge" title={t('drafts.issues', { count: issues })} data-testid="draft-item-warning">
            <DraftIcon name="warning" size={13} label={t('drafts.issues', { count: issues })} />
          </span>
        )}
      </span>
      <span className="drafts-item-snippet" dir="auto">
        {snippet === '' ? <span className="muted">{t('drafts.noText')}</span> : snippet}
      </span>
      <span className="drafts-item-meta">
        <span className="drafts-item-kinds">
          {draft.parts.map((part, i) => (
            <DraftIcon key={i} name={part.kind} size={13} label={t(KIND_LABEL[part.kind])} />
          ))}
        </span>
        <time dateTime={draft.updatedAt} title={formatFull(draft.updatedAt)}>
          {t('drafts.edited', { when: formatWhen(draft.updatedAt) })}
        </time>
      </span>
    </button>
  );
}

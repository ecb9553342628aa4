/**
 * Drafts: the messages a campaign sends. A list on one side, the open draft's editor in the middle
 * and a WhatsApp-like preview beside it. Saving is explicit (button or Ctrl+S); leaving a draft with
 * unsaved edits asks first, whether for another draft or for another page.
 */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { errorMessage } from '#renderer/ui/api';
import { confirm } from '#renderer/ui/confirm';
import { DraftEditor } from './DraftEditor';
import { DraftIcon } from './DraftIcon';
import { DraftList } from './DraftList';
import { Preview } from './Preview';
import { askUnsaved, UnsavedHost } from './UnsavedDialog';
import { drafts, selectDirty, startDrafts, useDrafts } from './store';
import { setLeaveGuard } from '#renderer/ui/nav';
import { toast, useToasts } from '#renderer/ui/toasts';
import './drafts.css';
import { refreshFacts, useContactFacts } from '#renderer/contacts/store';

/** Before leaving the open draft: true when it's fine to go (saved, discarded, or nothing to lose). */
async function leaveOpenDraft(): Promise<boolean> {
  const state = useDrafts.getState();
  if (!state.working || !selectDirty(state)) return true;
  const choice = await askUnsaved(state.working.name.trim() || t('drafts.untitled'));
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    drafts.revert();
    return true;
  }
  return saveOpenDraft();
}

async function saveOpenDraft(): Promise<boolean> {
  const ok = await drafts.save();
  const { working } = useDrafts.getState();
  if (ok && working) savedToast(t('drafts.savedToast', { name: working.name }));
  return ok;
}

/**
 * One "Saved" toast at a time: saving again within a few seconds replaces the earlier one instead
 * of stacking a second, identical toast under it.
 */
function savedToast(text: string): void {
  const { toasts, dismiss } = useToasts.getState();
  for (const shown of toasts) if (shown.kind === 'success' && shown.text === text) dismiss(shown.id);
  toast.success(text);
}

const actions = {
  async select(id: number) {
    if (useDrafts.getState().working?.id === id) return;
    if (await leaveOpenDraft()) drafts.select(id);
  },
  async create() {
    if (await leaveOpenDraft()) await drafts.create();
  },
  async duplicate() {
    const { working } = useDrafts.getState();
    if (working && (await leaveOpenDraft())) await drafts.duplicate(working.id);
  },
  async remove() {
    const { working, drafts: all } = useDrafts.getState();
    const draft = working ? all.find((d) => d.id === working.id) : undefined;
    if (!draft) return;
    const ok = await confirm({
      title: t('drafts.confirmDelete.title', { name: draft.name }),
      body: t('drafts.confirmDelete.body'),
      confirmLabel: t('common.delete'),
    });
    if (ok) await drafts.remove(draft);
  },
};

function useStartDrafts(): void {
  useEffect(() => {
    startDrafts();
    void refreshFacts()
      .catch((e: unknown) => toast.error(errorMessage(e)));
  }, []);
}

/** Going to another page (sidebar, Alt+number, a link) with unsaved edits asks first, too. */
function useLeaveGuard(): void {
  useEffect(() => setLeaveGuard(() => leaveOpenDraft()), []);
}

/** Ctrl+S (Cmd+S) saves from anywhere on the page, text boxes included. */
function useSaveShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      const target = e.target as HTMLElement | null;
      // Not behind an open dialog (the unsaved-changes question, a confirmation).
      if (target?.closest('dialog')) return;
      if (selectDirty(useDrafts.getState())) void saveOpenDraft();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function DraftsPage() {
  useStartDrafts();
  useSaveShortcut();
  useLeaveGuard();
  const list = useDrafts((s) => s.drafts);
  const loaded = useDrafts((s) => s.loaded);
  const working = useDrafts((s) => s.working);
  const dirty = useDrafts(selectDirty);
  const fieldKeys = useContactFacts((s) => s.fieldKeys);

  return (
    <section className="page drafts-page" aria-labelledby="drafts-title">
      <div className="page-head">
        <h1 id="drafts-title">{t('drafts.title')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void actions.create()} data-testid="draft-new">
          {t('drafts.new')}
        </button>
      </div>
      {list.length === 0 ? (
        loaded ? (
          <EmptyState />
        ) : (
          <p className="empty">{t('common.loading')}</p>
        )
      ) : (
        <div className="drafts-layout">
          <nav className="drafts-side" aria-label={t('drafts.listLabel')}>
            <DraftList drafts={list} working={working} dirty={dirty} onSelect={(id) => void actions.select(id)} />
          </nav>
          {working ? (
            <div className="drafts-main">
              <DraftEditor
                working={working}
                fieldKeys={fieldKeys}
                onSave={() => void saveOpenDraft()}
                onDuplicate={() => void actions.duplicate()}
                onDelete={() => void actions.remove()}
              />
              <Preview parts={working.parts} />
            </div>
          ) : (
            <p className="empty">{t('drafts.pick')}</p>
          )}
        </div>
      )}
      <UnsavedHost />
    </section>
  );
}

function EmptyState() {
  return (
    <div className="panel drafts-empty" data-testid="drafts-empty">
      <span className="drafts-empty-icon" aria-hidden>
        <DraftIcon name="text" size={36} />
      </span>
      <h2>{t('drafts.empty.title')}</h2>
      <p>{t('drafts.empty.body')}</p>
      <ul className="drafts-empty-points">
        <li>{t('drafts.empty.point1')}</li>
        <li>{t('drafts.empty.point2')}</li>
        <li>{t('drafts.empty.point3')}</li>
      </ul>
      <button type="button" className="primary" onClick={() => void actions.create()} data-testid="draft-new-empty">
        {t('drafts.empty.create')}
      </button>
    </div>
  );
}

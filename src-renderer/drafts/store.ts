/**
 * Drafts: the list (kept fresh by `drafts.changed`) and the one draft being edited. The working copy
 * lives here rather than in the page, so going to another page and back keeps unsaved edits.
 */
import { create } from 'zustand';
import type { AttachmentKind, AttachmentRef, Draft, DraftPartKind } from '#shared/campaigns';
import type { MethodInput } from '#shared/contract';
import { t } from '#shared/i18n';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import {
  MAX_PARTS,
  freshName,
  fromDraftPart,
  newPart,
  serializeWorking,
  toDraftParts,
  workingFrom,
  type EditorPart,
  type PartProblem,
  type Working,
} from './model';
import { toast } from '#renderer/ui/toasts';

type DraftsState = {
  drafts: Draft[];
  loaded: boolean;
  /** The draft open in the editor, as edited. */
  working: Working | null;
  /** serializeWorking of what is saved, to tell unsaved changes. */
  baseline: string;
  saving: boolean;
  /** Why the last save failed (main's message, or the parts that can't be saved yet). */
  saveError: string | null;
  /** Per part, what stops it being saved; shown once a save was tried. */
  problems: PartProblem[];
  /** saveError came from the checks here (so edits can clear it), not from main. */
  localError: boolean;
  /** What the editor should focus next: a new part (its key), or the name (NAME_FOCUS) of a new draft. */
  focusPart: string | null;
};

const initial: DraftsState = {
  drafts: [],
  loaded: false,
  working: null,
  baseline: '',
  saving: false,
  saveError: null,
  problems: [],
  localError: false,
  focusPart: null,
};

/** focusPart value asking the editor to focus the draft's name. */
export const NAME_FOCUS = '@name';

export const useDrafts = create<DraftsState>(() => initial);

export const selectDirty = (s: DraftsState): boolean => s.working !== null && serializeWorking(s.working) !== s.baseline;

const set = useDrafts.setState;
const get = useDrafts.getState;

function editWorking(change: (w: Working) => Working): void {
  const { working, localError } = get();
  if (!working) return;
  const next = change(working);
  if (!localError) {
    set({ working: next });
    return;
  }
  // After a save was refused here, the messages follow the edits: a fixed part loses its message.
  set({ working: next, ...localCheck(next) });
}

/** What stops saving, found here before asking main (no name, a part not complete). */
function localCheck(w: Working): Pick<DraftsState, 'problems' | 'saveError' | 'localError'> {
  const converted = toDraftParts(w.parts);
  const problems = converted.ok ? [] : converted.problems;
  if (w.name.trim() === '') return { problems, saveError: t('drafts.problem.noName'), localError: true };
  if (problems.length > 0) return { problems, saveError: t('drafts.problem.parts', { count: problems.length }), localError: true };
  return { problems: [], saveError: null, localError: false };
}

/** Opens a draft in the editor (dropping unsaved edits of the previous one). */
function openDraft(draft: Draft | null): void {
  if (!draft) {
    set({ working: null, baseline: '', saveError: null, problems: [], localError: false, focusPart: null });
    return;
  }
  const working = workingFrom(draft);
  set({ working, baseline: serializeWorking(working), saveError: null, problems: [], localError: false, focusPart: null });
}

export async function refreshDrafts(): Promise<void> {
  const drafts = await api.drafts.list();
  const { working } = get();
  set({ drafts, loaded: true });
  if (!working) {
    if (drafts[0]) openDraft(drafts[0]);
    return;
  }
  const current = drafts.find((d) => d.id === working.id);
  if (!current) {
    // Deleted (here or elsewhere): open the newest one left.
    openDraft(drafts[0] ?? null);
  } else if (!selectDirty(get())) {
    // Changed elsewhere while not being edited here: show the saved version.
    const fresh = workingFrom(current);
    if (serializeWorking(fresh) !== get().baseline) openDraft(current);
  }
}

let started = false;
/** Loads the list once and follows `drafts.changed`. Safe to call on every page visit. */
export function startDrafts(): void {
  if (started) {
    void refreshDrafts().catch((e: unknown) => toast.error(errorMessage(e)));
    return;
  }
  started = true;
  onEvent('drafts.changed', () => {
    void refreshDrafts().catch(() => undefined);
  });
  void refreshDrafts().catch((e: unknown) => toast.error(errorMessage(e)));
}

export const drafts = {
  select(id: number): void {
    const draft = get().drafts.find((d) => d.id === id);
    if (draft) openDraft(draft);
  },

  /** Throws away unsaved edits. */
  revert(): void {
    const w = get().working;
    openDraft(w ? (get().drafts.find((d) => d.id === w.id) ?? null) : null);
  },

  async create(): Promise<Draft | null> {
    try {
      const name = freshName(t('drafts.defaultName'), get().drafts.map((d) => d.name));
      const draft = await api.drafts.create({ name, parts: [{ kind: 'text', text: '' }] });
      set({ drafts: [draft, ...get().drafts.filter((d) => d.id !== draft.id)] });
      openDraft(draft);
      set({ focusPart: NAME_FOCUS });
      return draft;
    } catch (e) {
      toast.error(errorMessage(e));
      return null;
    }
  },

  async duplicate(id: number): Promise<Draft | null> {
    try {
      const copy = await api.drafts.duplicate({ id });
      set({ drafts: [copy, ...get().drafts.filter((d) => d.id !== copy.id)] });
      openDraft(copy);
      toast.success(t('drafts.duplicated', { name: copy.name }));
      return copy;
    } catch (e) {
      toast.error(errorMessage(e));
      return null;
    }
  },

  async remove(draft: Draft): Promise<boolean> {
    try {
      await api.drafts.delete({ id: draft.id });
      const rest = get().drafts.filter((d) => d.id !== draft.id);
      set({ drafts: rest });
      if (get().working?.id === draft.id) openDraft(rest[0] ?? null);
      toast.success(t('drafts.deleted', { name: draft.name }));
      return true;
    } catch (e) {
      toast.error(errorMessage(e));
      return false;
    }
  },

  /** Saves the working copy; false (with saveError and per-part problems) when it can't. */
  async save(): Promise<boolean> {
    const { working, saving } = get();
    if (!working || saving) return false;
    const check = localCheck(working);
    const converted = toDraftParts(working.parts);
    if (check.localError || !converted.ok) {
      set(check);
      return false;
    }
    const name = working.name.trim();
    const sent = serializeWorking(working);
    set({ saving: true, saveError: null, problems: [], localError: false });
    try {
      const saved = await api.drafts.update({ id: working.id, name, parts: converted.parts });
      const now = get().working;
      // Keep each part's key, so parts keep their state; main's version (trimmed, numbers) wins
      // unless the user typed on while it was saving.
      const asSaved: Working = {
        id: saved.id,
        name: saved.name,
        parts: saved.parts.map((p, i) => ({ ...fromDraftPart(p), key: working.parts[i]?.key ?? fromDraftPart(p).key })),
      };
      const untouched = now !== null && now.id === saved.id && serializeWorking(now) === sent;
      set({
        drafts: [saved, ...get().drafts.filter((d) => d.id !== saved.id)],
        baseline: serializeWorking(asSaved),
        ...(untouched ? { working: asSaved } : {}),
      });
      return true;
    } catch (e) {
      set({ saveError: errorMessage(e) });
      return false;
    } finally {
      set({ saving: false });
    }
  },

  setName(name: string): void {
    editWorking((w) => ({ ...w, name }));
  },

  updatePart(part: EditorPart): void {
    editWorking((w) => ({ ...w, parts: w.parts.map((p) => (p.key === part.key ? part : p)) }));
  },

  addPart(kind: DraftPartKind): void {
    const w = get().working;
    if (!w || w.parts.length >= MAX_PARTS) return;
    const part = newPart(kind);
    editWorking((current) => ({ ...current, parts: [...current.parts, part] }));
    set({ focusPart: part.key });
  },

  movePart(key: string, delta: -1 | 1): void {
    editWorking((w) => {
      const from = w.parts.findIndex((p) => p.key === key);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= w.parts.length) return w;
      const parts = [...w.parts];
      const [moved] = parts.splice(from, 1);
      if (moved) parts.splice(to, 0, moved);
      return { ...w, parts };
    });
  },

  removePart(key: string): void {
    editWorking((w) => ({ ...w, parts: w.parts.filter((p) => p.key !== key) }));
  },

  focusHandled(): void {
    set({ focusPart: null });
  },

  /** Stores a file for a media part; resolves with what the part keeps of it. */
  async attach(kind: AttachmentKind, file: File): Promise<AttachmentRef> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return api.drafts.attach({ kind, fileName: file.name || 'file', bytes });
  },

  /** A stored attachment's bytes. */
  attachment: (ref: AttachmentRef) => api.drafts.attachment({ id: ref.id, fileName: ref.fileName, mimeType: ref.mimeType }),

  /** Which variables the parts use that some contacts have no value for. */
  variableGaps: (input: MethodInput<'drafts.variableGaps'>) => api.drafts.variableGaps(input),
};

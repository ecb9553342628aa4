import type { Kernel } from '#main/kernel/context';
import { mutating, type Handler, type HandlersOf } from '#main/kernel/handlers';
import { readAttachment, storeAttachment } from './attachments';
import { createDraft, deleteDraft, duplicateDraft, getDraft, listDrafts, updateDraft } from './service';

export function draftsHandlers(
  { db, bus, clock }: Kernel,
  deps: { dataDir: string; variableGaps: Handler<'drafts.variableGaps'> },
): HandlersOf<'drafts'> {
  const nowIso = () => new Date(clock.now()).toISOString();
  const changed = <T>(value: T): T => {
    bus.emit('drafts.changed', {});
    return value;
  };
  return {
    'drafts.list': () => listDrafts(db),
    'drafts.get': (input) => getDraft(db, input.id),
    'drafts.create': mutating(async (input) => changed(await createDraft(db, input.name, input.parts, nowIso()))),
    'drafts.update': mutating(async (input) => changed(await updateDraft(db, input.id, input, nowIso()))),
    'drafts.duplicate': mutating(async (input) => changed(await duplicateDraft(db, input.id, nowIso()))),
    'drafts.delete': mutating(async (input) => changed({ deleted: await deleteDraft(db, input.id) })),
    'drafts.attach': (input) => {
      const stored = storeAttachment(deps.dataDir, input.kind, input.fileName, input.bytes);
      return { id: stored.id, fileName: stored.fileName, mimeType: stored.mimeType, size: stored.size };
    },
    'drafts.attachment': (input) => ({
      fileName: input.fileName,
      mimeType: input.mimeType,
      bytes: readAttachment(deps.dataDir, input),
    }),
    'drafts.variableGaps': deps.variableGaps,
  };
}

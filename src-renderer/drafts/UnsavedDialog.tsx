/** Asks what to do with unsaved edits before leaving a draft: save them, throw them away, or stay. */
import { create } from 'zustand';
import { t } from '#shared/i18n';
import { Dialog } from '#renderer/ui/Dialog';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';
type Request = { name: string; resolve: (choice: UnsavedChoice) => void };

const useUnsaved = create<{ request: Request | null }>(() => ({ request: null }));

export function askUnsaved(name: string): Promise<UnsavedChoice> {
  return new Promise((resolve) => useUnsaved.setState({ request: { name, resolve } }));
}

export function UnsavedHost() {
  const request = useUnsaved((s) => s.request);
  if (!request) return null;
  const finish = (choice: UnsavedChoice) => {
    useUnsaved.setState({ request: null });
    request.resolve(choice);
  };
  return (
    <Dialog
      title={t('drafts.unsaved.title', { name: request.name })}
      onClose={() => finish('cancel')}
      testId="drafts-unsaved-dialog"
      footer={
        <>
          <button type="button" onClick={() => finish('cancel')}>
            {t('drafts.unsaved.stay')}
          </button>
          <button type="button" className="danger" onClick={() => finish('discard')}>
            {t('drafts.unsaved.discard')}
          </button>
          <button type="button" className="primary" onClick={() => finish('save')} autoFocus>
            {t('drafts.unsaved.save')}
          </button>
        </>
      }
    >
      <p>{t('drafts.unsaved.body')}</p>
    </Dialog>
  );
}

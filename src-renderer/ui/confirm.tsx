import { create } from 'zustand';
import { t } from '#shared/i18n';
import { Dialog } from './Dialog';

type Request = { title: string; body: string; confirmLabel: string; danger: boolean; resolve: (ok: boolean) => void };

const useConfirm = create<{ request: Request | null }>(() => ({ request: null }));

export type ConfirmOptions = { title: string; body: string; confirmLabel?: string; danger?: boolean };

/** Asks before a destructive step; resolves true when the user confirms. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    useConfirm.setState({
      request: {
        title: options.title,
        body: options.body,
        confirmLabel: options.confirmLabel ?? t('common.confirm'),
        danger: options.danger ?? true,
        resolve,
      },
    });
  });
}

export function ConfirmHost() {
  const request = useConfirm((s) => s.request);
  if (!request) return null;
  const finish = (ok: boolean) => {
    useConfirm.setState({ request: null });
    request.resolve(ok);
  };
  return (
    <Dialog
      title={request.title}
      onClose={() => finish(false)}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" onClick={() => finish(false)} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={request.danger ? 'danger' : 'primary'} onClick={() => finish(true)}>
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <p>{request.body}</p>
    </Dialog>
  );
}

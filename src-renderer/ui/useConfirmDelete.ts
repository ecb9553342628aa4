/**
 * Asks first, then runs a step that deletes (or otherwise cannot be taken back): busy while it runs,
 * and a failure becomes a toast unless `failures: 'keep'` keeps it for the caller to show.
 */
import { confirm, type ConfirmOptions } from './confirm';
import { useBusyAction, type BusyAction } from './useBusyAction';

export type ConfirmDelete = BusyAction & {
  /** Asks `question`; when confirmed runs `step`. True only if it was confirmed and succeeded. */
  confirmAndRun: (question: ConfirmOptions, step: () => Promise<unknown>) => Promise<boolean>;
};

export function useConfirmDelete(options: { failures?: 'keep' | 'toast' } = {}): ConfirmDelete {
  const action = useBusyAction({ failures: options.failures ?? 'toast' });
  const confirmAndRun = async (question: ConfirmOptions, step: () => Promise<unknown>): Promise<boolean> =>
    (await confirm(question)) && (await action.run(step));
  return { ...action, confirmAndRun };
}

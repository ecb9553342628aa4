/** A call the user starts: busy while it runs, and its failure kept as a message to show (or toasted). */
import { useState } from 'react';
import { errorMessage } from './api';
import { toast } from './toasts';

export type BusyAction = {
  busy: boolean;
  /** The last failure's message; always null when failures are toasted. */
  error: string | null;
  /** For messages that come from checks made before calling. */
  setError: (error: string | null) => void;
  /** Runs the call, clearing the last error; true if it succeeded, false if it failed. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
};

/**
 * `failures: 'keep'` (the default) keeps a failure's message in `error`, for the form to show next
 * to its fields; `'toast'` shows it as an error toast instead, for buttons that have no place for it.
 */
export function useBusyAction(options: { failures?: 'keep' | 'toast' } = {}): BusyAction {
  const toastFailures = options.failures === 'toast';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      if (toastFailures) toast.error(errorMessage(err));
      else setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

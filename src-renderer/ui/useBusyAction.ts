/** A call the user starts: busy while it runs, and its failure kept as a message to show. */
import { useState } from 'react';
import { errorMessage } from './api';

export type BusyAction = {
  busy: boolean;
  error: string | null;
  /** For messages that come from checks made before calling. */
  setError: (error: string | null) => void;
  /** Runs the call, clearing the last error; true if it succeeded, false if it failed (see `error`). */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
};

export function useBusyAction(): BusyAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

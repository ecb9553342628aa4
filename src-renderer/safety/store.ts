/**
 * Every account's safety figures (budget, warm-up, breakers), shared by the account cards, the
 * Overview and the campaign review. Loaded on demand and reloaded (at most every 2 s) when a
 * setting changes or campaigns send.
 */
import { create } from 'zustand';
import type { AccountSafety, SafetyPatch } from '#shared/safety';
import { api, errorMessage, onEvent } from '#renderer/ui/api';

export type SafetyState = {
  byAccount: Record<number, AccountSafety>;
  error: string | null;
};

export const useSafety = create<SafetyState>(() => ({ byAccount: {}, error: null }));

let asked = 0;
export async function loadSafety(): Promise<void> {
  const ticket = ++asked;
  try {
    const all = await api.safety.list({});
    if (ticket === asked) useSafety.setState({ byAccount: Object.fromEntries(all.map((s) => [s.accountId, s])), error: null });
  } catch (error) {
    if (ticket === asked) useSafety.setState({ error: errorMessage(error) });
  }
}

const THROTTLE_MS = 2000;
let following = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let subscribed = false;

function soon(): void {
  if (following === 0 || timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void loadSafety();
  }, THROTTLE_MS);
}

/** Loads the figures and keeps them current while a screen that shows them is open. */
export function followSafety(): () => void {
  if (!subscribed) {
    subscribed = true;
    onEvent('campaigns.progress', soon);
    onEvent('inbox.received', soon);
    onEvent('accounts.changed', soon);
    onEvent('safety.changed', () => {
      if (following > 0) void loadSafety();
    });
  }
  following++;
  void loadSafety();
  return () => {
    following--;
  };
}

/** Saves some of an account's safety settings; throws the plain-words error for the form to show. */
export async function saveSafety(accountId: number, patch: SafetyPatch): Promise<AccountSafety> {
  const next = await api.safety.set({ accountId, patch });
  useSafety.setState((s) => ({ byAccount: { ...s.byAccount, [accountId]: next } }));
  return next;
}

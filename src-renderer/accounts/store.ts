/** The WhatsApp accounts, kept live from `accounts.changed`; loaded once from the app root. */
import { create } from 'zustand';
import type { Account } from '../../src-shared/accounts';
import { api, errorMessage, onEvent } from '../ui/api';

type AccountsState = {
  accounts: Account[];
  loaded: boolean;
  error: string | null;
  refresh: () => Promise<void>;
};

const byId = (a: Account, b: Account) => a.id - b.id;

export const useAccounts = create<AccountsState>((set) => ({
  accounts: [],
  loaded: false,
  error: null,
  async refresh() {
    try {
      const accounts = await api.accounts.list();
      set({ accounts: [...accounts].sort(byId), loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: errorMessage(e) });
    }
  },
}));

/** Puts one account's new state in place (or removes it when `account` is null). */
export function applyAccountChange(id: number, account: Account | null): void {
  const { accounts } = useAccounts.getState();
  const others = accounts.filter((a) => a.id !== id);
  useAccounts.setState({ accounts: account ? [...others, account].sort(byId) : others });
}

let started = false;
/** Loads the accounts and follows their changes; call once from the app root. */
export function startAccounts(): void {
  if (started) return;
  started = true;
  void useAccounts.getState().refresh();
  onEvent('accounts.changed', ({ id, account }) => applyAccountChange(id, account));
}

export const isReady = (a: Account) => a.state === 'ready';

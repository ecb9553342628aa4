/** The WhatsApp accounts, kept live from `accounts.changed`; loaded once from the app root. */
import { create } from 'zustand';
import type { Account, DriverKind } from '#shared/accounts';
import type { MethodInput } from '#shared/contract';
import { t } from '#shared/i18n';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import { toast, useToasts } from '#renderer/ui/toasts';

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

/** The "Added …. Link it to start." toast of each new account, gone once the account is ready. */
const linkToasts = new Map<number, number>();

/** Puts one account's new state in place (or removes it when `account` is null). */
export function applyAccountChange(id: number, account: Account | null): void {
  const toastId = linkToasts.get(id);
  if (toastId !== undefined && (account === null || account.state === 'ready')) {
    linkToasts.delete(id);
    useToasts.getState().dismiss(toastId);
  }
  const { accounts } = useAccounts.getState();
  const others = accounts.filter((a) => a.id !== id);
  useAccounts.setState({ accounts: account ? [...others, account].sort(byId) : others });
}

/** Runs a call that answers with the account's new state, and shows it at once (events follow anyway). */
async function apply(call: Promise<Account>): Promise<Account> {
  const account = await call;
  applyAccountChange(account.id, account);
  return account;
}

export const accounts = {
  async create(label: string, driver: DriverKind): Promise<void> {
    const account = await apply(api.accounts.create({ label, driver }));
    linkToasts.set(account.id, toast.success(t('accounts.added', { label: account.label })));
  },

  connect(id: number, method: 'qr' | 'code', phone?: string): Promise<Account> {
    return apply(api.accounts.connect({ id, method, ...(phone ? { phone } : {}) }));
  },

  disconnect: (id: number) => apply(api.accounts.disconnect({ id })),

  rename: (id: number, label: string) => apply(api.accounts.rename({ id, label })),

  async unlink(account: Account): Promise<void> {
    await apply(api.accounts.unlink({ id: account.id }));
    toast.success(t('accounts.unlinked', { label: account.label }));
  },

  async remove(account: Account): Promise<void> {
    await api.accounts.remove({ id: account.id });
    applyAccountChange(account.id, null);
    toast.success(t('accounts.removed', { label: account.label }));
  },

  /** Makes the demo phone do something (receive a message, fail…); `done` is said once it did. */
  async simulate(id: number, action: MethodInput<'accounts.simulate'>['action'], done?: string): Promise<void> {
    await api.accounts.simulate({ id, action });
    if (done) toast.info(done);
  },

  /** A page of an account's activity log (all accounts when `accountId` is null). */
  events: (input: MethodInput<'accounts.events'>) => api.accounts.events(input),
};

let started = false;
/** Loads the accounts and follows their changes; call once from the app root. */
export function startAccounts(): void {
  if (started) return;
  started = true;
  void useAccounts.getState().refresh();
  onEvent('accounts.changed', ({ id, account }) => applyAccountChange(id, account));
}

export const isReady = (a: Account) => a.state === 'ready';

import type { Kernel } from '#main/kernel/context';
import type { HandlersOf } from '#main/kernel/handlers';
import type { AccountManager } from './account-manager';
import type { NumberChecks } from './number-check';
import { listEvents, listIncoming } from './repo';

/**
 * Linked WhatsApp accounts, the number checks run over them, and the messages they received. The
 * account manager and the checks wait for an import's write lock themselves (their `writable`).
 */
export function accountsHandlers(
  { db }: Kernel,
  accounts: AccountManager,
  checks: NumberChecks,
): HandlersOf<'accounts' | 'checks' | 'inbox'> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input.label, input.driver),
    'accounts.rename': (input) => accounts.rename(input.id, input.label),
    'accounts.connect': (input) => accounts.connect(input),
    'accounts.disconnect': (input) => accounts.disconnect(input.id),
    'accounts.unlink': (input) => accounts.unlink(input.id),
    'accounts.remove': async (input) => ({ removed: await accounts.remove(input.id) }),
    'accounts.simulate': (input) => accounts.simulate(input),
    'accounts.events': (input) => listEvents(db, input),

    'checks.start': (input) => checks.start(input.accountId, input.selection, input.skipCheckedWithinDays),
    'checks.preview': (input) => checks.preview(input.selection, input.withinDays),
    'checks.cancel': (input) => checks.cancel(input.checkId),
    'checks.active': () => checks.active(),

    'inbox.list': (input) => listIncoming(db, input),
  };
}

/** An account's connection state as a badge: colour, icon and word together. */
import type { Account, AccountState } from '#shared/accounts';
import { t } from '#shared/i18n';
import { Icon, type IconName } from '#renderer/ui/Icon';
import { ACCOUNTS_STATE } from '#shared/i18n/keys';

type Tone = 'ok' | 'busy' | 'idle' | 'bad';

const TONE: Record<AccountState, Tone> = {
  ready: 'ok',
  starting: 'busy',
  qr: 'busy',
  pairing: 'busy',
  authenticating: 'busy',
  reconnecting: 'busy',
  disconnected: 'idle',
  loggedOut: 'idle',
  blocked: 'bad',
  failed: 'bad',
};

const ICON: Record<Tone, IconName> = { ok: 'ok', busy: 'clock', idle: 'minus', bad: 'warning' };

function stateLabel(account: Pick<Account, 'state' | 'linked'>): string {
  if (account.state === 'disconnected' && !account.linked) return t('accounts.state.notLinked');
  return t(ACCOUNTS_STATE[account.state]);
}

export function StateBadge({ account }: { account: Pick<Account, 'state' | 'linked'> }) {
  const tone = TONE[account.state];
  return (
    <span className={`state-badge ${tone}`} data-testid="account-state" data-state={account.state}>
      <Icon name={ICON[tone]} size={14} />
      {stateLabel(account)}
    </span>
  );
}

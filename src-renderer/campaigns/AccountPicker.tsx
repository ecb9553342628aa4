/** Which linked accounts send: each with its state; several take turns. */
import type { Account } from '#shared/accounts';
import { t } from '#shared/i18n';
import { StateBadge } from '#renderer/accounts/StateBadge';
import { useAccounts } from '#renderer/accounts/store';
import { useNav } from '#renderer/ui/nav';

export function AccountPicker({ value, onChange }: { value: number[]; onChange: (ids: number[]) => void }) {
  const accounts = useAccounts((s) => s.accounts);
  const loaded = useAccounts((s) => s.loaded);
  if (loaded && accounts.length === 0) {
    return (
      <div className="banner warn" data-testid="campaign-no-accounts">
        <p>{t('campaigns.accounts.none')}</p>
        <button type="button" onClick={() => useNav.getState().go('accounts')}>
          {t('campaigns.accounts.goLink')}
        </button>
      </div>
    );
  }
  const toggle = (account: Account, on: boolean) =>
    onChange(on ? [...value.filter((id) => id !== account.id), account.id] : value.filter((id) => id !== account.id));
  const chosen = accounts.filter((a) => value.includes(a.id));
  const waiting = chosen.filter((a) => a.state !== 'ready');
  // A picked account that was removed since would only fail at start: show it so it can be unticked.
  const missing = value.filter((id) => !accounts.some((a) => a.id === id));
  return (
    <div className="cmp-accounts">
      <ul className="cmp-pick-list">
        {accounts.map((a) => (
          <li key={a.id}>
            <label className="check" data-testid="campaign-account">
              <input type="checkbox" checked={value.includes(a.id)} onChange={(e) => toggle(a, e.target.checked)} />
              <bdi className="grow">{a.label}</bdi>
              {a.phone && <span className="muted small phone">{a.phone}</span>}
              <StateBadge account={a} />
            </label>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <p className="error-text small">
          {t('campaigns.accounts.missing', { count: missing.length })}{' '}
          <button type="button" className="link" onClick={() => onChange(value.filter((id) => !missing.includes(id)))}>
            {t('campaigns.accounts.dropMissing')}
          </button>
        </p>
      )}
      <p className="muted small">{t('campaigns.accounts.onlyReady')}</p>
      {waiting.length > 0 && (
        <p className="banner warn small" data-testid="campaign-accounts-waiting">
          {t('campaigns.accounts.waiting', { labels: waiting.map((a) => a.label).join(', '), count: waiting.length })}
        </p>
      )}
      {chosen.length > 1 && <p className="muted small">{t('campaigns.accounts.rotation', { count: chosen.length })}</p>}
    </div>
  );
}

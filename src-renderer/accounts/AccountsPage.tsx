/** WhatsApp accounts: add, link (QR or pairing code), reconnect, unlink, remove; and their activity log. */
import { useState } from 'react';
import { create } from 'zustand';
import type { DriverKind } from '#shared/accounts';
import { t } from '#shared/i18n';
import { AccountCard } from './AccountCard';
import { ActivityLog } from './ActivityLog';
import { AddAccountDialog } from './AddAccountDialog';
import { useAccounts } from './store';

type Tab = 'accounts' | 'activity';
/** The open tab outlives the page, so coming back shows what was last looked at. */
const useTab = create<{ tab: Tab }>(() => ({ tab: 'accounts' }));

export function AccountsPage() {
  const tab = useTab((s) => s.tab);
  const [adding, setAdding] = useState<DriverKind | null>(null);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'accounts', label: t('accounts.tab.accounts') },
    { id: 'activity', label: t('accounts.tab.activity') },
  ];
  return (
    <section className="page" aria-labelledby="accounts-title">
      <div className="page-head">
        <h1 id="accounts-title">{t('accounts.title')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setAdding('simulator')} data-testid="account-add">
          + {t('accounts.add')}
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label={t('accounts.title')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`accounts-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`accounts-panel-${x.id}`}
            className={tab === x.id ? 'tab active' : 'tab'}
            onClick={() => useTab.setState({ tab: x.id })}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`accounts-panel-${tab}`} aria-labelledby={`accounts-tab-${tab}`} className="tabpanel">
        {tab === 'accounts' ? <AccountList onAdd={setAdding} /> : <ActivityLog />}
      </div>
      {adding && <AddAccountDialog initialKind={adding} onClose={() => setAdding(null)} />}
    </section>
  );
}

function AccountList({ onAdd }: { onAdd: (kind: DriverKind) => void }) {
  const { accounts, loaded, error } = useAccounts();
  if (error && accounts.length === 0) {
    return (
      <div className="banner error" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => void useAccounts.getState().refresh()}>
          {t('accounts.retry')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="empty">{t('common.loading')}</p>;
  if (accounts.length === 0) {
    return (
      <div className="panel welcome" data-testid="accounts-empty">
        <h2>{t('accounts.empty.title')}</h2>
        <p>{t('accounts.empty.body')}</p>
        <p className="muted">{t('accounts.empty.real')}</p>
        <div className="row">
          <button type="button" className="primary" onClick={() => onAdd('simulator')}>
            {t('accounts.empty.addDemo')}
          </button>
          <button type="button" onClick={() => onAdd('wweb')}>
            {t('accounts.empty.addReal')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="cards account-cards" data-testid="accounts">
      {accounts.map((a) => (
        <AccountCard key={a.id} account={a} />
      ))}
    </div>
  );
}

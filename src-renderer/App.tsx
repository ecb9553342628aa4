import { useLocale } from './i18n/locale';
import { useEffect } from 'react';
import { t, type MessageKey } from '#shared/i18n';
import { onEvent, useConnection } from './ui/api';
import { CheckBanner, CheckDialogHost } from './checks/CheckNumbers';
import { ConfirmHost } from './ui/confirm';
import { ReportExportHost } from './reports/ExportReportDialog';
import { Toasts } from './ui/Toasts';
import { AccountsPage } from './accounts/AccountsPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { ContactsPage } from './contacts/ContactsPage';
import { DraftsPage } from './drafts/DraftsPage';
import { GroupsPage } from './groups/GroupsPage';
import { ImportPage } from './import/ImportPage';
import { InboxPage } from './inbox/InboxPage';
import { ListsPage } from './lists/ListsPage';
import { OverviewPage } from './overview/OverviewPage';
import { SettingsPage } from './settings/SettingsPage';
import { SuppressionsPage } from './suppressions/SuppressionsPage';
import { UsagePage } from './usage/UsagePage';
import { startAccounts, useAccounts } from './accounts/store';
import { runningCount, startCampaigns, useCampaigns } from './campaigns/store';
import { startChecks } from './checks/store';
import { startInbox, useInbox } from './inbox/store';
import { useNav, type Page } from './ui/nav';
import { startGroups, useGroups } from './groups/store';
import { startLists } from './lists/store';
import { startContacts } from './contacts/store';
import { startSettings } from './settings/store';
import { openedAfterRestore, reloadAfterRestore } from './settings/backups-store';
import { startSuppressions } from './suppressions/store';
import { startFirstRun } from './firstrun/store';
import { WelcomeHost } from './firstrun/Welcome';
import { startShellLinks } from './ui/shell-links';

// Icons are inline SVG paths (24×24), so they look the same on every system, emoji font or not.
const NAV: { page: Page; label: MessageKey; icon: string }[] = [
  { page: 'overview', label: 'nav.overview', icon: 'M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10' },
  { page: 'contacts', label: 'nav.contacts', icon: 'M16 11a4 4 0 1 0-8 0 4 4 0 0 0 8 0zM4 21c0-4 4-6 8-6s8 2 8 6' },
  { page: 'groups', label: 'nav.groups', icon: 'M3 7h7l2 2h9v10H3zM3 7V5h6' },
  { page: 'lists', label: 'nav.lists', icon: 'M4 6h16M7 12h10M10 18h4' },
  { page: 'drafts', label: 'nav.drafts', icon: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4' },
  { page: 'campaigns', label: 'nav.campaigns', icon: 'M3 11l17-7-5 17-3-7zM12 14l8-10' },
  { page: 'blacklist', label: 'nav.blacklist', icon: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8' },
  { page: 'graylist', label: 'nav.graylist', icon: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM10 9v6M14 9v6' },
  { page: 'import', label: 'nav.import', icon: 'M12 3v12M7 10l5 5 5-5M4 20h16' },
  { page: 'inbox', label: 'nav.inbox', icon: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5' },
  { page: 'accounts', label: 'nav.accounts', icon: 'M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2' },
  { page: 'usage', label: 'nav.usage', icon: 'M4 20V10M10 20V4M16 20v-8M22 20H2' },
  { page: 'settings', label: 'nav.settings', icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1' },
];

function NavIcon({ d }: { d: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

function CurrentPage({ page }: { page: Page }) {
  switch (page) {
    case 'overview':
      return <OverviewPage />;
    case 'contacts':
      return <ContactsPage />;
    case 'groups':
      return <GroupsPage />;
    case 'lists':
      return <ListsPage />;
    case 'drafts':
      return <DraftsPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'blacklist':
      return <SuppressionsPage kind="black" />;
    case 'graylist':
      return <SuppressionsPage kind="gray" />;
    case 'import':
      return <ImportPage />;
    case 'inbox':
      return <InboxPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'usage':
      return <UsagePage />;
  }
}

export function App() {
  const { page, go } = useNav();
  // Every screen is drawn again in a new language or calendar (stores keep their data).
  const language = useLocale((s) => s.language);
  const calendar = useLocale((s) => s.calendar);
  const connection = useConnection((s) => s.state);
  const groupsCount = useGroups((s) => s.groups.length);
  const unread = useInbox((s) => s.unread);
  const running = useCampaigns(runningCount);
  const attention = useAccounts((s) => s.accounts.filter((a) => a.state === 'blocked' || a.state === 'failed').length);
  useEffect(() => {
    startGroups();
    startLists();
    startContacts();
    startSettings();
    startSuppressions();
    startAccounts();
    startChecks();
    startInbox();
    startCampaigns();
    startFirstRun();
    startShellLinks();
  }, []);
  useEffect(() => {
    // A restore (from this window or another) replaced the data: load everything again.
    const off = onEvent('backups.restored', () => reloadAfterRestore());
    if (openedAfterRestore()) go('settings');
    return off;
  }, [go]);
  useEffect(() => {
    // Alt+1…9 and Alt+0 move between the first ten pages from anywhere.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !/^[0-9]$/.test(e.key)) return;
      const index = e.key === '0' ? 9 : Number(e.key) - 1;
      const target = NAV[index];
      if (target) {
        e.preventDefault();
        go(target.page);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  return (
    <>
      <div className="shell" key={`${language}-${calendar}`}>
        <nav className="sidebar" aria-label={t('nav.main')}>
          <div className="brand">
            <img src="./pigeon.svg" alt="" width={28} height={28} />
            <span>{t('app.name')}</span>
          </div>
          {NAV.map((item, i) => (
            <button
              key={item.page}
              type="button"
              className={page === item.page ? 'nav-item active' : 'nav-item'}
              aria-current={page === item.page ? 'page' : undefined}
              title={i < 10 ? `Alt+${(i + 1) % 10}` : undefined}
              onClick={() => go(item.page)}
            >
              <NavIcon d={item.icon} />
              {t(item.label)}
              {item.page === 'groups' && groupsCount > 0 && <span className="nav-badge">{groupsCount}</span>}
              {item.page === 'campaigns' && running > 0 && (
                <span className="nav-badge" title={t('nav.campaignsRunning', { count: running })} data-testid="nav-campaigns-running">
                  {running}
                </span>
              )}
              {item.page === 'inbox' && unread > 0 && (
                <span className="nav-badge new" title={t('nav.inboxNew', { count: unread })}>
                  {unread}
                </span>
              )}
              {item.page === 'accounts' && attention > 0 && (
                <span className="nav-badge alert" title={t('nav.accountsAttention', { count: attention })}>
                  !
                </span>
              )}
            </button>
          ))}
        </nav>
        <main className="content">
          {connection === 'closed' && <div className="banner error">{t('nav.disconnected')}</div>}
          <CheckBanner />
          <CurrentPage page={page} />
        </main>
        <Toasts />
        <CheckDialogHost />
        <ConfirmHost />
        <ReportExportHost />
      </div>
      {/* Outside the shell, so a language chosen in it redraws the welcome without closing it. */}
      <WelcomeHost />
    </>
  );
}

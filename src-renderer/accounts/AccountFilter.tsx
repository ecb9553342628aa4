/** Picks the account a list shows, or every account. */
import { t } from '#shared/i18n';
import { useAccounts } from './store';

export function AccountFilter({ value, onChange }: { value: number | null; onChange: (accountId: number | null) => void }) {
  const accounts = useAccounts((s) => s.accounts);
  return (
    <select className="filter-select" aria-label={t('activity.filter.account')} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{t('activity.filter.allAccounts')}</option>
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.label}
        </option>
      ))}
    </select>
  );
}

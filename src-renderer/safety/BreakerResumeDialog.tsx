/**
 * Resuming a campaign whose account's breaker tripped: the figures of each tripped account, what
 * resuming does (a fresh count from now on), and a confirmation. The figures come from
 * `safety.get` (the database), not from the campaign's reason.
 */
import type { AccountSafety } from '#shared/safety';
import { t } from '#shared/i18n';
import { api } from '#renderer/ui/api';
import { Dialog } from '#renderer/ui/Dialog';
import { BreakerFiguresTable } from './BreakerFiguresTable';
import './breaker.css';

/** The campaign's accounts whose breaker tripped now (none: resume without asking). */
export async function trippedBreakers(accountIds: readonly number[]): Promise<{ safety: AccountSafety; label: string }[]> {
  const [all, accounts] = await Promise.all([Promise.all(accountIds.map((accountId) => api.safety.get({ accountId }))), api.accounts.list({})]);
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  return all.filter((s) => s.breaker.trip !== null).map((safety) => ({ safety, label: labels.get(safety.accountId) ?? `#${safety.accountId}` }));
}

type Props = {
  name: string;
  tripped: { safety: AccountSafety; label: string }[];
  onResume: () => void;
  onCancel: () => void;
};

export function BreakerResumeDialog({ name, tripped, onResume, onCancel }: Props) {
  return (
    <Dialog
      title={t('breaker.resume.title', { name })}
      onClose={onCancel}
      testId="breaker-resume-dialog"
      footer={
        <>
          <button type="button" onClick={onCancel} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={onResume} data-testid="breaker-resume-confirm">
            {t('breaker.resume.confirm')}
          </button>
        </>
      }
    >
      {tripped.map(({ safety, label }) => (
        <section key={safety.accountId}>
          <p>{t('breaker.resume.body', { label })}</p>
          <BreakerFiguresTable figures={safety.breaker} limits={safety.settings.breaker} />
        </section>
      ))}
      <p className="muted small">{t('breaker.resume.after')}</p>
    </Dialog>
  );
}

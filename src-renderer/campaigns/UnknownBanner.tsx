/**
 * Messages left "unknown" (WhatsApp never confirmed them: an error while sending, a crash, an account
 * removed): say what that means, and let the user decide.
 */
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { toast } from '#renderer/ui/toasts';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { campaigns } from './store';
import { ErrorText } from '#renderer/ui/ErrorText';
import { CAMPAIGNS_UNKNOWN, CAMPAIGNS_UNKNOWN_BODY, CAMPAIGNS_UNKNOWN_DONE, CAMPAIGNS_UNKNOWN_TITLE } from '#shared/i18n/keys';

export function UnknownBanner({ campaign }: { campaign: Campaign }) {
  const count = campaign.counts.unknown;
  const { busy, error, confirmAndRun } = useConfirmDelete({ failures: 'keep' });
  if (count === 0) return null;
  const resolve = async (action: 'resend' | 'drop') => {
    const question = {
      title: t(CAMPAIGNS_UNKNOWN_TITLE[action], { count }),
      body: t(CAMPAIGNS_UNKNOWN_BODY[action], { count }),
      confirmLabel: t(CAMPAIGNS_UNKNOWN[action]),
      danger: action === 'resend',
    };
    let changed = 0;
    const done = await confirmAndRun(question, async () => {
      changed = await campaigns.resolveUnknown(campaign.id, action);
    });
    if (done) toast.success(t(CAMPAIGNS_UNKNOWN_DONE[action], { count: changed }));
  };
  return (
    <div className="banner warn cmp-unknown" role="region" aria-label={t('campaigns.unknown.title', { count })} data-testid="unknown-banner">
      <p>
        <strong>{t('campaigns.unknown.title', { count })}</strong>
      </p>
      <p>{t('campaigns.unknown.body')}</p>
      <div className="row">
        <button type="button" onClick={() => void resolve('resend')} disabled={busy}>
          {t('campaigns.unknown.resend')}
        </button>
        <button type="button" onClick={() => void resolve('drop')} disabled={busy}>
          {t('campaigns.unknown.drop')}
        </button>
      </div>
      <ErrorText error={error} />
    </div>
  );
}

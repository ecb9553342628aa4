/**
 * Messages left "unknown" (WhatsApp never confirmed them: an error while sending, a crash, an account
 * removed): say what that means, and let the user decide.
 */
import type { Campaign } from '../../src-shared/campaigns';
import { t } from '../../src-shared/i18n';
import { api } from '../ui/api';
import { useBusyAction } from '../ui/useBusyAction';
import { toast } from '../ui/toasts';
import { confirm } from '../ui/confirm';
import { ErrorText } from '../ui/ErrorText';

export function UnknownBanner({ campaign }: { campaign: Campaign }) {
  const count = campaign.counts.unknown;
  const { busy, error, run } = useBusyAction();
  if (count === 0) return null;
  const resolve = async (action: 'resend' | 'drop') => {
    const ok = await confirm({
      title: t(`campaigns.unknown.${action}.title`, { count }),
      body: t(`campaigns.unknown.${action}.body`, { count }),
      confirmLabel: t(`campaigns.unknown.${action}`),
      danger: action === 'resend',
    });
    if (!ok) return;
    let changed = 0;
    const done = await run(async () => {
      changed = (await api.campaigns.resolveUnknown({ id: campaign.id, action })).changed;
    });
    if (done) toast.success(t(`campaigns.unknown.${action}.done`, { count: changed }));
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

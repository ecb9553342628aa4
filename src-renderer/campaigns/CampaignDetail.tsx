/** One campaign: live progress, what can be done with it, its set-up and its recipients. */
import { useCallback, useEffect, useState } from 'react';
import { t } from '#shared/i18n';
import { campaigns, showList, useCampaigns } from './store';
import { CampaignActions } from './CampaignActions';
import { CampaignFacts } from './CampaignFacts';
import { ChangePaceDialog } from './ChangePaceDialog';
import { LiveProgress, PreparingPanel } from './LiveProgress';
import { RecipientsTable } from './RecipientsTable';
import { StatusBadge } from './StatusBadge';
import { UnknownBanner } from './UnknownBanner';

const REASON_TONE: Partial<Record<string, string>> = { paused: 'warn', failed: 'error', cancelled: 'info', completed: 'ok' };

export function CampaignDetail({ id }: { id: number }) {
  const campaign = useCampaigns((s) => s.campaigns.find((c) => c.id === id));
  const progress = useCampaigns((s) => s.progress[id]);
  const loaded = useCampaigns((s) => s.loaded);
  const [changingPace, setChangingPace] = useState(false);
  const closePace = useCallback(() => setChangingPace(false), []);

  // The rate, ETA and waiting message come with progress; ask for them once on opening.
  useEffect(() => {
    campaigns.readProgress(id).catch(() => undefined);
  }, [id]);

  if (!campaign) {
    return (
      <section className="page">
        <button type="button" onClick={showList}>
          <span className="flip-rtl" aria-hidden="true">←</span> {t('campaigns.back')}
        </button>
        <p className="empty">{loaded ? t('campaigns.detail.gone') : t('common.loading')}</p>
      </section>
    );
  }
  const tone = REASON_TONE[campaign.status] ?? 'info';
  const notStarted = campaign.status === 'draft' || campaign.status === 'scheduled';
  return (
    <section className="page cmp-detail" aria-labelledby="campaign-title" data-testid="campaign-detail">
      <div className="page-head">
        <button type="button" onClick={showList} data-testid="campaigns-back">
          <span className="flip-rtl" aria-hidden="true">←</span> {t('campaigns.back')}
        </button>
        <h1 id="campaign-title">
          <bdi>{campaign.name}</bdi>
        </h1>
        <StatusBadge status={campaign.status} preparing={campaign.preparing} />
      </div>
      <CampaignActions campaign={campaign} onChangePace={() => setChangingPace(true)} />
      {campaign.statusReason && (
        <p className={`banner ${tone === 'info' ? 'cmp-note' : tone}`} data-testid="campaign-reason">
          {campaign.statusReason}
        </p>
      )}
      <UnknownBanner campaign={campaign} />
      {notStarted ? (
        <p className="panel muted" data-testid="campaign-not-started">
          {campaign.status === 'draft' ? t('campaigns.detail.draftNote') : t('campaigns.detail.scheduledNote')}
        </p>
      ) : campaign.preparing ? (
        <PreparingPanel paused={campaign.status === 'paused'} />
      ) : (
        <LiveProgress campaign={campaign} progress={progress} />
      )}
      <div className="cmp-detail-grid">
        {/* While preparing, the list is still being written: it shows once it is whole. */}
        {!notStarted && !campaign.preparing && <RecipientsTable campaignId={campaign.id} counts={campaign.counts} />}
        <CampaignFacts campaign={campaign} />
      </div>
      {changingPace && <ChangePaceDialog campaign={campaign} onClose={closePace} />}
    </section>
  );
}

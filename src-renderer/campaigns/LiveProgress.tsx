/** A campaign's live figures: the bar, each count, rate, time left, who sends and what it waits for. */
import type { Campaign, CampaignProgress } from '#shared/campaigns';
import { formatNumber, t } from '#shared/i18n';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useAccounts } from '#renderer/accounts/store';
import { Icon } from '#renderer/ui/Icon';
import { IndeterminateBar, ProgressBar } from '#renderer/ui/ProgressBar';
import { formatEta, formatRate, progressOf, sentTotal } from './text';

function Stat({ id, value, label, tone }: { id: string; value: number; label: string; tone?: string }) {
  return (
    <div className={tone ? `stat cmp-stat ${tone}` : 'stat cmp-stat'} data-testid={`stat-${id}`} data-value={value}>
      <b>{formatNumber(value)}</b>
      <span>{label}</span>
    </div>
  );
}

/** A started campaign whose recipients are still being prepared (or paused meanwhile): nothing is sent yet. */
export function PreparingPanel({ paused }: { paused: boolean }) {
  return (
    <section className="panel cmp-live" aria-label={t('campaigns.detail.progress')} data-testid="campaign-preparing">
      {paused ? <p>{t('campaigns.detail.pausedPreparing')}</p> : <IndeterminateBar label={t('cq.wait.preparing')} />}
      <p className="muted small">{t(paused ? 'campaigns.detail.pausedPreparingHelp' : 'campaigns.detail.preparingHelp')}</p>
    </section>
  );
}

export function LiveProgress({ campaign, progress }: { campaign: Campaign; progress: CampaignProgress | undefined }) {
  const accounts = useAccounts((s) => s.accounts);
  const counts = progress?.counts ?? campaign.counts;
  const status = progress?.status ?? campaign.status;
  const live = status === 'running';
  const sender = progress?.sendingAccountId != null ? accounts.find((a) => a.id === progress.sendingAccountId) : undefined;
  return (
    <section className="panel cmp-live" aria-label={t('campaigns.detail.progress')} data-testid="campaign-progress">
      <ProgressBar {...progressOf(counts, status)} />
      <div className="stats cmp-stats">
        <Stat id="sent" value={sentTotal(counts)} label={t('campaigns.count.sent')} />
        <Stat id="delivered" value={counts.delivered + counts.read} label={t('campaigns.count.delivered')} />
        <Stat id="read" value={counts.read} label={t('campaigns.count.read')} />
        <Stat id="failed" value={counts.failed} label={t('campaigns.count.failed')} tone={counts.failed > 0 ? 'bad' : undefined} />
        <Stat id="skipped" value={counts.skipped} label={t('campaigns.count.skipped')} />
        <Stat id="queued" value={counts.queued + counts.sending} label={t('campaigns.count.queued')} />
        {counts.unknown > 0 && <Stat id="unknown" value={counts.unknown} label={t('campaigns.count.unknown')} tone="warn" />}
      </div>
      <p className="muted small">{t('campaigns.detail.countsHelp')}</p>
      {live && progress && (
        <dl className="cmp-facts-inline" data-testid="campaign-live">
          <div>
            <dt>{t('campaigns.detail.rate')}</dt>
            <dd data-testid="campaign-rate">{formatRate(progress.ratePerMinute)}</dd>
          </div>
          {progress.etaMs !== null && (
            <div>
              <dt>{t('campaigns.detail.eta')}</dt>
              <dd data-testid="campaign-eta">{formatEta(progress.etaMs)}</dd>
            </div>
          )}
          {sender && (
            <div>
              <dt>{t('campaigns.detail.sender')}</dt>
              <dd data-testid="campaign-sender">
                <bdi>{sender.label}</bdi>
              </dd>
            </div>
          )}
          {progress.nextAt && (
            <div>
              <dt>{t('campaigns.detail.nextAt')}</dt>
              <dd>
                <time dateTime={progress.nextAt} title={formatFull(progress.nextAt)}>
                  {formatWhen(progress.nextAt)}
                </time>
              </dd>
            </div>
          )}
        </dl>
      )}
      {live && progress?.waiting && (
        <p className="account-note" data-testid="campaign-waiting">
          <Icon name="clock" size={14} />
          {progress.waiting}
        </p>
      )}
    </section>
  );
}

/**
 * The home page: what went out today on each number and what is left of its cap, the campaigns
 * in progress, account health, the latest replies and opt-outs, and 30 days of delivery and read
 * rates. It follows the live events while shown.
 */
import { useEffect, useMemo } from 'react';
import type { IncomingMessage } from '#shared/accounts';
import { formatNumber, t } from '#shared/i18n';
import type { Overview, OverviewAccount, OverviewCampaign } from '#shared/overview';
import { formatPhoneInternational } from '#shared/phone';
import { StateBadge } from '#renderer/accounts/StateBadge';
import { showCampaign } from '#renderer/campaigns/store';
import { StatusBadge } from '#renderer/campaigns/StatusBadge';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useNav } from '#renderer/ui/nav';
import { Checklist } from '#renderer/firstrun/Checklist';
import { ProgressBar } from '#renderer/ui/ProgressBar';
import { OverviewBudget } from '#renderer/safety/OverviewBudget';
import { TimeChart } from '#renderer/ui/TimeChart';
import { dailyRates, rateSummary } from './model';
import { followOverview, useOverview } from './store';
import './overview.css';

export function OverviewPage() {
  const { overview, error } = useOverview();
  useEffect(() => followOverview(), []);
  return (
    <section className="page overview" aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">{t('overview.title')}</h1>
        {overview && (
          <span className="badge" data-testid="overview-sent-today">
            {t('overview.sentToday', { count: overview.sentToday })}
          </span>
        )}
      </div>
      <Checklist where="overview" />
      {error && <p className="error">{t('overview.loadFailed', { message: error })}</p>}
      {overview && <OverviewBody overview={overview} />}
    </section>
  );
}

function OverviewBody({ overview }: { overview: Overview }) {
  return (
    <div className="overview-grid">
      <article className="card" aria-labelledby="ov-accounts">
        <h2 id="ov-accounts">{t('overview.accounts')}</h2>
        {overview.accounts.length === 0 ? (
          <p className="muted">
            {t('overview.noAccounts')}{' '}
            <button type="button" className="link" onClick={() => useNav.getState().go('accounts')}>
              {t('overview.goAccounts')}
            </button>
          </p>
        ) : (
          <ul className="ov-list">
            {overview.accounts.map((a) => (
              <AccountLine key={a.accountId} account={a} />
            ))}
          </ul>
        )}
      </article>
      <article className="card" aria-labelledby="ov-campaigns">
        <h2 id="ov-campaigns">{t('overview.campaigns')}</h2>
        {overview.campaigns.length === 0 ? (
          <p className="muted">{t('overview.noCampaigns')}</p>
        ) : (
          <ul className="ov-list">
            {overview.campaigns.map((c) => (
              <CampaignLine key={c.id} campaign={c} />
            ))}
          </ul>
        )}
      </article>
      <RatesCard overview={overview} />
      <MessagesCard title={t('overview.replies')} empty={t('overview.noReplies')} messages={overview.replies} testId="ov-replies" />
      <MessagesCard title={t('overview.optOuts')} empty={t('overview.noOptOuts')} messages={overview.optOuts} testId="ov-optouts" />
    </div>
  );
}

function AccountLine({ account: a }: { account: OverviewAccount }) {
  return (
    <li data-testid="ov-account" aria-label={a.label}>
      <div className="ov-line">
        <bdi className="ov-name">{a.label}</bdi>
        <StateBadge account={a} />
      </div>
      {a.stateDetail && <div className="muted small">{a.stateDetail}</div>}
      <div className="ov-line small">
        <span data-testid="ov-account-sent">{t('overview.account.sent', { count: a.sentToday })}</span>
        {a.cap === null && <span className="muted">{t('overview.account.noCap')}</span>}
      </div>
      {a.cap !== null && (
        <ProgressBar
          done={a.sentToday}
          total={a.cap}
          label={a.capLeft === 0 ? t('overview.account.capReached') : t('overview.account.capLeft', { left: a.capLeft ?? 0, cap: a.cap })}
        />
      )}
      <OverviewBudget accountId={a.accountId} />
    </li>
  );
}

function CampaignLine({ campaign: c }: { campaign: OverviewCampaign }) {
  const { counts } = c.progress;
  const done = counts.total - counts.queued - counts.sending;
  const open = () => {
    showCampaign(c.id);
    useNav.getState().go('campaigns');
  };
  return (
    <li data-testid="ov-campaign" aria-label={c.name}>
      <div className="ov-line">
        <bdi className="ov-name">{c.name}</bdi>
        <StatusBadge status={c.status} />
        <span className="spacer" />
        <button type="button" className="small" onClick={open}>
          {t('overview.campaign.open')}
        </button>
      </div>
      {c.status === 'scheduled' && c.dueAt ? (
        <div className="muted small" title={formatFull(c.dueAt)}>
          {t('overview.campaign.due', { at: formatWhen(c.dueAt) })}
        </div>
      ) : (
        <>
          <ProgressBar done={done} total={Math.max(counts.total, 1)} label={t('overview.campaign.progress', { done, total: counts.total })} />
          {c.progress.waiting && <div className="muted small">{c.progress.waiting}</div>}
        </>
      )}
    </li>
  );
}

function RatesCard({ overview }: { overview: Overview }) {
  const summary = rateSummary(overview.days);
  const times = useMemo(() => overview.days.map((d) => Date.parse(d.day)), [overview.days]);
  const rates = dailyRates(overview.days);
  return (
    <article className="card ov-wide" aria-labelledby="ov-rates">
      <div className="ov-line">
        <h2 id="ov-rates">{t('overview.rates')}</h2>
        <span className="muted small" data-testid="ov-rates-summary">
          {summary.sent === 0 ? t('overview.rates.none') : t('overview.rates.summary', { sent: summary.sent, delivered: summary.delivered, read: summary.read })}
        </span>
      </div>
      <TimeChart
        label={t('overview.rates.chart')}
        kind="lines"
        height={200}
        times={times}
        formatValue={(v) => formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 0 })}
        range={[0, 100]}
        series={[
          { label: t('overview.series.delivered'), color: '#0f766e', values: rates.delivered },
          { label: t('overview.series.read'), color: '#2563eb', values: rates.read },
        ]}
      />
      <TimeChart
        label={t('overview.rates.chart')}
        kind="bars"
        height={120}
        times={times}
        series={[{ label: t('overview.series.sent'), color: '#94a3b8', values: overview.days.map((d) => d.sent) }]}
      />
    </article>
  );
}

function MessagesCard({ title, empty, messages, testId }: { title: string; empty: string; messages: IncomingMessage[]; testId: string }) {
  return (
    <article className="card" aria-label={title} data-testid={testId}>
      <div className="ov-line">
        <h2>{title}</h2>
        <span className="spacer" />
        <button type="button" className="link small" onClick={() => useNav.getState().go('inbox')}>
          {t('overview.seeInbox')}
        </button>
      </div>
      {messages.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="ov-list">
          {messages.map((m) => (
            <li key={m.id}>
              <div className="ov-line small">
                <bdi className="ov-name">{m.contactName || formatPhoneInternational(m.fromPhone)}</bdi>
                <span className="muted" title={formatFull(m.receivedAt)}>
                  {formatWhen(m.receivedAt)}
                </span>
              </div>
              <div className="ov-body" dir="auto">
                {m.body}
              </div>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

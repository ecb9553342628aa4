/** Every campaign, newest first: state, progress and figures; or what campaigns are, when none. */
import { useState } from 'react';
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useAccounts } from '#renderer/accounts/store';
import { showCampaign, useCampaigns } from './store';
import { useDrafts } from '#renderer/drafts/store';
import { useNav } from '#renderer/ui/nav';
import { IndeterminateBar, ProgressBar } from '#renderer/ui/ProgressBar';
import { MAX_EXPORT_CAMPAIGNS, openReportExport } from '#renderer/reports/exportStore';
import { CountsLine } from './CountsLine';
import { localTimeZone } from './model';
import { StatusBadge } from './StatusBadge';
import { formatInZone, progressOf } from './text';
import type { HistoryRow } from '#shared/history';
import { HistoryBar, HistoryFiguresLine } from '#renderer/history/HistoryBar';
import { useHistory } from '#renderer/history/store';

/** When it started, is due, or was made, in a few words. */
function When({ campaign: c }: { campaign: Campaign }) {
  let text: string;
  let iso: string;
  if (c.status === 'scheduled' && c.schedule.kind === 'at') {
    iso = c.schedule.at;
    text = t('campaigns.when.scheduled', { when: formatInZone(c.schedule.at, c.timezone, localTimeZone()) });
  } else if (c.finishedAt && ['completed', 'cancelled', 'failed'].includes(c.status)) {
    iso = c.finishedAt;
    text = t('campaigns.when.finished', { when: formatWhen(c.finishedAt) });
  } else if (c.startedAt) {
    iso = c.startedAt;
    text = t('campaigns.when.started', { when: formatWhen(c.startedAt) });
  } else {
    iso = c.createdAt;
    text = t('campaigns.when.created', { when: formatWhen(c.createdAt) });
  }
  return (
    <time className="muted small" dateTime={iso} title={formatFull(iso)}>
      {text}
    </time>
  );
}

function CampaignRow({ campaign: c, row, picked, onPick }: { campaign: Campaign; row: HistoryRow | undefined; picked: boolean; onPick: (on: boolean) => void }) {
  const started = c.counts.total > 0;
  return (
    <article className="card cmp-row" data-testid="campaign-row" aria-label={c.name}>
      <div className="cmp-row-head">
        {started && (
          <input type="checkbox" checked={picked} onChange={(e) => onPick(e.target.checked)} aria-label={t('reportExport.select', { name: c.name })} data-testid="campaign-pick" />
        )}
        <h3 className="grow">
          <button type="button" className="link cmp-open" onClick={() => showCampaign(c.id)}>
            <bdi>{c.name}</bdi>
          </button>
        </h3>
        <StatusBadge status={c.status} preparing={c.preparing} />
      </div>
      <div className="cmp-row-meta">
        <When campaign={c} />
        <span className="muted small">
          {t('campaigns.row.draft')} <bdi>{c.draftName}</bdi>
        </span>
      </div>
      {c.preparing && c.status === 'running' ? (
        <IndeterminateBar label={t('cq.wait.preparing')} testId="campaign-row-preparing" />
      ) : started ? (
        <>
          <ProgressBar {...progressOf(c.counts, c.status)} />
          <CountsLine counts={c.counts} />
        </>
      ) : (
        <p className="muted small">{c.status === 'draft' ? t('campaigns.row.notStarted') : t('campaigns.row.noRecipients')}</p>
      )}
      {c.statusReason && ['paused', 'failed'].includes(c.status) && <p className="cmp-reason small">{c.statusReason}</p>}
      {row && <HistoryFiguresLine row={row} />}
    </article>
  );
}

export function CampaignList({ onNew }: { onNew: () => void }) {
  const { campaigns, loaded, error } = useCampaigns();
  const drafts = useDrafts((s) => s.drafts);
  const accounts = useAccounts((s) => s.accounts);
  const go = useNav((s) => s.go);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const pick = (id: number, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old);
      if (on && next.size < MAX_EXPORT_CAMPAIGNS) next.add(id);
      else next.delete(id);
      return next;
    });
  const history = useHistory((s) => s.rows);
  if (error && campaigns.length === 0) {
    return (
      <div className="banner error" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => void useCampaigns.getState().refresh()}>
          {t('campaigns.retry')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="empty">{t('common.loading')}</p>;
  if (campaigns.length === 0) {
    return (
      <div className="panel welcome cmp-empty" data-testid="campaigns-empty">
        <h2>{t('campaigns.empty.title')}</h2>
        <p>{t('campaigns.empty.body')}</p>
        <ol className="steps-list">
          <li>
            {t('campaigns.empty.step1')}{' '}
            {drafts.length === 0 ? (
              <button type="button" className="link" onClick={() => go('drafts')}>
                {t('campaigns.empty.writeDraft')}
              </button>
            ) : (
              <span className="muted">{t('campaigns.empty.drafts', { count: drafts.length })}</span>
            )}
          </li>
          <li>
            {t('campaigns.empty.step2')}{' '}
            <button type="button" className="link" onClick={() => go('groups')}>
              {t('campaigns.empty.groups')}
            </button>
          </li>
          <li>
            {t('campaigns.empty.step3')}{' '}
            {accounts.length === 0 ? (
              <button type="button" className="link" onClick={() => go('accounts')}>
                {t('campaigns.empty.linkAccount')}
              </button>
            ) : (
              <span className="muted">{t('campaigns.empty.accounts', { count: accounts.length })}</span>
            )}
          </li>
        </ol>
        <p className="muted">{t('campaigns.empty.safe')}</p>
        <div className="row">
          <button type="button" className="primary" onClick={onNew}>
            + {t('campaigns.new')}
          </button>
        </div>
      </div>
    );
  }
  // The history (main, in SQL) decides which campaigns show and in what order; the live rows
  // (progress) come from the campaigns store.
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const shown = history === null ? [] : history.flatMap((row) => (byId.has(row.id) ? [{ row, campaign: byId.get(row.id)! }] : []));
  return (
    <>
      <HistoryBar />
      {picked.size > 0 && (
        <div className="row">
          <button type="button" onClick={() => openReportExport([...picked])} data-testid="campaigns-export-selected">
            {t('reportExport.selected', { count: picked.size })}
          </button>
        </div>
      )}
      <div className="cmp-list" data-testid="campaigns">
        {history !== null && shown.length === 0 && <p className="empty">{t('history.none')}</p>}
        {shown.map(({ row, campaign }) => (
          <CampaignRow key={campaign.id} campaign={campaign} row={row} picked={picked.has(campaign.id)} onPick={(on) => pick(campaign.id, on)} />
        ))}
      </div>
    </>
  );
}

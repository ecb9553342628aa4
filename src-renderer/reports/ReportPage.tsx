/**
 * A campaign's report: what happened (funnel, outcomes, delays, reasons), sends over time, per
 * account, polls, and every recipient. Opens for campaigns whose draft or accounts were deleted
 * (and says so); follows a running campaign live.
 */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import { useAccounts } from '#renderer/accounts/store';
import { StatusBadge } from '#renderer/campaigns/StatusBadge';
import { ErrorText } from '#renderer/ui/ErrorText';
import { formatWhen } from '#renderer/ui/format';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { AccountsTable, Polls, SendsChart } from './ReportBreakdowns';
import { DelaysAndFailures, FunnelPanel } from './ReportFigures';
import { ReportRecipients } from './ReportRecipients';
import { missingNotes } from './model';
import { followReport, reports, useReport } from './store';
import './reports.css';

export function ReportPage({ id }: { id: number }) {
  const report = useReport((s) => (s.campaignId === id ? s.report : null));
  const series = useReport((s) => (s.campaignId === id ? s.series : null));
  const bucket = useReport((s) => s.bucket);
  const error = useReport((s) => s.error);
  const accounts = useAccounts((s) => s.accounts);
  const accountsLoaded = useAccounts((s) => s.loaded);
  const retry = useBusyAction();

  useEffect(() => {
    // Read afresh each time the page shows (coming back to Campaigns shows the report left open).
    reports.open(id);
    return followReport();
  }, [id]);

  if (!report) {
    return (
      <section className="page">
        <div className="page-head">
          <button type="button" onClick={reports.close}>
            <span className="flip-rtl" aria-hidden="true">←</span> {t('reports.back')}
          </button>
        </div>
        {error ? <ErrorText error={error} /> : <p className="empty">{t('common.loading')}</p>}
      </section>
    );
  }
  const c = report.campaign;
  const notes = missingNotes(report, accountsLoaded ? accounts : null);
  const live = c.status === 'running';
  return (
    <section className="page rpt-page" aria-labelledby="report-title" data-testid="report-page">
      <div className="page-head">
        <button type="button" onClick={reports.close} data-testid="report-back">
          <span className="flip-rtl" aria-hidden="true">←</span> {t('reports.back')}
        </button>
        <h1 id="report-title">
          <bdi>{t('reports.title', { name: c.name })}</bdi>
        </h1>
        <StatusBadge status={c.status} preparing={c.preparing} />
        <span className="spacer" />
        {report.funnel.failed > 0 && (
          <button type="button" onClick={() => void retry.run(() => reports.retryFailed())} disabled={retry.busy} data-testid="report-retry-failed">
            {t('reports.retryFailed')}
          </button>
        )}
        <button type="button" onClick={() => void reports.refresh()} data-testid="report-refresh">
          {t('reports.refresh')}
        </button>
        <button type="button" onClick={reports.exportReport} data-testid="report-export">
          {t('reports.export')}
        </button>
      </div>
      <ErrorText error={retry.error ?? error} />
      {notes.map((n) => (
        <p key={n} className="banner warn" data-testid="report-missing">
          {n}
        </p>
      ))}
      {live && (
        <p className="banner cmp-note" data-testid="report-live">
          {t('reports.live')}
        </p>
      )}
      <p className="muted small" data-testid="report-period">
        {report.firstSentAt && report.lastSentAt
          ? t('reports.period', { from: formatWhen(report.firstSentAt), to: formatWhen(report.lastSentAt) })
          : t('reports.notSent')}
      </p>
      <div className="rpt-grid">
        <FunnelPanel report={report} />
        <DelaysAndFailures report={report} />
      </div>
      <SendsChart series={series} bucket={bucket} />
      <div className={report.polls.length > 0 ? 'rpt-grid even' : 'rpt-grid'}>
        <AccountsTable report={report} />
        {report.polls.length > 0 && (
          <div className="rpt-col">
            <Polls polls={report.polls} />
          </div>
        )}
      </div>
      <ReportRecipients report={report} />
    </section>
  );
}

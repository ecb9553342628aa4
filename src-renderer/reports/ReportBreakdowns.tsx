/** Sends over time (uPlot), the figures per account, and the poll results. */
import { useId } from 'react';
import { formatDate } from '#shared/dates';
import { formatNumber, getLocale, t } from '#shared/i18n';
import type { CampaignReport, PollResult, ReportBucket, ReportSeries } from '#shared/reports';
import { TimeChart } from '#renderer/ui/TimeChart';
import { useAccounts } from '#renderer/accounts/store';
import { accountName, chartColumns, formatRate, peak } from './model';
import { reports } from './store';

// Drawn in this order, each over the one before: read ⊆ delivered ⊆ sent, so the bars nest.
const COLORS = { sent: '#8fb3e0', delivered: '#2f9e67', read: '#0b4a2c' };

/** The busiest bucket's start, in the campaign's time zone: "3 Dec, 14:00" or "3 Dec 2026". */
function bucketStart(iso: string, bucket: ReportBucket, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'day' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone };
  return formatDate(new Date(iso), getLocale(), options);
}

export function SendsChart({ series, bucket }: { series: ReportSeries | null; bucket: ReportBucket }) {
  const id = useId();
  const cols = series ? chartColumns(series) : null;
  const top = series ? peak(series) : null;
  return (
    <section className="panel rpt-chart" aria-labelledby={`${id}-t`} data-testid="report-chart">
      <div className="row">
        <h2 id={`${id}-t`} className="rpt-h2 grow">
          {t('reports.chart.title')}
        </h2>
        <div className="rpt-toggle" role="radiogroup" aria-label={t('reports.chart.bucket')}>
          {(['hour', 'day'] as const).map((b) => (
            <button
              key={b}
              type="button"
              role="radio"
              aria-checked={bucket === b}
              className={bucket === b ? 'on' : ''}
              onClick={() => reports.setBucket(b)}
              data-testid={`chart-${b}`}
            >
              {t(b === 'hour' ? 'reports.chart.hour' : 'reports.chart.day')}
            </button>
          ))}
        </div>
      </div>
      {cols && cols.times.length > 0 ? (
        <>
          <TimeChart
            times={cols.times}
            height={200}
            label={t('reports.chart.label', { bucket: t(bucket === 'hour' ? 'reports.chart.hour' : 'reports.chart.day') })}
            series={[
              { label: t('reports.chart.sent'), color: COLORS.sent, values: cols.sent },
              { label: t('reports.chart.delivered'), color: COLORS.delivered, values: cols.delivered },
              { label: t('reports.chart.read'), color: COLORS.read, values: cols.read },
            ]}
          />
          {top && series && (
            <p className="muted small" data-testid="chart-peak">
              {t('reports.chart.peak', { count: top.sent, at: bucketStart(top.at, series.bucket, series.timezone), zone: series.timezone })}
            </p>
          )}
        </>
      ) : (
        <p className="muted small">{t('reports.chart.empty')}</p>
      )}
    </section>
  );
}

export function AccountsTable({ report }: { report: CampaignReport }) {
  const id = useId();
  const accounts = useAccounts((s) => s.accounts);
  return (
    <section className="panel rpt-accounts" aria-labelledby={`${id}-t`} data-testid="report-accounts">
      <h2 id={`${id}-t`} className="rpt-h2">
        {t('reports.accounts.title')}
      </h2>
      {report.perAccount.length === 0 ? (
        <p className="muted small">{t('reports.accounts.none')}</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.accounts.account')}</th>
              <th scope="col" className="num">{t('reports.accounts.sent')}</th>
              <th scope="col" className="num">{t('reports.accounts.delivered')}</th>
              <th scope="col" className="num">{t('reports.accounts.read')}</th>
              <th scope="col" className="num">{t('reports.accounts.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.perAccount.map((a) => (
              <tr key={a.accountId} data-testid="account-row">
                <td>
                  <bdi className={a.label === null ? 'muted' : ''}>{accountName(a.accountId, report.perAccount, accounts)}</bdi>
                </td>
                <td className="num">{formatNumber(a.sent)}</td>
                <td className="num">
                  {formatNumber(a.delivered)} <span className="muted small">{formatRate(a.delivered, a.sent)}</span>
                </td>
                <td className="num">
                  {formatNumber(a.read)} <span className="muted small">{formatRate(a.read, a.sent)}</span>
                </td>
                <td className="num">{formatNumber(a.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Poll({ poll }: { poll: PollResult }) {
  const id = useId();
  const most = Math.max(1, ...poll.options.map((o) => o.votes));
  const all = poll.options.reduce((n, o) => n + o.votes, 0);
  return (
    <section className="panel rpt-poll" aria-labelledby={`${id}-t`} data-testid="report-poll">
      <h2 id={`${id}-t`} className="rpt-h2">
        {t('reports.polls.title', { question: poll.question })}
      </h2>
      <table className="rpt-poll-table">
        <tbody>
          {poll.options.map((o) => (
            <tr key={o.name} data-testid="poll-option" data-votes={o.votes}>
              <th scope="row">
                <bdi>{o.name}</bdi>
              </th>
              <td className="rpt-poll-bar" aria-hidden>
                <span style={{ inlineSize: `${(o.votes / most) * 100}%` }} />
              </td>
              <td className="num nowrap">
                {t('reports.polls.votes', { count: o.votes })} <span className="muted small">{formatRate(o.votes, all)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('reports.polls.voters', { count: poll.voters })}</p>
    </section>
  );
}

export function Polls({ polls }: { polls: PollResult[] }) {
  return (
    <>
      {polls.map((p) => (
        <Poll key={p.part} poll={p} />
      ))}
    </>
  );
}

/** The report's figures: the funnel with its rates and the reply window, the outcomes beside it, the delays, the reasons. */
import { useId } from 'react';
import { formatNumber, t } from '#shared/i18n';
import type { CampaignReport, ReasonCount } from '#shared/reports';
import { delayWords, exclusionLabel, funnelSteps, replyWindowChoices, sideFigures, windowLabel } from './model';
import { reports } from './store';
import { REPORTS_FUNNEL, REPORTS_FUNNEL_OF, REPORTS_SIDE } from '#shared/i18n/keys';

export function FunnelPanel({ report }: { report: CampaignReport }) {
  const id = useId();
  const f = report.funnel;
  return (
    <section className="panel rpt-funnel" aria-labelledby={`${id}-t`} data-testid="report-funnel">
      <h2 id={`${id}-t`} className="rpt-h2">
        {t('reports.funnel.title')}
      </h2>
      <ol className="rpt-steps">
        {funnelSteps(f).map((s) => (
          <li key={s.id} className="rpt-step" data-testid={`funnel-${s.id}`} data-value={s.count}>
            <span className="rpt-step-name">{t(REPORTS_FUNNEL[s.id])}</span>
            <span className="rpt-bar" aria-hidden>
              <span className={`rpt-bar-fill ${s.id}`} style={{ inlineSize: `${s.share * 100}%` }} />
            </span>
            <span className="rpt-step-count">{formatNumber(s.count)}</span>
            <span className="rpt-step-rate muted small" data-testid={`rate-${s.id}`}>
              {s.of ? `${s.rate} ${t(REPORTS_FUNNEL_OF[s.of as keyof typeof REPORTS_FUNNEL_OF])}` : ''}
            </span>
          </li>
        ))}
      </ol>
      <div className="row small rpt-window">
        <label htmlFor={`${id}-w`}>{t('reports.window.label')}</label>
        <select
          id={`${id}-w`}
          value={report.replyWindowHours}
          onChange={(e) => reports.setReplyWindow(Number(e.target.value))}
          data-testid="report-window"
        >
          {replyWindowChoices(report.replyWindowHours).map((h) => (
            <option key={h} value={h}>
              {windowLabel(h)}
            </option>
          ))}
        </select>
        <span className="muted">{t('reports.window.help')}</span>
      </div>
      <ul className="rpt-side">
        {sideFigures(f).map((s) => (
          <li key={s.id} data-testid={`side-${s.id}`} data-value={s.count}>
            <button type="button" className="link-like" onClick={() => reports.setFilter(s.filter)} disabled={s.count === 0} title={t('reports.side.show')}>
              <span className="rpt-side-count">{formatNumber(s.count)}</span> {t(REPORTS_SIDE[s.id])}
              {s.count > 0 && <span className="muted small"> · {s.rate}</span>}
            </button>
          </li>
        ))}
      </ul>
      {report.excludedReasons.length > 0 && (
        <div className="rpt-excluded" data-testid="report-excluded">
          <h3 className="rpt-h3">{t('reports.excluded.title')}</h3>
          <Reasons reasons={report.excludedReasons} filter="excluded" testId="excluded-reason" />
        </div>
      )}
    </section>
  );
}

/** Reasons with their counts; each a click that shows those people in the table. */
export function Reasons({ reasons, filter, testId }: { reasons: ReasonCount[]; filter: 'all' | 'excluded'; testId: string }) {
  return (
    <ul className="rpt-reasons">
      {reasons.map((r) => (
        <li key={r.reason}>
          <button
            type="button"
            className="rpt-reason"
            onClick={() => reports.showReason(r.reason, filter)}
            title={t('reports.failures.show', { count: r.count, reason: filter === 'excluded' ? exclusionLabel(r.reason) : r.reason })}
            data-testid={testId}
          >
            <span className="rpt-reason-count">{formatNumber(r.count)}</span>
            <bdi className="rpt-reason-text">{filter === 'excluded' ? exclusionLabel(r.reason) : r.reason || '–'}</bdi>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function DelaysAndFailures({ report }: { report: CampaignReport }) {
  const id = useId();
  return (
    <div className="rpt-col">
      <section className="panel" aria-labelledby={`${id}-d`} data-testid="report-delays">
        <h2 id={`${id}-d`} className="rpt-h2">
          {t('reports.delay.title')}
        </h2>
        <p data-testid="delay-delivered">{delayWords('delivered', report.deliveredDelay)}</p>
        <p data-testid="delay-read">{delayWords('read', report.readDelay)}</p>
      </section>
      <section className="panel" aria-labelledby={`${id}-f`} data-testid="report-failures">
        <h2 id={`${id}-f`} className="rpt-h2">
          {t('reports.failures.title')}
        </h2>
        {report.failures.length === 0 ? (
          <p className="muted small">{t('reports.failures.none')}</p>
        ) : (
          <Reasons reasons={report.failures} filter="all" testId="failure-reason" />
        )}
      </section>
    </div>
  );
}

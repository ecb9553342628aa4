/** Usage: messages per account per day of a month (or per month of a year) against the daily cap. */
import { useEffect } from 'react';
import { formatDate } from '#shared/dates';
import { formatNumber, getLanguage, t } from '#shared/i18n';
import { TimeChart } from '#renderer/ui/TimeChart';
import { usageTable } from './model';
import { exportUsage, followUsage, setUsagePeriod, useUsage } from './store';
import './usage.css';

const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];

/**
 * A month of the Gregorian year, named in the language ("مارس" in Persian): usage is counted per
 * Gregorian month whatever calendar dates are shown in, so its months are named as such.
 */
function monthName(m: number): string {
  return formatDate(Date.UTC(2000, m, 15), `${getLanguage()}-u-ca-gregory`, { month: 'long', timeZone: 'UTC' });
}

export function UsagePage() {
  const { year, month, usage, error, exporting } = useUsage();
  useEffect(() => followUsage(), []);
  const thisYear = new Date().getFullYear();
  const table = usage ? usageTable(usage, month) : null;
  const accounts = usage?.accounts ?? [];
  const empty = table !== null && table.values.every((v) => v.every((n) => n === 0));
  return (
    <section className="page usage-page" aria-labelledby="usage-title">
      <div className="page-head">
        <h1 id="usage-title">{t('usage.title')}</h1>
        <span className="spacer" />
        <label>
          {t('usage.year')}{' '}
          <select data-testid="usage-year" value={year} onChange={(e) => setUsagePeriod(Number(e.target.value), month)}>
            {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
              <option key={y} value={y}>
                {formatNumber(y, { useGrouping: false })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('usage.month')}{' '}
          <select data-testid="usage-month" value={month ?? ''} onChange={(e) => setUsagePeriod(year, e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('usage.wholeYear')}</option>
            {Array.from({ length: 12 }, (_, m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="usage-export" disabled={exporting || !usage} onClick={() => void exportUsage()}>
          {t('usage.export')}
        </button>
      </div>
      {usage && <p className="muted">{t('usage.intro', { zone: usage.timeZone })}</p>}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {usage && (
        <div className="usage-summary" data-testid="usage-summary">
          {accounts.map((a) => (
            <div className="card" key={a.accountId}>
              <h3>
                <bdi>{a.label}</bdi>
              </h3>
              <span className="small">
                {t('usage.total')}: <strong>{a.total}</strong> · {t('usage.cap')}: {a.dailyCap ?? t('usage.noCap')} · {t('usage.daysAtCap')}: {a.daysAtCap}
              </span>
            </div>
          ))}
        </div>
      )}
      {table && !empty && (
        <div className="panel">
          <TimeChart
            times={table.times}
            label={t('usage.title')}
            series={accounts.map((a, i) => ({ label: a.label, color: COLORS[i % COLORS.length]!, values: table.values[i] ?? [] }))}
          />
        </div>
      )}
      {empty && <p className="empty">{t('usage.empty')}</p>}
      {table && (
        <div className="usage-table-wrap" tabIndex={0} role="region" aria-label={t('usage.title')}>
          <table className="usage-table" data-testid="usage-table">
            <thead>
              <tr>
                <th>{month === null ? t('usage.monthCol') : t('usage.date')}</th>
                {accounts.map((a) => (
                  <th key={a.accountId}>
                    <bdi>{a.label}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.keys.map((key, r) => (
                <tr key={key}>
                  <td>{month === null ? monthName(Number(key.slice(5, 7)) - 1) : key}</td>
                  {accounts.map((a, i) => {
                    const n = table.values[i]?.[r] ?? 0;
                    const cap = table.caps[i]?.[r] ?? null;
                    return (
                      <td key={a.accountId} className={cap !== null && n >= cap ? 'at-cap' : undefined}>
                        {n}
                        {cap !== null && <span className="muted"> / {cap}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

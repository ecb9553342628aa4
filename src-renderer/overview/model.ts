/** Pure derivations for the Overview. */
import type { OverviewDay } from '#shared/overview';

/** A share in whole percent (0 when there is nothing to share). */
export function percent(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((part / whole) * 100);
}

/** Totals of the days and the delivery and read rates over them. */
export function rateSummary(days: readonly OverviewDay[]): { sent: number; delivered: number; read: number } {
  const sent = days.reduce((n, d) => n + d.sent, 0);
  const delivered = days.reduce((n, d) => n + d.delivered, 0);
  const read = days.reduce((n, d) => n + d.read, 0);
  return { sent, delivered: percent(delivered, sent), read: percent(read, sent) };
}

/** The chart's series: each day's delivered and read share of what was sent that day (null: nothing sent). */
export function dailyRates(days: readonly OverviewDay[]): { delivered: (number | null)[]; read: (number | null)[] } {
  return {
    delivered: days.map((d) => (d.sent === 0 ? null : percent(d.delivered, d.sent))),
    read: days.map((d) => (d.sent === 0 ? null : percent(d.read, d.sent))),
  };
}

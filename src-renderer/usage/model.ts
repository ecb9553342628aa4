/** What the usage page shows for a period: one row per day (a month) or per month (a year). */
import type { UsageYear } from '#shared/usage';

export type UsageTable = {
  /** Row labels' times (local midnight, ms) for the chart. */
  times: number[];
  /** YYYY-MM-DD or YYYY-MM per row. */
  keys: string[];
  /** values[account][row] */
  values: number[][];
  /** The daily cap for a day view; for a month view, the cap × days in that month. */
  caps: (number | null)[][];
};

export function usageTable(u: UsageYear, month: number | null): UsageTable {
  if (month === null) {
    const daysIn = Array.from({ length: 12 }, (_, m) => new Date(u.year, m + 1, 0).getDate());
    return {
      times: daysIn.map((_, m) => new Date(u.year, m, 1).getTime()),
      keys: daysIn.map((_, m) => `${u.year}-${String(m + 1).padStart(2, '0')}`),
      values: u.accounts.map((a) => a.months),
      caps: u.accounts.map((a) => daysIn.map((n) => (a.dailyCap === null ? null : a.dailyCap * n))),
    };
  }
  const prefix = `${u.year}-${String(month + 1).padStart(2, '0')}-`;
  const idx = u.dates.flatMap((d, i) => (d.startsWith(prefix) ? [i] : []));
  return {
    times: idx.map((i) => new Date(u.year, 0, 1 + i).getTime()),
    keys: idx.map((i) => u.dates[i]!),
    values: u.accounts.map((a) => idx.map((i) => a.days[i] ?? 0)),
    caps: u.accounts.map((a) => idx.map(() => a.dailyCap)),
  };
}

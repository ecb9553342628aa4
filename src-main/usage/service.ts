/**
 * Usage: messages each account handed to WhatsApp per local day, month and year, from the send
 * ledger (the same entries and the same day arithmetic as the daily cap: `zonedTimeToUtc` /
 * `startOfLocalDay` in the operator's time zone). The ledger is read through its per-quarter-hour
 * counts (`send_ledger_quarters`, kept by triggers), so a year costs ~35 000 rows per account.
 */
import type { Pace } from '#shared/pace';
import { zonedTimeToUtc } from '#shared/pace';
import type { AccountUsage, UsageYear } from '#shared/usage';
import { t } from '#shared/i18n';
import type { Sqlite } from '#main/kernel/db';

export type UsageDeps = {
  q: Sqlite;
  timeZone: () => string;
  accountLabels: () => Map<number, string>;
};

const QUARTER = 900_000;

/** The first instant of each local day of `year`, plus the first instant of the next year. */
export function dayStarts(year: number, timeZone: string): number[] {
  const days = Math.round((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000);
  return Array.from({ length: days + 1 }, (_, i) => zonedTimeToUtc({ year, month: 1, day: 1 + i, hour: 0, minute: 0 }, timeZone));
}

function isoDate(year: number, dayIndex: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayIndex)).toISOString().slice(0, 10);
}

/** The daily cap of the latest started campaign that used each account (0 in a pace = no cap). */
function latestCaps(q: Sqlite): Map<number, number | null> {
  const rows = q
    .prepare(`SELECT pace, account_ids FROM campaigns WHERE started_at IS NOT NULL ORDER BY started_at DESC, id DESC`)
    .all() as { pace: string; account_ids: string }[];
  const caps = new Map<number, number | null>();
  for (const r of rows) {
    const cap = (JSON.parse(r.pace) as Pace).dailyCapPerAccount;
    for (const id of JSON.parse(r.account_ids) as number[]) if (!caps.has(id)) caps.set(id, cap > 0 ? cap : null);
  }
  return caps;
}

export function usageYear(deps: UsageDeps, year: number): UsageYear {
  const timeZone = deps.timeZone();
  const starts = dayStarts(year, timeZone);
  const dayCount = starts.length - 1;
  const first = starts[0]!;
  const end = starts[dayCount]!;
  const aligned = starts.every((ms) => ms % QUARTER === 0);
  const labels = deps.accountLabels();
  const caps = latestCaps(deps.q);

  // Every zone's midnight is on a quarter hour today; were one not, count that year from the ledger.
  const rows = (
    aligned
      ? deps.q
          .prepare(
            `SELECT account_id AS account, q * ${QUARTER} AS at, n FROM send_ledger_quarters
             WHERE account_id = ? AND q >= ? AND q < ? AND n > 0 ORDER BY q`,
          )
      : deps.q.prepare(`SELECT account_id AS account, at, 1 AS n FROM send_ledger WHERE account_id = ? AND at >= ? AND at < ? ORDER BY at`)
  ) as unknown as { all: (...p: number[]) => { account: number; at: number; n: number }[] };
  const accountIds = new Set<number>(deps.q.prepare(`SELECT DISTINCT account_id FROM send_ledger_quarters`).pluck().all() as number[]);
  for (const id of labels.keys()) accountIds.add(id);

  const accounts: AccountUsage[] = [];
  for (const accountId of [...accountIds].sort((a, b) => a - b)) {
    const days = new Array<number>(dayCount).fill(0);
    const lo = aligned ? first / QUARTER : first;
    const hi = aligned ? end / QUARTER : end;
    let d = 0;
    for (const r of rows.all(accountId, lo, hi)) {
      while (d + 1 < dayCount && r.at >= starts[d + 1]!) d++;
      days[d]! += r.n;
    }
    const months = new Array<number>(12).fill(0);
    for (let i = 0; i < dayCount; i++) months[new Date(Date.UTC(year, 0, 1 + i)).getUTCMonth()]! += days[i]!;
    const total = months.reduce((a, b) => a + b, 0);
    const dailyCap = caps.get(accountId) ?? null;
    if (total === 0 && !labels.has(accountId)) continue;
    accounts.push({
      accountId,
      label: labels.get(accountId) ?? t('usage.removedAccount', { id: accountId }),
      dailyCap,
      days,
      months,
      total,
      daysAtCap: dailyCap === null ? 0 : days.filter((n) => n >= dailyCap).length,
    });
  }
  return { year, timeZone, dates: Array.from({ length: dayCount }, (_, i) => isoDate(year, i)), accounts };
}

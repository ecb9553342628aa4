import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { startOfLocalDay } from '#shared/pace';
import { callCore, testCore } from '#main/test-support/core';
import type { Core } from '#main/core/core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function core(timezone: string): Promise<Core> {
  const t = await testCore({ connectAccounts: false, startQueue: false });
  cleanup = t.cleanup;
  await callCore(t.core, 'settings.update', { timezone });
  return t.core;
}

const add = (c: Core, account: number, at: number) =>
  Number(c.queueDb.prepare(`INSERT INTO send_ledger (account_id, at, campaign_id, recipient_id, part) VALUES (?, ?, NULL, NULL, 0)`).run(account, at).lastInsertRowid);

describe('usage.year', () => {
  it('counts ledger entries per local day as the daily cap does (Istanbul, UTC+3)', async () => {
    const c = await core('Europe/Istanbul');
    const a = await callCore(c, 'accounts.create', { label: 'Shop', driver: 'simulator' });
    // 2026-03-10 22:30 UTC is 11 March 01:30 in Istanbul; 20:59 UTC is still 10 March.
    add(c, a.id, Date.UTC(2026, 2, 10, 22, 30));
    add(c, a.id, Date.UTC(2026, 2, 10, 20, 59));
    add(c, a.id, Date.UTC(2026, 2, 10, 21, 0)); // local midnight exactly: 11 March
    add(c, a.id, Date.UTC(2025, 11, 31, 21, 0)); // 1 January 2026 00:00 local
    add(c, a.id, Date.UTC(2025, 11, 31, 20, 59)); // 31 December 2025: not this year
    const u = await callCore(c, 'usage.year', { year: 2026 });
    expect(u.timeZone).toBe('Europe/Istanbul');
    expect(u.dates).toHaveLength(365);
    const shop = u.accounts.find((x) => x.accountId === a.id)!;
    expect(shop.label).toBe('Shop');
    const day = (iso: string) => shop.days[u.dates.indexOf(iso)];
    expect(day('2026-03-10')).toBe(1);
    expect(day('2026-03-11')).toBe(2);
    expect(day('2026-01-01')).toBe(1);
    expect(shop.months[2]).toBe(3);
    expect(shop.total).toBe(4);
    // The same boundary the cap uses.
    expect(startOfLocalDay(Date.UTC(2026, 2, 10, 22, 30), 'Europe/Istanbul')).toBe(Date.UTC(2026, 2, 10, 21, 0));
  });

  it('follows daylight saving (New York) and a half-hour zone (Tehran); a removed entry is no longer counted', async () => {
    const c = await core('America/New_York');
    // 8 March 2026: clocks go forward; local midnight is 05:00 UTC, the next one 04:00 UTC.
    add(c, 1, Date.UTC(2026, 2, 9, 3, 59)); // 8 March 23:59 EDT
    const gone = add(c, 1, Date.UTC(2026, 2, 9, 4, 0)); // 9 March 00:00 EDT
    let u = await callCore(c, 'usage.year', { year: 2026 });
    let acc = u.accounts.find((x) => x.accountId === 1)!;
    expect(acc.label).toBe('Account 1 (removed)');
    expect(acc.days[u.dates.indexOf('2026-03-08')]).toBe(1);
    expect(acc.days[u.dates.indexOf('2026-03-09')]).toBe(1);
    c.queueDb.prepare(`DELETE FROM send_ledger WHERE id = ?`).run(gone);
    u = await callCore(c, 'usage.year', { year: 2026 });
    acc = u.accounts.find((x) => x.accountId === 1)!;
    expect(acc.days[u.dates.indexOf('2026-03-09')]).toBe(0);
    expect(acc.total).toBe(1);

    await callCore(c, 'settings.update', { timezone: 'Asia/Tehran' }); // UTC+3:30
    add(c, 2, Date.UTC(2026, 5, 1, 20, 29)); // 1 June 23:59
    add(c, 2, Date.UTC(2026, 5, 1, 20, 30)); // 2 June 00:00
    u = await callCore(c, 'usage.year', { year: 2026 });
    acc = u.accounts.find((x) => x.accountId === 2)!;
    expect(acc.days[u.dates.indexOf('2026-06-01')]).toBe(1);
    expect(acc.days[u.dates.indexOf('2026-06-02')]).toBe(1);
  });

  it('exports days and months with real dates and neutralised labels', async () => {
    const c = await core('UTC');
    const a = await callCore(c, 'accounts.create', { label: '=HYPERLINK("x")', driver: 'simulator' });
    add(c, a.id, Date.UTC(2026, 1, 3, 12));
    add(c, a.id, Date.UTC(2026, 1, 3, 13));
    const file = await callCore(c, 'usage.export', { year: 2026 });
    expect(file.fileName).toBe('Pigeon usage 2026.xlsx');
    const wb = XLSX.read(file.bytes, { type: 'array', cellDates: true });
    const cell = (sheet: string, at: string) => (wb.Sheets[sheet] as XLSX.WorkSheet)[at] as XLSX.CellObject;
    const days = (at: string) => cell('By day', at);
    const months = (at: string) => cell('By month', at);
    expect(days('B1').v).toBe(`'=HYPERLINK("x")`);
    expect(days('B1').f).toBeUndefined();
    // Row 3 is 1 January; 3 February is day 34 → row 36.
    expect(days('A36').t).toBe('d');
    const d = days('A36').v as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 1, 3]);
    expect(days('B36').v).toBe(2);
    expect(months('A3').t).toBe('d');
    expect(months('B3').v).toBe(2);
    expect(months('B14').v).toBe(2);
  });
});

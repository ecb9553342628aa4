/**
 * Exporting campaign reports through the contract, read back with SheetJS: the rows are the
 * report's recipients, times are date cells, formulas are neutralised, sheet names are valid and
 * unique, progress arrives and a cancel (or a failure) hands back no file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { contract } from '#shared/contract';
import type { ExportProgress } from '#shared/domain';
import { RemoteError, AppError } from '#shared/errors';
import type { ReportRecipient } from '#shared/reports';
import { seedHistory } from '#main/bench/history';
import type { Core } from '#main/core/core';
import { callCore, testCore } from '#main/test-support/core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const NASTY = ['=HYPERLINK("http://x","y")', '+90 call me', '-1+2', '@SUM(A1)'];

async function history(contacts: number, campaigns: number, perCampaign: number) {
  const t = await testCore({ connectAccounts: false, startQueue: false });
  cleanup = t.cleanup;
  for (let i = 0; i < contacts; i++) {
    const name = i < NASTY.length ? (NASTY[i] as string) : `Person ${String(i).padStart(5, '0')}`;
    await callCore(t.core, 'contacts.create', { name, phone: `+90 532 ${String(1_000_000 + i).slice(0, 3)} ${String(1_000_000 + i).slice(3)}` });
  }
  const h = await seedHistory(t.core, { campaigns, perCampaign, seed: 5, now: Date.UTC(2026, 10, 20) });
  return { ...t, h };
}

/** Every recipient of a campaign as `reports.recipients` lists them. */
async function allRecipients(core: Core, id: number): Promise<ReportRecipient[]> {
  const out: ReportRecipient[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await callCore(core, 'reports.recipients', { id, offset, limit: 500 });
    out.push(...page.rows);
    if (out.length >= page.total || page.rows.length === 0) return out;
  }
}

/** Every `exports.progress` event, until the returned function is called. */
const onProgress = (core: Core, listener: (p: ExportProgress) => void): (() => void) =>
  core.bus.subscribe((event, payload) => {
    if (event === 'exports.progress') listener(payload as ExportProgress);
  });

const sheetRows = (wb: XLSX.WorkBook, name: string): unknown[][] => {
  const sheet = wb.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
};

/** What a neutralised text cell holds: a leading apostrophe before = + - @ (phones too, as in contacts). */
const cellText = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);
/** A date cell read back (whole seconds: Excel serials carry no more than that reliably). */
const two = (n: number) => String(n).padStart(2, '0');
/**
 * What Excel shows for a date cell: its serial is days since 1899-12-30 in wall-clock time, read
 * back here to the second as "2026-11-25 10:20:05". (SheetJS's `cellDates` Dates are off by
 * seconds in zones whose 1899 offset was not whole minutes, so the serial is decoded directly.)
 */
const shown = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number') return `not a date serial: ${JSON.stringify(v)}`;
  const d = new Date(Math.floor(Math.round((v - 25_569) * 86_400_000) / 1000) * 1000);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};
const wallClock = (iso: string | null): string | null => {
  if (iso === null) return null;
  const t = new Date(Date.parse(iso));
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
};

describe('reports.export', () => {
  it('writes one campaign as summary, recipients and failures sheets matching the report', async () => {
    const { core, h } = await history(60, 2, 50);
    const id = h.campaignIds[0] as number;
    const file = await callCore(core, 'reports.export', { ids: [id], format: 'xlsx' });
    expect(file.fileName).toMatch(/^History 01 report \d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = XLSX.read(file.bytes, { cellFormula: true, cellNF: true });
    expect(wb.SheetNames).toEqual(['Summary', 'Recipients', 'Failures']);

    // Recipients: the same people, statuses, reasons, accounts and times as the report's table.
    const rows = sheetRows(wb, 'Recipients');
    expect(rows[0]).toEqual(['Name', 'Phone', 'Status', 'Reason', 'Account', 'Sent', 'Delivered', 'Read', 'Replied']);
    const expected = await allRecipients(core, id);
    expect(rows.length - 1).toBe(expected.length);
    const byPhone = new Map(rows.slice(1).map((r) => [r[1] as string, r]));
    const accounts = new Map((await callCore(core, 'accounts.list', {})).map((a) => [a.id, a.label]));
    for (const r of expected) {
      const row = byPhone.get(cellText(r.phone));
      expect(row, r.phone).toBeDefined();
      if (!row) continue;
      expect(row.slice(0, 5)).toEqual([cellText(r.name), cellText(r.phone), r.status, r.reason, r.accountId === null ? null : accounts.get(r.accountId)]);
      expect(row.slice(5).map(shown)).toEqual([r.sentAt, r.deliveredAt, r.readAt, r.repliedAt].map(wallClock));
    }

    // Times are date cells with a date format, not text; no cell anywhere is a formula.
    const sheet = wb.Sheets.Recipients as XLSX.WorkSheet;
    const sentCells = Object.keys(sheet).filter((k) => /^F\d+$/.test(k) && k !== 'F1');
    expect(sentCells.length).toBeGreaterThan(0);
    for (const k of sentCells) {
      const c = sheet[k] as XLSX.CellObject;
      expect(c.t).toBe('n');
      expect(String(c.z)).toMatch(/yyyy/);
    }
    for (const name of wb.SheetNames) {
      for (const [k, c] of Object.entries(wb.Sheets[name] as XLSX.WorkSheet)) {
        if (!k.startsWith('!')) expect((c as XLSX.CellObject).f, `${name}!${k}`).toBeUndefined();
      }
    }
    const names = rows.slice(1).map((r) => r[0] as string);
    for (const nasty of NASTY) expect(names).toContain(`'${nasty}`);
    expect(expected.some((r) => r.repliedAt !== null)).toBe(true);

    // Summary: the report's funnel, as numbers.
    const report = await callCore(core, 'reports.get', { id });
    const summary = new Map(sheetRows(wb, 'Summary').map((r) => [r[0] as string, r.slice(1)]));
    expect(summary.get('Campaign')?.[0]).toBe('History 01');
    expect(summary.get('Recipients')?.[0]).toBe(report.funnel.recipients);
    expect(summary.get('Sent')?.[0]).toBe(report.funnel.sent);
    expect(summary.get('Delivered')?.[0]).toBe(report.funnel.delivered);
    expect(summary.get('Read')?.[0]).toBe(report.funnel.read);
    expect(summary.get('Failed')?.[0]).toBe(report.funnel.failed);
    expect(shown(summary.get('Started')?.[0])).toBe(wallClock(report.campaign.startedAt));

    // Failures: each reason with its count, then every failed or skipped person.
    const failures = sheetRows(wb, 'Failures');
    for (const f of report.failures) expect(failures).toContainEqual([f.reason, f.count, null, null, null, null]);
    const failedPeople = expected.filter((r) => r.status === 'failed' || r.status === 'skipped').map((r) => cellText(r.phone)).sort();
    const header = failures.findIndex((r) => r[0] === 'Name');
    expect(failures.slice(header + 1).map((r) => r[1] as string).sort()).toEqual(failedPeople);
  });

  it('puts several campaigns in one workbook with valid, unique sheet names, and writes CSV', async () => {
    const { core, h } = await history(40, 4, 20);
    const [a, b, c, d] = h.campaignIds as [number, number, number, number];
    const rename = core.queueDb.prepare('UPDATE campaigns SET name = ? WHERE id = ?');
    rename.run('Spring/sale: [VIP]*? \\ all', a);
    rename.run('A very long campaign name that goes on and on past Excel', b);
    rename.run('A very long campaign name that goes on and on past Excel', c);
    rename.run('summary', d);
    const file = await callCore(core, 'reports.export', { ids: [a, b, c, d], format: 'xlsx' });
    expect(file.fileName).toMatch(/^Pigeon 4 campaign reports .*\.xlsx$/);
    const wb = XLSX.read(file.bytes, { cellDates: true });
    expect(wb.SheetNames).toHaveLength(5);
    expect(wb.SheetNames[0]).toBe('Summary');
    expect(new Set(wb.SheetNames.map((n) => n.toLowerCase())).size).toBe(5);
    for (const n of wb.SheetNames) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    const summary = sheetRows(wb, 'Summary');
    expect(summary.map((r) => r[0])).toEqual([
      'Campaign',
      'Spring/sale: [VIP]*? \\ all',
      'A very long campaign name that goes on and on past Excel',
      'A very long campaign name that goes on and on past Excel',
      'summary',
    ]);
    for (const [i, id] of [a, b, c, d].entries()) {
      const report = await callCore(core, 'reports.get', { id });
      expect(summary[i + 1]?.[4]).toBe(report.funnel.recipients);
      expect(sheetRows(wb, wb.SheetNames[i + 1] as string).length - 1).toBe(report.funnel.recipients);
    }

    const csv = await callCore(core, 'reports.export', { ids: [a, b], format: 'csv' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith('\ufeffCampaign,Name,Phone,Status')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines.length - 1).toBe(40);
    expect(lines.some((l) => /^"?Spring\/sale/.test(l))).toBe(true);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('reports progress over 20 campaigns and stops on cancel, handing back no file', async () => {
    const { core, h, dataDir } = await history(1000, 20, 1000);
    const ids = h.campaignIds;
    const seen: ExportProgress[] = [];
    const off = onProgress(core, (p) => seen.push(p));
    try {
      // Whole: progress rises to its total.
      const whole = await callCore(core, 'reports.export', { ids, format: 'xlsx', exportId: crypto.randomUUID() });
      expect(XLSX.read(whole.bytes).SheetNames).toHaveLength(21);
      expect(seen.length).toBeGreaterThan(2);
      const last = seen[seen.length - 1] as ExportProgress;
      expect(last.done).toBe(last.total);
      for (let i = 1; i < seen.length; i++) expect((seen[i] as ExportProgress).done).toBeGreaterThanOrEqual((seen[i - 1] as ExportProgress).done);

      // Cancelled at the first progress: the call fails with "cancelled" and nothing is returned.
      seen.length = 0;
      const exportId = crypto.randomUUID();
      const before = fs.readdirSync(dataDir).sort();
      let cancelled: Promise<{ cancelled: boolean }> | null = null;
      const stop = onProgress(core, (p) => {
        if (p.exportId === exportId && !cancelled) cancelled = callCore(core, 'reports.cancelExport', { exportId });
      });
      const run = callCore(core, 'reports.export', { ids, format: 'xlsx', exportId });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      stop();
      expect(await (cancelled as unknown as Promise<{ cancelled: boolean }>)).toEqual({ cancelled: true });
      const total = seen.find((p) => p.exportId === exportId)?.total ?? 0;
      expect(Math.max(...seen.filter((p) => p.exportId === exportId).map((p) => p.done))).toBeLessThan(total);
      expect(fs.readdirSync(dataDir).sort()).toEqual(before);
      // Unknown or finished exports: nothing to cancel.
      expect(await callCore(core, 'reports.cancelExport', { exportId })).toEqual({ cancelled: false });
    } finally {
      off();
    }
  });

  it('a failure half-way hands back no file, and the next export works', async () => {
    const { core, h, dataDir } = await history(40, 1, 30);
    const id = h.campaignIds[0] as number;
    // The worker cannot read the book (moved away mid-session): the call fails, no bytes.
    const book = fs.readdirSync(dataDir).find((f) => f.endsWith('.sqlite3') && !f.startsWith('campaigns')) as string;
    const file = path.join(dataDir, book);
    fs.renameSync(file, file + '.away');
    try {
      const error = await callCore(core, 'reports.export', { ids: [id], format: 'xlsx' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error instanceof AppError || error instanceof RemoteError).toBe(true);
    } finally {
      fs.renameSync(file + '.away', file);
    }
    const again = await callCore(core, 'reports.export', { ids: [id], format: 'xlsx' });
    expect(XLSX.read(again.bytes).SheetNames).toEqual(['Summary', 'Recipients', 'Failures']);
  });

  it('takes 1 to 50 campaigns', () => {
    const input = contract['reports.export'].input;
    expect(input.safeParse({ ids: [], format: 'xlsx' }).success).toBe(false);
    expect(input.safeParse({ ids: Array.from({ length: 51 }, (_, i) => i + 1), format: 'xlsx' }).success).toBe(false);
    expect(input.safeParse({ ids: Array.from({ length: 50 }, (_, i) => i + 1), format: 'csv' }).success).toBe(true);
  });
});

/**
 * Usage as an .xlsx: a sheet by day and a sheet by month, one column per account, dates as real
 * Excel dates. Small (≤ 366 rows), so written on the main thread with SheetJS; every text cell is
 * neutralised like every other export.
 */
import * as XLSX from 'xlsx';
import type { FileBlob } from '#shared/domain';
import { t } from '#shared/i18n';
import { neutraliseCell } from '#shared/text';
import type { UsageYear } from '#shared/usage';
import { MIME } from '#main/exports/export-service';

export function usageWorkbook(usage: UsageYear): Uint8Array {
  const labels = usage.accounts.map((a) => neutraliseCell(a.label));
  const caps = usage.accounts.map((a) => a.dailyCap ?? '');
  const byDay: (string | number | Date)[][] = [
    [t('usage.date'), ...labels],
    [t('usage.cap'), ...caps],
    ...usage.dates.map((date, i) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      // A local-midnight Date: SheetJS turns it into that calendar day whatever the machine's zone.
      return [new Date(y, m - 1, d), ...usage.accounts.map((a) => a.days[i] ?? 0)];
    }),
  ];
  const byMonth: (string | number | Date)[][] = [
    [t('usage.monthCol'), ...labels],
    ...Array.from({ length: 12 }, (_, m) => [new Date(usage.year, m, 1), ...usage.accounts.map((a) => a.months[m] ?? 0)]),
    [t('usage.total'), ...usage.accounts.map((a) => a.total)],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(byDay, { cellDates: true, dateNF: 'yyyy-mm-dd' }), t('export.sheet.byDay'));
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(byMonth, { cellDates: true, dateNF: 'yyyy-mm' }), t('export.sheet.byMonth'));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellDates: true }) as ArrayBuffer);
}

export function usageFile(usage: UsageYear): FileBlob {
  return { fileName: `${t('export.file.usage', { year: String(usage.year) })}.xlsx`, mimeType: MIME.xlsx, bytes: usageWorkbook(usage) };
}

/**
 * The sheets of a report export, built in the spreadsheet worker: the summary (from the report
 * main computed with `reports.get`), the recipients (read here, streamed from the queue file) and
 * the failures. Times go into the file as real dates (ms → date cells), counts as numbers.
 */
import type { CampaignReport } from '#shared/reports';
import { t } from '#shared/i18n';
import type { Sqlite } from '#main/kernel/db';
import { writeCsv, writeWorkbook } from '#main/spreadsheets/write';
import type { CellValue, ColumnKind, SheetSpec } from '#main/spreadsheets/xlsx-write-fast';

/** One recipient as exported: name, phone, status, reason, account, sent, delivered, read, replied. */
export type RecipientCells = [string, string, string, string, string, number | null, number | null, number | null, number | null];

/** The recipients table's headers, in the language of the export. */
export function recipientHeaders(): string[] {
  return [t('export.col.name'), t('export.col.phone'), t('export.col.status'), t('export.col.reason'), t('export.col.account'), t('export.col.sent'), t('export.col.delivered'), t('export.col.read'), t('export.col.replied')];
}
export const RECIPIENT_KINDS: ColumnKind[] = ['text', 'text', 'text', 'text', 'text', 'date', 'date', 'date', 'date'];

const HOUR = 3_600_000;

/** Rows of the recipients table per read, between progress reports and cancel checks. */
export const READ_CHUNK = 2000;

/**
 * Every recipient of a campaign in name order, with the first message from their phone after our
 * send (within the reply window) as the reply time. `onChunk` runs every READ_CHUNK rows (it may
 * throw to stop). `db` is the queue file with the book attached as `book`.
 */
export function readRecipientCells(
  db: Sqlite,
  campaignId: number,
  replyWindowHours: number,
  onChunk: (rows: number) => void,
): RecipientCells[] {
  const labels = new Map(db.prepare('SELECT id, label FROM book.accounts').raw().all() as [number, string][]);
  const bounds = db
    .prepare('SELECT min(sent_at), max(sent_at) FROM recipients WHERE campaign_id = ?')
    .raw()
    .get(campaignId) as [number | null, number | null];
  // The replies that can count, by phone, oldest first (one pass over the window, not one per row).
  const replies = new Map<string, number[]>();
  if (bounds[0] !== null && bounds[1] !== null) {
    const from = new Date(bounds[0]).toISOString();
    const to = new Date(bounds[1] + replyWindowHours * HOUR).toISOString();
    const rows = db
      .prepare('SELECT from_phone, received_at FROM book.incoming_messages WHERE received_at >= ? AND received_at <= ? ORDER BY received_at')
      .raw()
      .iterate(from, to) as IterableIterator<[string, string]>;
    for (const [phone, at] of rows) {
      const list = replies.get(phone);
      const ms = Date.parse(at);
      if (list) list.push(ms);
      else replies.set(phone, [ms]);
    }
  }
  const statement = db
    .prepare(
      `SELECT name, phone, status, reason, account_id, sent_at, delivered_at, read_at
         FROM recipients WHERE campaign_id = ? ORDER BY name COLLATE NOCASE, phone`,
    )
    .raw();
  const out: RecipientCells[] = [];
  const rows = statement.iterate(campaignId) as IterableIterator<
    [string, string, string, string | null, number | null, number | null, number | null, number | null]
  >;
  for (const [name, phone, status, reason, accountId, sentAt, deliveredAt, readAt] of rows) {
    let repliedAt: number | null = null;
    if (sentAt !== null) {
      const limit = sentAt + replyWindowHours * HOUR;
      for (const at of replies.get(phone) ?? []) {
        if (at > limit) break;
        if (at >= sentAt) {
          repliedAt = at;
          break;
        }
      }
    }
    const account = accountId === null ? '' : (labels.get(accountId) ?? `#${accountId}`);
    out.push([name, phone, status, reason ?? '', account, sentAt, deliveredAt, readAt, repliedAt]);
    if (out.length % READ_CHUNK === 0) onChunk(out.length);
  }
  return out;
}

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
/** A share in per cent, one decimal; '' when there is nothing to divide by. */
const percent = (part: number, whole: number): number | string => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : '');
const minutes = (ms: number): number => Math.round(ms / 6000) / 10;

/** One campaign's summary: its facts, the funnel with rates, the delays, the accounts, the exclusions. */
export function summarySheet(name: string, r: CampaignReport): SheetSpec {
  const f = r.funnel;
  const c = r.campaign;
  const ofRecipients = t('export.sum.ofRecipients');
  const ofSent = t('export.sum.ofSent');
  const rows: CellValue[][] = [
    [t('export.col.campaign'), c.name],
    [t('export.col.status'), c.status],
    [t('export.sum.message'), r.draftDeleted ? t('export.sum.draftDeleted', { name: c.draftName }) : c.draftName],
    [t('export.sum.created'), date(c.createdAt)],
    [t('export.sum.started'), date(c.startedAt)],
    [t('export.sum.finished'), date(c.finishedAt)],
    [t('export.sum.firstSent'), date(r.firstSentAt)],
    [t('export.sum.lastSent'), date(r.lastSentAt)],
    [t('export.sum.replyWindow'), r.replyWindowHours],
    [],
    [t('export.sum.funnel'), t('export.col.people'), t('export.sum.rate'), t('export.sum.of')],
    [t('export.sum.recipients'), f.recipients],
    [t('export.col.sent'), f.sent, percent(f.sent, f.recipients), ofRecipients],
    [t('export.col.delivered'), f.delivered, percent(f.delivered, f.sent), ofSent],
    [t('export.col.read'), f.read, percent(f.read, f.sent), ofSent],
    [t('export.col.replied'), f.replied, percent(f.replied, f.sent), ofSent],
    [t('export.sum.optedOut'), f.optedOut, percent(f.optedOut, f.sent), ofSent],
    [t('export.sum.failed'), f.failed, percent(f.failed, f.recipients), ofRecipients],
    [t('export.sum.skipped'), f.skipped, percent(f.skipped, f.recipients), ofRecipients],
    [t('export.sum.unknown'), f.unknown, percent(f.unknown, f.recipients), ofRecipients],
    [t('export.sum.pending'), f.pending, percent(f.pending, f.recipients), ofRecipients],
    [t('export.sum.excluded'), f.excluded],
    [],
    [t('export.sum.delay'), t('export.sum.messages'), t('export.sum.median'), t('export.sum.p90')],
    [t('export.sum.sentToDelivered'), r.deliveredDelay?.count ?? 0, r.deliveredDelay ? minutes(r.deliveredDelay.medianMs) : '', r.deliveredDelay ? minutes(r.deliveredDelay.p90Ms) : ''],
    [t('export.sum.sentToRead'), r.readDelay?.count ?? 0, r.readDelay ? minutes(r.readDelay.medianMs) : '', r.readDelay ? minutes(r.readDelay.p90Ms) : ''],
    [],
    [t('export.col.account'), t('export.col.sent'), t('export.col.delivered'), t('export.col.read'), t('export.sum.failed')],
    ...r.perAccount.map((a) => [a.label ?? t('export.sum.removedAccount', { id: a.accountId }), a.sent, a.delivered, a.read, a.failed]),
  ];
  if (r.excludedReasons.length > 0) {
    rows.push([], [t('export.sum.excludedBecause'), t('export.col.people')], ...r.excludedReasons.map((e) => [e.reason, e.count]));
  }
  return { name, headers: [t('export.col.figure'), t('export.col.value')], rows, kinds: ['text', 'text', 'number', 'text', 'number'] };
}

/** Several campaigns' summaries: one row each. */
export function summaryTable(name: string, reports: readonly CampaignReport[]): SheetSpec {
  const headers = [
    t('export.col.campaign'), t('export.col.status'), t('export.sum.started'), t('export.sum.finished'), t('export.sum.recipients'),
    t('export.col.sent'), t('export.col.delivered'), t('export.col.read'), t('export.col.replied'), t('export.sum.optedOut'),
    t('export.sum.failed'), t('export.sum.skipped'), t('export.sum.excluded'), t('export.sum.deliveredPct'), t('export.sum.readPct'),
    t('export.sum.repliedPct'), t('export.sum.deliveredAfter'), t('export.sum.readAfter'),
  ];
  const rows = reports.map((r): CellValue[] => {
    const f = r.funnel;
    return [
      r.campaign.name, r.campaign.status, date(r.campaign.startedAt), date(r.campaign.finishedAt), f.recipients, f.sent,
      f.delivered, f.read, f.replied, f.optedOut, f.failed, f.skipped, f.excluded, percent(f.delivered, f.sent),
      percent(f.read, f.sent), percent(f.replied, f.sent), r.deliveredDelay ? minutes(r.deliveredDelay.medianMs) : '',
      r.readDelay ? minutes(r.readDelay.medianMs) : '',
    ];
  });
  return { name, headers, rows, kinds: ['text', 'text', 'date', 'date'] };
}

/** The failure (and skip) reasons with their counts, then the people that failed or were skipped. */
export function failuresSheet(name: string, r: CampaignReport, recipients: readonly RecipientCells[]): SheetSpec {
  const rows: CellValue[][] = r.failures.map((f) => [f.reason, f.count]);
  rows.push([], recipientHeaders().slice(0, 6));
  const failed = recipients.filter((x) => x[2] === 'failed' || x[2] === 'skipped');
  failed.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
  for (const x of failed) rows.push([x[0], x[1], x[2], x[3], x[4], x[5] === null ? null : new Date(x[5])]);
  return { name, headers: [t('export.col.reason'), t('export.col.people')], rows };
}

/** Thrown by a progress callback when the export was cancelled. */
export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** "2026-12-03 14:05:09" in this machine's time zone: what spreadsheet apps read back as a date. */
function csvTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export type ReportFileInput = { reports: readonly CampaignReport[]; format: 'xlsx' | 'csv'; replyWindowHours: number };

/**
 * The whole export file as bytes (nothing is written anywhere). `progress(done, total)` counts
 * recipient rows read and then written (total = 2 × rows, 1 × for CSV); it may throw
 * ExportCancelled, which abandons the file.
 */
export function buildReportFile(
  db: Sqlite,
  input: ReportFileInput,
  progress: (done: number, total: number) => void,
): Uint8Array {
  const rowsTotal = input.reports.reduce((n, r) => n + r.funnel.recipients, 0);
  const total = Math.max(1, input.format === 'xlsx' ? 2 * rowsTotal : rowsTotal);
  let done = 0;
  const perCampaign = input.reports.map((r) => {
    const before = done;
    const cells = readRecipientCells(db, r.campaign.id, input.replyWindowHours, (n) => progress(before + n, total));
    done += cells.length;
    progress(done, total);
    return cells;
  });

  if (input.format === 'csv') {
    const several = input.reports.length > 1;
    const headers = [...(several ? [t('export.col.campaign')] : []), ...recipientHeaders()];
    const rows: string[][] = [];
    input.reports.forEach((r, i) => {
      for (const x of perCampaign[i] ?? []) {
        const row = [x[0], x[1], x[2], x[3], x[4], csvTime(x[5]), csvTime(x[6]), csvTime(x[7]), csvTime(x[8])];
        rows.push(several ? [r.campaign.name, ...row] : row);
      }
    });
    return writeCsv(headers, rows);
  }

  const sheets: SheetSpec[] = [];
  if (input.reports.length === 1) {
    const r = input.reports[0] as CampaignReport;
    const cells = perCampaign[0] ?? [];
    sheets.push(
      summarySheet(t('export.sheet.summary'), r),
      { name: t('export.sheet.recipients'), headers: recipientHeaders(), rows: cells, kinds: RECIPIENT_KINDS },
      failuresSheet(t('export.sheet.failures'), r, cells),
    );
  } else {
    sheets.push(summaryTable(t('export.sheet.summary'), input.reports));
    input.reports.forEach((r, i) => {
      sheets.push({ name: r.campaign.name, headers: recipientHeaders(), rows: perCampaign[i] ?? [], kinds: RECIPIENT_KINDS });
    });
  }
  let written = 0;
  return writeWorkbook(sheets, () => {
    // Every data row of every sheet; the summary and failures rows are few.
    written++;
    if (written % READ_CHUNK === 0) progress(Math.min(total, done + written), total);
  });
}

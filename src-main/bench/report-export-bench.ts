/**
 * report_export_100k_vs_raw: `reports.export` of one campaign of N (100 000) recipients to .xlsx
 * (the report's figures, the recipients read from the queue file in the worker, three sheets
 * written), divided by SheetJS's plain write (aoa_to_sheet + XLSX.write) of the same recipient
 * rows, measured side by side, median of the rounds each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { seedHistory } from './history';
import type { QueueBenchContext } from './queue-bench';

const HEADERS = ['Name', 'Phone', 'Status', 'Reason', 'Account', 'Sent', 'Delivered', 'Read', 'Replied'];
const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export async function reportExportBench(ctx: QueueBenchContext): Promise<void> {
  const dir = path.join(ctx.tmp, 'report-export');
  fs.cpSync(ctx.bookDir, dir, { recursive: true });
  const core = await ctx.open(dir, { connectAccounts: false, startQueue: false });
  try {
    const seeded = performance.now();
    const h = await seedHistory(core, { campaigns: 1, perCampaign: ctx.n, seed: 11 });
    const id = h.campaignIds[0] as number;
    console.log(`# report export: 1 campaign × ${ctx.n} recipients seeded in ${(performance.now() - seeded).toFixed(0)} ms`);

    // The same rows, as SheetJS gets them: text and dates (the account by its label).
    const labels = new Map((core.queueDb.prepare('SELECT id, label FROM book.accounts').raw().all() as [number, string][]));
    const rows = (
      core.queueDb
        .prepare(
          `SELECT name, phone, status, reason, account_id, sent_at, delivered_at, read_at FROM recipients
            WHERE campaign_id = ? ORDER BY name COLLATE NOCASE, phone`,
        )
        .raw()
        .all(id) as [string, string, string, string | null, number | null, number | null, number | null, number | null][]
    ).map((r) => [r[0], r[1], r[2], r[3] ?? '', r[4] === null ? '' : (labels.get(r[4]) ?? ''), date(r[5]), date(r[6]), date(r[7]), null]);

    const ours: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ctx.rounds; round++) {
      let start = performance.now();
      const sheet = XLSX.utils.aoa_to_sheet([HEADERS, ...rows]);
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, sheet, 'Recipients');
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
      raw.push(performance.now() - start);

      start = performance.now();
      const file = await core.handlers['reports.export']({ ids: [id], format: 'xlsx', replyWindowHours: 72 });
      ours.push(performance.now() - start);
      if (file.bytes.byteLength < 1000) throw new Error('the report export produced an empty file');
    }
    console.log(`# report export: ours median ${ctx.median(ours).toFixed(0)} ms, SheetJS raw median ${ctx.median(raw).toFixed(0)} ms`);
    ctx.report('report_export_100k_vs_raw', ctx.median(ours) / ctx.median(raw), 'ratio', '<=', 1.0);
  } finally {
    await core.close();
  }
}

/**
 * `npm run bench` — the contact book's and the send queue's figures, each printed as
 *   name: value unit (target: OP value)
 * Ratios are measured side by side in this one process run; each timing is the median of several
 * rounds. Data is generated (deterministic seed) in a temporary folder and removed afterwards.
 * BENCH_SCALE=1m runs only the million-contact section instead (million-bench.ts; not run by CI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '#main/db/native';
import * as XLSX from 'xlsx';
import { emptyQuery } from '#shared/filters';
import { appPaths } from '#main/core/app-paths';
import { openCore, type Core, type CoreOptions } from '#main/core/core';
import { generateContactsRows, generateContactsXlsx, generatedPhoneE164 } from '#main/spreadsheets/fixtures';
import { seedHistory, type HistoryBenchContext } from './history';
import { dashboardOpen } from './overview-bench';
import { backupDuringSends, campaignStart, paceJitter, queueThroughput, type QueueBenchContext } from './queue-bench';
import { reportOpen } from './report-bench';
import { reportExportBench } from './report-export-bench';
import { contactTimeline } from './timeline-bench';
import { usageYear1m } from './usage-bench';
import { budget1m } from './budget-bench';
import { generateMillionBook, millionBench } from './million-bench';
import { warmOrders } from '#main/contacts/sort-order';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/**
 * BENCH_ONLY=backups,history…: only those parts (the import, which every part starts from, always
 * runs). Parts: search (with export), open, history, queue, start, jitter, report, backups.
 * BENCH_ONLY=import runs the import rounds alone (their two figures and nothing else).
 */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const want = (part: string) => ONLY.length === 0 || ONLY.includes(part);
const paths = appPaths();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-bench-'));
let failures = 0;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

function report(name: string, value: number, unit: string, op: '<=' | '>=', target: number): void {
  const ok = op === '<=' ? value <= target : value >= target;
  if (!ok) failures++;
  const shown = unit === 'ratio' ? value.toFixed(2) : value < 10 ? value.toFixed(2) : value.toFixed(0);
  console.log(`${name}: ${shown} ${unit} (target: ${op} ${target})${ok ? '' : '  <-- MISSED'}`);
}

async function open(dir: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  return openCore({
    dataDir: dir,
    workerPath: paths.workerPath,
    resourcesDir: paths.resourcesDir,
    shell: 'browser',
    version: paths.version,
    ...extra,
  });
}

/** The baseline the issue names: SheetJS dense read + a raw prepared insert of the same rows. */
function rawImport(bytes: Uint8Array, dir: string): number {
  const start = performance.now();
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheet as XLSX.WorkSheet, { header: 1, raw: true });
  const db = openDatabase(path.join(dir, 'raw.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (phone TEXT UNIQUE, name TEXT, city TEXT, email TEXT, tags TEXT, note TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i] ?? [];
      insert.run(String(r[0] ?? ''), String(r[1] ?? ''), String(r[2] ?? ''), String(r[3] ?? ''), String(r[4] ?? ''), String(r[5] ?? ''));
    }
  })();
  db.close();
  return performance.now() - start;
}

async function fullImport(bytes: Uint8Array, dir: string): Promise<{ ms: number; maxLagMs: number; added: number }> {
  const core = await open(dir);
  const lag = monitorEventLoopDelay({ resolution: 1 });
  // A timer that measures lateness directly, as a second opinion on the histogram.
  let lastTick = performance.now();
  let maxTimerLate = 0;
  // Where the longest blocks fell: the phase of the import (from its progress events) at each.
  let phase = 'open';
  const blocks: { at: number; ms: number; phase: string }[] = [];
  const unsubscribe = core.bus.subscribe((event, payload) => {
    if (event === 'imports.progress') phase = (payload as { phase: string }).phase;
  });
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick - 5;
    maxTimerLate = Math.max(maxTimerLate, late);
    if (late > 8) blocks.push({ at: lastTick - start, ms: late, phase });
    lastTick = now;
  }, 5);
  lag.enable();
  const start = performance.now();
  const preview = await core.handlers['imports.open']({ fileName: 'bench.xlsx', bytes });
  const opened = performance.now() - start;
  phase = 'preview';
  const summary = await core.handlers['imports.run']({
    importId: preview.importId,
    mapping: preview.mapping,
    onDuplicate: 'skip',
    target: { kind: 'newGroup', name: 'Bench group' },
    tags: [],
  });
  const ms = performance.now() - start;
  console.log(`# import round: open ${opened.toFixed(0)} ms, run ${(ms - opened).toFixed(0)} ms`);
  lag.disable();
  clearInterval(timer);
  unsubscribe();
  const longest = [...blocks].sort((a, b) => b.ms - a.ms).slice(0, 4);
  console.log(`# import round: longest blocks ${longest.map((b) => `${b.ms.toFixed(0)} ms at ${b.at.toFixed(0)} ms (${b.phase})`).join(', ') || 'none over 8 ms'}`);
  await core.close();
  if (summary.status !== 'completed') throw new Error(`bench import ${summary.status}: ${summary.message ?? ''}`);
  return { ms, maxLagMs: Math.max(lag.max / 1e6 - 1, maxTimerLate), added: summary.added };
}

function rawExport(rows: string[][], headers: string[]): number {
  const start = performance.now();
  const sheet = XLSX.utils.aoa_to_sheet([headers, ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, 'Contacts');
  XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
  return performance.now() - start;
}

async function main(): Promise<void> {
  const generate = process.env.BENCH_1M_GENERATE;
  if (generate) {
    const core = await open(generate, { connectAccounts: false, startQueue: false });
    generateMillionBook(core);
    await core.close();
    return;
  }
  if (process.env.BENCH_SCALE === '1m') {
    console.log(`# Pigeon bench, 1m section: node ${process.version}, ${os.cpus().length} cores`);
    await millionBench({ tmp, rounds: ROUNDS, open, report, median, percentile }, process.argv[1] ?? '');
    return;
  }
  console.log(`# Pigeon bench: ${N} rows, ${ROUNDS} rounds, node ${process.version}, ${os.cpus().length} cores`);
  const bytes = generateContactsXlsx(N, 42);
  /**
   * The bench's own garbage (the raw baseline's 100 000 row arrays) is collected before each full
   * import, when `npm run bench` gives node --expose-gc: the loop lag measured is the app's, not a
   * collection of what the bench left on the main thread's heap.
   */
  const collect = () => (globalThis as { gc?: () => void }).gc?.();

  // 1–2. Import: raw baseline and the full path, alternating so machine noise hits both alike.
  const raw: number[] = [];
  const full: number[] = [];
  const lags: number[] = [];
  let bookDir = '';
  for (let round = 0; round < ROUNDS; round++) {
    const rawDir = fs.mkdtempSync(path.join(tmp, 'raw-'));
    raw.push(rawImport(bytes, rawDir));
    const dir = fs.mkdtempSync(path.join(tmp, 'full-'));
    // imports.open takes the bytes it is given (they are handed to the reader): a fresh copy a round.
    const own = bytes.slice();
    collect();
    const r = await fullImport(own, dir);
    if (r.added !== N) throw new Error(`expected ${N} contacts imported, got ${r.added}`);
    full.push(r.ms);
    lags.push(r.maxLagMs);
    bookDir = dir;
  }
  console.log(`# import: full median ${median(full).toFixed(0)} ms, raw median ${median(raw).toFixed(0)} ms`);
  report('import_100k_vs_raw', median(full) / median(raw), 'ratio', '<=', 1.5);
  report('import_100k_max_loop_lag_ms', Math.max(...lags), 'ms', '<=', 25);
  if (ONLY.length === 1 && ONLY[0] === 'import') return;

  if (want('search')) {
    // 3. Search: a page of 50 over the imported book, varied terms.
    const { headers, rows } = generateContactsRows(N, 42);
    const core = await open(bookDir);
    const sampleNames = rows.filter((_, i) => i % 997 === 0).map((r) => r[1] ?? '');
    const terms: string[] = [];
    for (const name of sampleNames) {
      const words = name.split(' ');
      terms.push(words[0] ?? name, words[1] ?? name, name.slice(0, 2), name.slice(1, 5));
    }
    for (let i = 0; i < rows.length; i += 1999) {
      // Phone numbers as people type them: the start of the number in international form with
      // spaces, in national form with the trunk 0 (Turkish numbers; TR is the default country),
      // the whole number; and a custom field value (a city).
      const e164 = generatedPhoneE164(i, 42);
      const national = e164.startsWith('+90') ? `0${e164.slice(3, 6)} ${e164.slice(6, 9)}` : `${e164.slice(0, 3)} ${e164.slice(3, 6)}`;
      terms.push(`${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6, 8)}`, national, e164, rows[i]?.[2] ?? '');
    }
    // The sort orders are built after open in steps between turns of the event loop (sort-order.ts),
    // which this loop of back-to-back calls never gives them: wait for them, as the untimed first
    // pass used to build them on its first search.
    const ordersStart = performance.now();
    await warmOrders(core.store.db);
    console.log(`# search: sort orders ready ${(performance.now() - ordersStart).toFixed(0)} ms after open`);
    const times: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const term of terms) {
        const start = performance.now();
        await core.handlers['contacts.list']({
          query: { ...emptyQuery(), search: term },
          sort: { column: 'name', direction: 'asc' },
          offset: 0,
          limit: 50,
          withTotal: true,
        });
        if (pass === 1) times.push(performance.now() - start);
      }
    }
    console.log(`# search: ${times.length} queries, median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    report('search_100k_p95_ms', percentile(times, 95), 'ms', '<=', 5);

    // 4. Export of all contacts vs a raw SheetJS write of the same rows.
    const exp: number[] = [];
    const rawExp: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rawExp.push(rawExport(rows, headers));
      const start = performance.now();
      const file = await core.handlers['exports.contacts']({ query: emptyQuery(), format: 'xlsx' });
      exp.push(performance.now() - start);
      if (file.bytes.byteLength < 1000) throw new Error('export produced an empty file');
    }
    console.log(`# export: full median ${median(exp).toFixed(0)} ms, raw median ${median(rawExp).toFixed(0)} ms`);
    report('export_100k_vs_raw', median(exp) / median(rawExp), 'ratio', '<=', 1.3);
    await core.close();
  }

  if (want('open')) {
    // 5. Opening the core on the 100k book and showing the first page.
    const opens: number[] = [];
    for (let round = 0; round < Math.max(ROUNDS, 5); round++) {
      const start = performance.now();
      const c = await open(bookDir);
      const page = await c.handlers['contacts.list']({
        query: emptyQuery(),
        sort: { column: 'name', direction: 'asc' },
        offset: 0,
        limit: 50,
        withTotal: true,
      });
      opens.push(performance.now() - start);
      if (page.total !== N) throw new Error(`expected ${N} contacts, found ${page.total}`);
      await c.close();
    }
    report('core_open_100k_ms', median(opens), 'ms', '<=', 300);
  }

  // 6. The history figures: a copy of the book with 50 finished campaigns × 20 000 recipients.
  const historyDir = fs.mkdtempSync(path.join(tmp, 'history-'));
  fs.cpSync(bookDir, historyDir, { recursive: true });
  fs.rmSync(path.join(historyDir, 'pigeon.lock'), { force: true });
  const historyCore = await open(historyDir, { connectAccounts: false, startQueue: false });
  const seedStart = performance.now();
  const history = await seedHistory(historyCore);
  console.log(
    `# history: ${history.campaignIds.length} campaigns, ${history.rows} recipient rows, ${history.sent} sends, ${history.replies} replies (seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`,
  );
  const hctx: HistoryBenchContext = { core: historyCore, history, rounds: ROUNDS, tmp, report, median, percentile };
  if (want('history')) {
    await dashboardOpen(hctx);
    await contactTimeline(hctx);
    await usageYear1m(hctx);
    budget1m(hctx);
  }
  await historyCore.close();

  // 7–9. The send queue: throughput on a zero-delay demo phone, starting a campaign on the whole
  // book with exclusions (on the book above), and pace lateness while an import runs.
  const ctx: QueueBenchContext = { n: N, rounds: ROUNDS, tmp, bookDir, bookBytes: bytes, open, report, median, percentile };
  if (want('queue')) await queueThroughput(ctx);
  if (want('start')) await campaignStart(ctx);
  if (want('jitter')) await paceJitter(ctx);
  if (want('report')) {
    await reportOpen(ctx);
    await reportExportBench(ctx);
  }
  if (want('backups')) await backupDuringSends(ctx, historyDir);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  })
  .finally(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (failures > 0) console.log(`# ${failures} figure(s) missed their target`);
  });

/**
 * The import service's own rules, on real worker threads and real SQLite: the reader's memory
 * limit, one open import at a time, and imports left alone being discarded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '#shared/domain';
import { FakeClock } from '#main/kernel/clock';
import { generateContactsRows } from '#main/spreadsheets/fixtures';
import { projectRoot, testCore } from '#main/test-support/core';
import type { Core } from '#main/core/core';
import { ImportService, type ImportServiceDeps } from './import-service';

let core: Core;
let cleanup: () => Promise<void>;
const services: ImportService[] = [];

beforeEach(async () => {
  ({ core, cleanup } = await testCore());
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.closeAll();
  await cleanup();
});

function service(extra: Partial<ImportServiceDeps> = {}): ImportService {
  const s = new ImportService({
    db: core.store.db,
    dbFile: core.store.file,
    bus: core.bus,
    workerPath: path.join(projectRoot, 'dist', 'main', 'spreadsheet-worker.cjs'),
    defaultCountry: () => Promise.resolve('TR'),
    onChanged: () => undefined,
    ...extra,
  });
  services.push(s);
  return s;
}

/** `n` generated contacts as a semicolon CSV. */
function csv(n: number, seed = 9): Uint8Array {
  const { headers, rows } = generateContactsRows(n, seed);
  return new TextEncoder().encode([headers, ...rows].map((r) => r.join(';')).join('\n'));
}

const open = (s: ImportService, n: number, seed = 9): Promise<ImportPreview> => s.open({ fileName: `c${n}.csv`, bytes: csv(n, seed) });
const run = (s: ImportService, p: ImportPreview) =>
  s.run({ importId: p.importId, mapping: p.mapping, onDuplicate: 'skip', target: { kind: 'contacts' }, tags: [] });

/** Nice value of each of this process's threads (Linux): /proc/self/task/<tid>/stat, field 19. */
function threadNice(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

describe('the reader’s priority', () => {
  it.runIf(process.platform === 'linux')('its threads run below the main thread, which keeps the send pace on a busy machine', async () => {
    const niced = () => [...threadNice().values()].filter((n) => n === 10).length;
    expect(niced()).toBe(0);
    const mainNice = threadNice().get(process.pid);
    const s = service();
    await open(s, 50);
    // The reader and the writer (both started by the open) lower themselves as they start.
    for (let i = 0; i < 200 && niced() < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(niced()).toBe(2);
    expect(threadNice().get(process.pid)).toBe(mainNice);
    await s.closeAll();
    services.splice(0);
    for (let i = 0; i < 200 && niced() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(niced()).toBe(0);
  });
});

describe('the reader’s memory limit', () => {
  it('a file that needs more than the limit fails with a plain message; the app and the next import carry on', async () => {
    // 48 MB of heap reads a small file; 200 000 rows need several times that.
    const s = service({ workerLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
    const error: unknown = await open(s, 200_000).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/more memory than Pigeon/) as unknown });
    expect((error as Error).message).not.toMatch(/heap|Worker|ERR_/);
    const small = await open(s, 50);
    expect(await run(s, small)).toMatchObject({ status: 'completed', added: 50 });
  });
});

describe('one import open at a time', () => {
  it('opening a file discards the import opened before it', async () => {
    const s = service();
    const first = await open(s, 20, 1);
    const second = await open(s, 30, 2);
    await expect(run(s, first)).rejects.toMatchObject({ code: 'not_found', message: 'This import is no longer open. Choose the file again.' });
    expect(await s.discard(first.importId)).toEqual({ discarded: false });
    expect(await run(s, second)).toMatchObject({ status: 'completed', added: 30 });
  });

  it('an import still being read is dropped when another file is opened', async () => {
    const s = service();
    const slow = open(s, 150_000, 1).then(
      () => null,
      (e: unknown) => e,
    );
    const quick = await open(s, 10, 2);
    expect(await slow).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/another file/) as unknown });
    expect(await run(s, quick)).toMatchObject({ status: 'completed', added: 10 });
  });

  it('a running import is left to finish when another file is opened', async () => {
    const s = service();
    const big = await open(s, 20_000, 1);
    let started = false;
    const stop = core.bus.subscribe((event, payload) => {
      if (event === 'imports.progress' && (payload as { importId: string }).importId === big.importId) started = true;
    });
    const running = run(s, big);
    while (!started) await new Promise((r) => setTimeout(r, 5));
    stop();
    const next = await open(s, 10, 2);
    expect(await running).toMatchObject({ status: 'completed', added: 20_000 });
    expect(await run(s, next)).toMatchObject({ status: 'completed', added: 10 });
  });
});

describe('imports left alone', () => {
  it('are discarded after 30 minutes without use, whether ready or finished', async () => {
    const clock = new FakeClock();
    const s = service({ clock });
    const first = await open(s, 20, 1);
    await clock.advance(29 * 60_000);
    // Still there after 29 minutes; running it counts as use.
    expect(await run(s, first)).toMatchObject({ status: 'completed', added: 20 });
    expect(s.rejectedFile(first.importId).fileName).toBe('c20 - rejected rows.xlsx');
    await clock.advance(30 * 60_000 + 1);
    expect(() => s.rejectedFile(first.importId)).toThrow('This import is no longer open.');

    const second = await open(s, 10, 2);
    await clock.advance(30 * 60_000 + 1);
    await expect(run(s, second)).rejects.toMatchObject({ code: 'not_found' });
    expect(clock.pending).toBe(0);
  });

  it('closing the service leaves no timer behind', async () => {
    const clock = new FakeClock();
    const s = service({ clock });
    await open(s, 10);
    expect(clock.pending).toBe(1);
    await s.closeAll();
    expect(clock.pending).toBe(0);
  });
});

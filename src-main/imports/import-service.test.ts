/**
 * The import service's own rules, on real worker threads and real SQLite: the reader's memory
 * limit.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/domain';
import { generateContactsRows } from '../spreadsheets/fixtures';
import { projectRoot, testCore } from '../test-support/core';
import type { Core } from '../core/core';
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

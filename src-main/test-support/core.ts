import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '#main/db/native';
import { contract, type MethodInput, type MethodName, type MethodResult } from '#shared/contract';
import { openCore, type Core, type CoreOptions } from '#main/core/core';
import { DATABASE_FILE } from '#main/db/connection';

/** The project root (this file is src-main/test-support/core.ts). */
export const projectRoot = path.resolve(__dirname, '..', '..');

/** A core on an existing data folder, opened as the shells open it (the built worker). */
export function openTestCore(dataDir: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  return openCore({
    dataDir,
    workerPath: path.join(projectRoot, 'dist', 'main', 'spreadsheet-worker.cjs'),
    resourcesDir: path.join(projectRoot, 'resources'),
    shell: 'browser',
    version: 'test',
    ...extra,
  });
}

/** A core on a fresh temporary data folder. */
export async function testCore(
  extra: Partial<CoreOptions> = {},
): Promise<{ core: Core; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-test-'));
  const core = await openTestCore(dataDir, extra);
  return {
    core,
    dataDir,
    async cleanup() {
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once another connection (an import's writer) holds the data folder's write lock:
 * a probe connection can no longer take it.
 */
export async function writeLockTaken(dataDir: string): Promise<void> {
  const probe = openDatabase(path.join(dataDir, DATABASE_FILE), { timeout: 0 });
  try {
    for (;;) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    probe.close();
  }
}

/** Calls a handler the way the boundary does: input parsed by the contract's schema first. */
export async function callCore<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const parsed = contract[method].input.parse(input) as never;
  const handler = core.handlers[method] as (input: never) => Promise<MethodResult<M>>;
  return handler(parsed);
}

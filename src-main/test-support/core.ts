import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../core/core';

const root = path.resolve(__dirname, '..', '..');

/** A core on a fresh temporary data folder, as the shells open it. */
export async function testCore(): Promise<{ core: Core; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-test-'));
  const core = await openCore({
    dataDir,
    workerPath: path.join(root, 'dist', 'main', 'spreadsheet-worker.cjs'),
    resourcesDir: path.join(root, 'resources'),
    shell: 'browser',
    version: 'test',
  });
  return {
    core,
    dataDir,
    async cleanup() {
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What the real-Electron specs need before they can start the desktop shell: Electron's own binary
 * (its download is blocked on the build machines) and the database module built for Electron's ABI
 * (made by `npm start` / `npm run setup` once Electron is there; `npm test`'s set-up skips it). When
 * either is missing the specs skip and say which, rather than pass without running.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ElectronReady = { binary: string; skip: null } | { binary: null; skip: string };

export function electronReady(): ElectronReady {
  const require = createRequire(import.meta.url);
  let binary: string | null = null;
  try {
    const resolved: unknown = require('electron');
    binary = typeof resolved === 'string' && fs.existsSync(resolved) ? resolved : null;
  } catch {
    // node_modules/electron throws "Electron failed to install correctly" when its download never ran.
    binary = null;
  }
  if (binary === null) {
    return { binary: null, skip: 'Electron binary is not installed here (its download is blocked): the desktop shell cannot be started' };
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  // The folder src-main/db/native.ts (electronNativeDir) and scripts/electron-native.mjs agree on.
  const native = path.join(root, 'native', `electron-${version}-${process.arch}`, 'better_sqlite3.node');
  if (!fs.existsSync(native)) {
    return { binary: null, skip: `Electron is installed but the database module for it is not built (${path.relative(root, native)}): run \`npm run setup\` once with internet access` };
  }
  return { binary, skip: null };
}

/**
 * Starts the built desktop app (`npm run build` first, asserted) on `dataDir`, the demo phone
 * 20 times faster than real; as root Chromium's sandbox needs --no-sandbox.
 */
export function launchPigeon(binary: string, dataDir: string): Promise<ElectronApplication> {
  if (!fs.existsSync(path.join(root, 'dist', 'main', 'electron-main.cjs'))) throw new Error('run `npm run build` first');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return electron.launch({
    executablePath: binary,
    args: ['.', ...(isRoot ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, PIGEON_DATA_DIR: dataDir, PIGEON_SIM_SPEED: '20' },
  });
}

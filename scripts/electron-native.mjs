// The Electron build of better-sqlite3 for `npm start` (issue 14 §1), used by setup.mjs (to build
// it) and start.mjs (to start Electron only when it exists). Node's own modules only at load time;
// @electron/rebuild is imported when a build is needed.
//
// Electron's Node has another ABI than the Node that runs the tests and the browser host, so it
// needs its own compiled better_sqlite3.node. It goes to native/electron-<version>-<arch>/ (read by
// src-main/db/native.ts), never over node_modules/better-sqlite3/build, which stays the Node build.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const NATIVE_FILE = 'better_sqlite3.node';
const INFO_FILE = 'build-info.json';

/** Must agree with electronNativeDir in src-main/db/native.ts (a unit test checks it). */
export function electronNativeDir(root, electronVersion, arch) {
  return path.join(root, 'native', `electron-${electronVersion}-${arch}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** What the Electron build must match: the installed Electron, the CPU, the installed better-sqlite3. */
export function wantedBuild(root, arch = process.arch) {
  const electron = readJson(path.join(root, 'node_modules', 'electron', 'package.json'))?.version ?? null;
  const betterSqlite3 = readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'))?.version ?? null;
  return { electron, arch, platform: process.platform, betterSqlite3 };
}

/** True when Electron's binary was downloaded (its install script writes path.txt). */
export function electronBinaryPresent(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  const p = path.join(dir, 'path.txt');
  if (!fs.existsSync(p)) return false;
  const rel = fs.readFileSync(p, 'utf8').trim();
  return rel !== '' && fs.existsSync(path.join(dir, 'dist', rel));
}

/**
 * The state of the Electron build: 'ready', 'missing', or 'stale' (made for another Electron
 * version, CPU or better-sqlite3 version).
 */
export function electronBuildState(root, want = wantedBuild(root)) {
  if (!want.electron) return { state: 'missing', dir: null, want };
  const dir = electronNativeDir(root, want.electron, want.arch);
  const info = readJson(path.join(dir, INFO_FILE));
  if (!fs.existsSync(path.join(dir, NATIVE_FILE)) || !info) return { state: 'missing', dir, want };
  const same = info.electron === want.electron && info.arch === want.arch && info.platform === want.platform && info.betterSqlite3 === want.betterSqlite3;
  return { state: same ? 'ready' : 'stale', dir, want };
}

/**
 * The environment for the rebuild: without npm's `nodedir` (this machine's ~/.npmrc sets
 * nodedir=/usr, and npm passes it down as npm_config_nodedir). With it node-gyp silently compiles
 * against Node's headers instead of Electron's and the result fails to load in Electron.
 */
export function rebuildEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_config_nodedir$/i.test(k)) out[k] = v;
  return out;
}

/**
 * Builds better-sqlite3 for Electron in a scratch copy of the package (node_modules is left as it
 * is), then copies the .node into native/electron-<version>-<arch>/ with a build-info.json.
 * Needs Electron's headers (or a prebuilt binary) from the internet. Returns { ok, message }.
 */
export async function buildElectronNative(root, { want = wantedBuild(root), log = () => {}, timeoutMs = 600_000 } = {}) {
  if (!want.electron) return { ok: false, message: 'Electron is not installed' };
  const dir = electronNativeDir(root, want.electron, want.arch);
  // The scratch copy sits inside node_modules so @electron/rebuild finds prebuild-install there
  // (better-sqlite3 publishes prebuilt Electron binaries: no compiler needed where GitHub is reachable).
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cache, 'pigeon-electron-native-'));
  try {
    const pkgDir = path.join(scratch, 'node_modules', 'better-sqlite3');
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), pkgDir, {
      recursive: true,
      // A real copy even where node_modules holds links (pnpm, a linked checkout): building through
      // a link would overwrite the Node build this copy exists to protect.
      dereference: true,
      // The Node build stays behind: only sources (and better-sqlite3's own scripts) are copied.
      filter: (src) => !src.startsWith(path.join(root, 'node_modules', 'better-sqlite3', 'build')),
    });
    fs.writeFileSync(
      path.join(scratch, 'package.json'),
      JSON.stringify({ name: 'pigeon-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } }),
    );
    log(`building the database module for Electron ${want.electron} (${want.arch})…`);
    // In a child process so a hang is bounded and npm's nodedir is out of its environment. A script
    // file, not `node -e`: @electron/rebuild forks node-gyp with this process's exec arguments.
    const runner = path.join(scratch, 'rebuild.mjs');
    fs.writeFileSync(
      runner,
      `import { rebuild } from ${JSON.stringify(pathToImport(root))};\n` +
        `await rebuild(${JSON.stringify({ buildPath: scratch, electronVersion: want.electron, arch: want.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' })});\n`,
    );
    const child = spawnSync(process.execPath, [runner], { cwd: scratch, env: rebuildEnv(), encoding: 'utf8', timeout: timeoutMs });
    const built = path.join(pkgDir, 'build', 'Release', NATIVE_FILE);
    if (child.error || child.status !== 0 || !fs.existsSync(built)) {
      const output = `${child.stderr ?? ''}\n${child.stdout ?? ''}`;
      fs.mkdirSync(path.join(root, 'native'), { recursive: true });
      fs.writeFileSync(path.join(root, 'native', 'last-build.log'), output);
      return { ok: false, message: child.error?.code === 'ETIMEDOUT' ? `it took longer than ${Math.round(timeoutMs / 1000)} s` : explainFailure(output) };
    }
    const abi = checkNotNodeAbi(built);
    if (!abi.ok) return abi;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(built, path.join(dir, NATIVE_FILE));
    fs.writeFileSync(path.join(dir, INFO_FILE), `${JSON.stringify({ ...want, builtAt: new Date().toISOString() }, null, 2)}\n`);
    return { ok: true, message: dir };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function pathToImport(root) {
  // @electron/rebuild 4 is ESM; import it by file URL so the scratch folder needs no node_modules of its own.
  return pathToFileURL(path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'main.js')).href;
}

/** One sentence for the usual failure (no internet), else the error lines. The full log is in native/last-build.log. */
export function explainFailure(output) {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|proxy/i.test(output)) {
    return "Electron's headers could not be downloaded (https://www.electronjs.org/headers is not reachable from here)";
  }
  const errors = output.split('\n').filter((l) => /ERR!|Error:|error:/.test(l)).slice(0, 8);
  return (errors.length > 0 ? errors : output.trim().split('\n').slice(-8)).join('\n') || 'no output';
}

/**
 * A build that loads in this plain Node was compiled against Node's headers (the nodedir trap),
 * not Electron's: refuse it rather than install a module Electron cannot open.
 */
export function checkNotNodeAbi(file) {
  const r = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { encoding: 'utf8' });
  if (r.status === 0) return { ok: false, message: `the module was built for this Node (ABI ${process.versions.modules}), not for Electron: check that no nodedir is configured for npm` };
  return { ok: true, message: '' };
}

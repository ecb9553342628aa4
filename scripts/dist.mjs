#!/usr/bin/env node
// `npm run dist` (and dist:win / dist:mac / dist:linux): builds Pigeon, then its installers with
// electron-builder (electron-builder.yml). Packaging downloads Electron for each target and
// Electron's headers (or prebuilt binaries) to rebuild better-sqlite3 for it, so it first checks,
// within seconds, that those downloads are reachable, and stops with a plain message if not (as on
// the build machines here) instead of failing half-way or waiting.
//
// electron-builder's `npmRebuild` rebuilds node_modules/better-sqlite3 in place for Electron; the
// Node build (tests, the browser host) is put back afterwards, whatever happened.
//
// Where the downloads are cached and the check would wrongly stop you: PIGEON_DIST_SKIP_CHECK=1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildEnv } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two downloads packaging needs, honouring the usual mirror settings. */
export function downloadProbes(electronVersion, env = process.env) {
  const mirror = (env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? 'https://github.com/electron/electron/releases/download/').replace(/\/?$/, '/');
  const headers = (env.npm_config_disturl ?? 'https://www.electronjs.org/headers').replace(/\/$/, '');
  return [
    { what: `Electron ${electronVersion}`, url: `${mirror}v${electronVersion}/SHASUMS256.txt` },
    { what: "Electron's headers (to build the database module for it)", url: `${headers}/v${electronVersion}/SHASUMS256.txt` },
  ];
}

/** Tries each URL with a time limit. Resolves { ok } or { ok: false, message }. */
export async function preflight(probes, { timeoutMs = 15_000, fetchImpl = fetch } = {}) {
  for (const probe of probes) {
    try {
      const r = await fetchImpl(probe.url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      if (r.status >= 400) return { ok: false, message: `${probe.what} cannot be downloaded: ${probe.url} answered ${r.status}` };
    } catch (error) {
      const e = /** @type {Error & { cause?: { code?: string, message?: string, errors?: { code?: string }[] } }} */ (error);
      const why = e.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message);
      return { ok: false, message: `${probe.what} cannot be downloaded from ${new URL(probe.url).origin} (${why})` };
    }
  }
  return { ok: true, message: '' };
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const args = process.argv.slice(2);
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  if (process.env.PIGEON_DIST_SKIP_CHECK !== '1') {
    const check = await preflight(downloadProbes(electronVersion));
    if (!check.ok) {
      console.error(`[dist] Cannot build the installers here: ${check.message}.`);
      console.error('[dist] Packaging needs the internet (GitHub and electronjs.org, or ELECTRON_MIRROR). Run `npm run dist` on a machine that has it;');
      console.error('[dist] see README, "Desktop app: installers". Nothing was changed.');
      process.exit(1);
    }
  }

  run(process.execPath, ['scripts/build-main.mjs']);
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);

  // Keep the Node build of better-sqlite3: npmRebuild replaces it with Electron's.
  const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build');
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-node-build-'));
  fs.cpSync(nodeBuild, path.join(saved, 'build'), { recursive: true });
  const restore = () => {
    fs.rmSync(nodeBuild, { recursive: true, force: true });
    fs.cpSync(path.join(saved, 'build'), nodeBuild, { recursive: true });
    fs.rmSync(saved, { recursive: true, force: true });
  };

  // No bundled browser (whatsapp-web.js uses the installed Chrome/Edge), and npm's nodedir kept
  // out of the native rebuild (it would build against Node's headers instead of Electron's).
  const env = { ...rebuildEnv(), PUPPETEER_SKIP_DOWNLOAD: 'true', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: 'true' };
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), ...args, '--publish', 'never'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  restore();
  if (code === 0) console.log('[dist] Installers are in release/. The Node build of the database module was put back for tests and the browser host.');
  else console.error('[dist] electron-builder failed (see above). The Node build of the database module was put back.');
  process.exit(code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

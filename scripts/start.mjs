#!/usr/bin/env node
// `npm start`: builds Pigeon, then opens the desktop window where Electron is installed, or the
// same app in your browser (served on 127.0.0.1 only) where it is not, or where the database
// module could not be built for Electron (setup.mjs says why).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBuildState } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, ['scripts/build-main.mjs']);
run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);

let electronPath = null;
try {
  const p = require('electron');
  if (typeof p === 'string' && fs.existsSync(p)) electronPath = p;
} catch {
  electronPath = null;
}

// Electron without its own build of the database module would fail to open the contact book
// ("compiled against a different Node.js version"): then the browser it is.
const nativeState = electronPath ? electronBuildState(root).state : 'missing';

if (electronPath && nativeState === 'ready' && process.env.PIGEON_BROWSER !== '1') {
  const child = spawn(electronPath, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!electronPath) console.log('Electron is not installed here, so Pigeon opens in your browser instead.');
  else if (nativeState !== 'ready' && process.env.PIGEON_BROWSER !== '1') {
    console.log(`The database module for Electron is ${nativeState === 'stale' ? 'out of date' : 'missing'} (see the set-up messages above), so Pigeon opens in your browser instead.`);
  }
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main', 'host.cjs')], {
    stdio: 'inherit',
    env: { ...process.env, PIGEON_OPEN: process.env.PIGEON_OPEN ?? '1' },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

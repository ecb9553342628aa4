#!/usr/bin/env node
// One-time (and after-update) set-up, run before `npm start` and `npm test`:
//  - installs the npm packages when package-lock.json changed (npm ci), with the Electron and
//    puppeteer browser downloads switched off so the install works without GitHub access;
//  - then tries to fetch Electron's binary on its own: where the internet is reachable you get the
//    desktop window; where it is not, Pigeon runs in your browser instead (said plainly);
//  - once Electron's binary is there, builds the database module (better-sqlite3) for Electron
//    into native/electron-<version>-<arch>/ (again when Electron, the CPU or better-sqlite3
//    changes), leaving node_modules' own build for Node (tests, browser host) untouched;
//  - for tests, makes sure a Chromium is available for the end-to-end tests (installs Debian's
//    chromium when run as root on Debian/Ubuntu, otherwise says how to).
// Uses only Node's own modules until packages are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--for-tests');
const stampFile = path.join(root, 'node_modules', '.pigeon-setup');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(line) {
  console.log(`[setup] ${line}`);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || major >= 23) {
  console.error(`[setup] Pigeon needs Node.js 20.19 or newer (up to 22); this is ${process.version}.`);
  process.exit(1);
}

const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
const wanted = crypto.createHash('sha256').update(lock).update(process.version).digest('hex');
const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';

if (have !== wanted) {
  say('installing packages (npm ci)…');
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: 'true' };
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[setup] npm ci failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(stampFile, wanted);
}

// Electron's binary: optional. Tests never need it.
if (!forTests && process.env.PIGEON_SKIP_ELECTRON !== '1') {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const installed = fs.existsSync(path.join(electronDir, 'path.txt'));
  const triedMarker = path.join(root, 'node_modules', '.pigeon-electron-tried');
  if (!installed && !fs.existsSync(triedMarker)) {
    say("fetching Electron's desktop runtime…");
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'pipe', timeout: 180_000 });
    if (r.status === 0) say('Electron is ready.');
    else {
      say('Electron could not be downloaded here (no access to its download server). Pigeon will open in your browser instead.');
      fs.writeFileSync(triedMarker, new Date().toISOString());
    }
  }
  await electronNativeModule();
}

/**
 * Electron's Node has another ABI than this Node: it needs its own build of better-sqlite3. Built
 * once per Electron version, CPU and better-sqlite3 version; a failed attempt is not repeated for
 * the same versions until `npm run setup -- --retry-native` (or the versions change).
 */
async function electronNativeModule() {
  const native = await import('./electron-native.mjs');
  if (!native.electronBinaryPresent(root)) return;
  const status = native.electronBuildState(root);
  if (status.state === 'ready') return;
  const failedMarker = path.join(root, 'native', '.failed');
  const key = JSON.stringify(status.want);
  const failedBefore = fs.existsSync(failedMarker) && fs.readFileSync(failedMarker, 'utf8') === key;
  if (failedBefore && !process.argv.includes('--retry-native')) {
    say('the database module for Electron could not be built before: Pigeon opens in your browser (retry with: npm run setup -- --retry-native).');
    return;
  }
  say(status.state === 'stale' ? 'Electron or the database module changed: rebuilding the database module for Electron…' : 'building the database module for Electron (once; about a minute)…');
  const started = Date.now();
  const result = await native.buildElectronNative(root);
  if (result.ok) {
    fs.rmSync(failedMarker, { force: true });
    say(`the database module for Electron is ready (${Math.round((Date.now() - started) / 1000)} s).`);
  } else {
    fs.mkdirSync(path.dirname(failedMarker), { recursive: true });
    fs.writeFileSync(failedMarker, key);
    say(`the database module for Electron could NOT be built: ${result.message}.`);
    say('Pigeon will open in your browser instead. Full log: native/last-build.log');
  }
}

if (forTests) {
  const candidates = [process.env.PIGEON_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  let found = candidates.find((p) => fs.existsSync(p));
  if (!found && process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    say('installing Debian chromium for the end-to-end tests…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = candidates.find((p) => fs.existsSync(p));
  }
  if (!found) {
    console.error('[setup] The end-to-end tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set PIGEON_CHROMIUM to a Chrome/Chromium executable.');
    process.exit(1);
  }
}

/**
 * scripts/electron-native.mjs: the set-up step that builds better-sqlite3 for Electron (issue 14 §1).
 * It must rebuild when Electron, the CPU or better-sqlite3 change, never touch node_modules' Node
 * build, refuse a module built against Node's headers (the `nodedir` trap of ENVIRONMENT.md), and
 * say plainly why it failed. The real build needs Electron's headers from the internet: here it
 * fails, and the test checks it fails quickly, plainly and harmlessly; where the internet is
 * reachable it checks the build lands in its own folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as native from '../../scripts/electron-native.mjs';

const repo = path.resolve(__dirname, '..', '..');
const nodeBuild = path.join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const temps: string[] = [];

function fakeRoot(electronVersion = '41.7.1', betterSqlite3 = '12.11.1'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-native-'));
  temps.push(root);
  fs.mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: electronVersion }));
  fs.mkdirSync(path.join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: betterSqlite3 }));
  return root;
}

function placeBuild(root: string, info: Record<string, unknown>): void {
  const dir = native.electronNativeDir(root, '41.7.1', 'x64');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, native.NATIVE_FILE), 'binary');
  fs.writeFileSync(path.join(dir, 'build-info.json'), JSON.stringify(info));
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('when the Electron build is (re)made', () => {
  it('Electron counts as present only once its binary was downloaded', () => {
    const root = fakeRoot();
    expect(native.electronBinaryPresent(root)).toBe(false);
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(native.electronBinaryPresent(root)).toBe(false);
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(native.electronBinaryPresent(root)).toBe(true);
  });

  it('missing, ready, and stale when Electron, the CPU or better-sqlite3 changed', () => {
    const root = fakeRoot();
    const want = native.wantedBuild(root, 'x64');
    expect(want).toEqual({ electron: '41.7.1', arch: 'x64', platform: process.platform, betterSqlite3: '12.11.1' });
    expect(native.electronBuildState(root, want).state).toBe('missing');
    placeBuild(root, want);
    expect(native.electronBuildState(root, want).state).toBe('ready');
    placeBuild(root, { ...want, betterSqlite3: '12.10.0' });
    expect(native.electronBuildState(root, want).state).toBe('stale');
    placeBuild(root, { ...want, platform: 'someos' });
    expect(native.electronBuildState(root, want).state).toBe('stale');
    // A new Electron or CPU looks in another folder: nothing there yet.
    expect(native.electronBuildState(root, { ...want, electron: '41.8.0' }).state).toBe('missing');
    expect(native.electronBuildState(root, { ...want, arch: 'arm64' }).state).toBe('missing');
  });
});

describe('the nodedir trap', () => {
  it('npm’s nodedir (any spelling) is kept out of the rebuild’s environment', () => {
    const env = native.rebuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('a module this plain Node can load (built with Node’s headers) is refused', () => {
    expect(fs.existsSync(nodeBuild)).toBe(true);
    expect(native.checkNotNodeAbi(nodeBuild).ok).toBe(false);
  });
});

describe('building', () => {
  it('the usual failure reads as one plain sentence', () => {
    expect(native.explainFailure('Error: This is most likely not a problem with node-gyp ... related to network connectivity.')).toMatch(/headers could not be downloaded/);
    expect(native.explainFailure('gyp ERR! stack Error: `make` failed with exit code: 2\nfoo')).toContain('make');
  });

  it('builds into native/ or fails plainly, and never touches node_modules’ Node build', async () => {
    const before = sha(nodeBuild);
    const started = Date.now();
    const result = await native.buildElectronNative(repo, {
      want: { electron: '41.7.1', arch: process.arch, platform: process.platform, betterSqlite3: native.wantedBuild(repo).betterSqlite3 },
      timeoutMs: 280_000,
    });
    const target = path.join(native.electronNativeDir(repo, '41.7.1', process.arch), native.NATIVE_FILE);
    if (result.ok) {
      expect(fs.existsSync(target)).toBe(true);
      expect(native.checkNotNodeAbi(target).ok).toBe(true);
    } else {
      // Here: no route to electronjs.org. Quick, plain, nothing half-made left behind.
      expect(result.message).toMatch(/headers could not be downloaded|took longer/);
      expect(fs.existsSync(target)).toBe(false);
      expect(Date.now() - started).toBeLessThan(60_000);
    }
    expect(sha(nodeBuild)).toBe(before);
    expect(fs.readdirSync(path.join(repo, 'node_modules', '.cache')).filter((n) => n.startsWith('pigeon-electron-native-'))).toEqual([]);
  }, 300_000);
});

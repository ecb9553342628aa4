/**
 * Which compiled better-sqlite3 a process loads (issue 14 §1). Electron's Node has another ABI than
 * the Node that runs tests and the browser host, so the Electron path must ask for the Electron
 * build explicitly, in `npm start` and in the packaged app, and the host path for the Node build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() => [] as { file: string; options: Record<string, unknown> }[]);

vi.mock('better-sqlite3', () => {
  class FakeDatabase {
    constructor(file: string, options: Record<string, unknown> = {}) {
      opened.push({ file, options });
    }
    pragma(): void {}
    close(): void {}
  }
  return { default: FakeDatabase };
});

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { nativeBuildFor, openDatabase, electronNativeDir, electronVersionOf, ELECTRON_ENV, NATIVE_FILE } from './native';
import { openSqlite } from './connection';
import * as scripts from '../../scripts/electron-native.mjs';

const root = path.resolve('/opt/pigeon-src');
const resources = path.resolve('/opt/Pigeon/resources');

function fakeElectron(version: string | undefined): void {
  if (version === undefined) delete (process.versions as Record<string, string | undefined>).electron;
  else (process.versions as Record<string, string | undefined>).electron = version;
}

afterEach(() => {
  fakeElectron(undefined);
  opened.length = 0;
});

describe('native binding choice', () => {
  it('plain Node (tests, browser host, bench) loads the default Node build', () => {
    expect(nativeBuildFor({ electron: undefined, arch: 'x64', appRoot: root })).toEqual({ build: 'node', file: undefined });
  });

  it('Electron in a checkout (npm start) asks for the Electron build in its own folder, per version and arch', () => {
    expect(nativeBuildFor({ electron: '41.7.1', arch: 'arm64', appRoot: root })).toEqual({
      build: 'electron',
      file: path.join(root, 'native', 'electron-41.7.1-arm64', NATIVE_FILE),
    });
  });

  it('the packaged app loads the module npmRebuild built, from the unpacked side of the asar', () => {
    expect(nativeBuildFor({ electron: '41.7.1', arch: 'x64', appRoot: path.join(resources, 'app.asar') })).toEqual({
      build: 'electron-packaged',
      file: path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE),
    });
    // Packaged without asar: the rebuilt module sits in the app folder itself.
    expect(nativeBuildFor({ electron: '41.7.1', arch: 'x64', appRoot: path.join(resources, 'app'), resourcesPath: resources })).toEqual({
      build: 'electron-packaged',
      file: path.join(resources, 'app', 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE),
    });
  });

  it('setup.mjs builds into the very folder the app later loads from', () => {
    expect(scripts.electronNativeDir(root, '41.7.1', 'x64')).toBe(electronNativeDir(root, '41.7.1', 'x64'));
    expect(scripts.NATIVE_FILE).toBe(NATIVE_FILE);
  });
});

describe('every connection passes the choice to better-sqlite3', () => {
  it('under Electron, openSqlite (book, queue, workers) names the Electron build', () => {
    fakeElectron('41.7.1');
    openSqlite('/tmp/x.sqlite3');
    expect(opened).toHaveLength(1);
    const binding = opened[0]?.options.nativeBinding;
    expect(binding).toBe(path.join(path.resolve(__dirname, '..', '..'), 'native', `electron-41.7.1-${process.arch}`, NATIVE_FILE));
  });

  it('under plain Node no binding is named, so better-sqlite3 loads its own Node build', () => {
    openDatabase('/tmp/y.sqlite3', { readonly: true });
    expect(opened).toEqual([{ file: '/tmp/y.sqlite3', options: { readonly: true } }]);
  });

  it('no production module constructs better-sqlite3 itself (all go through db/native.ts)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && full !== path.join(__dirname, 'native.ts')) {
          const text = fs.readFileSync(full, 'utf8');
          if (/^import\s+(?!type\b)\w+.*from\s+'better-sqlite3'/m.test(text) || /new\s+BetterSqlite3\s*\(/.test(text)) offenders.push(path.relative(process.cwd(), full));
        }
      }
    };
    walk(path.resolve(__dirname, '..'));
    expect(offenders).toEqual([]);
  });
});

describe('worker threads inside Electron', () => {
  it('a worker takes the Electron build from the version its Electron main thread left it', () => {
    expect(electronVersionOf({} as NodeJS.ProcessVersions, { [ELECTRON_ENV]: '41.7.1' }, false)).toBe('41.7.1');
    // Electron showing itself in the worker's versions is enough on its own.
    expect(electronVersionOf({ electron: '41.7.1' } as unknown as NodeJS.ProcessVersions, {}, false)).toBe('41.7.1');
  });

  it('a stray variable cannot make plain Node load the Electron build, nor point anywhere but a version folder', () => {
    expect(electronVersionOf({} as NodeJS.ProcessVersions, { [ELECTRON_ENV]: '41.7.1' }, true)).toBeUndefined();
    expect(electronVersionOf({} as NodeJS.ProcessVersions, { [ELECTRON_ENV]: '../../../tmp/evil' }, false)).toBeUndefined();
    expect(electronVersionOf({} as NodeJS.ProcessVersions, { [ELECTRON_ENV]: '41.7.1/../../x' }, false)).toBeUndefined();
  });

  it('a real worker thread started by an Electron main thread asks for the Electron build (bundled code, as shipped)', async () => {
    const repo = path.resolve(__dirname, '..', '..');
    const bundle = path.join(repo, 'dist', 'native-probe', 'native.cjs');
    await build({ entryPoints: [path.join(__dirname, 'native.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile: bundle, logLevel: 'error' });
    fakeElectron('41.7.1'); // this thread plays Electron's main thread
    try {
      createRequire(import.meta.url)(bundle); // loading it leaves the version for workers
      expect(process.env[ELECTRON_ENV]).toBe('41.7.1');
      const answer = await new Promise<unknown>((resolve, reject) => {
        const w = new Worker(
          `const n = require(${JSON.stringify(bundle)});
           require('node:worker_threads').parentPort.postMessage({ ownVersions: process.versions.electron ?? null, choice: n.nativeBuildFor(n.currentRuntime()) });`,
          { eval: true },
        );
        w.once('message', resolve);
        w.once('error', reject);
      });
      expect(answer).toEqual({
        ownVersions: null, // the worker's own process.versions does not say Electron here
        choice: { build: 'electron', file: path.join(repo, 'native', `electron-41.7.1-${process.arch}`, NATIVE_FILE) },
      });
    } finally {
      delete process.env[ELECTRON_ENV];
      fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    }
  });
});

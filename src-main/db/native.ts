/**
 * Which compiled better-sqlite3 this process loads, decided in one place and passed to
 * better-sqlite3 as its `nativeBinding` option by every connection (book, queue, lock, backups,
 * the spreadsheet and backup workers, the benchmark).
 *
 * A native module is compiled for one Node ABI. Tests, the browser host and the benchmark run in
 * plain Node and load the Node build better-sqlite3 made at install (node_modules/better-sqlite3/
 * build). Electron's Node has another ABI, so Electron loads a second build:
 *  - in a checkout (`npm start`): `<root>/native/electron-<version>-<arch>/better_sqlite3.node`,
 *    made by scripts/setup.mjs with @electron/rebuild, beside the Node build, never over it;
 *  - in the packaged app: the module electron-builder rebuilt for Electron (`npmRebuild`) and
 *    unpacked from the asar (a shared library cannot be loaded from inside an archive):
 *    `<resources>/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node`.
 * Worker threads started inside Electron run Electron's Node too, so they need the Electron build as
 * well. Whether Electron shows itself in a worker's `process.versions` is not promised anywhere, so
 * the main thread also leaves its Electron version in PIGEON_NATIVE_ELECTRON, which a worker inherits
 * (a worker's process.env starts as a copy of its parent's). Only worker threads read it: a stray
 * variable cannot make plain Node (tests, the host) load the Electron build; and it names a version,
 * never a path, so it can only point into the app's own folders. Plain Node.
 */
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/** Set by the Electron main thread for its worker threads. */
export const ELECTRON_ENV = 'PIGEON_NATIVE_ELECTRON';
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/;

if (isMainThread && process.versions.electron) process.env[ELECTRON_ENV] = process.versions.electron;

export const NATIVE_FILE = 'better_sqlite3.node';

/** The folder of the Electron build for one Electron version and CPU architecture (scripts/electron-native.mjs agrees). */
export function electronNativeDir(root: string, electronVersion: string, arch: string): string {
  return path.join(root, 'native', `electron-${electronVersion}-${arch}`);
}

export type Runtime = {
  /** process.versions.electron: set in Electron's main process and in its worker threads. */
  electron: string | undefined;
  arch: string;
  /** The app's root: the checkout, or `<resources>/app.asar` when packaged. */
  appRoot: string;
  /** Electron's process.resourcesPath, where known. */
  resourcesPath?: string | undefined;
};

export type NativeBuild = { build: 'node'; file: undefined } | { build: 'electron' | 'electron-packaged'; file: string };

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function nativeBuildFor(rt: Runtime): NativeBuild {
  if (!rt.electron) return { build: 'node', file: undefined };
  const asar = path.basename(rt.appRoot) === 'app.asar';
  if (asar || (rt.resourcesPath !== undefined && inside(rt.appRoot, rt.resourcesPath))) {
    const base = asar ? `${rt.appRoot}.unpacked` : rt.appRoot;
    return { build: 'electron-packaged', file: path.join(base, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE) };
  }
  return { build: 'electron', file: path.join(electronNativeDir(rt.appRoot, rt.electron, rt.arch), NATIVE_FILE) };
}

/** The Electron version this thread runs under, or undefined in plain Node. */
export function electronVersionOf(versions: NodeJS.ProcessVersions, env: NodeJS.ProcessEnv, mainThread: boolean): string | undefined {
  if (versions.electron) return versions.electron;
  const inherited = mainThread ? undefined : env[ELECTRON_ENV];
  return inherited !== undefined && VERSION.test(inherited) ? inherited : undefined;
}

/** This thread: every main-process entry is bundled into dist/main, two levels under the root (sources sit two levels down too). */
export function currentRuntime(): Runtime {
  const electron = electronVersionOf(process.versions, process.env, isMainThread);
  return {
    electron,
    arch: process.arch,
    appRoot: electron ? path.resolve(__dirname, '..', '..') : '',
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  };
}

/** Opens a better-sqlite3 connection with the native build this process can load. */
export function openDatabase(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const { file: binding } = nativeBuildFor(currentRuntime());
  return new BetterSqlite3(file, binding === undefined ? options : { ...options, nativeBinding: binding });
}

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
 * Worker threads started inside Electron run Electron's Node too: they see `process.versions.electron`
 * and take the same path. Plain Node.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

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

/** This process: every main-process entry is bundled into dist/main, two levels under the root (sources sit two levels down too). */
export function currentRuntime(): Runtime {
  const electron = process.versions.electron;
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

import fs from 'node:fs';
import path from 'node:path';

/**
 * Paths of the built app, relative to the bundled main-process files in dist/main. Every entry
 * (Electron main, browser host, benchmark) is bundled into that folder, so one answer fits all.
 */
export function appPaths(bundleDir: string = __dirname) {
  const root = path.resolve(bundleDir, '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  return {
    root,
    rendererDir: path.join(root, 'dist', 'renderer'),
    workerPath: path.join(bundleDir, 'spreadsheet-worker.cjs'),
    preloadPath: path.join(bundleDir, 'preload.cjs'),
    resourcesDir: path.join(root, 'resources'),
    version: pkg.version ?? '0.0.0',
  };
}

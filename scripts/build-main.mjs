// Bundles the main-process entries (Electron main, preload, browser host, spreadsheet worker,
// backup worker, benchmark) into dist/main as CommonJS. Native and Electron modules stay external.
import { build } from 'esbuild';

const entries = {
  'electron-main': 'src-main/electron/main.ts',
  preload: 'src-main/electron/preload.ts',
  host: 'src-main/host/main.ts',
  'spreadsheet-worker': 'src-main/workers/spreadsheet-worker.ts',
  'backup-worker': 'src-main/backups/backup-worker.ts',
  bench: 'src-main/bench/bench.ts',
};

await build({
  entryPoints: entries,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'whatsapp-web.js'],
  logLevel: 'warning',
});

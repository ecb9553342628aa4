import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node against real SQLite. The spreadsheet worker is
// bundled once before the run (globalSetup), since worker threads need JavaScript files.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    root: '.',
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.ts'],
    globalSetup: ['./src-main/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

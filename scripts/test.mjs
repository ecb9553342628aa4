#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure: typecheck, lint, unit and
// integration tests (Vitest, real SQLite), the build, and the end-to-end tests (Playwright on
// Chromium against the browser host).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['unit and integration tests', bin('vitest'), ['run']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', bin('playwright'), ['test']],
];

let passed = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`\n=== ${name} FAILED after ${secs} s ===`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`=== ${name}: ok (${secs} s) ===`);
  passed++;
}
console.log(`\nsteps: ${passed} passed, 0 failed`);

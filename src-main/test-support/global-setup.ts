import { execFileSync } from 'node:child_process';

/** Builds dist/main (the worker the core starts) once before the tests. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-main.mjs'], { stdio: 'inherit' });
}

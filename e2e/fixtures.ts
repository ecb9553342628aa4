/**
 * Each test gets a fresh Pigeon: a browser host on its own data folder and port, opened in the
 * page with its per-run token, and stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export type Pigeon = { url: string; dataDir: string; page: Page };

/**
 * simSpeed: how many times faster the demo phone runs (the host's PIGEON_SIM_SPEED); 20 unless a
 * spec says. hostEnv: more variables for the host (its test hooks, e.g. PIGEON_TEST_BUILD_PAUSE_MS).
 * startPage: the page a test begins on (Pigeon opens on the Overview; most specs begin on Contacts);
 * null stays where Pigeon opens. firstRun: keep the welcome a new data folder opens with (false:
 * it is skipped, as a user would, before the spec begins).
 */
export type PigeonOptions = { simSpeed: number; hostEnv: Record<string, string>; startPage: string | null; firstRun: boolean };

// package.json says "type": "module", so this file is an ES module: no __dirname.
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts a browser host on `dataDir` and waits for its URL (with its per-run token). The fixture
 * starts one per test; a spec may start another (a second Pigeon) and must stop it with stopHost.
 */
export async function startHost(dataDir: string, simSpeed: number, hostEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, [path.join(here, '..', 'dist', 'main', 'host.cjs')], {
    env: { ...process.env, ...hostEnv, PIGEON_DATA_DIR: dataDir, PIGEON_OPEN: '0', PIGEON_SIM_SPEED: String(simSpeed) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /PIGEON_URL=(\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { child, url, log: () => output };
}

/** Stops a host started by startHost (SIGTERM) and waits until it has exited. */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ pigeon: Pigeon } & PigeonOptions>({
  // Override per spec with test.use({ simSpeed: 1 }), or for a whole run with PIGEON_SIM_SPEED.
  simSpeed: [Number(process.env.PIGEON_SIM_SPEED ?? 20), { option: true }],
  hostEnv: [{}, { option: true }],
  startPage: ['Contacts', { option: true }],
  firstRun: [false, { option: true }],
  pigeon: async ({ page, simSpeed, hostEnv, startPage, firstRun }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-e2e-'));
    const { child, url, log } = await startHost(dataDir, simSpeed, hostEnv);
    // A host that ends during the test is a failure of its own, with what it said last.
    const ended: { how: string | null } = { how: null };
    child.once('exit', (code, signal) => (ended.how = `code ${String(code)}, signal ${String(signal)}`));
    await page.goto(url);
    if (firstRun) {
      // In the browser's language, which may not be English: the spec reads the welcome itself.
      await expect(page.getByTestId('welcome')).toBeVisible();
    } else {
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await skipWelcome(page);
      if (startPage !== null) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: startPage }).first().click();
        await expect(page.getByRole('heading', { name: startPage, level: 1 })).toBeVisible();
      }
    }
    await use({ url, dataDir, page });
    if (testInfo.status !== testInfo.expectedStatus) fs.writeFileSync(testInfo.outputPath('host-output.txt'), log());
    if (ended.how !== null) {
      throw new Error(`The host exited during the test (${ended.how}). Its last output:\n${log().slice(-4000)}`);
    }
    await stopHost(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * Skips the welcome a new data folder opens with (through its Skip button, in any language) and
 * waits until it is gone, so it is not offered again after a reload.
 */
export async function skipWelcome(page: Page): Promise<void> {
  const welcome = page.getByTestId('welcome');
  await welcome.getByTestId('welcome-skip').click();
  await expect(welcome).toHaveCount(0);
}

/** A file written into the test's temp folder, for file choosers. */
export function writeTempFile(dir: string, name: string, contents: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  return file;
}

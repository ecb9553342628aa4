/**
 * `node dist/main/host.cjs` — Pigeon in the browser: opens the core on the data folder and serves
 * the app on 127.0.0.1. Used where Electron cannot start, and by the end-to-end tests.
 *
 * Environment: PIGEON_DATA_DIR (data folder), PIGEON_PORT (default: any free port),
 * PIGEON_OPEN=1 (open the default browser), PIGEON_SIM_SPEED (the demo phone runs this many times
 * faster; for tests).
 */
import fs from 'node:fs';
import { appPaths } from '#main/core/app-paths';
import { openCore } from '#main/core/core';
import { keepNewFilesPrivate } from '#main/core/data-dir';
import { defaultDataDir, keepRunningOnStrayRejections, simulatorSpeedFromEnv } from '#main/core/paths';
import { openInBrowser, writeRedirectPage } from './open-browser';
import { startHost } from './server';

async function main(): Promise<void> {
  keepNewFilesPrivate();
  keepRunningOnStrayRejections();
  const paths = appPaths();
  const dataDir = defaultDataDir();
  const core = await openCore({
    dataDir,
    workerPath: paths.workerPath,
    resourcesDir: paths.resourcesDir,
    shell: 'browser',
    dailyBackups: true,
    version: paths.version,
    simulatorSpeed: simulatorSpeedFromEnv(),
  });
  const host = await startHost({
    core,
    rendererDir: paths.rendererDir,
    port: process.env.PIGEON_PORT ? Number(process.env.PIGEON_PORT) : 0,
  });
  console.log(`Pigeon is running. Data folder: ${dataDir}`);
  console.log(`Open this address in your browser (it includes a private key; do not share it):`);
  console.log(`PIGEON_URL=${host.url}`);
  // The opener gets a private page that redirects, not the address: command lines are public.
  let redirect: string | null = null;
  if (process.env.PIGEON_OPEN === '1') {
    try {
      redirect = writeRedirectPage(dataDir, host.url);
      openInBrowser(redirect);
    } catch (error) {
      console.warn(`Could not open the browser (${error instanceof Error ? error.message : String(error)}); open the address above.`);
    }
  }
  const stop = () => {
    if (redirect) fs.rmSync(redirect, { force: true });
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

/**
 * The real driver, in a real Chromium, with WhatsApp Web out of reach: connect() must fail in
 * bounded time, say why, and leave no browser process behind. A dead proxy keeps the browser
 * offline even on a machine with internet, so the outcome is the same everywhere.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock } from '#main/kernel/clock';
import type { DriverEvents } from '#main/whatsapp/driver';
import { DriverError } from '#main/whatsapp/errors';
import { WwebDriver } from './wweb-driver';

const chromium = process.env.PIGEON_CHROMIUM ?? '/usr/bin/chromium';
const isLinux = process.platform === 'linux';
const skipReason = !isLinux
  ? 'the process scan reads /proc, which only Linux has'
  : !fs.existsSync(chromium)
    ? `no Chromium at ${chromium} (install the "chromium" package, or set PIGEON_CHROMIUM)`
    : null;
if (skipReason) console.warn(`[wweb-offline] skipped: ${skipReason}`);

/** Command lines of running processes that mention `needle`. */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(needle)) found.push(`${entry}: ${cmdline.slice(0, 200)}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Run = { error: unknown; took: number; states: DriverEvents['state'][]; sessionDir: string; peakBrowsers: number };

/** Starts the real driver through `proxy` and waits for connect() to settle. */
async function connectThrough(root: string, proxy: string, startTimeoutMs: number): Promise<Run> {
  const sessionDir = path.join(root, 'sessions', 'account-1');
  const driver = new WwebDriver({
    accountId: 1,
    sessionDir,
    cacheDir: path.join(root, 'wweb-cache'),
    browserPath: chromium,
    clock: realClock,
    startTimeoutMs,
    extraBrowserArgs: [`--proxy-server=${proxy}`, '--proxy-bypass-list=<-loopback>'],
  });
  const states: DriverEvents['state'][] = [];
  driver.on('state', (s) => states.push(s));
  // Watch the browser come: "nothing left behind" only means something if it was there.
  let peakBrowsers = 0;
  const watch = setInterval(() => {
    peakBrowsers = Math.max(peakBrowsers, processesMentioning(root).length);
  }, 50);
  const started = Date.now();
  const error = await driver.connect().then(
    () => null,
    (e: unknown) => e,
  );
  const took = Date.now() - started;
  clearInterval(watch);
  console.info(
    `[wweb-offline] connect() failed after ${took} ms (up to ${peakBrowsers} browser processes seen): ${error instanceof DriverError ? `${error.code}: ${error.message}` : String(error)}`,
  );
  // Stopping afterwards is harmless, and so is logging out (it removes the session folder).
  await driver.disconnect();
  await driver.logout();
  return { error, took, states, sessionDir, peakBrowsers };
}

/** Waits a short grace period for processes mentioning `needle` to go; returns those left. */
async function leftBehind(needle: string): Promise<string[]> {
  let left = processesMentioning(needle);
  for (let waited = 0; left.length > 0 && waited < 3_000; waited += 250) {
    await sleep(250);
    left = processesMentioning(needle);
  }
  return left;
}

function expectFailedStart(run: Run, codes: string[]): void {
  expect(run.error).toBeInstanceOf(DriverError);
  expect(codes).toContain((run.error as DriverError).code);
  expect(run.states[0]).toEqual({ state: 'starting' });
  const last = run.states.at(-1);
  expect(last?.state).toBe('failed');
  expect(last?.reason).toBeTruthy();
  expect(fs.existsSync(run.sessionDir)).toBe(false);
  expect(run.peakBrowsers).toBeGreaterThan(0);
}

describe('WwebDriver offline, in a real Chromium', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-wweb-offline-'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)(
    `unreachable WhatsApp Web: connect() fails within 30 s with a reason and leaves no browser behind${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const root = path.join(tmp, 'refused');
      // Port 9 (discard) is closed: the proxy connection is refused at once.
      const run = await connectThrough(root, 'http://127.0.0.1:9', 20_000);
      expectFailedStart(run, ['network', 'timeout']);
      expect(run.took).toBeLessThan(30_000);
      // The browser's profile lives under the session folder: no process may still mention it.
      expect(await leftBehind(root)).toEqual([]);
    },
    60_000,
  );

  it.skipIf(skipReason !== null)(
    `WhatsApp Web never answering: connect() times out on startTimeoutMs and leaves no browser behind${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      // A proxy that accepts connections and never answers: the page load hangs forever.
      const held = new Set<net.Socket>();
      const silent = net.createServer((socket) => {
        held.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as net.AddressInfo).port;
      try {
        const root = path.join(tmp, 'silent');
        const run = await connectThrough(root, `http://127.0.0.1:${port}`, 6_000);
        expectFailedStart(run, ['timeout']);
        expect(run.took).toBeGreaterThanOrEqual(5_900);
        expect(run.took).toBeLessThan(25_000);
        expect(await leftBehind(root)).toEqual([]);
      } finally {
        for (const socket of held) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    },
    60_000,
  );
});

/**
 * A 1 000 000-contact book in the browser host: typing a broad prefix shows rows at once, the count
 * follows. The book is written by the bench's generator (the import's writer, about 30 s), so this
 * runs only when asked: PIGEON_E2E_MILLION=1 (or PIGEON_E2E_MILLION=<a folder> holding a book made by
 * `BENCH_SCALE=1m BENCH_1M_DIR=<folder> npm run bench`, copied for the test).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { skipWelcome, startHost, stopHost } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.env.PIGEON_E2E_MILLION ?? '';

base.skip(wanted === '', 'a 1 000 000-contact book takes about 30 s to write: set PIGEON_E2E_MILLION=1 to run this');

base('typing a broad prefix in a 1 000 000-contact book shows rows at once, then the count', async ({ page }) => {
  base.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-e2e-million-'));
  try {
    if (wanted !== '1' && fs.existsSync(path.join(wanted, 'pigeon.sqlite3'))) {
      for (const f of ['pigeon.sqlite3', 'campaigns.sqlite3']) fs.copyFileSync(path.join(wanted, f), path.join(dataDir, f));
    } else {
      const made = spawnSync(process.execPath, [path.join(here, '..', 'dist', 'main', 'bench.cjs')], {
        env: { ...process.env, BENCH_1M_GENERATE: dataDir },
        stdio: 'inherit',
      });
      expect(made.status).toBe(0);
      fs.rmSync(path.join(dataDir, 'pigeon.lock'), { force: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // Round trips over the host's socket: request id → method, search and when it was sent.
    const sent = new Map<number, { method: string; search: string; at: number }>();
    const trips: { method: string; search: string; ms: number }[] = [];
    page.on('websocket', (ws) => {
      ws.on('framesent', (frame) => {
        const m = JSON.parse(String(frame.payload)) as { id?: number; method?: string; input?: { query?: { search?: string } } };
        if (typeof m.id === 'number' && m.method) sent.set(m.id, { method: m.method, search: m.input?.query?.search ?? '', at: Date.now() });
      });
      ws.on('framereceived', (frame) => {
        const m = JSON.parse(String(frame.payload)) as { id?: number };
        const s = typeof m.id === 'number' ? sent.get(m.id) : undefined;
        if (s) trips.push({ method: s.method, search: s.search, ms: Date.now() - s.at });
      });
    });
    const { child, url } = await startHost(dataDir, 20);
    try {
      await page.goto(url);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      if (await page.getByTestId('welcome').isVisible()) await skipWelcome(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).first().click();
      await expect(page.getByTestId('contacts-count')).toHaveText('1,000,000 contacts', { timeout: 30_000 });

      const rows = page.getByTestId('contact-row');
      const started = Date.now();
      await page.getByTestId('contacts-search').fill('meh');
      await expect(rows.first()).toContainText(/meh/i, { timeout: 5_000 });
      const shownMs = Date.now() - started;
      console.log(`# rows for "meh" shown ${shownMs} ms after typing (search debounce and rendering included)`);
      // The page's own debounce and one round trip: well under a second, whatever the count.
      expect(shownMs).toBeLessThan(1_000);
      await expect(page.getByTestId('contacts-count')).toHaveText(/^[\d,]+ contacts$/, { timeout: 10_000 });

      // The broadest words of the book: cities a quarter of it lives in (250 000 matches each). Typed
      // at once after opening, while the sort orders and sets are still being built (SQLite and
      // the word index answer), then once they are (about 3 s after opening at a million).
      const city = async (word: string) => {
        await page.getByTestId('contacts-search').fill('');
        await expect(page.getByTestId('contacts-count')).toHaveText('1,000,000 contacts', { timeout: 10_000 });
        const started = Date.now();
        await page.getByTestId('contacts-search').fill(word);
        await expect(page.getByTestId('contacts-count')).toHaveText('250,000 contacts', { timeout: 5_000 });
        const shownMs = Date.now() - started;
        await expect.poll(() => trips.filter((t) => t.search === word).length).toBeGreaterThanOrEqual(2);
        const socket = trips.filter((t) => t.search === word);
        console.log(`# rows and count for "${word}" shown ${shownMs} ms after typing; over the socket: ${socket.map((t) => `${t.method} ${t.ms} ms`).join(', ')}`);
        expect(shownMs).toBeLessThan(1_500);
        expect(await rows.count()).toBeGreaterThan(10);
        return socket.find((t) => t.method === 'contacts.list')?.ms ?? Infinity;
      };
      await city('istanbul');
      await page.waitForTimeout(6_000);
      // The page of rows, request to answer over the socket (the bench's figure is the core's own
      // answer, 20 ms at p95; the socket, JSON and a busy browser add to it).
      expect(await city('ankara')).toBeLessThan(60);
      await page.screenshot({ path: path.join(here, '..', 'test-results', 'million-search.png') });
    } finally {
      await stopHost(child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * The contacts page shows a search's rows first and its count when it comes ("counting…"). A count
 * that arrives late, after the operator has typed another search, must never replace the newer
 * search's count: the socket is held up for the first count only, so it lands last.
 */
import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectContactsCount, goTo, importMessy, messyExpectations } from './helpers';

test('a late count of an older search never replaces the count of the search on screen', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const stats = await importMessy(page, dataDir);
  expect(stats.added).toBe(messyExpectations().added);

  // Every frame passes through; the count of `held` is answered only when released.
  let held = '';
  let heldSent = false;
  const heldIds = new Set<number>();
  const parked: (() => void)[] = [];
  await page.routeWebSocket(/.*/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const m = JSON.parse(String(message)) as { id?: number; method?: string; input?: { query?: { search?: string } } };
      if (m.method === 'contacts.count' && held !== '' && m.input?.query?.search === held && typeof m.id === 'number') {
        heldIds.add(m.id);
        heldSent = true;
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const m = JSON.parse(String(message)) as { id?: number };
      if (typeof m.id === 'number' && heldIds.has(m.id)) parked.push(() => ws.send(message));
      else ws.send(message);
    });
  });
  await page.reload();
  await goTo(page, 'Contacts');
  const search = page.getByTestId('contacts-search');
  const count = page.getByTestId('contacts-count');

  // The two searches' counts, each on its own (they differ).
  // Read once the search's own count is shown: the header can still hold the previous search's
  // "0 contacts" for the search's debounce, and says "counting…" between.
  const countOf = async (text: string) => {
    await search.fill(text);
    await expect(page.getByTestId('contact-row').first()).toBeVisible();
    let n = 0;
    await expect
      .poll(async () => {
        n = Number(/^(\d+) contacts?$/.exec((await count.textContent()) ?? '')?.[1] ?? 0);
        return n;
      })
      .toBeGreaterThan(0);
    return n;
  };
  await search.fill('zzzz-nobody');
  await expect(count).toHaveText('0 contacts');
  const older = await countOf('0532');
  await search.fill('zzzz-nobody');
  await expect(count).toHaveText('0 contacts');
  const newer = await countOf('yılmaz');
  expect(older).not.toBe(newer);

  // The race: the older search's count is held back until the newer search is on screen.
  await search.fill('zzzz-nobody');
  await expect(count).toHaveText('0 contacts');
  held = '0532';
  await search.fill('0532');
  await expect.poll(() => heldSent).toBe(true);
  await expect(count).toHaveText(/counting/i);
  await search.fill('yılmaz');
  await expectContactsCount(page, newer);
  for (const release of parked.splice(0)) release();
  // Give the late answer time to land; the count on screen stays the newer search's.
  await page.waitForTimeout(1_000);
  await expectContactsCount(page, newer);
  await expect(page.getByTestId('contact-row').first()).toContainText(/yılmaz/i);
});

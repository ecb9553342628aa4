/**
 * The desktop shell itself: Electron starts, opens one window, and the window shows the contact
 * book on its own data folder; a campaign keeps sending with the window closed to the tray, and
 * "Pause and quit" leaves it Paused for the next start. Needs the Electron binary; where it is not
 * installed the tests are skipped (and say why) rather than passing without running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { electronReady, launchPigeon } from './electron-app';
import { skipWelcome } from './fixtures';
import { goTo, linkDemoAccount } from './helpers';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

test('the Electron window opens on the Overview page', async () => {
  const { binary, skip } = electronReady();
  test.skip(binary === null, skip ?? '');
  if (binary === null) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-electron-'));
  const app = await launchPigeon(binary, dataDir);
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await skipWelcome(window);
    await expect(window.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await window.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).click();
    await expect(window.getByTestId('contacts-count')).toHaveText('0 contacts');
    // The data folder given is the one in use.
    await window.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await expect(window.getByTestId('settings-data-dir')).toContainText(dataDir);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A contract call through the preload bridge, as the renderer makes it. */
async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const outcome = await page.evaluate(
    ([m, i]) => (window as unknown as { pigeon: { invoke: (m: string, i: unknown) => Promise<unknown> } }).pigeon.invoke(m, i),
    [method, input] as const,
  );
  const o = outcome as { ok: boolean; result?: T; error?: { message: string } };
  if (!o.ok) throw new Error(`${method}: ${o.error?.message ?? 'failed'}`);
  return o.result as T;
}

type CampaignRow = { id: number; status: string; counts: { sent: number; delivered: number; read: number; total: number } };
const sentOf = (c: CampaignRow) => c.counts.sent + c.counts.delivered + c.counts.read;

test('closing the window to the tray keeps sending; Pause and quit leaves the campaign paused', async () => {
  test.setTimeout(180_000);
  const { binary, skip } = electronReady();
  test.skip(binary === null, skip ?? '');
  if (binary === null) return;
  expect(fs.existsSync(path.join(root, 'dist', 'main', 'electron-main.cjs')), 'run `npm run build` first').toBe(true);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-electron-'));
  let app = await launchPigeon(binary, dataDir);
  try {
    let window = await app.firstWindow();
    await skipWelcome(window);
    const card = await linkDemoAccount(window, 'Shop');
    await expect(card).toBeVisible();

    // A small campaign: six customers on the demo phone, 4 s apart, so it is still sending when the window closes.
    const accounts = await invoke<{ id: number }[]>(window, 'accounts.list', {});
    const group = await invoke<{ id: number }>(window, 'groups.create', { name: 'Customers' });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await invoke<{ id: number }>(window, 'contacts.create', { name: `C${i}`, phone: `+90532111000${i + 1}` })).id);
    await invoke(window, 'groups.addMembers', { groupId: group.id, selection: { kind: 'ids', ids } });
    const draft = await invoke<{ id: number }>(window, 'drafts.create', { name: 'Hello', parts: [{ kind: 'text', text: 'Hello {{name}}' }] });
    const pace = {
      preset: 'custom',
      minDelayMs: 4000,
      maxDelayMs: 4000,
      pauseEvery: 0,
      pauseMinMs: 0,
      pauseMaxMs: 0,
      dailyCapPerAccount: 0,
      typing: false,
      checkNumberFirst: false,
      workingHours: { enabled: false, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' },
    };
    const created = await invoke<{ id: number }>(window, 'campaigns.create', {
      name: 'Spring sale',
      draftId: draft.id,
      audience: { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' },
      exclusions: { includeGraylist: false, skipNotOnWhatsApp: false, recentlyMessagedHours: null },
      accountIds: [accounts[0]!.id],
      pace,
      timezone: 'UTC',
      schedule: { kind: 'now' },
    });
    await invoke(window, 'campaigns.start', { id: created.id });
    await goTo(window, 'Campaigns');
    await expect(window.getByTestId('nav-campaigns-running')).toHaveText('1');

    // Settings → Desktop app: keep sending in the background when the window closes.
    await goTo(window, 'Settings');
    const desktop = window.getByTestId('settings-desktop');
    await expect(desktop.getByTestId('settings-desktop-browser')).toHaveCount(0); // this is the desktop app
    await desktop.getByRole('radio', { name: /^Keep sending in the background/ }).check();
    await expect(window.getByTestId('toast').filter({ hasText: 'Settings saved' })).toBeVisible();

    // Close the window: it hides, Pigeon keeps running and sending.
    const before = sentOf(await invoke<CampaignRow>(window, 'campaigns.get', { id: created.id }));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([false]);
    await expect
      .poll(async () => sentOf(await invoke<CampaignRow>(window, 'campaigns.get', { id: created.id })), { timeout: 30_000 })
      .toBeGreaterThan(before);
    expect((await invoke<CampaignRow>(window, 'campaigns.get', { id: created.id })).status).toBe('running');

    // Pause and quit (remembered in Settings): the window closes, the campaign pauses, Pigeon exits.
    await invoke(window, 'settings.update', { closeAction: 'quit' });
    const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await exited;

    // Next start: it is Paused, not sending by itself.
    app = await launchPigeon(binary, dataDir);
    window = await app.firstWindow();
    await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const after = await invoke<CampaignRow>(window, 'campaigns.get', { id: created.id });
    expect(after.status).toBe('paused');
    expect(sentOf(after)).toBeLessThan(after.counts.total);
    await expect(window.getByTestId('nav-campaigns-running')).toHaveCount(0);
  } finally {
    await app.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

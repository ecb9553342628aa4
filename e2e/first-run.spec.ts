/**
 * The first run on a new data folder: the welcome in the computer's language (Persian, right to
 * left, Iran with its Saturday-to-Wednesday week; Turkish with Türkiye's; Arabic from Egypt),
 * the demo account with sample contacts in that language, the getting-started checklist ticking
 * itself off; and in English, skipped at once, not offered again, and reopened from Settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, WebSocketRoute } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { chooseImportFile, goTo, SHOTS_DIR } from './helpers';

/** Saves `<name>-1280.png` and `<name>-1024.png` in SHOTS_DIR (nothing when it is not set). */
async function shots(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS_DIR, `first-run-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

/** Which day toggles are on, in the order shown, with their names. */
async function days(group: Locator): Promise<[string, boolean][]> {
  return group.getByRole('checkbox').evaluateAll((els) => els.map((el) => [el.getAttribute('aria-label') ?? '', (el as HTMLInputElement).checked] as [string, boolean]));
}

test.describe('in Persian', () => {
  test.use({ locale: 'fa-IR', firstRun: true, timezoneId: 'Europe/Berlin' });

  test('the welcome in Persian: Iran, Tehran, Saturday to Wednesday, the demo with Persian sample contacts', async ({ pigeon }) => {
    const { page } = pigeon;
    const welcome = page.getByTestId('welcome');
    await expect(welcome).toHaveAccessibleName('به Pigeon خوش آمدید');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
    // The step's heading has the focus as the dialog opens; what is behind it cannot be reached.
    await expect(welcome.getByTestId('welcome-step')).toBeFocused();
    await expect(welcome.getByTestId('welcome-step')).toHaveText('مرحلهٔ ۱ از ۳: زبان و مکان');

    // Offered from the browser's language (fa-IR) and region; the computer's zone is Berlin's.
    await expect(welcome.getByTestId('welcome-language')).toHaveValue('fa');
    await expect(welcome.getByTestId('welcome-country')).toHaveValue('IR');
    await expect(welcome).toContainText('0912 345 6789');
    await expect(welcome.getByTestId('welcome-timezone')).toHaveValue('Asia/Tehran');
    expect(await days(welcome.getByTestId('welcome-days'))).toEqual([
      ['شنبه', true],
      ['یکشنبه', true],
      ['دوشنبه', true],
      ['سه‌شنبه', true],
      ['چهارشنبه', true],
      ['پنجشنبه', false],
      ['جمعه', false],
    ]);
    await shots(page, 'fa-1');

    // Keyboard: Tab from the heading reaches the language first; Next with Enter.
    await page.keyboard.press('Tab');
    await expect(welcome.getByTestId('welcome-language')).toBeFocused();
    await welcome.getByTestId('welcome-next').focus();
    await page.keyboard.press('Enter');
    const heading = welcome.getByTestId('welcome-step');
    await expect(heading).toHaveText('مرحلهٔ ۲ از ۳: امتحان کنید');
    await expect(heading).toBeFocused();
    await shots(page, 'fa-2');

    await welcome.getByTestId('welcome-demo').click();
    await expect(heading).toHaveText('مرحلهٔ ۳ از ۳: مخاطبان شما');
    await expect(welcome.getByTestId('welcome-demo-done')).toContainText('۲۵ مخاطب نمونه به گروه «مخاطبان نمونه» اضافه شدند');
    await shots(page, 'fa-3');
    await welcome.getByTestId('welcome-finish').click();
    await expect(welcome).toHaveCount(0);

    // Finished on the contacts: the 25 Persian sample contacts, Iranian mobiles.
    await expect(page.getByTestId('contact-row').filter({ hasText: 'علی رضایی' })).toHaveCount(1);
    await expect(page.getByTestId('contact-row')).toHaveCount(25);
    expect((await page.getByTestId('contact-row').locator('.phone').allTextContents()).every((p) => /^\u2066?\+98/.test(p.trim()))).toBe(true);

    // The checklist ticks off the contacts and, once the demo phone has linked itself, the account.
    await page.locator('nav.sidebar button').first().click();
    const checklist = page.getByTestId('checklist');
    await expect(checklist.getByTestId('checklist-contacts')).toHaveAttribute('data-done', 'true');
    await expect(checklist.getByTestId('checklist-account')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
    await expect(checklist.getByTestId('checklist-draft')).toHaveAttribute('data-done', 'false');
    // A step done is ticked off, no longer a button; one left is.
    await expect(checklist.getByTestId('checklist-contacts').getByRole('button')).toHaveCount(0);
    await expect(checklist.getByTestId('checklist-draft').getByRole('button', { name: 'یک پیام بنویسید' })).toBeVisible();
    await expect(checklist.getByTestId('checklist-progress')).toHaveText('۲ از ۴ انجام شد');
    await shots(page, 'fa-checklist');

    // The place is saved: Settings shows it, and a new campaign sends Saturday to Wednesday.
    await page.locator('nav.sidebar button').last().click();
    await expect(page.getByTestId('settings-country')).toHaveValue('IR');
    await expect(page.getByTestId('settings-timezone-input')).toHaveValue('Asia/Tehran');
    await expect(page.getByTestId('settings-week-start')).toHaveValue('6');
    expect((await days(page.getByTestId('settings-week-days'))).filter(([, on]) => on).map(([d]) => d)).toEqual(['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه']);
    await page.getByTestId('settings-week').scrollIntoViewIfNeeded();
    await shots(page, 'fa-settings');

    // After a reload the welcome is not offered again.
    await page.reload();
    await expect(page.locator('nav.sidebar')).toBeVisible();
    await expect(page.getByTestId('checklist')).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
  });
});

test.describe('in Turkish', () => {
  test.use({ locale: 'tr-TR', firstRun: true, timezoneId: 'Europe/Istanbul' });

  test('Türkiye, Monday to Friday, and Turkish sample contacts', async ({ pigeon }) => {
    const { page } = pigeon;
    const welcome = page.getByTestId('welcome');
    await expect(welcome).toHaveAccessibleName('Pigeon’a hoş geldiniz');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(welcome.getByTestId('welcome-country')).toHaveValue('TR');
    await expect(welcome.getByTestId('welcome-timezone')).toHaveValue('Europe/Istanbul');
    const week = await days(welcome.getByTestId('welcome-days'));
    expect(week.map(([, on]) => on)).toEqual([true, true, true, true, true, false, false]);
    expect(week[0]?.[0]).toBe('Pazartesi');
    // Saturday is the operator's to add.
    await welcome.getByRole('checkbox', { name: 'Cumartesi' }).check();
    await shots(page, 'tr-1');
    await welcome.getByTestId('welcome-next').click();
    await shots(page, 'tr-2');
    await welcome.getByTestId('welcome-demo').click();
    await expect(welcome.getByTestId('welcome-demo-done')).toContainText('25 örnek kişi “Örnek kişiler” grubuna eklendi');
    await shots(page, 'tr-3');
    await welcome.getByTestId('welcome-finish').click();
    await expect(page.getByTestId('contact-row').filter({ hasText: 'Ayşe Yılmaz' })).toHaveCount(1);
    await expect(page.getByTestId('contact-row')).toHaveCount(25);

    await page.locator('nav.sidebar button').first().click();
    await expect(page.getByTestId('checklist-contacts')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('checklist-account')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
    await shots(page, 'tr-checklist');
    await page.locator('nav.sidebar button').last().click();
    expect((await days(page.getByTestId('settings-week-days'))).map(([, on]) => on)).toEqual([true, true, true, true, true, true, false]);
  });
});

test.describe('in Arabic from Egypt', () => {
  test.use({ locale: 'ar-EG', firstRun: true, timezoneId: 'UTC' });

  test('Egypt is offered, with its Sunday-to-Thursday week listed from Saturday', async ({ pigeon }) => {
    const { page } = pigeon;
    const welcome = page.getByTestId('welcome');
    await expect(welcome).toHaveAccessibleName('مرحبًا بك في Pigeon');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(welcome.getByTestId('welcome-country')).toHaveValue('EG');
    await expect(welcome.getByTestId('welcome-timezone')).toHaveValue('Africa/Cairo');
    expect((await days(welcome.getByTestId('welcome-days'))).map(([, on]) => on)).toEqual([false, true, true, true, true, true, false]);
    await shots(page, 'ar-1');
    await welcome.getByTestId('welcome-skip').click();
    await expect(welcome).toHaveCount(0);
  });
});

test.describe('in English', () => {
  test.use({ firstRun: true });

  test('skipped at once: nothing is changed, it stays closed, the checklist shows, and Settings opens it again', async ({ pigeon }) => {
    const { page } = pigeon;
    const welcome = page.getByRole('dialog', { name: 'Welcome to Pigeon' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByTestId('welcome-step')).toHaveText('Step 1 of 3: Language and place');
    await expect(welcome.getByTestId('welcome-country')).toHaveValue('US');
    await welcome.getByRole('button', { name: 'Skip' }).click();
    await expect(welcome).toHaveCount(0);

    // The checklist on the Overview, nothing done, each step a button.
    const checklist = page.getByRole('region', { name: 'Getting started' });
    await expect(checklist.getByTestId('checklist-progress')).toHaveText('0 of 4 done');
    await expect(checklist.getByRole('button', { name: 'Import your contacts' })).toBeVisible();
    await expect(checklist.getByRole('button', { name: 'Link a WhatsApp account' })).toBeVisible();
    await expect(checklist.getByRole('button', { name: 'Write a message' })).toBeVisible();
    await expect(checklist.getByRole('button', { name: 'Start a campaign' })).toBeVisible();
    await shots(page, 'en-checklist');
    await checklist.getByRole('button', { name: 'Link a WhatsApp account' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();

    // Skipping changed no setting: the country is the default, the week Monday to Saturday.
    await goTo(page, 'Settings');
    await expect(page.getByTestId('settings-country')).toHaveValue('TR');
    expect((await days(page.getByTestId('settings-week-days'))).map(([, on]) => on)).toEqual([true, true, true, true, true, true, false]);

    // Not offered again after a reload; the empty Contacts page has the checklist too.
    await page.reload();
    await goTo(page, 'Contacts');
    await expect(page.getByTestId('contacts-empty').getByTestId('checklist')).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await shots(page, 'en-contacts');

    // Hidden from the Contacts page, shown again from Settings.
    await page.getByTestId('contacts-empty').getByRole('button', { name: 'Hide this list' }).click();
    await expect(page.getByTestId('checklist')).toHaveCount(0);
    await goTo(page, 'Settings');
    await page.getByTestId('settings-welcome').scrollIntoViewIfNeeded();
    await shots(page, 'en-settings');
    await page.getByRole('button', { name: 'Show the getting-started list again' }).click();
    await expect(page.getByRole('button', { name: 'Show the getting-started list again' })).toHaveCount(0);

    // The welcome again from Settings, through its steps by keyboard; Escape closes it.
    await page.getByRole('button', { name: 'Show the welcome again' }).click();
    await expect(welcome).toBeVisible();
    await expect(welcome.getByTestId('welcome-country')).toHaveValue('TR');
    // The language applies at once, behind and in the welcome, which stays open.
    const anyWelcome = page.getByTestId('welcome');
    await anyWelcome.getByTestId('welcome-language').focus();
    await anyWelcome.getByTestId('welcome-language').selectOption('fa');
    await expect(anyWelcome).toHaveAccessibleName('به Pigeon خوش آمدید');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(anyWelcome.getByTestId('welcome-language')).toBeFocused();
    await anyWelcome.getByTestId('welcome-language').selectOption('en');
    await expect(welcome).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await shots(page, 'en-1');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await expect(welcome.getByTestId('welcome-step')).toBeFocused();
    await expect(welcome.getByTestId('welcome-step')).toHaveText('Step 2 of 3: Try it');
    await shots(page, 'en-2');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await expect(welcome.getByTestId('welcome-step')).toHaveText('Step 3 of 3: Your contacts');
    await shots(page, 'en-3');
    await page.keyboard.press('Escape');
    await expect(welcome).toHaveCount(0);

    // Again, and "Import my contacts" goes to the Import page.
    await page.getByRole('button', { name: 'Show the welcome again' }).click();
    await welcome.getByRole('button', { name: 'Next' }).click();
    await welcome.getByRole('button', { name: 'Next' }).click();
    await welcome.getByRole('button', { name: 'Import my contacts' }).click();
    await expect(welcome).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Choose a file' })).toBeVisible();

    // The Options step says how numbers without a + are read, and changes it there.
    await chooseImportFile(page, writeTempFile(pigeon.dataDir, 'shop.csv', 'Name,Phone\nSara,0912 345 6789\n'));
    await page.getByTestId('import-next').click();
    const line = page.getByTestId('import-country-line');
    await expect(line).toHaveText(/^Numbers without a \+ are read as numbers of T(ü|u)rk\w+ \(\+90\)\.$/);
    await shots(page, 'en-import-country');
    await page.getByTestId('import-country-change').click();
    await expect(page.getByTestId('import-country-select')).toBeFocused();
    await page.getByTestId('import-country-select').selectOption('IR');
    await expect(line).toHaveText('Numbers without a + are read as numbers of Iran (+98).');
    await expect(page.getByTestId('import-country-select')).toHaveCount(0);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-stat-added')).toHaveAttribute('data-value', '1');
    await goTo(page, 'Contacts');
    await expect(page.getByTestId('contact-row').locator('.phone')).toHaveText(/\+98 912 345 6789/);
  });
});

test.describe('Next clicked twice', () => {
  test.use({ firstRun: true });

  test('while the first step is being saved: the second click goes on to the third step, never Back to the first', async ({ pigeon }) => {
    const { page } = pigeon;
    // Every frame passes through; the answer to saving the place waits until released.
    const parked: (() => void)[] = [];
    const placeIds = new Set<number>();
    await page.routeWebSocket(/.*/, (ws: WebSocketRoute) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const m = JSON.parse(String(message)) as { id?: number; method?: string };
        if (m.method === 'firstRun.place' && typeof m.id === 'number') placeIds.add(m.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const m = JSON.parse(String(message)) as { id?: number };
        if (typeof m.id === 'number' && placeIds.has(m.id)) parked.push(() => ws.send(message));
        else ws.send(message);
      });
    });
    await page.reload();
    const welcome = page.getByRole('dialog', { name: 'Welcome to Pigeon' });
    await expect(welcome.getByTestId('welcome-step')).toHaveText('Step 1 of 3: Language and place');
    const next = welcome.getByRole('button', { name: 'Next' });
    await next.click();
    await expect(next).toBeDisabled();
    // The second click waits for the button to be usable again, which it is on the second step.
    const second = next.click();
    await expect.poll(() => parked.length).toBe(1);
    parked.splice(0).forEach((send) => send());
    await second;
    await expect(welcome.getByTestId('welcome-step')).toHaveText('Step 3 of 3: Your contacts');
  });
});

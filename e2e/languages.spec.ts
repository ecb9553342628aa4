/**
 * Every page in every language: a book with contacts, a linked demo account and a draft, then the
 * language switched in Settings (at once, no reload) and every page of the navigation visited.
 * Fails on a message missing from the catalogue (t() reports it on the console), on English left
 * on screen, and on any critical or serious accessibility violation (axe-core). Screenshots of
 * every page at 1280×800 and 1024×700 when PIGEON_SHOTS_DIR is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { en } from '#shared/i18n/en';
import { catalogueOf, LANGUAGES, type Language } from '#shared/i18n';
import { DEFAULT_OPT_OUT_WORDS } from '#shared/optout';
import { generateContactsXlsx } from '#main/spreadsheets/fixtures';
import { expect, test, writeTempFile } from './fixtures';
import { chooseImportFile, goTo, importMessy, linkDemoAccount, SHOTS_DIR, writeTextDraft } from './helpers';

test.describe.configure({ timeout: 240_000 });

/** Words that stay as they are in every language (names of things, not English). */
const KEPT = new Set(['opendocument', 'xls', 'ods', 'space', 'e164', 'pigeon', 'whatsapp', 'excel', 'csv', 'xlsx', 'qr', 'demo', 'stop', 'utc', 'pm', 'am', 'web', 'chrome', 'edge', 'chromium', 'brave', 'alt', 'ctrl', 'enter', 'esc', 'tab', 'pdf', 'jpeg', 'png', 'mp4', 'ogg', 'mb', 'kb', 'gb']);

/**
 * What this spec typed or imported (names, a draft, custom columns), the demo phone's WhatsApp
 * name, time-zone ids, paths and the default opt-out words (in many languages on purpose): data,
 * not the app's words.
 */
const DATA = new Set(
  ['shop', 'offer', 'hello', 'first_name', 'city', 'birthday', 'hyperlink', 'http', 'phone', 'asia', 'tehran', 'riyadh', 'europe', 'istanbul', 'tmp', 'backups', 'e2e']
    .concat(DEFAULT_OPT_OUT_WORDS.flatMap((w) => w.split(/[^A-Za-z]+/).map((x) => x.toLowerCase()))),
);

/**
 * The literal stretches of the English messages (what is left between arguments), 14 characters
 * or more, that the language does not itself use: seeing one on screen means English was left.
 */
function englishStretches(lang: Language): string[] {
  const own = Object.values(catalogueOf(lang)).join('\n');
  const out = new Set<string>();
  for (const message of Object.values(en)) {
    for (const piece of message.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|'/)) {
      const s = piece.trim();
      if (s.length >= 14 && /[a-z]{3}/.test(s) && !own.includes(s)) out.add(s);
    }
  }
  return [...out];
}

async function navButtons(page: Page) {
  return page.locator('nav.sidebar button.nav-item').all();
}

/** The text of the page without what the user typed or imported (table cells, inputs). */
async function chromeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('.shell')!.cloneNode(true) as HTMLElement;
    for (const el of root.querySelectorAll('[aria-hidden="true"], td, [role="gridcell"], input, textarea, option, .wa-bubble, [data-user-text], .contact-name, .toast')) el.remove();
    return root.innerText;
  });
}

for (const lang of LANGUAGES) {
  test(`every page in ${lang}: all messages translated, nothing left in English, no serious accessibility problem`, async ({ pigeon }) => {
    const { page, dataDir } = pigeon;
    const reported: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('[i18n]')) reported.push(m.text());
    });
    await importMessy(page, dataDir);
    await linkDemoAccount(page, 'Shop');
    await writeTextDraft(page, 'Offer', 'Hello {{first_name}}');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('settings-language-select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr');

    const stretches = englishStretches(lang);
    const problems: string[] = [];
    const count = (await navButtons(page)).length;
    for (let i = 0; i < count; i++) {
      const button = (await navButtons(page))[i]!;
      await button.click();
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForTimeout(300); // live figures arrive
      const title = (await page.locator('main h1').first().innerText()).trim();
      if (lang !== 'en') {
        const text = await chromeText(page);
        for (const s of stretches) if (text.includes(s)) problems.push(`${title}: English “${s}”`);
        if (lang === 'fa' || lang === 'ar') {
          // (Cells of a grid follow each other without a space: "CityBirthday" is two words.)
          const latin = [...new Set(text.split(dataDir).join(' ').replace(/WhatsApp|OpenDocument/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').match(/\b[A-Za-z]{3,}\b/g) ?? [])].filter((w) => !KEPT.has(w.toLowerCase()) && !DATA.has(w.toLowerCase()));
          if (latin.length > 0) problems.push(`${title}: Latin words ${latin.join(' ')}`);
        }
      }
      const axe = await new AxeBuilder({ page }).include('.shell').analyze();
      for (const v of axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')) {
        problems.push(`${title}: axe ${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      }
      if (SHOTS_DIR) {
        fs.mkdirSync(SHOTS_DIR, { recursive: true });
        for (const [w, h] of [
          [1280, 800],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: path.join(SHOTS_DIR, `lang-${lang}-${String(i).padStart(2, '0')}-${w}.png`) });
        }
        await page.setViewportSize({ width: 1360, height: 860 });
      }
    }
    expect(reported).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('switching the language while an import and a campaign run loses nothing', async ({ pigeon }) => {
  test.setTimeout(240_000);
  const { page, dataDir } = pigeon;
  await linkDemoAccount(page, 'Shop');
  await importMessy(page, dataDir, { target: 'newGroup', groupName: 'Everyone' });
  await writeTextDraft(page, 'Offer', 'Hello {{first_name}}');
  // A campaign at a slow pace, so it is still sending when the language changes.
  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const editor = page.getByTestId('campaign-editor');
  await editor.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Offer' });
  await editor.getByTestId('campaign-next').click();
  await editor.getByTestId('campaign-groups').getByRole('checkbox', { name: /Everyone/ }).check();
  await editor.getByTestId('campaign-next').click();
  await editor.getByRole('radio', { name: /^Custom/ }).check();
  const custom = editor.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill('1');
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('2');
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
  await editor.getByTestId('campaign-next').click();
  await editor.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await editor.getByTestId('campaign-next').click();
  const total = Number((await editor.getByTestId('audience-total').innerText()).match(/\d+/)?.[0]);
  await editor.getByTestId('campaign-start').click();
  const status = page.getByTestId('campaign-detail').getByTestId('campaign-status').first();
  await expect(status).toHaveText('Running');
  // And a large import, running in main.
  const file = writeTempFile(dataDir, 'big.xlsx', generateContactsXlsx(60_000, 3));
  await chooseImportFile(page, file);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-start').click();
  await expect(page.getByRole('progressbar')).toBeVisible();

  await goTo(page, 'Settings');
  await page.getByTestId('settings-language-select').selectOption('tr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');

  // The import is shown again in Turkish (running, or in the history when done) and ends with every row.
  await page.locator('nav.sidebar button.nav-item').nth(8).click();
  const row = page.getByTestId('import-history-row').filter({ hasText: 'big.xlsx' });
  await expect(row).toContainText('Bitti', { timeout: 180_000 });
  await expect(row).toContainText(/60[.,]000/);

  // The campaign carried on and completes, each person once.
  await page.locator('nav.sidebar button.nav-item').nth(5).click();
  const listed = page.getByTestId('campaign-row').first().locator('.cmp-open');
  await expect(listed.or(status)).toBeVisible();
  if (await listed.isVisible()) await listed.click();
  await expect(status).toHaveText('Tamamlandı', { timeout: 120_000 });
  await expect(page.getByTestId('campaign-detail').getByRole('progressbar')).toHaveAccessibleName(`${total} / ${total} tamamlandı`);
});

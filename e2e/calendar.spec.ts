/**
 * Dates in the operator's calendar: a Persian operator (language switched in Settings) schedules a
 * campaign for a day of the Solar Hijri calendar, typed in Persian digits and picked on the month
 * grid, at a time typed in Persian digits, in a time zone typed as a city name in Persian; the
 * campaign stored is asked from Pigeon itself and must be that wall time in Tehran. Then the same
 * step in Arabic with the Umm al-Qura calendar. Screenshots of the step in Persian and Arabic.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fa } from '#shared/i18n/fa';
import { ar } from '#shared/i18n/ar';
import { formatDate } from '#shared/dates';
import { expect, test } from './fixtures';
import { goTo, linkDemoAccount, SHOTS_DIR, writeTextDraft } from './helpers';

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: false });
  }
  if (before) await page.setViewportSize(before);
}

type Stored = { id: number; name: string; status: string; timezone: string; schedule: { kind: 'now' } | { kind: 'at'; at: string } };

/** The campaigns as Pigeon keeps them, asked over the page's own connection (the browser host's WebSocket). */
async function storedCampaigns(page: Page): Promise<Stored[]> {
  return page.evaluate(
    () =>
      new Promise<Stored[]>((resolve, reject) => {
        const token = sessionStorage.getItem('pigeon.token') ?? '';
        const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: 'campaigns.list', input: {} }));
        ws.onmessage = (e: MessageEvent<string>) => {
          const m = JSON.parse(e.data) as { id?: number; ok?: boolean; result?: Stored[]; error?: unknown };
          if (m.id !== 1) return;
          ws.close();
          if (m.ok && m.result) resolve(m.result);
          else reject(new Error(JSON.stringify(m.error)));
        };
        ws.onerror = () => reject(new Error('no connection'));
      }),
  );
}

/** A day ~40 days from now, as Intl writes it in `locale` (year, month, day numbers in Latin digits). */
function dayAhead(locale: string, days: number): { year: number; month: number; day: number; gregorian: string } {
  const at = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat(`${locale}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), gregorian: at.toISOString().slice(0, 10) };
}

const persianDigits = (n: number, width = 1) => String(n).padStart(width, '0').replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

async function chooseLanguage(page: Page, language: string, calendar = 'auto'): Promise<void> {
  const nav = page.getByRole('navigation').first();
  await nav.getByRole('button', { name: /Settings|تنظیمات|الإعدادات|Ayarlar/ }).click();
  const panel = page.getByTestId('settings-language');
  await panel.getByTestId('settings-language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await panel.getByTestId('settings-calendar-select').selectOption(calendar);
  await expect(page.getByTestId('settings-calendar-select')).toHaveValue(calendar);
}

/** New campaign → message, audience (a pasted number), sending, then the timing step; in whatever language is on. */
async function toTimingStep(page: Page, name: string, words: typeof fa): Promise<void> {
  await page.getByRole('navigation').first().getByRole('button', { name: words['nav.campaigns'] }).click();
  await page.getByTestId('campaign-new').click();
  const e = page.getByTestId('campaign-editor');
  await e.getByTestId('campaign-draft').selectOption({ label: 'Spring' });
  await e.getByTestId('campaign-name').fill(name);
  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-pasted').fill('+905321110001');
  await e.getByTestId('campaign-next').click();
  await expect(e.getByTestId('campaign-account').getByRole('checkbox')).toBeChecked();
  await e.getByTestId('campaign-next').click();
  await expect(e.getByTestId('schedule-at')).toBeVisible();
}

test('a Persian operator schedules a campaign for a Solar Hijri day, in Persian digits and a Persian city name', async ({ pigeon }) => {
  const { page } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  await writeTextDraft(page, 'Spring', 'Hello!');
  await goTo(page, 'Settings');
  await chooseLanguage(page, 'fa');

  await toTimingStep(page, 'بهار', fa);
  const e = page.getByTestId('campaign-editor');
  // The week starts on Saturday in Iran: the working days are listed from شنبه.
  const days = e.locator('.cmp-days .cmp-day');
  await expect(days.first()).toHaveAttribute('data-day', '6');
  await e.getByTestId('hours-enabled').uncheck();

  // The zone, as a city name in Persian.
  await e.getByTestId('campaign-timezone').fill('تهران');
  await expect(e.getByTestId('campaign-timezone-means')).toContainText('Asia/Tehran');

  await e.getByTestId('schedule-at').check();
  // A day some 40 days ahead, typed in the Persian calendar and Persian digits…
  const target = dayAhead('fa-u-ca-persian', 40);
  const typed = `${persianDigits(target.year)}/${persianDigits(target.month, 2)}/${persianDigits(target.day, 2)}`;
  await e.getByTestId('schedule-date').fill(typed);
  await e.getByTestId('schedule-time').fill('۰۹:۳۰');
  await expect(e.getByTestId('schedule-date-words')).toHaveText(
    formatDate(Date.parse(target.gregorian), 'fa-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' }),
  );
  // …then the next day picked on the month grid, which shows the Persian month.
  await e.getByTestId('schedule-date-pick').click();
  const grid = page.getByTestId('schedule-date-calendar');
  await expect(grid).toBeVisible();
  await expect(
    grid.getByRole('grid', { name: new Intl.DateTimeFormat('fa-u-ca-persian', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(target.gregorian)) }),
  ).toBeVisible();
  await shot(page, 'calendar-schedule-fa-grid');
  const nextDay = new Date(Date.parse(target.gregorian) + 86_400_000);
  const nextDayLabel = formatDate(nextDay, 'fa-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' });
  await grid.getByRole('button', { name: new RegExp(`^${nextDayLabel}`) }).click();
  await expect(grid).toBeHidden();
  await expect(e.getByTestId('schedule-date-words')).toHaveText(nextDayLabel);
  const picked = dayAhead('fa-u-ca-persian', 41);
  await expect(e.getByTestId('schedule-date')).toHaveValue(`${persianDigits(picked.year)}/${persianDigits(picked.month, 2)}/${persianDigits(picked.day, 2)}`);
  await shot(page, 'calendar-schedule-fa');

  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-start').click();
  await expect(page.getByTestId('campaign-detail').getByTestId('campaign-status').first()).toHaveText(fa['campaigns.status.scheduled'] ?? 'missing');

  // Stored: an ISO instant, 09:30 on that day in Tehran.
  const [stored] = (await storedCampaigns(page)).filter((c) => c.name === 'بهار');
  expect(stored?.timezone).toBe('Asia/Tehran');
  expect(stored?.schedule.kind).toBe('at');
  const at = stored?.schedule.kind === 'at' ? stored.schedule.at : '';
  expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const wall = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  expect(wall.format(Date.parse(at))).toBe(`${picked.month}/${picked.day}/${picked.year} AP, 09:30`);
  // Iran keeps UTC+03:30 all year: 06:00 UTC.
  expect(at).toBe(`${new Date(Date.parse(target.gregorian) + 86_400_000).toISOString().slice(0, 10)}T06:00:00.000Z`);
});

test('the schedule step in Arabic with the Umm al-Qura calendar', async ({ pigeon }) => {
  const { page } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkDemoAccount(page, 'Shop phone');
  await writeTextDraft(page, 'Spring', 'Hello!');
  await goTo(page, 'Settings');
  await chooseLanguage(page, 'ar', 'islamic-umalqura');

  await toTimingStep(page, 'ربيع', ar);
  const e = page.getByTestId('campaign-editor');
  await e.getByTestId('campaign-timezone').fill('الرياض');
  await expect(e.getByTestId('campaign-timezone-means')).toContainText('Asia/Riyadh');
  await e.getByTestId('schedule-at').check();
  const target = dayAhead('ar-u-ca-islamic-umalqura', 30);
  await e.getByTestId('schedule-date').fill(`${target.day}/${target.month}/${target.year}`);
  await e.getByTestId('schedule-time').fill('٢٠:١٥');
  await expect(e.getByTestId('schedule-date-words')).toHaveText(
    formatDate(Date.parse(target.gregorian), 'ar-u-ca-islamic-umalqura', { dateStyle: 'full', timeZone: 'UTC' }),
  );
  await e.getByTestId('schedule-date-pick').click();
  await expect(
    page.getByTestId('schedule-date-calendar').getByRole('grid', {
      name: new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(target.gregorian)),
    }),
  ).toBeVisible();
  await shot(page, 'calendar-schedule-ar-grid');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('schedule-date-calendar')).toBeHidden();
  await shot(page, 'calendar-schedule-ar');

  await e.getByTestId('campaign-next').click();
  await e.getByTestId('campaign-start').click();
  await expect(page.getByTestId('campaign-detail').getByTestId('campaign-status').first()).toHaveText(ar['campaigns.status.scheduled'] ?? 'missing');
  const [stored] = (await storedCampaigns(page)).filter((c) => c.name === 'ربيع');
  const at = stored?.schedule.kind === 'at' ? stored.schedule.at : '';
  // Riyadh is UTC+3 all year: 20:15 there is 17:15 UTC on the Gregorian day of that Hijri day.
  expect(at).toBe(`${target.gregorian}T17:15:00.000Z`);
});

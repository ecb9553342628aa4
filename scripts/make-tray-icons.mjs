/**
 * Draws the tray icons (resources/tray/) from the app's icon (src-renderer/public/pigeon.svg) in
 * Chromium: the colour icon for Windows and Linux, and a black "template" bird for the macOS menu
 * bar (macOS tints it for light and dark bars). Run again after changing the icon:
 * `node scripts/make-tray-icons.mjs`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'tray');
const icon = fs.readFileSync(path.join(root, 'src-renderer', 'public', 'pigeon.svg'), 'utf8');
// The bird of the icon alone, black, with its eye cut out.
const bird = /<path d="([^"]+)"/.exec(icon)?.[1];
const eye = /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/.exec(icon);
if (!bird || !eye) throw new Error('pigeon.svg no longer has the bird path and eye this script reads');
const template = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="12 12 42 42"><mask id="m"><rect x="0" y="0" width="64" height="64" fill="#fff"/><circle cx="${eye[1]}" cy="${eye[2]}" r="${eye[3]}" fill="#000"/></mask><path d="${bird}" fill="#000" mask="url(#m)"/></svg>`;

const images = [
  { file: 'tray.png', svg: icon, size: 16 },
  { file: 'tray@2x.png', svg: icon, size: 32 },
  { file: 'trayTemplate.png', svg: template, size: 16 },
  { file: 'trayTemplate@2x.png', svg: template, size: 32 },
];

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.PIGEON_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, svg, size } of images) {
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(out, file), omitBackground: true });
    console.log(`resources/tray/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}

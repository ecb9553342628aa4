/**
 * A picture over WhatsApp's 5 MB is offered "Shrink it" instead of a bare refusal: a smaller JPEG
 * copy is made in a Web Worker and attached through the usual path (main checks it again), the
 * original file on disk is left exactly as it was, and the draft saves. A file that only claims to
 * be a picture can't be shrunk and says so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, screenshots } from './helpers';

const MB = 1024 * 1024;

/** A PNG of random pixels (a photo's worst case: it hardly compresses), as big as its pixels. */
function noisyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const stride = width * 3 + 1;
  const raw = crypto.randomBytes(stride * height);
  for (let y = 0; y < height; y++) raw[y * stride] = 0; // no filter
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const shot = (page: Page, name: string) => screenshots(page, name, { settle: () => page.waitForTimeout(150) });

test('a picture over 5 MB: one click makes a smaller copy that is attached; the original is untouched', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const original = path.join(dataDir, 'holiday.png');
  fs.writeFileSync(original, noisyPng(2400, 1800));
  const before = fs.readFileSync(original);
  expect(before.length).toBeGreaterThan(12 * MB);
  const hash = crypto.createHash('sha256').update(before).digest('hex');
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('part-text-input').fill('Our summer photos are in!');
  await editor.getByTestId('add-image').click();
  const picture = page.getByTestId('part-image');
  await picture.getByTestId('attach-input').setInputFiles(original);

  // Refused as before, in the same words, but with a way out.
  const sizeMb = (Math.ceil((before.length / MB) * 10) / 10).toFixed(1);
  await expect(picture.getByTestId('attach-error')).toHaveText(
    `“holiday.png” is ${sizeMb} MB, but WhatsApp pictures can be at most 5.0 MB. Make it smaller and attach it again.`,
  );
  await expect(picture.getByTestId('attach-shrink')).toHaveText('Shrink it');
  await picture.getByTestId('attach-shrink').scrollIntoViewIfNeeded();
  await shot(page, 'shrink-offer');

  await picture.getByTestId('attach-shrink').click();
  await expect(picture.getByTestId('attachment-name')).toHaveText('holiday (smaller).jpg', { timeout: 60_000 });
  await expect(picture.getByTestId('attach-error')).toHaveCount(0);
  await expect(picture.getByTestId('attach-shrink')).toHaveCount(0);
  await expect(picture.getByTestId('attachment-meta')).toContainText('JPEG picture');
  await expect(picture.getByTestId('attach-note')).toContainText('A smaller copy of “holiday.png” is attached');
  await expect(picture.getByTestId('attach-note')).toContainText('Your file is unchanged.');
  // The work was done in a worker, off the page's thread.
  expect(workers.some((url) => /shrink/.test(url))).toBe(true);

  // What main stored fits WhatsApp's limit and is a real picture, shown in the thumbnail.
  const stored = fs.readdirSync(path.join(dataDir, 'attachments')).map((f) => fs.statSync(path.join(dataDir, 'attachments', f)).size);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toBeLessThanOrEqual(5 * MB);
  const natural = await picture.getByTestId('attachment-thumb').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural[0]! / natural[1]!).toBeCloseTo(2400 / 1800, 1);
  expect(natural[0]).toBeGreaterThanOrEqual(480);
  await expect(page.getByTestId('preview-image')).toBeVisible();

  // The original on disk is exactly as it was.
  expect(crypto.createHash('sha256').update(fs.readFileSync(original)).digest('hex')).toBe(hash);

  // The draft saves with it.
  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  await shot(page, 'shrink-done');
});

test('a big file that only claims to be a picture says it can’t be shrunk', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').click();
  const editor = page.getByTestId('draft-editor');
  await editor.getByTestId('add-image').click();
  const picture = page.getByTestId('part-image');
  // Files on disk, not buffers: Playwright carries a buffer to the page far more slowly.
  const fake = path.join(dataDir, 'big.jpg');
  fs.writeFileSync(fake, Buffer.alloc(Math.floor(6.1 * MB)));
  const clip = path.join(dataDir, 'clip.mp4');
  fs.writeFileSync(clip, Buffer.alloc(17 * MB));
  await picture.getByTestId('attach-input').setInputFiles(fake);
  await picture.getByTestId('attach-shrink').click();
  await expect(picture.getByTestId('attach-error')).toHaveText('“big.jpg” can’t be read as a picture, so it can’t be shrunk. Choose another picture.');
  await expect(picture.getByTestId('attach-shrink')).toHaveCount(0);
  await expect(picture.getByTestId('attachment-name')).toHaveCount(0);
  // Other kinds are not offered a shrink (nothing here can make a video smaller).
  await editor.getByTestId('add-video').click();
  const video = page.getByTestId('part-video');
  await video.getByTestId('attach-input').setInputFiles(clip);
  await expect(video.getByTestId('attach-error')).toContainText('WhatsApp videos can be at most 16.0 MB');
  await expect(video.getByTestId('attach-shrink')).toHaveCount(0);
});

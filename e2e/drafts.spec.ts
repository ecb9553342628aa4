/**
 * Drafts: write a message with a contact detail, an emoji and variations; attach a picture and see
 * it; see the WhatsApp-like preview for a chosen contact (a Persian name and a Persian poll answer
 * too); a file too big is refused before it is sent to main, a wrong one with main's reason; save
 * (one toast each time), duplicate, delete after confirming; leaving the page with unsaved edits
 * asks first; everything is still there after a reload.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { goTo, importFile, pngBytes, SHOTS_DIR } from './helpers';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n', 'latin1');

const CONTACTS_CSV = [
  'Name,Phone,City',
  'Ayşe Yılmaz,+90 532 123 45 67,İstanbul',
  'سارا احمدی,+98 912 123 4567,تهران',
  'Mehmet Demir,+90 533 111 22 33,',
].join('\n');

/**
 * Screenshots at 1280×800 and 1024×700 (where the preview sits under the editor: then one more,
 * scrolled down to it).
 */
async function shot(page: Page, name: string): Promise<void> {
  const SHOTS = SHOTS_DIR;
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${w}.png` });
  }
  if (await page.getByTestId('draft-preview').isVisible()) {
    await page.getByTestId('draft-preview').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-1024-preview.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Picks who the preview is for, by searching the contact book. */
async function previewFor(page: Page, search: string, name: string): Promise<void> {
  await page.getByTestId('preview-contact-button').click();
  await page.getByTestId('preview-contact-search').fill(search);
  await page.locator('.drafts-contact-option', { hasText: name }).click();
  await expect(page.getByTestId('preview-contact-name')).toHaveText(name);
}

async function insertVariable(page: Page, part: ReturnType<Page['getByTestId']>, label: string, fallback = ''): Promise<void> {
  await part.getByTestId('tool-variable').click();
  const menu = page.getByTestId('variable-menu');
  await expect(menu).toBeVisible();
  if (fallback !== '') await menu.getByTestId('variable-fallback').fill(fallback);
  await menu.getByRole('button', { name: label, exact: true }).click();
  await expect(menu).toHaveCount(0);
}

test('drafts: write, attach, preview, save, duplicate, delete, and find it again after a reload', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await importFile(page, writeTempFile(dataDir, 'customers.csv', CONTACTS_CSV));

  // The empty page says what a draft is.
  await goTo(page, 'Drafts');
  const empty = page.getByTestId('drafts-empty');
  await expect(empty).toContainText('A draft is a message you prepare once');
  await shot(page, 'drafts-empty');

  await empty.getByRole('button', { name: 'Write your first draft' }).click();
  const editor = page.getByTestId('draft-editor');
  await expect(editor.getByTestId('draft-name')).toHaveValue('New draft');
  // The new draft's name is selected, ready to be typed over.
  await expect(editor.getByTestId('draft-name')).toBeFocused();
  await page.keyboard.type('Spring sale');
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale');
  await expect(editor.getByTestId('draft-state')).toHaveText('Unsaved changes');

  // Text: a variation, a contact detail with a fallback, a custom field, an emoji and bold.
  const text = page.getByTestId('part-text').first();
  const box = text.getByTestId('part-text-input');
  await text.getByTestId('tool-variation').click();
  // Empty choices with the caret inside, after the opening brace.
  await expect(box).toHaveValue('{|}');
  expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([1, 1]);
  await page.keyboard.type('Hi|Hello');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Merhaba');
  await expect(box).toHaveValue('{Hi|Hello|Merhaba}');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await insertVariable(page, text, 'First name', 'friend');
  await expect(box).toBeFocused();
  await page.keyboard.type('! New spring prices in ');
  await insertVariable(page, text, 'City');
  await page.keyboard.type(' ');
  await text.getByTestId('tool-emoji').click();
  // The picker shows whole, in the window (the editor column does not cut it off), at 1280 and 1024 px.
  for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await expect(async () => {
      const box = (await page.getByTestId('emoji-picker').locator('xpath=..').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      // The last emoji of the first row is on top where it is drawn (not clipped by the column).
      const onTop = await page.getByTestId('emoji-picker').getByRole('button').nth(9).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      });
      expect(onTop).toBe(true);
    }).toPass();
  }
  await page.getByTestId('emoji-picker').getByRole('button', { name: '🎉' }).click();
  await page.keyboard.type(' 50% off');
  // Select "50% off" and make it bold with the toolbar.
  for (let i = 0; i < '50% off'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await text.getByRole('button', { name: 'Bold' }).click();
  const written = '{Hi|Hello|Merhaba} {{first_name|friend}}! New spring prices in {{City}} 🎉 *50% off*';
  await expect(box).toHaveValue(written);
  await expect(text.getByTestId('char-counter')).toHaveText(`${written.length} / 4,096`);
  await expect(text.getByTestId('template-issues')).toHaveCount(0);

  // The preview fills in the contact's details and picks one of the variations.
  await previewFor(page, 'Ayşe', 'Ayşe Yılmaz');
  const bubble = page.getByTestId('preview-bubble').first();
  const expected = /^(Hi|Hello|Merhaba) Ayşe! New spring prices in İstanbul 🎉 50% off/;
  await expect(bubble).toHaveText(expected);
  await expect(bubble.locator('strong')).toHaveText('50% off');
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('preview-reroll').click();
    await expect(bubble).toHaveText(expected);
  }
  await expect(page.getByTestId('draft-preview')).toContainText('3 possible versions');

  // Who lacks a detail, in plain words.
  const gaps = page.getByTestId('variable-gaps');
  await expect(gaps.getByTestId('variable-gap')).toHaveText('{{City}}: 1 of 3 contacts has no value — they will see nothing there.');
  await expect(gaps.getByTestId('variable-gap-ok')).toHaveText('Every contact (3) has {{first_name}}.');

  // A picture: a thumbnail in the editor and in the bubble.
  await editor.getByTestId('add-image').click();
  const picture = page.getByTestId('part-image').first();
  await picture.getByTestId('attach-input').setInputFiles({ name: 'spring.png', mimeType: 'image/png', buffer: pngBytes(160, 100) });
  await expect(picture.getByTestId('attachment-name')).toHaveText('spring.png');
  await expect(picture.getByTestId('attachment-meta')).toContainText('PNG picture');
  await expect(picture.getByTestId('attachment-thumb')).toBeVisible();
  expect(await picture.getByTestId('attachment-thumb').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  await picture.getByTestId('part-caption-input').fill('Only this week, {{first_name}}!');
  await expect(page.getByTestId('preview-image')).toBeVisible();
  await expect(page.getByTestId('preview-bubble').nth(1)).toContainText('Only this week, Ayşe!');

  // A picture over WhatsApp's 5 MB is refused here, before it is read: in main's words (main would
  // have said first that these zeros are no picture at all).
  await editor.getByTestId('add-image').click();
  const wrong = page.getByTestId('part-image').nth(1);
  const bigSize = Math.floor(7.2 * 1024 * 1024);
  await wrong.getByTestId('attach-input').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(bigSize) });
  await expect(wrong.getByTestId('attach-error')).toHaveText(
    '“big.jpg” is 7.2 MB, but WhatsApp pictures can be at most 5.0 MB. Make it smaller and attach it again.',
  );
  await expect(wrong.getByTestId('attachment-name')).toHaveCount(0);
  // A PDF given as a picture is refused with main's reason, next to the part.
  await wrong.getByTestId('attach-input').setInputFiles({ name: 'menu.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(wrong.getByTestId('attach-error')).toContainText('“menu.pdf” is a PDF document, not a picture.');
  // Saving now says which part is not ready.
  await editor.getByTestId('draft-save').click();
  await expect(page.getByTestId('draft-save-error')).toContainText('Some parts can’t be saved yet');
  await expect(wrong.getByTestId('part-problem')).toHaveText('Choose a file for this part, or remove it.');
  // A broken template is shown in plain words, too.
  await editor.getByTestId('add-text').click();
  const broken = page.getByTestId('part-text').nth(1);
  await broken.getByTestId('part-text-input').fill('See you {{name');
  await expect(broken.getByTestId('template-issues')).toContainText('is never closed');
  await expect(page.getByTestId('draft-warning')).toBeVisible();
  await broken.getByTestId('template-issues').scrollIntoViewIfNeeded();
  await shot(page, 'drafts-error');
  await wrong.getByRole('button', { name: /^Remove “/ }).click();
  await expect(page.getByTestId('part-image')).toHaveCount(1);
  // Removing the part that wasn't ready clears the message.
  await expect(page.getByTestId('draft-save-error')).toHaveCount(0);

  // A text with a problem can still be saved; the list warns about it.
  await page.keyboard.press('Control+s');
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  const savedToasts = page.getByTestId('toast').filter({ hasText: 'Saved “Spring sale”' });
  await expect(savedToasts).toHaveCount(1);
  await expect(page.getByTestId('draft-save-error')).toHaveCount(0);
  await expect(page.getByTestId('draft-item').filter({ hasText: 'Spring sale' }).getByTestId('draft-item-warning')).toBeVisible();
  await broken.getByRole('button', { name: /^Remove “/ }).click();
  // Saved again a moment later: one toast, not one per save stacked up.
  await page.keyboard.press('Control+s');
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('draft-item').filter({ hasText: 'Spring sale' }).getByTestId('draft-item-warning')).toHaveCount(0);
  await expect(savedToasts).toHaveCount(1);

  // More parts: a location, a contact card and a poll; then the Persian customer's preview.
  await editor.getByTestId('add-location').click();
  const location = page.getByTestId('part-location');
  await location.getByTestId('location-latitude').fill('41.0370');
  await location.getByTestId('location-longitude').fill('28.9850');
  await location.getByTestId('location-name').fill('Pigeon Shop');
  await location.getByTestId('location-address').fill('İstiklal Cd. 12, Beyoğlu');
  await editor.getByTestId('add-poll').click();
  const poll = page.getByTestId('part-poll');
  await poll.getByTestId('poll-question').fill('Which day suits you, {{first_name}}?');
  await poll.getByTestId('poll-option').nth(0).fill('Saturday');
  await poll.getByTestId('poll-option').nth(1).fill('Sunday');
  await poll.getByTestId('poll-option').nth(1).press('Enter');
  await page.keyboard.type('شنبه');
  await expect(poll.getByTestId('poll-option')).toHaveCount(3);
  await previewFor(page, 'سارا', 'سارا احمدی');
  // Every answer is shown, the Persian one too, right next to its circle (not at the far end of
  // the row, where it looked like an empty answer).
  const pollBubble = page.getByTestId('preview-bubble').last();
  await expect(pollBubble.getByTestId('preview-poll-option')).toHaveText(['Saturday', 'Sunday', 'شنبه']);
  // It still reads right to left (its own direction), in a row that starts at its circle.
  expect(await pollBubble.getByTestId('preview-poll-option').nth(2).locator('bdi').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const optionRows = await pollBubble.locator('.wa-poll-options li').evaluateAll((items) =>
    items.map((li) => {
      const box = li.querySelector('.wa-poll-box')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(li.querySelector('.wa-poll-label')!);
      const text = range.getBoundingClientRect();
      return { width: text.width, gap: text.left - box.right };
    }),
  );
  for (const { width, gap } of optionRows) {
    expect(width).toBeGreaterThan(10);
    expect(gap).toBeLessThan(16);
  }
  await expect(bubble).toHaveText(/^(Hi|Hello|Merhaba) سارا! New spring prices in تهران 🎉 50% off/);
  await expect(bubble.locator('.wa-text')).toHaveAttribute('dir', 'auto');
  await expect(page.getByTestId('preview-coordinates')).toHaveText('41.03700, 28.98500');
  await expect(page.getByTestId('preview-bubble').last()).toContainText('Which day suits you, سارا?');
  await page.keyboard.press('Control+s');
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('draft-item').filter({ hasText: 'Spring sale' }).getByTestId('draft-item-warning')).toHaveCount(0);
  await expect(savedToasts).toHaveCount(1);
  await page.getByTestId('part-poll').scrollIntoViewIfNeeded();
  await shot(page, 'drafts-editor');
  if (SHOTS_DIR) fs.copyFileSync(`${SHOTS_DIR}/drafts-editor-1280.png`, `${SHOTS_DIR}/drafts-editor.png`);

  // Duplicate: the copy opens.
  await editor.getByTestId('draft-duplicate').click();
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale (copy)');
  await expect(page.getByTestId('draft-item')).toHaveCount(2);

  // Leaving a draft with unsaved edits asks first.
  await editor.getByTestId('draft-name').fill('Spring sale copy, edited');
  // The copy is listed first (newest), the original second.
  await page.getByTestId('draft-item').nth(1).click();
  const unsaved = page.getByTestId('drafts-unsaved-dialog');
  await expect(unsaved).toContainText('Save the changes to “Spring sale copy, edited”?');
  await unsaved.getByRole('button', { name: 'Keep editing' }).click();
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale copy, edited');
  await page.getByTestId('draft-item').nth(1).click();
  await unsaved.getByRole('button', { name: 'Don’t save' }).click();
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale');

  // Delete the copy, after confirming by name.
  await page.getByTestId('draft-item').filter({ hasText: 'Spring sale (copy)' }).click();
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale (copy)');
  await editor.getByTestId('draft-delete').click();
  const confirmDialog = page.getByTestId('confirm-dialog');
  await expect(confirmDialog).toContainText('Delete the draft “Spring sale (copy)”?');
  await confirmDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale');

  // Going to another page with unsaved edits asks first: from the sidebar, and with Alt+number.
  await editor.getByTestId('draft-name').fill('Spring sale 2026');
  await goTo(page, 'Campaigns');
  await expect(unsaved).toContainText('Save the changes to “Spring sale 2026”?');
  await unsaved.getByRole('button', { name: 'Keep editing' }).click();
  await expect(unsaved).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale 2026');
  await page.keyboard.press('Alt+2');
  await expect(unsaved).toBeVisible();
  await shot(page, 'drafts-leave');
  await unsaved.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await goTo(page, 'Drafts');
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale');
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  // Save: saved (one toast), then on to the page asked for.
  await editor.getByTestId('draft-name').fill('Spring sale 2026');
  await goTo(page, 'Campaigns');
  await unsaved.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved “Spring sale 2026”' })).toHaveCount(1);
  await goTo(page, 'Drafts');
  await expect(editor.getByTestId('draft-name')).toHaveValue('Spring sale 2026');
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  // Nothing unsaved: the page is left without asking.
  await goTo(page, 'Contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await expect(unsaved).toHaveCount(0);

  // After a reload, the draft is all there.
  await page.reload();
  await goTo(page, 'Drafts');
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
  await expect(page.getByTestId('draft-item')).toContainText('Spring sale 2026');
  await expect(page.getByTestId('part-text-input')).toHaveValue(written);
  await expect(page.getByTestId('part-image').getByTestId('attachment-thumb')).toBeVisible();
  await expect(page.getByTestId('part-location').getByTestId('location-name')).toHaveValue('Pigeon Shop');
  await expect(page.getByTestId('part-poll').getByTestId('poll-option')).toHaveCount(3);
  await expect(page.getByTestId('draft-state')).toHaveText('All changes saved');
});

test('drafts: documents, voice notes, contact cards and polls in the preview; keyboard use', async ({ pigeon }) => {
  const { page } = pigeon;
  await page.setViewportSize({ width: 1280, height: 800 });
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').click();
  const editor = page.getByTestId('draft-editor');
  await expect(editor.getByTestId('draft-name')).toHaveValue('New draft');

  // With an empty book, the preview uses a sample customer.
  await expect(page.getByTestId('preview-contact-name')).toHaveText('Ayşe Yılmaz (sample)');
  const box = page.getByTestId('part-text-input');
  await box.fill('Merhaba {{name}}, ');
  // Ctrl+B makes bold; Escape closes the emoji picker and gives focus back to its button.
  await box.press('Control+b');
  await page.keyboard.type('yeni menü');
  await expect(box).toHaveValue('Merhaba {{name}}, *yeni menü*');
  await expect(page.getByTestId('preview-bubble').first().locator('strong')).toHaveText('yeni menü');
  await page.getByTestId('tool-emoji').click();
  await expect(page.getByTestId('emoji-picker')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('emoji-picker')).toHaveCount(0);
  await expect(page.getByTestId('tool-emoji')).toBeFocused();

  await editor.getByTestId('add-document').click();
  await page.getByTestId('part-document').getByTestId('attach-input').setInputFiles({ name: 'Menü 2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('part-document').getByTestId('attachment-meta')).toContainText('PDF document');
  await page.getByTestId('part-document').getByTestId('part-caption-input').fill('_Afiyet olsun_ 🍽️');

  await editor.getByTestId('add-voice').click();
  const mp3 = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, ...new Array<number>(10).fill(0), 0xff, 0xfb, 0x90, 0x64, ...new Array<number>(400).fill(0)]);
  await page.getByTestId('part-voice').getByTestId('attach-input').setInputFiles({ name: 'hello.mp3', mimeType: 'audio/mpeg', buffer: mp3 });
  await expect(page.getByTestId('part-voice').getByTestId('attachment-meta')).toContainText('MP3 recording');

  await editor.getByTestId('add-contact').click();
  await page.getByTestId('card-name').fill('Pigeon Kafe');
  await page.getByTestId('card-phone').fill('+90 212 555 01 02');

  await editor.getByTestId('add-poll').click();
  await page.getByTestId('poll-question').fill('Hangi gün gelirsiniz?');
  await page.getByTestId('poll-option').nth(0).fill('Cumartesi');
  await page.getByTestId('poll-option').nth(1).fill('Pazar');
  await page.getByLabel('Customers can choose more than one answer').check();

  const bubbles = page.getByTestId('preview-bubble');
  await expect(bubbles).toHaveCount(5);
  await expect(bubbles.nth(0)).toContainText('Merhaba Ayşe Yılmaz, yeni menü');
  await expect(bubbles.nth(1)).toContainText('Menü 2026.pdf');
  await expect(bubbles.nth(1).locator('em')).toHaveText('Afiyet olsun');
  await expect(bubbles.nth(2).locator('audio')).toHaveCount(1);
  await expect(bubbles.nth(3)).toContainText('Pigeon Kafe');
  await expect(bubbles.nth(4)).toContainText('Select one or more');
  await expect(bubbles.nth(4).locator('.wa-poll-box.square')).toHaveCount(2);

  // Parts move; the preview follows.
  await page.getByRole('button', { name: 'Move “5. Poll” up' }).click();
  await expect(bubbles.nth(3)).toContainText('Hangi gün gelirsiniz?');

  await editor.getByTestId('draft-save').click();
  await expect(editor.getByTestId('draft-state')).toHaveText('All changes saved');
  await page.getByTestId('draft-preview').scrollIntoViewIfNeeded();
  await page.getByTestId('preview-chat').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await shot(page, 'drafts-kinds');
});

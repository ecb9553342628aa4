/**
 * Each contact's story, as the operator: after a demo campaign and a reply, the contact's timeline
 * (opened from the inbox message) shows the campaign message with its status and the reply; then
 * the sender is blacklisted from the inbox message and the timeline says so, "by hand"; an unknown
 * sender is added as a contact from the inbox.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addContactByHand, goTo, linkDemoAccount, screenshots } from './helpers';

const shot = (page: Page, name: string, show?: Locator) =>
  screenshots(page, `timeline-${name}`, { settle: async () => void (await show?.evaluate((el) => el.scrollIntoView({ block: 'start' }))) });

async function receive(demoPhone: Locator, from: string, text: string): Promise<void> {
  // The demo phone drops its connection now and then, as a real one does, and reconnects by
  // itself (with backoff, slower on a busy machine): receiving needs it connected.
  await expect(demoPhone.getByRole('button', { name: 'Drop the connection' })).toBeEnabled({ timeout: 75_000 });
  await demoPhone.getByRole('textbox', { name: 'From (phone number)' }).fill(from);
  await demoPhone.getByRole('textbox', { name: 'Message' }).fill(text);
  await demoPhone.getByRole('button', { name: 'Receive' }).click();
}

const editor = (page: Page) => page.getByTestId('campaign-editor');
const next = (page: Page) => editor(page).getByTestId('campaign-next').click();

test('a contact’s timeline after a campaign and a reply; blacklist and add from the inbox', async ({ pigeon }) => {
  test.setTimeout(180_000);
  const { page } = pigeon;
  await page.setViewportSize({ width: 1360, height: 860 });
  const card = await linkDemoAccount(page, 'Shop phone');
  // Two customers typed by hand (the machine is shared: no import worker to wait for).
  await addContactByHand(page, 'Ayla Demir', '+90 532 111 00 01');
  await addContactByHand(page, 'Cem Yıldız', '+90 532 111 00 02');

  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  await page.getByTestId('draft-editor').getByTestId('draft-name').fill('Winter sale');
  await page.getByTestId('draft-editor').getByTestId('part-text-input').first().fill('Hello {{name}}, winter sale this week');
  await page.getByTestId('draft-editor').getByTestId('draft-save').click();
  await expect(page.getByTestId('draft-editor').getByTestId('draft-state')).toHaveText('All changes saved');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = editor(page);
  await e.getByRole('combobox', { name: 'Draft' }).selectOption({ label: 'Winter sale' });
  await e.getByRole('textbox', { name: 'Campaign name' }).fill('Winter VIP');
  await next(page);
  await e.getByRole('textbox', { name: 'Numbers to add (optional)' }).fill('+90 532 111 00 01\n+90 532 111 00 02');
  await expect(e.getByTestId('audience-count')).toBeVisible();
  await next(page);
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('1');
  await custom.getByRole('spinbutton', { name: 'Messages before each break (0 = never)' }).fill('0');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('0');
  await custom.getByRole('checkbox', { name: 'Show “typing…” before each message' }).uncheck();
  await custom.getByRole('checkbox', { name: 'Check each number is on WhatsApp just before sending' }).uncheck();
  await next(page);
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await next(page);
  await e.getByTestId('campaign-start').click();
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Completed', { timeout: 30_000 });

  // Ayla replies; an unknown number writes too.
  await goTo(page, 'Accounts');
  const demoPhone = card.getByTestId('demo-phone');
  await receive(demoPhone, '+90 532 111 00 01', 'Is the sale on Sunday too?');
  await receive(demoPhone, '+90 532 999 00 07', 'Who is this?');

  await goTo(page, 'Inbox');
  const ayla = page.getByTestId('inbox-row').filter({ hasText: 'Is the sale on Sunday too?' });
  await expect(ayla).toBeVisible();
  await shot(page, 'inbox');
  await ayla.getByTestId('inbox-timeline').click();

  const panel = page.getByTestId('contact-detail');
  const timeline = panel.getByTestId('contact-timeline');
  const message = timeline.locator('[data-kind="message"]');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('Campaign “Winter VIP”');
  // The demo phone delivers, then reads: the status follows, and being delivered proves WhatsApp.
  await expect(message.getByTestId('timeline-status')).toHaveText(/Delivered|Read/, { timeout: 15_000 });
  await expect(message).toContainText(/delivered/);
  // The demo phone may also answer the campaign by itself (a seeded reply): pick Ayla's by its text.
  const reply = timeline.locator('[data-kind="reply"]').filter({ hasText: 'Is the sale on Sunday too?' });
  await expect(reply).toHaveCount(1);
  // Newest first: every reply above the campaign message they answer.
  const kinds = await timeline.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
  expect(kinds).toContain('message');
  expect(kinds.lastIndexOf('reply')).toBeLessThan(kinds.indexOf('message'));
  await expect(panel.getByTestId('detail-whatsapp')).toContainText(/On WhatsApp/i);
  await shot(page, 'panel', timeline);

  // Blacklist Ayla from her inbox message: the panel's toggle and timeline say so, by hand.
  await goTo(page, 'Inbox');
  await ayla.getByTestId('inbox-blacklist').click();
  await expect(ayla.getByTestId('inbox-listed')).toHaveText('On the blacklist');
  await ayla.getByTestId('inbox-timeline').click();
  await expect(panel.getByTestId('detail-listing').getByRole('button', { name: 'Blacklist' })).toHaveAttribute('aria-pressed', 'true');
  await expect(timeline.locator('[data-kind="event"]').first()).toHaveText(/Put on the blacklist\s+by hand/);
  // And off again from the panel: the timeline records it.
  await panel.getByTestId('detail-listing').getByRole('button', { name: 'On no list' }).click();
  await expect(panel.getByTestId('detail-listing').getByRole('button', { name: 'On no list' })).toHaveAttribute('aria-pressed', 'true');
  await expect(timeline.getByTestId('timeline-item').first()).toContainText('Taken off the lists');

  // The unknown sender becomes a contact, opened with their reply on the timeline.
  await goTo(page, 'Inbox');
  const stranger = page.getByTestId('inbox-row').filter({ hasText: 'Who is this?' });
  await stranger.getByTestId('inbox-add-contact').click();
  await expect(panel.getByTestId('detail-phone')).toHaveValue(/999/);
  await expect(panel.getByTestId('contact-timeline').locator('[data-kind="reply"]')).toContainText('Who is this?');
});

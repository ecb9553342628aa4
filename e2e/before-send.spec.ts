/**
 * Before a campaign, as a new user tries it: an empty draft is refused at the step where the
 * message is chosen (in words, and no stray campaign is left); the review shows the message as a
 * recipient sees it, how long the campaign will take, and a plain warning about a risky pace; an
 * unstarted campaign is "Not started", and the editor's heading follows a rename.
 */
import type { Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { goTo, importFile, linkDemoAccount, screenshots } from './helpers';

const shot = (page: Page, name: string) => screenshots(page, `before-send-${name}`);

const editor = (page: Page) => page.getByTestId('campaign-editor');
const stepTitle = (page: Page) => editor(page).locator('#campaign-step-title');
const next = (page: Page) => editor(page).getByTestId('campaign-next').click();

test('an empty message is refused where it is chosen; the review shows the message, the time it takes and the risk', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await linkDemoAccount(page, 'Shop phone');
  const csv = ['Name,Phone', 'Ayla Demir,+905321110001', 'Cem Yıldız,+905321110002', 'Ece Koç,+905321110003'].join('\n');
  const stats = await importFile(page, writeTempFile(dataDir, 'regulars.csv', csv), { target: 'newGroup', groupName: 'Regulars' });
  expect(stats.added).toBe(3);

  // A new user's first draft: "New draft", nothing written yet.
  await goTo(page, 'Drafts');
  await page.getByTestId('draft-new').or(page.getByTestId('draft-new-empty')).first().click();
  await expect(page.getByTestId('draft-editor').getByTestId('draft-name')).toHaveValue('New draft');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  const e = editor(page);
  await expect(stepTitle(page)).toHaveText('What to send');
  // The only draft is chosen, and said to be empty at once.
  await expect(e.getByTestId('campaign-draft-empty')).toBeVisible();
  await next(page);
  await expect(e.getByTestId('campaign-issues')).toHaveText(
    'The draft “New draft” has nothing to send yet. Add a message, a picture or another part.',
  );
  await expect(stepTitle(page)).toHaveText('What to send');
  await expect(e.getByRole('button', { name: '5. Review' })).toBeDisabled();
  await shot(page, 'empty-message');
  // Nothing was made: back on the list there is no campaign.
  await e.getByRole('button', { name: /All campaigns/ }).click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();
  await expect(page.getByTestId('campaign-row')).toHaveCount(0);

  // Written now: the same steps go through.
  await goTo(page, 'Drafts');
  const draftEditor = page.getByTestId('draft-editor');
  await draftEditor.getByTestId('draft-name').fill('Lunch menu');
  await draftEditor.getByTestId('part-text-input').first().fill('Hello {{name|friend}}, our new lunch menu starts Monday.');
  await draftEditor.getByTestId('draft-save').click();
  await expect(draftEditor.getByTestId('draft-state')).toHaveText('All changes saved');

  await goTo(page, 'Campaigns');
  await page.getByTestId('campaign-new').click();
  await expect(e.getByTestId('campaign-draft-summary')).toBeVisible();
  await next(page);
  await expect(stepTitle(page)).toHaveText('Who gets it');
  await e.getByTestId('campaign-groups').getByRole('checkbox', { name: /Regulars/ }).check();
  await expect(e.getByTestId('audience-count')).toBeVisible();
  await next(page);
  await expect(stepTitle(page)).toHaveText('Which accounts send, and how fast');
  // A custom pace quicker than Fast, with no daily limit.
  await e.getByRole('radio', { name: /^Custom/ }).check();
  const custom = e.getByTestId('pace-custom');
  await custom.getByRole('spinbutton', { name: 'Shortest wait between messages, in seconds' }).fill('1');
  await custom.getByRole('spinbutton', { name: 'Longest wait between messages, in seconds' }).fill('2');
  await custom.getByRole('spinbutton', { name: 'Messages per account per day (0 = no limit)' }).fill('0');
  await next(page);
  await expect(stepTitle(page)).toHaveText('When to send');
  await e.getByRole('checkbox', { name: 'Only send during working hours' }).uncheck();
  await next(page);

  await expect(stepTitle(page)).toHaveText('Check and start');
  await expect(e.getByTestId('review-estimate')).toHaveText(/^less than a minute, ends (today|tomorrow) \d\d:\d\d$/);
  const risk = e.getByTestId('review-risk');
  await expect(e.getByTestId('review-risk-level')).toHaveText('High risk');
  await expect(risk.locator('li[data-code="pace"]')).toContainText('The pace is faster than Fast');
  await expect(risk.locator('li[data-code="cap"]')).toContainText('There is no daily limit per account.');
  // The message as a recipient sees it.
  const preview = e.getByTestId('review-message-preview');
  await expect(preview.getByTestId('preview-chat')).toContainText('our new lunch menu starts Monday.');
  await expect(preview.getByTestId('preview-chat')).not.toContainText('{{');
  await shot(page, 'review');

  // Saved without starting: "Not started", never "Draft".
  await e.getByTestId('campaign-save-draft').click();
  const detail = page.getByTestId('campaign-detail');
  await expect(detail.getByTestId('campaign-status').first()).toHaveText('Not started');
  // Renamed in the editor: its heading follows at once.
  await detail.getByTestId('campaign-edit').click();
  await expect(page.locator('#campaign-editor-title')).toHaveText('Edit “Lunch menu”');
  await e.getByTestId('campaign-name').fill('Lunch menu, March');
  await expect(page.locator('#campaign-editor-title')).toHaveText('Edit “Lunch menu, March”');
});

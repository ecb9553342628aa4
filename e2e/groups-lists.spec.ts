/** Groups (create, rename inline, delete) and smart lists (conditions, live count, open). */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectContactsCount, goTo, importMessy, messyExpectations } from './helpers';

const expected = messyExpectations();

const card = (page: Page, name: string) => page.getByTestId('group-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

async function createGroup(page: Page, name: string): Promise<void> {
  await page.getByTestId('group-new-name').fill(name);
  await page.getByRole('button', { name: 'New group' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: `Created group “${name}”` })).toBeVisible();
  await expect(card(page, name)).toContainText('0 members');
}

test('groups: create, rename inline (Escape cancels), delete after confirming', async ({ pigeon }) => {
  const { page } = pigeon;
  await goTo(page, 'Groups');
  await expect(page.getByText('No groups yet.')).toBeVisible();
  await createGroup(page, 'Wholesale');
  await createGroup(page, 'Retail');
  await expect(page.getByTestId('group-card')).toHaveCount(2);
  // The navigation shows how many groups there are.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Groups/ })).toContainText('2');

  // Rename, then think better of it: Escape leaves the name alone.
  await card(page, 'Wholesale').getByRole('button', { name: 'Rename' }).click();
  const input = page.getByTestId('group-rename-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Wholesale');
  await input.fill('Never mind');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(card(page, 'Wholesale')).toHaveCount(1);

  // Rename for real with Enter.
  await card(page, 'Wholesale').getByRole('button', { name: 'Rename' }).click();
  await input.fill('Wholesale buyers');
  await input.press('Enter');
  await expect(input).toHaveCount(0);
  await expect(card(page, 'Wholesale buyers')).toHaveCount(1);
  await expect(card(page, 'Wholesale')).toHaveCount(0);

  // Renaming to a name another group has is refused with a message; the form stays open.
  await card(page, 'Retail').getByRole('button', { name: 'Rename' }).click();
  await input.fill('Wholesale buyers');
  await input.press('Enter');
  await expect(page.getByTestId('group-card').getByRole('alert')).toHaveText('There is already a group called “Wholesale buyers”.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.press('Escape');
  await expect(card(page, 'Retail')).toHaveCount(1);
  await expect(card(page, 'Wholesale buyers')).toHaveCount(1);

  // A new group with a taken name is refused too.
  await page.getByTestId('group-new-name').fill('Retail');
  await page.getByRole('button', { name: 'New group' }).click();
  await expect(page.getByRole('form', { name: 'New group' }).getByRole('alert')).toHaveText('There is already a group called “Retail”.');
  await expect(page.getByTestId('group-card')).toHaveCount(2);

  // Survives a reload: it is stored, not just shown.
  await page.reload();
  await goTo(page, 'Groups');
  await expect(card(page, 'Wholesale buyers')).toHaveCount(1);

  // Delete: cancel first, then confirm.
  await card(page, 'Wholesale buyers').getByRole('button', { name: 'Delete' }).click();
  const confirmDialog = page.getByTestId('confirm-dialog');
  await expect(confirmDialog).toContainText('Delete the group “Wholesale buyers”?');
  await confirmDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, 'Wholesale buyers')).toHaveCount(1);
  await card(page, 'Wholesale buyers').getByRole('button', { name: 'Delete' }).click();
  await confirmDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(card(page, 'Wholesale buyers')).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Deleted group “Wholesale buyers”' })).toBeVisible();
});

test('deleting a group with members keeps the contacts', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const stats = await importMessy(page, dataDir, { target: 'newGroup', groupName: 'Customers' });
  expect(stats.added).toBe(expected.added);
  await goTo(page, 'Groups');
  await expect(card(page, 'Customers')).toContainText(`${expected.added} members`);
  await card(page, 'Customers').getByRole('button', { name: 'Delete' }).click();
  const confirmDialog = page.getByTestId('confirm-dialog');
  await expect(confirmDialog).toContainText(`Its ${expected.added} contacts stay in the contact book; only the group goes.`);
  await confirmDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(card(page, 'Customers')).toHaveCount(0);
  await expect(page.getByText('No groups yet.')).toBeVisible();

  await goTo(page, 'Contacts');
  await expectContactsCount(page, expected.added);
  await expect(page.getByTestId('filter-group').locator('option')).toHaveCount(1);
});

test('smart list: a tag and a field condition, live count, open on the contacts page', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await importMessy(page, dataDir);
  await goTo(page, 'Smart lists');
  await expect(page.getByText('No smart lists yet.')).toBeVisible();
  await page.getByTestId('list-new').click();
  const editor = page.getByTestId('list-editor');
  const count = editor.getByTestId('list-match-count');
  await expect(count).toHaveText(`Matches ${expected.added} contacts now`);

  await editor.getByTestId('list-name').fill('İstanbul VIPs');
  // Tag "vip": Ayşe Yılmaz and Gül have it.
  const vip = editor.locator('label.check', { has: page.locator('.tag', { hasText: /^vip$/ }) });
  await expect(vip).toContainText('2');
  await vip.getByRole('checkbox').check();
  await expect(count).toHaveText('Matches 2 contacts now');

  // City is İstanbul: only Ayşe Yılmaz of those two.
  await editor.getByRole('button', { name: 'Add condition' }).click();
  const condition = editor.getByTestId('list-condition');
  await condition.getByLabel('Field', { exact: true }).fill('City');
  await expect(condition.getByRole('combobox', { name: 'Condition' })).toHaveValue('equals');
  await condition.getByRole('textbox', { name: 'Value' }).fill('İstanbul');
  await expect(count).toHaveText('Matches 1 contact now');
  // "is not" flips it: the other vip.
  await condition.getByRole('combobox', { name: 'Condition' }).selectOption('notEquals');
  await expect(count).toHaveText('Matches 1 contact now');
  await condition.getByRole('combobox', { name: 'Condition' }).selectOption('equals');
  await expect(count).toHaveText('Matches 1 contact now');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);

  const listCard = page.getByTestId('list-card').filter({ hasText: 'İstanbul VIPs' });
  await expect(listCard).toContainText('1 contact');
  await expect(listCard).toContainText('With tags: vip');
  await expect(listCard).toContainText('City: is “İstanbul”');

  // Open it: the contacts page shows just Ayşe, with the list chosen in the filter.
  await listCard.getByRole('button', { name: 'Show contacts' }).click();
  await expectContactsCount(page, 1);
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row').first()).toContainText('Ayşe Yılmaz');
  await expect(page.getByTestId('filter-list').locator('option:checked')).toHaveText('İstanbul VIPs (1)');

  // The list is live: a new contact that matches joins by itself.
  await page.getByTestId('filter-list').selectOption('');
  await page.getByTestId('contacts-new').click();
  const detail = page.getByTestId('contact-detail');
  await detail.getByTestId('detail-phone').fill('0555 000 11 22');
  await detail.getByTestId('detail-name').fill('Elif Demir');
  await detail.getByTestId('detail-tags').fill('vip');
  await detail.getByRole('button', { name: 'Add field' }).click();
  await detail.getByRole('textbox', { name: 'Field', exact: true }).fill('City');
  await detail.getByRole('textbox', { name: 'Value', exact: true }).fill('İstanbul');
  await detail.getByTestId('detail-save').click();
  await expectContactsCount(page, expected.added + 1);

  await goTo(page, 'Smart lists');
  await expect(listCard).toContainText('2 contacts');
  await listCard.getByRole('button', { name: 'Show contacts' }).click();
  await expectContactsCount(page, 2);
  await expect(page.getByTestId('contact-row').filter({ hasText: 'Elif Demir' })).toHaveCount(1);

  // Editing the list: drop the condition, and the count follows.
  await goTo(page, 'Smart lists');
  await listCard.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('list-name')).toHaveValue('İstanbul VIPs');
  await editor.getByRole('button', { name: 'Remove this condition' }).click();
  await expect(count).toHaveText('Matches 3 contacts now');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(listCard).toContainText('3 contacts');

  // Deleting the list deletes no contact.
  await listCard.getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(listCard).toHaveCount(0);
  await goTo(page, 'Contacts');
  // The contacts page was last showing this list: it falls back to everyone.
  await expectContactsCount(page, expected.added + 1);
});

test('deleting the smart list the contacts page is showing falls back to all contacts', async ({ pigeon }) => {
  // Guards against the contacts view keeping the deleted list's id ("That smart list no longer
  // exists.", the count stuck on "Loading…", an empty table while the filter reads "Smart list: All").
  const { page, dataDir } = pigeon;
  await importMessy(page, dataDir);
  await goTo(page, 'Smart lists');
  await page.getByTestId('list-new').click();
  const editor = page.getByTestId('list-editor');
  await editor.getByTestId('list-name').fill('Everyone tagged vip');
  await editor.locator('label.check', { has: page.locator('.tag', { hasText: /^vip$/ }) }).getByRole('checkbox').check();
  await expect(editor.getByTestId('list-match-count')).toHaveText('Matches 2 contacts now');
  await editor.getByRole('button', { name: 'Save' }).click();
  const listCard = page.getByTestId('list-card').filter({ hasText: 'Everyone tagged vip' });
  await listCard.getByRole('button', { name: 'Show contacts' }).click();
  await expectContactsCount(page, 2);

  await goTo(page, 'Smart lists');
  await listCard.getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(listCard).toHaveCount(0);
  await goTo(page, 'Contacts');
  await expect(page.getByText('That smart list no longer exists.')).toHaveCount(0, { timeout: 5_000 });
  await expectContactsCount(page, expected.added);
});

/**
 * WhatsApp accounts on the demo phone: link by QR, check numbers, opt-out replies, unlink, and the
 * activity log. The host runs the demo phone 20× faster (PIGEON_SIM_SPEED, see fixtures.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, writeTempFile } from './fixtures';
import { accountCard, addDemoAccount, goTo, importFile, importMessy, linkDemoAccount, messyExpectations, visiblePhones } from './helpers';

/** Six customers; the demo phone says numbers ending in 0 are not on WhatsApp. */
const CUSTOMERS: [name: string, phone: string][] = [
  ['Ayla Demir', '+905321110001'],
  ['Burak Şahin', '+905321110010'],
  ['Cem Yıldız', '+905321110002'],
  ['Deniz Arslan', '+905321110020'],
  ['Ece Koç', '+905321110003'],
  ['Fatih Aydın', '+905321110030'],
];
const NOT_ON_WHATSAPP = CUSTOMERS.filter(([, phone]) => phone.endsWith('0')).map(([, phone]) => phone);

/** Makes the demo phone receive a message, as if `from` had sent it. */
async function receive(demoPhone: Locator, from: string, text: string): Promise<void> {
  await demoPhone.getByRole('textbox', { name: 'From (phone number)' }).fill(from);
  await demoPhone.getByRole('textbox', { name: 'Message' }).fill(text);
  await demoPhone.getByRole('button', { name: 'Receive' }).click();
}

async function importCustomers(page: Page, dataDir: string, groupName: string): Promise<void> {
  const csv = ['Name,Phone', ...CUSTOMERS.map(([name, phone]) => `${name},${phone}`)].join('\n');
  const stats = await importFile(page, writeTempFile(dataDir, 'customers.csv', csv), { target: 'newGroup', groupName });
  expect(stats.added).toBe(CUSTOMERS.length);
}

test.describe('linking by QR at the demo phone’s own pace', () => {
  // At full speed the pretend phone scans after 4 s, long enough to see the QR code.
  test.use({ simSpeed: 1 });

  test('add a demo account, see its QR code, scan it, and it is ready with its number', async ({ pigeon }) => {
    const { page } = pigeon;
    await goTo(page, 'Accounts');
    const empty = page.getByTestId('accounts-empty');
    await expect(empty).toContainText('No WhatsApp account yet');
    await expect(empty).toContainText('Add a Demo account');

    const card = await addDemoAccount(page, 'Shop demo');
    await expect(empty).toHaveCount(0);
    await expect(card).toContainText('Demo account');
    await card.getByRole('button', { name: 'Link with QR code' }).click();

    // The QR code is an SVG shown as a data: image; it must decode (the page's CSP allows data:).
    const qr = card.getByRole('img', { name: 'QR code to link “Shop demo”' });
    await expect(qr).toBeVisible();
    await expect(card.getByTestId('account-state')).toHaveText('Scan the QR code');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    await expect(card).toContainText('Linked devices');

    const demoPhone = card.getByTestId('demo-phone');
    const scan = demoPhone.getByRole('button', { name: 'Scan now' });
    await expect(scan).toBeEnabled();
    await scan.click();

    await expect(card.getByTestId('account-state')).toHaveText('Ready');
    // The "Added … Link it to start." toast goes as soon as the account is ready.
    await expect(page.getByTestId('toast').filter({ hasText: 'Link it to start.' })).toHaveCount(0, { timeout: 1000 });
    await expect(qr).toHaveCount(0);
    await expect(card.getByTestId('account-identity')).toContainText(/Connected as \+\d[\d ]+/);
    await expect(card.getByRole('button', { name: 'Disconnect' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Unlink' })).toBeVisible();

    // It stays linked across a reload: the page reads the state back.
    await page.reload();
    await goTo(page, 'Accounts');
    await expect(accountCard(page, 'Shop demo').getByTestId('account-state')).toHaveText('Ready');
  });
});

test('check a group on WhatsApp from the Groups page, then filter the contacts by the result', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  await importCustomers(page, dataDir, 'Customers');

  // Without a ready account, the dialog says so and leads to the Accounts page.
  await goTo(page, 'Groups');
  const group = page.getByTestId('group-card').filter({ hasText: 'Customers' });
  await group.getByRole('button', { name: 'Check on WhatsApp…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Check on WhatsApp' });
  await expect(dialog).toContainText('There is no WhatsApp account yet');
  await dialog.getByRole('button', { name: 'Go to Accounts' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'WhatsApp accounts' })).toBeVisible();

  await linkDemoAccount(page, 'Checker');
  await goTo(page, 'Groups');
  await group.getByRole('button', { name: 'Check on WhatsApp…' }).click();
  dialog = page.getByRole('dialog', { name: 'Check on WhatsApp' });
  await expect(dialog).toContainText('the 6 members of the group “Customers”');
  await expect(dialog.getByRole('radio', { name: /Checker/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Check 6 numbers' }).click();

  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expect(dialog.getByTestId('check-summary')).toHaveText(
    'Done. Of 6 numbers, 3 are on WhatsApp, 3 are not, and 0 could not be checked.',
    { timeout: 30_000 },
  );
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // Checking the same group again leaves out numbers checked in the last 30 days, unless told.
  await group.getByRole('button', { name: 'Check on WhatsApp…' }).click();
  const skip = dialog.getByRole('checkbox', { name: 'Skip the 6 contacts checked in the last 30 days' });
  await expect(skip).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Check 0 numbers' })).toBeDisabled();
  await skip.uncheck();
  await expect(dialog.getByRole('button', { name: 'Check 6 numbers' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await goTo(page, 'Contacts');
  const whatsapp = page.getByRole('combobox', { name: 'WhatsApp' });
  await whatsapp.selectOption({ label: 'Not on WhatsApp' });
  await expect(page.getByTestId('contacts-count')).toHaveText('3 contacts');
  expect((await visiblePhones(page)).sort()).toEqual([...NOT_ON_WHATSAPP].sort());
  await whatsapp.selectOption({ label: 'On WhatsApp' });
  await expect(page.getByTestId('contacts-count')).toHaveText('3 contacts');
  await whatsapp.selectOption({ label: 'Not checked' });
  await expect(page.getByTestId('contacts-empty')).toBeVisible();

  // The contact panel says what the check found, and when.
  await whatsapp.selectOption({ label: 'WhatsApp: All' });
  await page.getByTestId('contact-row').filter({ hasText: 'Burak Şahin' }).click();
  await expect(page.getByTestId('detail-whatsapp')).toContainText('Not on WhatsApp · checked');

  // A smart list can ask for the result too, and offers the same check.
  await goTo(page, 'Smart lists');
  await page.getByTestId('list-new').click();
  const editor = page.getByTestId('list-editor');
  await editor.getByTestId('list-name').fill('No WhatsApp');
  await editor.getByRole('combobox', { name: 'WhatsApp' }).selectOption({ label: 'Not on WhatsApp' });
  await expect(editor.getByTestId('list-match-count')).toHaveText('Matches 3 contacts now');
  await editor.getByRole('button', { name: 'Save' }).click();
  const listCard = page.getByTestId('list-card').filter({ hasText: 'No WhatsApp' });
  await expect(listCard).toContainText('WhatsApp: Not on WhatsApp');
  await listCard.getByRole('button', { name: 'Check on WhatsApp…' }).click();
  await expect(dialog).toContainText('the 3 contacts of the smart list “No WhatsApp”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('opt-out words edited in Settings decide which replies blacklist the sender', async ({ pigeon }) => {
  const { page } = pigeon;
  await goTo(page, 'Settings');
  const words = page.getByTestId('settings-optout');
  // The defaults are there on a new install; STOP is one of them.
  await expect(words.getByRole('button', { name: 'Remove “STOP”' })).toBeVisible();
  await expect(words.getByRole('button', { name: 'Reset to defaults' })).toBeDisabled();
  await words.getByRole('button', { name: 'Remove “STOP”' }).click();
  await words.getByRole('textbox', { name: 'Add word' }).fill('Yeter');
  await words.getByRole('button', { name: 'Add word' }).click();
  await expect(words).toContainText('Changes are not saved yet.');
  await words.getByRole('button', { name: 'Save words' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(words.getByRole('button', { name: 'Save words' })).toBeDisabled();
  await expect(words.getByRole('button', { name: 'Reset to defaults' })).toBeEnabled();

  const card = await linkDemoAccount(page, 'Words');
  const demoPhone = card.getByTestId('demo-phone');
  await receive(demoPhone, '+90 532 111 00 05', 'STOP');
  await receive(demoPhone, '+90 532 111 00 06', 'YETER!');
  await expect(page.getByTestId('toast').filter({ hasText: '+90 532 111 00 06 replied “YETER!” and was moved to the blacklist.' })).toBeVisible();

  await goTo(page, 'Inbox');
  await expect(page.getByTestId('inbox-row')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Only opt-outs' }).check();
  await expect(page.getByTestId('inbox-row')).toHaveCount(1);
  await expect(page.getByTestId('inbox-row')).toContainText('YETER!');

  // The browser path is checked when saved.
  await goTo(page, 'Settings');
  await page.getByTestId('settings-browser').fill('/no/such/browser');
  await page.getByRole('form', { name: 'Browser for WhatsApp accounts' }).getByRole('button', { name: 'Save' }).click();
  const browserAlert = page.getByRole('form', { name: 'Browser for WhatsApp accounts' }).getByRole('alert');
  await expect(browserAlert).toHaveText('That file is not a browser Pigeon knows: choose Google Chrome, Microsoft Edge, Chromium or Brave.');
  await page.getByTestId('settings-browser').fill('/no/such/chromium');
  await page.getByRole('form', { name: 'Browser for WhatsApp accounts' }).getByRole('button', { name: 'Save' }).click();
  await expect(browserAlert).toHaveText('There is no file there. Choose the browser’s program file, or leave the field empty so Pigeon finds one.');
});

test('a STOP reply on the demo phone shows a notice, lands in the Inbox as an opt-out and blacklists the number', async ({ pigeon }) => {
  const { page } = pigeon;
  await goTo(page, 'Contacts');
  await page.getByTestId('contacts-new').click();
  const detail = page.getByTestId('contact-detail');
  await detail.getByTestId('detail-phone').fill('+90 532 111 00 01');
  await detail.getByTestId('detail-name').fill('Ayla Demir');
  await detail.getByTestId('detail-save').click();
  await expect(page.getByTestId('contacts-count')).toHaveText('1 contact');

  const card = await linkDemoAccount(page, 'Replies');
  const demoPhone = card.getByTestId('demo-phone');
  // An ordinary message first: it goes to the Inbox, and blacklists nobody.
  await receive(demoPhone, '+90 532 111 00 01', 'Merhaba, kampanya hâlâ geçerli mi?');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Inbox/ })).toContainText('1');

  await receive(demoPhone, '+90 532 111 00 01', 'STOP');
  await expect(page.getByTestId('toast').filter({ hasText: 'Ayla Demir (+90 532 111 00 01) replied “STOP” and was moved to the blacklist.' })).toBeVisible();

  await goTo(page, 'Inbox');
  const rows = page.getByTestId('inbox-row');
  await expect(rows).toHaveCount(2);
  const stop = rows.filter({ hasText: 'STOP' });
  await expect(stop).toContainText('+90 532 111 00 01');
  await expect(stop).toContainText('Ayla Demir');
  await expect(stop).toContainText('Replies');
  await expect(stop.getByTestId('optout-badge')).toHaveText('Opt-out → blacklisted');
  await expect(rows.filter({ hasText: 'Merhaba' }).getByTestId('optout-badge')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Only opt-outs' }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('STOP');

  // The contact's name opens the contact, shown as blacklisted.
  await rows.first().getByRole('button', { name: 'Ayla Demir' }).click();
  await expect(page.getByTestId('contact-detail')).toContainText('On the blacklist');

  await goTo(page, 'Blacklist');
  const entry = page.getByTestId('suppr-row').filter({ hasText: '+90 532 111 00 01' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ayla Demir');
  await expect(entry).toContainText('STOP');
});

test('unlink a linked account after confirming: it is logged out and can be linked again', async ({ pigeon }) => {
  const { page } = pigeon;
  const card = await linkDemoAccount(page, 'To unlink');

  await card.getByRole('button', { name: 'Unlink' }).click();
  const confirmDialog = page.getByTestId('confirm-dialog');
  await expect(confirmDialog).toContainText('Unlink “To unlink”?');
  await expect(confirmDialog).toContainText('logs out on WhatsApp and deletes the saved session');
  // Cancel leaves it linked.
  await confirmDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('account-state')).toHaveText('Ready');

  await card.getByRole('button', { name: 'Unlink' }).click();
  await confirmDialog.getByRole('button', { name: 'Unlink' }).click();
  await expect(card.getByTestId('account-state')).toHaveText('Logged out');
  await expect(card.getByTestId('account-identity')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Unlink' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Link with QR code' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Link with phone number' })).toBeVisible();

  // Remove asks too, and the account goes.
  await card.getByRole('button', { name: 'Remove' }).click();
  await expect(confirmDialog).toContainText('Remove the account “To unlink”?');
  await confirmDialog.getByRole('button', { name: 'Remove' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('accounts-empty')).toBeVisible();
});

test('the activity log shows each account’s state changes, live, filtered by account and level', async ({ pigeon }) => {
  const { page } = pigeon;
  const card = await linkDemoAccount(page, 'Logged');
  await addDemoAccount(page, 'Idle');

  await page.getByRole('tab', { name: 'Activity' }).click();
  const log = page.getByTestId('activity-log');
  const rows = log.getByTestId('activity-row');
  const logged = rows.filter({ hasText: 'Logged' });
  await expect(logged.filter({ hasText: 'Account “Logged” added (Demo account).' })).toHaveCount(1);
  await expect(logged.filter({ hasText: 'Waiting for the QR code to be scanned.' })).toHaveCount(1);
  await expect(logged.filter({ hasText: /Connected as \+\d/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Account “Idle” added (Demo account).' })).toHaveCount(1);
  // Newest first: "ready" comes before "added" for the same account.
  const texts = await logged.allTextContents();
  const readyAt = texts.findIndex((x) => /Connected as/.test(x));
  const addedAt = texts.findIndex((x) => x.includes('added (Demo account)'));
  expect(readyAt).toBeGreaterThanOrEqual(0);
  expect(readyAt).toBeLessThan(addedAt);

  // Filter by account.
  await log.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Idle' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Account “Idle” added');
  await log.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'All accounts' });

  // A dropped connection is a warning, written while the log is open.
  await log.getByRole('combobox', { name: 'Level' }).selectOption({ label: 'Warnings and errors' });
  await expect(log).toContainText('No entry matches these filters.');
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await card.getByTestId('demo-phone').getByRole('button', { name: 'Drop the connection' }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(rows.filter({ hasText: 'The connection dropped' })).toHaveCount(1);
  for (const level of await rows.locator('.level').allTextContents()) expect(['Warning', 'Error']).toContain(level);
  // The account reconnects by itself with its saved session.
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await expect(card.getByTestId('account-state')).toHaveText('Ready', { timeout: 30_000 });
});

test('the demo phone can lose the confirmation of its next sends, and the activity log says so', async ({ pigeon }) => {
  const { page } = pigeon;
  const card = await linkDemoAccount(page, 'Lossy');
  const fault = card.getByTestId('demo-phone').getByTestId('demo-lose-confirmations');
  await expect(fault).toContainText('Pigeon must check what arrived instead of sending them again');
  // Keyboard only: type the number, Enter sends the form.
  const count = fault.getByRole('spinbutton', { name: 'How many messages arrive unconfirmed' });
  await count.fill('2');
  await count.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'The next 2 messages arrive without a confirmation.' })).toBeVisible();
  await fault.getByRole('button', { name: 'messages arrive unconfirmed' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'The next 2 messages arrive without a confirmation.' })).toHaveCount(2);

  await page.getByRole('tab', { name: 'Activity' }).click();
  const rows = page.getByTestId('activity-log').getByTestId('activity-row');
  await expect(
    rows.filter({ hasText: 'Demo phone: the next 2 messages will reach WhatsApp, but their confirmation will be lost.' }),
  ).toHaveCount(2);
});

test('after a messy import, Ctrl+A anywhere on Contacts selects everyone, and all of them are checked', async ({ pigeon }) => {
  const { page, dataDir } = pigeon;
  const stats = await importMessy(page, dataDir);
  await linkDemoAccount(page, 'Shop demo');
  await goTo(page, 'Contacts');
  // Focus is on the page, not the table: Ctrl+A still means "every contact", not the page's text.
  await page.getByRole('heading', { name: 'Contacts' }).click();
  await page.keyboard.press('Control+a');
  await expect(page.getByText(`${stats.added} selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Check on WhatsApp…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Check on WhatsApp' });
  await dialog.getByRole('button', { name: `Check ${stats.added} numbers` }).click();
  const expectedNo = messyExpectations().validRows.filter((r) => 'e164' in r.expected && r.expected.e164.endsWith('0')).length;
  expect(expectedNo).toBeGreaterThan(0);
  await expect(dialog.getByTestId('check-summary')).toContainText(
    `Of ${stats.added} numbers, ${stats.added - expectedNo} are on WhatsApp, ${expectedNo} ${expectedNo === 1 ? 'is' : 'are'} not, and 0 could not be checked.`,
    { timeout: 30_000 },
  );
});

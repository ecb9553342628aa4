/**
 * The browser host as a person meets it: `npm start` opens a private page that redirects to the
 * tokened address (the token is never on a command line).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeRedirectPage } from '#main/host/open-browser';
import { expect, test } from './fixtures';

test('the page the opener is given takes the browser to Pigeon, token and all', async ({ pigeon, context }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-e2e-open-'));
  try {
    const file = writeRedirectPage(dir, pigeon.url);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    // Landed on the host (the app then takes the token out of the address bar) …
    await expect(page).toHaveURL(`${new URL(pigeon.url).origin}/`);
    // … and talks to it: the Overview's figures come over the socket.
    await expect(page.getByTestId('overview-sent-today')).toHaveText('0 messages sent today');
    await expect(page.getByText('Connection to Pigeon lost')).toHaveCount(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

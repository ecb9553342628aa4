/** The custom field names the contacts table offers as columns, and which of them hold values. */
import { afterEach, expect, it } from 'vitest';
import { testCore } from '#main/test-support/core';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

it('lists the filled fields, most filled first, leaving out fields blank on every contact', async () => {
  opened = await testCore({ startQueue: false, connectAccounts: false });
  const h = opened.core.handlers;
  await h['contacts.create']({ phone: '+905321110001', name: 'A', fields: [['City', 'İzmir'], ['Blank', '  ']], tags: [], note: '' });
  await h['contacts.create']({ phone: '+905321110002', name: 'B', fields: [['City', 'Ankara'], ['Shoe', '42']], tags: [], note: '' });
  await h['contacts.create']({ phone: '+905321110003', name: 'C', fields: [['Car', 'Fiat'], ['City', 'Van'], ['Shoe', '40']], tags: [], note: '' });
  await h['contacts.create']({ phone: '+905321110004', name: 'D', fields: [['Pet', 'cat'], ['City', 'Muş']], tags: [], note: '' });
  const filled = await h['contacts.filledFieldKeys']({});
  expect(filled).toEqual(['City', 'Shoe', 'Car', 'Pet']);
});

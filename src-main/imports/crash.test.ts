/**
 * kill -9 in the middle of an import: the real host runs in a child process, the import is started
 * over its WebSocket, the process is killed while the writer holds its transaction, and the data
 * folder is opened again: nothing of the import may be there, and its history says it failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyQuery } from '#shared/filters';
import { generateContactsXlsx } from '#main/spreadsheets/fixtures';
import { openTestCore, writeLockTaken } from '#main/test-support/core';
import { startHost, type HostProcess } from '#main/test-support/host-process';

describe('a killed process during an import', () => {
  it('leaves the contact book exactly as it was', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-crash-'));
    let host: HostProcess | null = null;
    try {
      host = await startHost(dataDir);
      await expect(host.ask('contacts.create', { phone: '+90 532 111 11 11', name: 'Before' })).resolves.toMatchObject({ name: 'Before' });
      const preview = await host.ask('imports.open', { fileName: 'big.xlsx', bytes: generateContactsXlsx(40_000, 8) });
      // Never answered: the host is killed under it (its promise then rejects with "host gone").
      host
        .ask('imports.run', { importId: preview.importId, mapping: preview.mapping, onDuplicate: 'update', target: { kind: 'newGroup', name: 'Never' } })
        .catch(() => undefined);

      // Kill the host while the import's writer holds its transaction open.
      await writeLockTaken(dataDir);
      await host.kill();
      host = null;

      const core = await openTestCore(dataDir);
      const list = await core.handlers['contacts.list']({
        query: emptyQuery(),
        sort: { column: 'name', direction: 'asc' },
        offset: 0,
        limit: 10,
        withTotal: true,
      });
      expect(list.total).toBe(1);
      expect(list.rows[0]?.name).toBe('Before');
      expect(await core.handlers['groups.list']({})).toEqual([]);
      const history = await core.store.db.selectFrom('imports').select(['status']).execute();
      expect(history).toEqual([{ status: 'failed' }]);
      await core.close();
    } finally {
      await host?.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/**
 * kill -9 in the middle of an import: the real host runs in a child process, the import is started
 * over its WebSocket, the process is killed while the writer holds its transaction, and the data
 * folder is opened again: nothing of the import may be there, and its history says it failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { emptyQuery } from '../../src-shared/filters';
import { decodeWire, encodeWire } from '../host/wire';
import { generateContactsXlsx } from '../spreadsheets/fixtures';
import { openTestCore, projectRoot, writeLockTaken } from '../test-support/core';


describe('a killed process during an import', () => {
  it('leaves the contact book exactly as it was', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-crash-'));
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main', 'host.cjs')], {
      env: { ...process.env, PIGEON_DATA_DIR: dataDir, PIGEON_OPEN: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /PIGEON_URL=(\S+)/.exec(out);
          if (m?.[1]) resolve(new URL(m[1]));
        });
        child.once('exit', () => reject(new Error(`host exited: ${out}`)));
      });
      const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
      const ws = new WebSocket(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      let next = 1;
      const ask = (method: string, input: unknown) =>
        new Promise<{ ok: boolean; result?: unknown }>((resolve) => {
          const id = next++;
          const onMessage = (data: WebSocket.RawData) => {
            const m = decodeWire(Buffer.isBuffer(data) ? data.toString('utf8') : '') as { id?: number; ok: boolean; result?: unknown };
            if (m.id === id) {
              ws.off('message', onMessage);
              resolve(m);
            }
          };
          ws.on('message', onMessage);
          ws.send(encodeWire({ id, method, input }));
        });

      expect(await ask('contacts.create', { phone: '+90 532 111 11 11', name: 'Before' })).toMatchObject({ ok: true });
      const preview = (await ask('imports.open', { fileName: 'big.xlsx', bytes: generateContactsXlsx(40_000, 8) })).result as {
        importId: string;
        mapping: unknown;
      };
      void ask('imports.run', { importId: preview.importId, mapping: preview.mapping, onDuplicate: 'update', target: { kind: 'newGroup', name: 'Never' } });

      // Kill the host while the import's writer holds its transaction open.
      await writeLockTaken(dataDir);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      ws.terminate();

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
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

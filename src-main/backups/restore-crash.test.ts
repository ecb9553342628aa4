/**
 * kill -9 during a restore (and during a backup): the real host runs in a child process, a restore
 * is asked for over its WebSocket, and the process is killed after a delay spread over the whole restore (checking,
 * backing up, swapping, opening again). Each time the data folder is opened again: it holds
 * either the data as it was or the backup, in both files, never one of each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyQuery } from '#shared/filters';
import type { Core } from '#main/core/core';
import { openTestCore } from '#main/test-support/core';
import { startHost, type HostProcess } from '#main/test-support/host-process';
import { readManifest } from './manifest';
import { RESTORE_FOLDER } from './restore';
import { sha256Of } from './write';

const KILLS = 16;

async function names(core: Core): Promise<string[]> {
  const list = await core.handlers['contacts.list']({ query: emptyQuery(), sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, withTotal: true });
  return list.rows.map((r) => r.name);
}

/** Back to "the data as it was": one contact and, in the queue's file, one campaign the backup lacks. */
async function makeItDiffer(dataDir: string, round: number): Promise<void> {
  const core = await openTestCore(dataDir, { startQueue: false, connectAccounts: false });
  try {
    await core.handlers['contacts.create']({ phone: `+9053240${String(round).padStart(5, '0')}`, name: `New ${round}`, fields: [], tags: [], note: '' });
    core.queueDb
      .prepare(
        `INSERT INTO campaigns (name, status, draft_name, parts, audience, exclusions, account_ids, pace, timezone, schedule, created_at)
         VALUES (?, 'cancelled', 'x', '[]', '{}', '{}', '[]', '{}', 'UTC', '{}', ?)`,
      )
      .run(`After ${round}`, Date.now());
  } finally {
    await core.close();
  }
}

describe('a killed process during a restore', () => {
  it('leaves the old data or the backup, in both files, never a mix', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-restore-crash-'));
    let host: HostProcess | null = null;
    try {
      host = await startHost(dataDir);
      for (const name of ['Old A', 'Old B']) await host.ask('contacts.create', { phone: `+90532500000${name.endsWith('A') ? 1 : 2}`, name });
      const backup = await host.ask('backups.create', {});
      await host.ask('backups.configure', { keep: 100 });
      await host.kill();
      host = null;

      // One restore to the end, to know how long one takes.
      await makeItDiffer(dataDir, 0);
      host = await startHost(dataDir);
      const started = Date.now();
      await host.ask('backups.restore', { id: backup.id });
      const fullMs = Date.now() - started;
      await host.kill();
      host = null;

      const outcomes: string[] = [];
      for (let round = 1; round <= KILLS; round++) {
        await makeItDiffer(dataDir, round);
        host = await startHost(dataDir);
        // Never answered when the kill comes first: the socket closes under it.
        const asked = host.ask('backups.restore', { id: backup.id }).catch(() => undefined);
        // From at once to well after the end, evenly; the last round waits for the answer.
        if (round === KILLS) await asked;
        else await new Promise((r) => setTimeout(r, Math.round(((round - 1) / (KILLS - 2)) * fullMs * 1.5)));
        await host.kill();
        host = null;

        const core = await openTestCore(dataDir, { startQueue: false, connectAccounts: false });
        try {
          const contacts = await names(core);
          const campaigns = core.queueDb.prepare(`SELECT name FROM campaigns ORDER BY id`).pluck().all() as string[];
          const restored = contacts.join() === 'Old A,Old B';
          if (restored) {
            expect(campaigns).toEqual([]);
          } else {
            // The data as it was: this round's contact and campaign are both there.
            expect(contacts).toContain(`New ${round}`);
            expect(campaigns).toContain(`After ${round}`);
          }
          expect(core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(core.queueDb.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(fs.existsSync(path.join(dataDir, RESTORE_FOLDER))).toBe(false);
          outcomes.push(restored ? 'restored' : 'as it was');
        } finally {
          await core.close();
        }
      }
      console.log(`restore kill loop: one restore ${fullMs} ms; ${KILLS} kills: ${outcomes.join(', ')}`);
      // The kills fell on both sides of the point of no return.
      expect(outcomes[0]).toBe('as it was');
      expect(outcomes[KILLS - 1]).toBe('restored');
    } finally {
      await host?.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('a killed process during a backup', () => {
  it('leaves no backup listed, the data whole, and nothing behind after the next backup', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-backup-crash-'));
    let host: HostProcess | null = null;
    try {
      host = await startHost(dataDir);
      for (let i = 0; i < 30; i++) await host.ask('contacts.create', { phone: `+9053260${String(i).padStart(5, '0')}`, name: `Kept ${i}` });
      const root = path.join(dataDir, 'backups');
      const partial = () => fs.existsSync(root) && fs.readdirSync(root).some((n) => n.startsWith('.partial-'));
      // Kill the host while the worker writes under its temporary name. A backup can finish
      // before the poll sees it writing: then it is a complete backup, and the next one is tried.
      let caught = false;
      for (let attempt = 0; attempt < 10 && !caught; attempt++) {
        let answered = false;
        host.ask('backups.create', {}).then(
          () => (answered = true),
          () => undefined,
        );
        const started = Date.now();
        while (!answered && !(caught = partial())) {
          if (Date.now() - started > 20_000) throw new Error('the backup never answered');
          await new Promise((r) => setImmediate(r));
        }
      }
      expect(caught).toBe(true);
      await host.kill();
      host = null;

      const core = await openTestCore(dataDir, { startQueue: false, connectAccounts: false });
      try {
        const state = await core.handlers['backups.list']({});
        // Every backup listed is whole (one that finished just before the kill may be there; the
        // one cut off never is).
        for (const b of state.backups) {
          const m = readManifest(path.join(root, b.id))!;
          for (const f of m.files) expect(sha256Of(path.join(root, b.id, f.path))).toBe(f.sha256);
        }
        expect((await names(core)).length).toBe(30);
        expect(core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const next = await core.handlers['backups.create']({});
        expect(next.counts.contacts).toBe(30);
        expect(fs.readdirSync(root).filter((n) => n.startsWith('.partial-'))).toEqual([]);
      } finally {
        await core.close();
      }
    } finally {
      await host?.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

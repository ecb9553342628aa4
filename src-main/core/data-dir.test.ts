import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore } from '#main/test-support/core';
import { startHost } from '#main/test-support/host-process';
import { keepNewFilesPrivate, prepareDataDir } from './data-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-dir-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file and folder under `dir`, with its permission bits. */
function modesUnder(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) out.set(entry, mode(path.join(dir, entry)));
  return out;
}

// Permission bits are POSIX; Windows keeps the folder in the user's own profile instead.
describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is created readable by its owner only (0700), parents included', () => {
    const dir = path.join(tempDir(), 'a', 'Pigeon');
    prepareDataDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.dirname(dir))).toBe(0o700);
  });

  it('is tightened to 0700 when it already exists wider (sessions in it are passwords)', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    prepareDataDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('is made 0700 by openCore', async () => {
    const dir = path.join(tempDir(), 'Pigeon');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    const core = await openTestCore(dir);
    try {
      expect(mode(dir)).toBe(0o700);
    } finally {
      await core.close();
    }
  });

  it('gets files only its owner can read once the shell keeps new files private (the SQLite files and their -wal/-shm)', async () => {
    const previous = keepNewFilesPrivate();
    try {
      const dir = path.join(tempDir(), 'Pigeon');
      const core = await openTestCore(dir);
      let modes: Map<string, number>;
      try {
        await core.handlers['groups.create']({ name: 'Write something' });
        modes = modesUnder(dir);
      } finally {
        await core.close();
      }
      for (const name of ['pigeon.sqlite3', 'pigeon.sqlite3-wal', 'pigeon.sqlite3-shm', 'campaigns.sqlite3']) {
        expect(modes.get(name), name).toBe(0o600);
      }
      for (const [name, bits] of modes) expect(bits & 0o077, `${name} is ${bits.toString(8)}`).toBe(0);
    } finally {
      process.umask(previous);
    }
  });

  it('is the owner’s alone when the browser host runs on it: folder 0700, every file 0600', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const host = await startHost(dir);
    try {
      await host.ask('groups.create', { name: 'Write something' });
      await host.ask('drafts.attach', { kind: 'document', fileName: 'note.txt', bytes: new TextEncoder().encode('hello') });
      expect(mode(dir)).toBe(0o700);
      const modes = modesUnder(dir);
      expect(modes.get('pigeon.sqlite3-wal')).toBe(0o600);
      for (const [name, bits] of modes) expect(bits & 0o077, `${name} is ${bits.toString(8)}`).toBe(0);
    } finally {
      await host.kill();
    }
  });
});

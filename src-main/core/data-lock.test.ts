import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from './core';
import { openTestCore } from '#main/test-support/core';
import { startHost, type HostProcess } from '#main/test-support/host-process';

const ALREADY_OPEN = /Pigeon is already open on this folder/;

const made: string[] = [];
const cores: Core[] = [];
const hosts: HostProcess[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-lock-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const host of hosts.splice(0)) await host.kill();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function hostOn(dir: string): Promise<HostProcess> {
  const host = await startHost(dir);
  hosts.push(host);
  return host;
}

/** The error a host process starting on `dir` exits with (one that starts anyway is stopped after the test). */
async function hostRefusal(dir: string): Promise<string> {
  try {
    hosts.push(await startHost(dir));
  } catch (error) {
    return (error as Error).message;
  }
  return 'a second host started';
}

/** The error opening a core on `dir` in this process throws (one that opens anyway is closed after the test). */
async function coreRefusal(dir: string): Promise<string> {
  try {
    cores.push(await openTestCore(dir));
  } catch (error) {
    return (error as Error).message;
  }
  return 'a second core opened';
}

/** Name, size and modification time of every file in the folder: what "untouched" means here. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

describe('one Pigeon per data folder', () => {
  it('refuses a second core on the same folder in the same process, and lets one open again after close', async () => {
    const dir = tempDir();
    const first = await openTestCore(dir);
    expect(await coreRefusal(dir)).toMatch(ALREADY_OPEN);
    await first.close();
    const again = await openTestCore(dir);
    cores.push(again);
    await expect(again.handlers['groups.list']({})).resolves.toEqual([]);
  });

  it('refuses a second host process on the folder with the message and exit code 1, without touching the data', async () => {
    const dir = tempDir();
    const first = await hostOn(dir);
    await first.ask('groups.create', { name: 'Kept' });
    const before = snapshot(dir);
    const refusal = await hostRefusal(dir);
    expect(refusal).toMatch(ALREADY_OPEN);
    expect(refusal).toMatch(/^host exited \(code 1\)/);
    expect(snapshot(dir)).toEqual(before);
    // The first one carries on.
    await expect(first.ask('groups.list', {})).resolves.toMatchObject([{ name: 'Kept' }]);
  });

  it('is free again once the holder is killed (SIGKILL leaves no stale lock)', async () => {
    const dir = tempDir();
    const first = await hostOn(dir);
    await first.ask('groups.create', { name: 'Survives' });
    expect(await hostRefusal(dir)).toMatch(ALREADY_OPEN);
    await first.kill();
    const second = await hostOn(dir);
    await expect(second.ask('groups.list', {})).resolves.toMatchObject([{ name: 'Survives' }]);
  });

  it('stays held by this process after a refused second attempt in it (another process is still refused)', async () => {
    const dir = tempDir();
    cores.push(await openTestCore(dir));
    expect(await coreRefusal(dir)).toMatch(ALREADY_OPEN);
    expect(await coreRefusal(dir)).toMatch(ALREADY_OPEN);
    expect(await hostRefusal(dir)).toMatch(ALREADY_OPEN);
  });

  it('is refused to this process while a host process holds the folder', async () => {
    const dir = tempDir();
    await hostOn(dir);
    expect(await coreRefusal(dir)).toMatch(ALREADY_OPEN);
  });
});

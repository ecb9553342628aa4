/** The browser path in Settings, through the core's handler, against real files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#main/core/core';
import { callCore, testCore } from '#main/test-support/core';

let core: Core;
let cleanup: () => Promise<void>;
let dir: string;

beforeEach(async () => {
  ({ core, cleanup } = await testCore());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-browser-setting-'));
});
afterEach(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, mode: number): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(p, mode);
  return p;
}

const save = (browserPath: string) => callCore(core, 'settings.update', { browserPath });

describe.runIf(process.platform !== 'win32')('settings.update browserPath', () => {
  it('keeps an executable file with a browser’s name', async () => {
    const chromium = file('chromium', 0o755);
    expect(await save(chromium)).toMatchObject({ browserPath: chromium });
    expect(await save('')).toMatchObject({ browserPath: '' });
  });

  it('refuses any other program, a file that cannot run, a folder, a missing or relative path, without echoing the path', async () => {
    const cases: [string, RegExp][] = [
      [file('sh', 0o755), /not a browser Pigeon knows: choose Google Chrome, Microsoft Edge, Chromium or Brave/],
      [file('payload.exe', 0o755), /not a browser Pigeon knows/],
      [file('google-chrome', 0o644), /cannot be run as a program/],
      [(fs.mkdirSync(path.join(dir, 'brave')), path.join(dir, 'brave')), /folder/],
      [path.join(dir, 'missing', 'chrome'), /no file there/],
      ['chromium', /full path/],
    ];
    for (const [p, message] of cases) {
      const error: unknown = await save(p).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, p).toBeInstanceOf(Error);
      const text = (error as Error).message;
      expect(text, p).toMatch(message);
      expect(text, p).not.toContain(dir);
      expect(text, p).not.toMatch(/\/|\\/);
    }
    // Nothing was saved.
    expect(await callCore(core, 'settings.get', {})).toMatchObject({ browserPath: '' });
  });
});

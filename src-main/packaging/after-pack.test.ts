/**
 * The afterPack hook (scripts/after-pack.cjs) sets Electron's fuses on the packaged binary
 * (issue 14 §3/§4). @electron/fuses is stubbed: the test checks the hook asks for exactly the seven
 * fuses, each the right way round, on the binary electron-builder made for each platform.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import type afterPackModule from '../../scripts/after-pack.cjs';

const require = createRequire(import.meta.url);
const hook = require('../../scripts/after-pack.cjs') as typeof afterPackModule;

function stub() {
  const calls: { binary: string; config: Record<string, unknown> }[] = [];
  return {
    calls,
    fuses: {
      FuseV1Options,
      FuseVersion,
      flipFuses: (binary: string, config: unknown) => {
        calls.push({ binary, config: config as Record<string, unknown> });
        return Promise.resolve(0);
      },
    },
  };
}

const out = path.resolve('/build/release/unpacked');
const packager = { appInfo: { productFilename: 'Pigeon' }, executableName: 'pigeon' };

const expectedFuses = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

describe('afterPack sets the fuses', () => {
  it.each([
    ['win32', path.join(out, 'Pigeon.exe'), false],
    ['darwin', path.join(out, 'Pigeon.app'), true],
    ['mas', path.join(out, 'Pigeon.app'), true],
    ['linux', path.join(out, 'pigeon'), false],
  ])('%s: flips exactly the seven fuses on %s', async (platform, binary, resetSignature) => {
    const s = stub();
    await hook.setFuses({ appOutDir: out, electronPlatformName: platform, packager }, s.fuses);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]?.binary).toBe(binary);
    expect(s.calls[0]?.config).toEqual({ version: FuseVersion.V1, resetAdHocDarwinSignature: resetSignature, ...expectedFuses });
    // Nothing else: no fuse left out, none added (the other fuses keep Electron's defaults).
    const fuseKeys = Object.keys(s.calls[0]?.config ?? {}).filter((k) => /^\d+$/.test(k)).map(Number).sort();
    expect(fuseKeys).toEqual([0, 1, 2, 3, 4, 5, 7]);
  });

  it('an unknown platform is an error, not a silent unfused binary', async () => {
    const s = stub();
    await expect(hook.setFuses({ appOutDir: out, electronPlatformName: 'beos', packager }, s.fuses)).rejects.toThrow(/unknown platform/);
    expect(s.calls).toEqual([]);
  });

  it('the default export is the hook electron-builder calls, using the real @electron/fuses', () => {
    expect(typeof hook).toBe('function');
    expect(hook.length).toBe(1);
  });
});

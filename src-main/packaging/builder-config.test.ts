/**
 * electron-builder.yml (issue 14 §4) against the JSON schema electron-builder itself ships
 * (app-builder-lib/scheme.json), every file it names, and the choices the issue asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
// The YAML parser electron-builder itself reads this file with (js-yaml, a dependency of app-builder-lib).
const yaml = createRequire(path.join(root, 'node_modules', 'app-builder-lib', 'package.json'))('js-yaml') as { load: (text: string) => unknown };

type Target = { target: string; arch?: string[] };
type Config = {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  extraMetadata: { main: string };
  electronFuses?: unknown;
  fileAssociations?: unknown;
  directories: { buildResources: string };
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: Target[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize?: unknown };
  linux: { target: Target[]; icon: string; executableName: string };
};

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const exists = (p: string) => fs.existsSync(path.join(root, p));

describe('electron-builder.yml', () => {
  it('validates against the schema electron-builder ships', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema has teeth: a misspelt option is refused', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntme: true } })).toBe(false);
  });

  it('every file it names exists', () => {
    const named = [
      config.win.icon,
      config.nsis.installerIcon as string,
      config.nsis.uninstallerIcon as string,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.afterPack,
      config.extraMetadata.main, // built by scripts/build-main.mjs (the tests' global set-up runs it)
    ];
    for (const file of named) expect(exists(file), file).toBe(true);
    expect(config.extraMetadata.main).toBe((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }).main);
    // Linux reads a folder of <size>x<size>.png.
    expect(fs.statSync(path.join(root, config.linux.icon)).isDirectory()).toBe(true);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(exists(`${config.linux.icon}/${s}x${s}.png`)).toBe(true);
    expect(exists(config.directories.buildResources)).toBe(true);
  });

  it('Windows: NSIS per user, no admin rights, folder chosen by the user', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('macOS: dmg for Intel and Apple silicon, hardened runtime with JIT entitlements, notarised only with credentials', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    // `notarize` unset: electron-builder notarises when APPLE_* credentials are in the environment, else skips.
    expect(config.mac.notarize).toBeUndefined();
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = fs.readFileSync(path.join(root, file), 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      expect(plist).not.toMatch(/device\.camera|device\.audio-input|personal-information/);
    }
  });

  it('Linux: AppImage and deb, with the maintainer and homepage a deb needs', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { author?: { name?: string; email?: string }; homepage?: string };
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('native modules unpacked, rebuilt for Electron, fuses set by the afterPack hook only, no file associations, no bundled browser', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(config.electronFuses).toBeUndefined();
    expect(config.fileAssociations).toBeUndefined();
    expect(config.files).toEqual(expect.arrayContaining(['!**/node_modules/puppeteer*/.local-chromium/**', '!**/.cache/puppeteer/**']));
  });
});

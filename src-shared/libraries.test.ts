/**
 * The About dialog's library list is the app's real production dependencies: current with
 * package-lock.json and node_modules (scripts/licenses.mjs --check), every non-dev package of the
 * lock file in it, nothing of the build tools, and each one's full licence text in
 * resources/THIRD-PARTY-LICENSES.txt.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARIES, matchingLibraries } from './libraries';

const root = process.cwd();
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; link?: boolean }>;
};

describe('the bundled-library list', () => {
  it('is what scripts/licenses.mjs writes from package-lock.json today', () => {
    const run = spawnSync(process.execPath, ['scripts/licenses.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('lists every production package installed, with a licence, and no build tool', () => {
    const listed = new Set(LIBRARIES.map((l) => `${l.name}@${l.version}`));
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (location === '' || entry.dev || entry.devOptional || entry.link || !fs.existsSync(path.join(root, location, 'package.json'))) continue;
      // By its own name: an alias such as string-width-cjs is string-width inside.
      const { name, version } = JSON.parse(fs.readFileSync(path.join(root, location, 'package.json'), 'utf8')) as { name: string; version: string };
      expect(version, location).toBe(entry.version);
      if (!listed.has(`${name}@${version}`)) missing.push(`${name}@${version}`);
    }
    expect(missing).toEqual([]);
    const names = new Set(LIBRARIES.map((l) => l.name));
    // The renderer's bundled ones, the main process's, and the desktop runtime.
    for (const name of ['react', 'react-dom', 'zustand', 'zod', 'uplot', 'intl-messageformat', 'better-sqlite3', 'kysely', 'whatsapp-web.js', 'ws', 'xlsx', 'electron']) {
      expect(names, name).toContain(name);
    }
    for (const name of ['vite', 'vitest', 'eslint', 'typescript', '@playwright/test', 'esbuild', '@electron/fuses']) expect(names, name).not.toContain(name);
    expect(LIBRARIES.filter((l) => !l.license || l.license === 'UNKNOWN')).toEqual([]);
    expect(LIBRARIES.find((l) => l.name === 'electron')?.runtime).toBe(true);
  });

  it('ships a THIRD-PARTY-LICENSES.txt with a section for each library', () => {
    const text = fs.readFileSync(path.join(root, 'resources', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const l of LIBRARIES) expect(text, l.name).toContain(`\n${l.name} ${l.version} (${l.license})\n`);
    expect(text).toContain('Permission is hereby granted'); // an MIT text, in full
  });

  it('finds libraries by name or licence, ignoring case', () => {
    expect(matchingLibraries(LIBRARIES, '  REACT-dom ').map((l) => l.name)).toEqual(['react-dom']);
    expect(matchingLibraries(LIBRARIES, 'lgpl').length).toBeGreaterThan(0);
    expect(matchingLibraries(LIBRARIES, 'no-such-library')).toEqual([]);
    expect(matchingLibraries(LIBRARIES, '')).toHaveLength(LIBRARIES.length);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(dir: string, into: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, into);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) into.push(full);
  }
  return into;
}

const files = ['src-main', 'src-renderer', 'src-shared'].flatMap((d) => sources(path.join(root, d)));
const keys = Object.keys(en);
const code = new Map(files.map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8')]));

describe('message keys in the code', () => {
  it('are never built from template strings or cast from other strings', () => {
    const built: string[] = [];
    for (const [file, text] of code) {
      text.split('\n').forEach((line, i) => {
        const prefixes = [...line.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g)].map((m) => m[1]!);
        const keyLike = prefixes.some((p) => keys.some((k) => k.startsWith(p)));
        if (keyLike || /\bt\(\s*`/.test(line) || /\bas MessageKey\b/.test(line)) built.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(built).toEqual([]);
  });

  it('are each used somewhere (a message nobody shows is not translated for nothing)', () => {
    const all = [...code.entries()].filter(([f]) => !/src-shared\/i18n\/(en|tr|fa|ar)[-/.]/.test(f) && !f.endsWith('src-shared/i18n/en.ts')).map(([, t]) => t).join('\n');
    const unused = Object.keys(en).filter((k) => !all.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });
});

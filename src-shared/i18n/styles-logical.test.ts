/**
 * The layout turns round for Persian and Arabic only if it never says left or right: CSS and
 * inline styles use logical properties (margin-inline-start, inset-inline-end, text-align: start…).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-renderer');

function files(dir: string, ext: RegExp, into: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files(full, ext, into);
    else if (ext.test(e.name) && !e.name.includes('.test.')) into.push(full);
  }
  return into;
}

const CSS_PHYSICAL = /(?:^|[\s;{])(?:(?:margin|padding|border)-(?:left|right)(?:-\w+)?|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b/;
const JSX_PHYSICAL = /\b(?:marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*)\s*:|[{,]\s*(?:left|right)\s*:|textAlign:\s*'(?:left|right)'|float:\s*'(?:left|right)'/;

describe('styles', () => {
  it('use logical properties only, in CSS and in inline styles', () => {
    const found: string[] = [];
    for (const f of files(here, /\.css$/)) {
      fs.readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .split('\n')
        .forEach((line, i) => CSS_PHYSICAL.test(line) && found.push(`${path.relative(here, f)}:${i + 1}: ${line.trim()}`));
    }
    for (const f of files(here, /\.tsx$/)) {
      fs.readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => /style=\{\{/.test(line) && JSX_PHYSICAL.test(line) && found.push(`${path.relative(here, f)}:${i + 1}: ${line.trim()}`));
    }
    expect(found).toEqual([]);
  });
});

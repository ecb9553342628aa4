import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from './en';
import { argumentNames, catalogueOf, LANGUAGES, type Language, type MessageKey } from './index';

// While translating: I18N_LANG=fa I18N_PART=accounts (an en-*.ts file's stem, "general" for en.ts)
// checks one language and one part only.
const only = process.env.I18N_PART;
const partKeys = (stem: string): Set<string> => {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), stem === 'general' ? 'en.ts' : `en-${stem}.ts`);
  return new Set([...fs.readFileSync(file, 'utf8').matchAll(/^ {2}'([\w.]+)':/gm)].map((m) => m[1]!));
};
const inPart = only ? partKeys(only) : null;
const keys = (Object.keys(en) as MessageKey[]).filter((k) => !inPart || inPart.has(k));
const languages = LANGUAGES.filter((l) => !process.env.I18N_LANG || l === process.env.I18N_LANG);

function pluralsOf(elements: MessageFormatElement[], into: { name: string; options: string[] }[] = []): { name: string; options: string[] }[] {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      into.push({ name: el.value, options: Object.keys(el.options) });
      for (const v of Object.values(el.options)) pluralsOf(v.value, into);
    } else if (el.type === TYPE.select) for (const v of Object.values(el.options)) pluralsOf(v.value, into);
  }
  return into;
}

describe.each(languages.map((l) => [l] as [Language]))('the %s catalogue', (lang) => {
  const catalogue = catalogueOf(lang);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it('has every English key and no other', () => {
    expect(keys.filter((k) => catalogue[k] === undefined)).toEqual([]);
    expect(Object.keys(catalogue).filter((k) => !(k in en))).toEqual([]); // (also a type error)
  });

  it('has messages that parse, with the same arguments as English', () => {
    const wrong: string[] = [];
    for (const key of keys) {
      const message = catalogue[key];
      if (message === undefined) continue;
      let ast: MessageFormatElement[];
      try {
        ast = parse(message, { ignoreTag: true });
      } catch (e) {
        wrong.push(`${key}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      const mine = [...argumentNames(ast)].sort().join(',');
      const english = [...argumentNames(parse(en[key], { ignoreTag: true }))].sort().join(',');
      if (mine !== english) wrong.push(`${key}: {${mine}} instead of {${english}}`);
    }
    expect(wrong).toEqual([]);
  });

  it(`gives every plural all of the language's forms (${categories.join(', ')})`, () => {
    const wrong: string[] = [];
    for (const key of keys) {
      const message = catalogue[key];
      if (message === undefined) continue;
      for (const p of pluralsOf(parse(message, { ignoreTag: true }))) {
        const missing = categories.filter((c) => !p.options.includes(c));
        if (missing.length > 0) wrong.push(`${key} {${p.name}} lacks ${missing.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

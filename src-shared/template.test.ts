import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import {
  formatWhatsApp,
  MAX_SPINTAX_VARIANTS,
  normalizeVariableKey,
  parseTemplate,
  renderNodes,
  renderTemplate,
  spintaxVariants,
  templateVariables,
  variableValue,
  type FormatSegment,
  type TemplateContact,
  type TemplateIssue,
} from './template';

const ayse: TemplateContact = {
  name: 'Ayşe Yılmaz',
  phone: '+905321234567',
  fields: [
    ['City', 'İzmir'],
    ['Due date', '2025-07-01'],
    ['Notes', '   '],
    ['şehir', 'Ankara'],
    ['شهر', 'تهران'],
  ],
};
const nobody: TemplateContact = { name: '  ', phone: '', fields: [] };
const never = (): number => {
  throw new Error('random must not be called without spintax');
};
const render = (text: string, contact: TemplateContact = ayse): string => renderTemplate(text, contact, never);

function issuesOf(text: string): TemplateIssue[] {
  const parsed = parseTemplate(text);
  if (parsed.ok) throw new Error(`expected "${text}" to be invalid`);
  return parsed.issues;
}

/** Counts each distinct output over n draws with a fixed seed. */
function tally(text: string, n: number, contact: TemplateContact = ayse, seed = 7): Map<string, number> {
  const random = mulberry32(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const out = renderTemplate(text, contact, random);
    counts.set(out, (counts.get(out) ?? 0) + 1);
  }
  return counts;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe('parseTemplate', () => {
  it('gives an empty node list for empty text and one text node for plain text', () => {
    expect(parseTemplate('')).toEqual({ ok: true, nodes: [] });
    expect(parseTemplate('Hello there')).toEqual({ ok: true, nodes: [{ kind: 'text', text: 'Hello there' }] });
  });

  it('reads variables with and without a fallback, trimming key and fallback', () => {
    expect(parseTemplate('Hi {{ Name }}, {{ Due   date | soon }}!{{x|}}')).toEqual({
      ok: true,
      nodes: [
        { kind: 'text', text: 'Hi ' },
        { kind: 'variable', key: 'Name', normalizedKey: 'name', fallback: null },
        { kind: 'text', text: ', ' },
        { kind: 'variable', key: 'Due   date', normalizedKey: 'due date', fallback: 'soon' },
        { kind: 'text', text: '!' },
        { kind: 'variable', key: 'x', normalizedKey: 'x', fallback: '' },
      ],
    });
  });

  it('reads nested spintax with variables and empty choices', () => {
    expect(parseTemplate('{Hi|Hello {{name|friend}}|{Hey|Yo}|}')).toEqual({
      ok: true,
      nodes: [
        {
          kind: 'spin',
          options: [
            [{ kind: 'text', text: 'Hi' }],
            [
              { kind: 'text', text: 'Hello ' },
              { kind: 'variable', key: 'name', normalizedKey: 'name', fallback: 'friend' },
            ],
            [{ kind: 'spin', options: [[{ kind: 'text', text: 'Hey' }], [{ kind: 'text', text: 'Yo' }]] }],
            [],
          ],
        },
      ],
    });
  });

  it('reads a variable as the last choice: }}} closes the variable, then the choices', () => {
    expect(renderTemplate('{Hi|{{name}}}', { ...ayse, name: 'Ali' }, () => 0.5)).toBe('Ali');
    expect(renderTemplate('{Hi|{{name}}}', { ...ayse, name: 'Ali' }, () => 0)).toBe('Hi');
  });

  it('keeps | outside braces as text', () => {
    expect(parseTemplate('Open 9-5 | Mon-Fri ||')).toEqual({ ok: true, nodes: [{ kind: 'text', text: 'Open 9-5 | Mon-Fri ||' }] });
    expect(render('A | {{name}} | B')).toBe('A | Ayşe Yılmaz | B');
  });

  it.each([
    ['\\{not spin\\}', '{not spin}'],
    ['a \\| b', 'a | b'],
    ['back\\\\slash', 'back\\slash'],
    ['C:\\path\\to', 'C:\\path\\to'], // a backslash before anything else is kept
    ['ends with \\', 'ends with \\'],
    ['\\{\\{name\\}\\}', '{{name}}'], // a literal {{name}}
    ['{{name|a\\|b \\{c\\} d\\\\}}', 'a|b {c} d\\'], // escapes in a fallback
    ['{a\\|b|c}', null], // escaped | inside a choice is text, checked below
  ])('escapes: %s', (text, expected) => {
    if (expected === null) {
      expect(spintaxVariants(text)).toBe(2);
      expect(renderTemplate(text, ayse, () => 0)).toBe('a|b');
    } else {
      expect(renderTemplate(text, nobody, never)).toBe(expected);
    }
  });

  it('reads \\\\ before a brace as a backslash followed by a real brace', () => {
    expect(renderTemplate('\\\\{a|b}', ayse, () => 0.99)).toBe('\\b');
  });
});

describe('template errors', () => {
  it.each<[string, number, string]>([
    ['Hi {offer} now', 3, 'Spintax needs at least two choices separated by |'],
    ['Hi {} now', 3, 'at least two choices'],
    ['Hello {{{name}}', 6, 'Three braces “{{{” at character 7'],
    ['Oops } here', 5, 'A “}” at character 6 has no “{” before it'],
    ['Hi {a|b', 3, 'A “{” at character 4 is never closed'],
    ['{a|{b|c}', 0, 'A “{” at character 1 is never closed'],
    ['Hi {{name', 3, 'A “{{” at character 4 is never closed'],
    ['Hi {{name\n}}', 3, 'A “{{” on line 1, character 4 is never closed'],
    ['Hi {{}}', 3, '“{{}}” at character 4 needs a name, e.g. {{name}}'],
    ['Hi {{  |friend}}', 3, '“{{  |friend}}” at character 4 needs a name'],
    ['Hi {{name} there', 9, 'The “{{” at character 4 must end with “}}”, but character 10 is a single “}”'],
    ['{{name|a|b}}', 8, 'A “|” at character 9 is one too many'],
    ['{{na{me}}', 4, 'A “{” at character 5 cannot go inside {{…}}'],
    ['{{name|{Hi|Yo}}}', 7, 'cannot go inside'],
    ['{a|b}}', 5, 'A “}” at character 6'],
  ])('%j → issue at %i', (text, index, message) => {
    const [first] = issuesOf(text);
    expect(first?.index).toBe(index);
    expect(first?.message).toContain(message);
  });

  it('reports every independent problem, in reading order', () => {
    expect(issuesOf('x } y {z').map((i) => i.index)).toEqual([2, 6]);
    expect(issuesOf('{a|{b|c').map((i) => i.index)).toEqual([0, 3]); // both groups are open
  });

  it('reports one issue for a broken variable, not one per character', () => {
    expect(issuesOf('{{a|b|c|d{e}}')).toHaveLength(1);
  });

  it('recovers after {{{ so the rest of the text still parses', () => {
    const issues = issuesOf('{{{name}}} ok');
    expect(issues.map((i) => i.index)).toEqual([0, 9]); // {{{, then the stray }
  });

  it('recovers after an unclosed {{ at the end of a line', () => {
    expect(issuesOf('Hi {{name\nand {oops}').map((i) => i.index)).toEqual([3, 14]);
  });

  it('counts lines and what a person sees as one character in messages', () => {
    expect(issuesOf('Hello!\nSee {you')[0]?.message).toContain('on line 2, character 5');
    expect(issuesOf('Hi\r\nthere }')[0]?.message).toContain('on line 2, character 7');
    // 👋🏽 is 4 UTF-16 units but one character; the index stays a string offset.
    const [issue] = issuesOf('👋🏽 {x');
    expect(issue?.index).toBe(5);
    expect(issue?.message).toContain('at character 3');
  });

  it('renderTemplate throws the first issue’s message', () => {
    expect(() => renderTemplate('} and {x', ayse, never)).toThrow('A “}” at character 1 has no “{” before it');
  });
});

describe('normalizeVariableKey', () => {
  it.each([
    ['  Due   Date ', 'due date'],
    ['Due\u00a0\tdate', 'due date'],
    ['NAME', 'name'],
    ['ŞEHİR', 'şehir'], // Turkish dotted İ → i (not i + combining dot)
    ['ŞEHIR', 'şehir'], // plain I → i
    ['şehır', 'şehir'], // dotless ı read as i
    ['İl', 'il'],
    ['\u200fشهر\u200f', 'شهر'], // RTL marks dropped
    ['S\u0327EHİR', 'şehir'], // decomposed Ş
    ['Cafe\u0301', 'café'], // NFC
    ['', ''],
  ])('%j → %j', (key, expected) => {
    expect(normalizeVariableKey(key)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const key of ['ŞEHİR', ' A  b ', 'شهر', 'first_name']) {
      expect(normalizeVariableKey(normalizeVariableKey(key))).toBe(normalizeVariableKey(key));
    }
  });
});

describe('variables', () => {
  it('fills built-ins: name, first_name, phone', () => {
    expect(render('{{name}} / {{first_name}} / {{phone}}')).toBe('Ayşe Yılmaz / Ayşe / +905321234567');
  });

  it('takes the first word of a padded name as first_name', () => {
    expect(render('Hi {{first_name}}!', { ...ayse, name: '  Mehmet  Ali ' })).toBe('Hi Mehmet!');
  });

  it('fills custom fields, case-insensitively and whatever the spacing', () => {
    expect(render('{{city}} {{CITY}} {{ due  DATE }}')).toBe('İzmir İzmir 2025-07-01');
  });

  it('matches Turkish keys whichever i was typed', () => {
    expect(render('{{ŞEHİR}} {{Şehir}} {{ŞEHIR}}')).toBe('Ankara Ankara Ankara');
    expect(render('{{İL}}', { ...ayse, fields: [['il', 'Bursa']] })).toBe('Bursa');
  });

  it('fills Persian and Arabic keys and values as written', () => {
    const reza: TemplateContact = { name: 'علی رضایی', phone: '+989123456789', fields: [['شهر', 'تهران'], ['المدينة', 'دبي']] };
    expect(render('سلام {{first_name}}، از {{شهر}} / {{المدينة}}', reza)).toBe('سلام علی، از تهران / دبي');
    expect(render('{{\u200fشهر}}', reza)).toBe('تهران');
  });

  it('uses the fallback when the value is missing or blank, and empty text without one', () => {
    expect(render('[{{missing|n/a}}] [{{notes|none}}] [{{missing}}] [{{notes}}] [{{missing|}}]')).toBe('[n/a] [none] [] [] []');
    expect(render('Hi {{name|there}} {{first_name|friend}} {{phone|?}}', nobody)).toBe('Hi there friend ?');
  });

  it('keeps spaces inside a fallback', () => {
    expect(render('Dear {{name|valued customer}}', nobody)).toBe('Dear valued customer');
  });

  it('inserts values literally: braces in a value are never spun', () => {
    expect(render('{{name}}', { ...ayse, name: '{Ali|Veli} {{x}}' })).toBe('{Ali|Veli} {{x}}');
  });

  it('keeps emoji whole in the text and in values', () => {
    const family: TemplateContact = { name: '👨‍👩‍👧 Family', phone: '', fields: [['gift', '🎁🇹🇷']] };
    const out = render('Hi 👋🏽 {{name}} {{gift}} 🎉', family);
    expect(out).toBe('Hi 👋🏽 👨‍👩‍👧 Family 🎁🇹🇷 🎉');
    for (const text of tally('{😀|🎉|👍🏽} {🇹🇷|🇮🇷}', 200).keys()) {
      expect(text).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe('variableValue', () => {
  it('returns trimmed values and null for missing or blank ones', () => {
    expect(variableValue('city', { ...ayse, fields: [['City', '  İzmir ']] })).toBe('İzmir');
    expect(variableValue('notes', ayse)).toBeNull();
    expect(variableValue('nope', ayse)).toBeNull();
    expect(variableValue('name', nobody)).toBeNull();
    expect(variableValue('first_name', nobody)).toBeNull();
    expect(variableValue('phone', nobody)).toBeNull();
  });

  it('lets built-ins win over a custom field of the same name', () => {
    expect(variableValue('name', { ...ayse, fields: [['Name', 'Other']] })).toBe('Ayşe Yılmaz');
  });

  it('skips a blank duplicate field for a filled one', () => {
    expect(variableValue('size', { ...ayse, fields: [['size', ''], ['SIZE', 'M']] })).toBe('M');
  });
});

describe('spintax', () => {
  it('picks every choice roughly uniformly', () => {
    const counts = tally('{Hi|Hello|Merhaba}', 3000);
    expect([...counts.keys()].sort()).toEqual(['Hello', 'Hi', 'Merhaba']);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('picks uniformly at each level of nesting', () => {
    const counts = tally('{Hi|{Hey|Yo}}', 3000);
    expect([...counts.keys()].sort()).toEqual(['Hey', 'Hi', 'Yo']);
    expect(Math.abs((counts.get('Hi') ?? 0) - 1500)).toBeLessThan(150);
    expect(Math.abs((counts.get('Hey') ?? 0) - 750)).toBeLessThan(120);
    expect(Math.abs((counts.get('Yo') ?? 0) - 750)).toBeLessThan(120);
  });

  it('fills variables inside choices', () => {
    const counts = tally('{Hi|Hello {{name|friend}}|{Hey|Yo} {{first_name}}}!', 600);
    expect([...counts.keys()].sort()).toEqual(['Hello Ayşe Yılmaz!', 'Hey Ayşe!', 'Hi!', 'Yo Ayşe!']);
    const anon = tally('{Hello {{name|friend}}|Hi {{first_name|there}}}', 200, nobody);
    expect([...anon.keys()].sort()).toEqual(['Hello friend', 'Hi there']);
  });

  it('allows empty choices', () => {
    const counts = tally('Thanks{|, dear {{first_name}}}.', 200);
    expect([...counts.keys()].sort()).toEqual(['Thanks, dear Ayşe.', 'Thanks.']);
  });

  it('is deterministic for a seed and maps random() to choices by range', () => {
    const text = '{a|b|c} {d|e} {f|g|h|i}';
    const first = renderTemplate(text, ayse, mulberry32(123));
    expect(renderTemplate(text, ayse, mulberry32(123))).toBe(first);
    expect(renderTemplate('{a|b|c}', ayse, () => 0)).toBe('a');
    expect(renderTemplate('{a|b|c}', ayse, () => 0.34)).toBe('b');
    expect(renderTemplate('{a|b|c}', ayse, () => 0.999999)).toBe('c');
  });

  it('clamps a generator that misbehaves', () => {
    expect(renderTemplate('{a|b}', ayse, () => 1)).toBe('b');
    expect(renderTemplate('{a|b}', ayse, () => -0.5)).toBe('a');
    expect(renderTemplate('{a|b}', ayse, () => Number.NaN)).toBe('a');
  });

  it('calls random once per group reached, in reading order', () => {
    const draws = [0.9, 0.1, 0.6];
    let calls = 0;
    const random = (): number => draws[calls++] ?? 0;
    // outer picks its 2nd choice (a nested group), which picks "x"; then the last group picks "q".
    expect(renderTemplate('{a|{x|y}} {p|q}', ayse, random)).toBe('x q');
    expect(calls).toBe(3);
    calls = 0;
    expect(renderTemplate('{a|{x|y}} {p|q}', ayse, () => [0.1, 0.9][calls++] ?? 0)).toBe('a q');
    expect(calls).toBe(2); // the nested group was never reached
  });

  it('renderNodes renders a parsed template the same way', () => {
    const parsed = parseTemplate('{Hi|Hello} {{first_name}}');
    if (!parsed.ok) throw new Error('expected valid');
    expect(renderNodes(parsed.nodes, ayse, () => 0.7)).toBe('Hello Ayşe');
  });
});

describe('templateVariables', () => {
  it('lists each variable once, key as first written, first fallback seen', () => {
    expect(templateVariables('{{Name}} {{NAME|friend}} {{name|pal}} {Hi {{city}}|Yo {{ Due  date|soon }}} {{CITY}}')).toEqual([
      { key: 'Name', normalizedKey: 'name', fallback: 'friend' },
      { key: 'city', normalizedKey: 'city', fallback: null },
      { key: 'Due  date', normalizedKey: 'due date', fallback: 'soon' },
    ]);
  });

  it('treats Turkish İ/I spellings as one variable', () => {
    expect(templateVariables('{{ŞEHİR}} {{şehir}} {{ŞEHIR}}').map((v) => v.key)).toEqual(['ŞEHİR']);
  });

  it('gives nothing for text without variables or an invalid template', () => {
    expect(templateVariables('Hello {a|b}')).toEqual([]);
    expect(templateVariables('{{name}} {broken')).toEqual([]);
  });
});

describe('spintaxVariants', () => {
  it.each([
    ['Hello {{name}}', 1],
    ['', 1],
    ['{a|b}', 2],
    ['{a|b} and {c|d|e}', 6],
    ['{a|{b|c}}', 3],
    ['{a|{b|c} {d|e}}', 5],
    ['{|, dear}', 2],
    ['\\{a|b\\}', 1],
    ['{a|b', 0], // invalid
  ])('%j → %i', (text, expected) => {
    expect(spintaxVariants(text)).toBe(expected);
  });

  it('caps huge counts', () => {
    expect(spintaxVariants('{a|b|c|d}'.repeat(20))).toBe(MAX_SPINTAX_VARIANTS);
    expect(spintaxVariants('{a|b|c|d}'.repeat(14))).toBe(4 ** 14);
  });
});

describe('formatWhatsApp', () => {
  const seg = (text: string, flags: Partial<Omit<FormatSegment, 'text'>> = {}): FormatSegment => ({
    text,
    bold: false,
    italic: false,
    strike: false,
    mono: false,
    ...flags,
  });

  it('formats Persian and Arabic words next to their own punctuation and direction marks', () => {
    expect(formatWhatsApp('سلام *سارا*، _تخفیف_؛ *أحمد*؟')).toEqual([
      seg('سلام '),
      seg('سارا', { bold: true }),
      seg('، '),
      seg('تخفیف', { italic: true }),
      seg('؛ '),
      seg('أحمد', { bold: true }),
      seg('؟'),
    ]);
    expect(formatWhatsApp('«*مهم*» ۵۰٪')).toEqual([seg('«'), seg('مهم', { bold: true }), seg('» ۵۰٪')]);
    // A right-to-left or left-to-right mark (typed by Persian keyboards, or pasted) is invisible: not a letter.
    expect(formatWhatsApp('\u200f*سلام*\u200f دوست')).toEqual([seg('\u200f'), seg('سلام', { bold: true }), seg('\u200f دوست')]);
    expect(formatWhatsApp('Hi *Ali*\u200e!')).toEqual([seg('Hi '), seg('Ali', { bold: true }), seg('\u200e!')]);
    // Inside a word (a Persian suffix after a zero-width non-joiner) stays as typed, as in WhatsApp.
    expect(formatWhatsApp('*کتاب*\u200cها')).toEqual([seg('*کتاب*\u200cها')]);
  });

  it.each<[string, FormatSegment[]]>([
    ['', []],
    ['plain text', [seg('plain text')]],
    ['*bold*', [seg('bold', { bold: true })]],
    ['a _it_ b', [seg('a '), seg('it', { italic: true }), seg(' b')]],
    ['~gone~ now', [seg('gone', { strike: true }), seg(' now')]],
    ['run `npm i` now', [seg('run '), seg('npm i', { mono: true }), seg(' now')]],
    ['```mono```', [seg('mono', { mono: true })]],
    ['*_both_*', [seg('both', { bold: true, italic: true })]],
    ['_*both*_', [seg('both', { bold: true, italic: true })]],
    ['*bold _and italic_ ~and~*', [seg('bold ', { bold: true }), seg('and italic', { bold: true, italic: true }), seg(' ', { bold: true }), seg('and', { bold: true, strike: true })]],
    ['*a\nb*', [seg('*a\nb*')]],
    ['_a\r\nb_ and ~x\ny~', [seg('_a\r\nb_ and ~x\ny~')]],
    ['2*3*4', [seg('2*3*4')]],
    ['snake_case_name', [seg('snake_case_name')]],
    ['```line 1\n*line* 2```', [seg('line 1\n*line* 2', { mono: true })]],
    ['```\ncode\n```', [seg('\ncode\n', { mono: true })]],
    ['`*not bold*`', [seg('*not bold*', { mono: true })]],
    ['*open only', [seg('*open only')]],
    ['* not bold*', [seg('* not bold*')]],
    ['*not bold *', [seg('*not bold *')]],
    ['**', [seg('**')]],
    ['``````', [seg('``````')]],
    ['*bold*ness', [seg('*bold*ness')]],
    ['(*bold*), "_it_".', [seg('('), seg('bold', { bold: true }), seg('), "'), seg('it', { italic: true }), seg('".')]],
    ['🔥*sale*🔥', [seg('🔥'), seg('sale', { bold: true }), seg('🔥')]],
    ['سلام *دوست* من', [seg('سلام '), seg('دوست', { bold: true }), seg(' من')]],
    ['*a**b*', [seg('ab', { bold: true })]], // adjacent runs with the same flags merge
    ['*a *b* c*', [seg('a *b', { bold: true }), seg(' c*')]], // nearest closer wins
    ['x * y _ z', [seg('x * y _ z')]],
    ['*bold* and *more*', [seg('bold', { bold: true }), seg(' and '), seg('more', { bold: true })]],
  ])('%j', (text, expected) => {
    expect(formatWhatsApp(text)).toEqual(expected);
  });

  it('joins back to the text minus the markers it used', () => {
    const cases: [string, string][] = [
      ['*Sale* _today_ only, ~50~ 40 TL `code`', 'Sale today only, 50 40 TL code'],
      ['2*3*4 = 24 and snake_case', '2*3*4 = 24 and snake_case'],
      ['```a\nb``` *c*\n*d', 'a\nb c\n*d'],
      ['👋🏽 *Merhaba* {{name}}!', '👋🏽 Merhaba {{name}}!'],
    ];
    for (const [text, plain] of cases) {
      expect(formatWhatsApp(text).map((s) => s.text).join('')).toBe(plain);
    }
  });

  it('stays fast on one long line full of markers', () => {
    // Every marker could open; only the first * finds a closer (the last character).
    const text = '*a _b ~c `d ```e '.repeat(4000) + 'f*';
    const start = Date.now();
    const segments = formatWhatsApp(text);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.bold).toBe(true);
    expect(segments[0]?.text === text.slice(1, -1)).toBe(true);
  });
});

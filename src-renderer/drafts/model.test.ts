import { describe, expect, it } from 'vitest';
import type { AttachmentRef, DraftPart } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { mulberry32 } from '#shared/random';
import { parseTemplate, renderTemplate, templateVariables, type TemplateContact } from '#shared/template';
import {
  draftSnippet,
  escapeTemplateText,
  fileTypeLabel,
  formatSize,
  freshName,
  fromDraftPart,
  gapsProbe,
  insertAt,
  isMediaKind,
  KIND_LABEL,
  MAX_PARTS,
  newPart,
  oversizeMessage,
  PART_KINDS,
  readCoordinate,
  renderParts,
  serializeWorking,
  splitCoordinates,
  templateIssueCount,
  templateIssues,
  toDraftPart,
  toDraftParts,
  variableToken,
  variationCount,
  workingFrom,
  wrapSelection,
  type EditorPart,
} from './model';
import { templatedTexts } from '#shared/campaigns';

const MB = 1024 * 1024;
/** Half of an emoji (or other astral character) left on its own. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const photo: AttachmentRef = { id: `${'a'.repeat(64)}.jpg`, fileName: 'shop.jpg', mimeType: 'image/jpeg', size: 2048 };
const memo: AttachmentRef = { id: `${'b'.repeat(64)}.ogg`, fileName: 'memo.ogg', mimeType: 'audio/ogg', size: 4096 };

/** An editor part with a fixed key (parts from newPart get fresh keys we cannot predict). */
function part<P extends Omit<EditorPart, 'key'>>(key: string, fields: P): P & { key: string } {
  return { key, ...fields };
}

function problemOf(p: EditorPart): string {
  const result = toDraftPart(p);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.part)}`);
  return result.message;
}

const ayse: TemplateContact = { name: 'Ayşe Yılmaz', phone: '+905321234567', fields: [['City', 'İzmir']] };

describe('part kinds', () => {
  it('knows which kinds need a file', () => {
    expect(PART_KINDS.filter(isMediaKind)).toEqual(['image', 'video', 'document', 'voice']);
  });

  it('names every kind in the user’s words', () => {
    expect(PART_KINDS.map((kind) => t(KIND_LABEL[kind]))).toEqual([
      'Text',
      'Picture',
      'Video',
      'Document',
      'Voice note',
      'Location',
      'Contact card',
      'Poll',
    ]);
  });
});

describe('newPart', () => {
  it('starts every kind empty', () => {
    const strip = (p: EditorPart) => {
      const { key: _key, ...rest } = p;
      return rest;
    };
    expect(PART_KINDS.map((kind) => strip(newPart(kind)))).toEqual([
      { kind: 'text', text: '' },
      { kind: 'image', attachment: null, caption: '' },
      { kind: 'video', attachment: null, caption: '' },
      { kind: 'document', attachment: null, caption: '' },
      { kind: 'voice', attachment: null },
      { kind: 'location', latitude: '', longitude: '', name: '', address: '' },
      { kind: 'contact', displayName: '', phone: '' },
      { kind: 'poll', question: '', options: ['', ''], multipleAnswers: false },
    ]);
  });

  it('gives each new part its own key', () => {
    const keys = Array.from({ length: 50 }, () => newPart('text').key);
    expect(new Set(keys).size).toBe(50);
  });
});

describe('fromDraftPart / workingFrom', () => {
  it('shows saved coordinates as text the user can edit', () => {
    const p = fromDraftPart({ kind: 'location', latitude: 41.0082, longitude: -28.5, name: 'Shop', address: 'Main st.' });
    expect(p).toMatchObject({ kind: 'location', latitude: '41.0082', longitude: '-28.5', name: 'Shop', address: 'Main st.' });
  });

  it('copies poll options, so editing them leaves the saved draft alone', () => {
    const saved: DraftPart = { kind: 'poll', question: 'When?', options: ['Mon', 'Tue'], multipleAnswers: true };
    const p = fromDraftPart(saved);
    if (p.kind !== 'poll') throw new Error('expected a poll');
    p.options.push('Wed');
    expect(saved.options).toEqual(['Mon', 'Tue']);
    expect(p.multipleAnswers).toBe(true);
  });

  it('keeps the id and name and gives each part a distinct key', () => {
    const w = workingFrom({
      id: 7,
      name: 'Spring sale',
      parts: [
        { kind: 'text', text: 'Hi' },
        { kind: 'text', text: 'Hi' },
        { kind: 'image', attachment: photo, caption: '' },
      ],
    });
    expect(w.id).toBe(7);
    expect(w.name).toBe('Spring sale');
    expect(w.parts.map((p) => p.kind)).toEqual(['text', 'text', 'image']);
    expect(new Set(w.parts.map((p) => p.key)).size).toBe(3);
  });

  it('turns a saved draft back into the same parts', () => {
    const saved: DraftPart[] = [
      { kind: 'text', text: 'Hello {{name}}' },
      { kind: 'voice', attachment: memo },
      { kind: 'location', latitude: -33.8688, longitude: 151.2093, name: '', address: '' },
      { kind: 'contact', displayName: 'Shop', phone: '+90 532 000 00 00' },
      { kind: 'poll', question: 'Coming?', options: ['Yes', 'No'], multipleAnswers: false },
    ];
    expect(toDraftParts(workingFrom({ id: 1, name: 'x', parts: saved }).parts)).toEqual({ ok: true, parts: saved });
  });
});

describe('readCoordinate', () => {
  it.each([
    ['41.0082', 41.0082],
    ['41,0082', 41.0082],
    ['  -12.5 ', -12.5],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['0', 0],
    // Typed with a Persian or Arabic keyboard.
    ['٤١٫٠٠٨٢', 41.0082],
    ['۲۸٫۹۷۸۴', 28.9784],
    ['−12', -12],
  ])('reads %j as %d', (text, value) => {
    expect(readCoordinate(text)).toBe(value);
  });

  it.each(['', '   ', 'abc', '12abc', '1e5', '1,2,3', '41.0082, 28.9784', '--1', 'NaN', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(readCoordinate(text)).toBeNull();
    },
  );
});

describe('splitCoordinates', () => {
  it.each([
    ['41.0082, 28.9784', '41.0082', '28.9784'],
    ['(41.0082, 28.9784)', '41.0082', '28.9784'],
    ['  -33.8688;151.2093  ', '-33.8688', '151.2093'],
    ['40.7 -74', '40.7', '-74'],
    ['+1,+2', '+1', '+2'],
  ])('splits %j', (text, latitude, longitude) => {
    expect(splitCoordinates(text)).toEqual({ latitude, longitude });
  });

  it.each(['41.0082', '', 'here, there', '41,0082, 28,9784', '1, 2, 3', '41.0082,'])('leaves %j alone', (text) => {
    expect(splitCoordinates(text)).toBeNull();
  });
});

describe('toDraftPart', () => {
  it('asks for a file before a media part can be saved', () => {
    for (const kind of ['image', 'video', 'document', 'voice'] as const) {
      expect(problemOf(newPart(kind))).toBe('Choose a file for this part, or remove it.');
    }
  });

  it('drops the local key and keeps what the contract takes', () => {
    expect(toDraftPart(part('k1', { kind: 'image', attachment: photo, caption: 'New in {{City}}' }))).toEqual({
      ok: true,
      part: { kind: 'image', attachment: photo, caption: 'New in {{City}}' },
    });
    expect(toDraftPart(part('k2', { kind: 'voice', attachment: memo }))).toEqual({ ok: true, part: { kind: 'voice', attachment: memo } });
  });

  it('takes a text up to WhatsApp’s limit, emoji and all, and not a character more', () => {
    const full = 'x'.repeat(4096);
    expect(toDraftPart(part('k', { kind: 'text', text: full }))).toEqual({ ok: true, part: { kind: 'text', text: full } });
    expect(problemOf(part('k', { kind: 'text', text: `${full}!` }))).toBe('WhatsApp messages can hold 4096 characters');
    expect(toDraftPart(part('k', { kind: 'text', text: '👋🏽 Merhaba! 🇹🇷' }))).toMatchObject({ ok: true });
  });

  it('refuses a caption over 1024 characters', () => {
    expect(problemOf(part('k', { kind: 'video', attachment: photo, caption: 'c'.repeat(1025) }))).toBe(
      'Keep a caption under 1024 characters',
    );
  });

  it('reads the coordinates as typed, decimal comma included', () => {
    expect(toDraftPart(part('k', { kind: 'location', latitude: ' 41,0082', longitude: '28.9784 ', name: 'Shop', address: '' }))).toEqual({
      ok: true,
      part: { kind: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Shop', address: '' },
    });
  });

  it('says which coordinate is wrong, latitude first', () => {
    const loc = (latitude: string, longitude: string) => part('k', { kind: 'location', latitude, longitude, name: '', address: '' });
    expect(problemOf(loc('', ''))).toBe('Type the latitude as a number, like 41.0082.');
    expect(problemOf(loc('41', 'east'))).toBe('Type the longitude as a number, like 28.9784.');
    expect(problemOf(loc('90.5', '0'))).toBe('Latitude is between -90 and 90');
    expect(problemOf(loc('-90', '-180.01'))).toBe('Longitude is between -180 and 180');
    expect(toDraftPart(loc('-90', '180'))).toMatchObject({ ok: true });
  });

  it('needs a name and a number on a contact card, and trims them', () => {
    const card = (displayName: string, phone: string) => part('k', { kind: 'contact', displayName, phone });
    expect(problemOf(card('   ', '+90 532'))).toBe('A contact card needs a name');
    expect(problemOf(card('Shop', ' '))).toBe('A contact card needs a phone number');
    expect(toDraftPart(card('  Çiçek Shop ', ' +90 532 000 00 00 '))).toEqual({
      ok: true,
      part: { kind: 'contact', displayName: 'Çiçek Shop', phone: '+90 532 000 00 00' },
    });
  });

  it('checks a poll’s question and options', () => {
    const poll = (question: string, options: string[]) => part('k', { kind: 'poll', question, options, multipleAnswers: false });
    expect(problemOf(poll('  ', ['a', 'b']))).toBe('A poll needs a question');
    expect(problemOf(poll('Which?', ['a', '  ']))).toBe('Poll options can’t be empty');
    expect(problemOf(poll('Which?', ['only one']))).toBe('A poll needs at least two options');
    const thirteen = Array.from({ length: 13 }, (_, i) => `option ${i + 1}`);
    expect(problemOf(poll('Which?', thirteen))).toBe('A poll can have at most 12 options');
    expect(toDraftPart(poll(' Which? ', [' 🍕 ', 'Pasta']))).toEqual({
      ok: true,
      part: { kind: 'poll', question: 'Which?', options: ['🍕', 'Pasta'], multipleAnswers: false },
    });
  });
});

describe('toDraftParts', () => {
  it('gives every part, in order, when all can be saved', () => {
    const parts = [part('a', { kind: 'text', text: 'one' }), part('b', { kind: 'text', text: 'two' })];
    expect(toDraftParts(parts)).toEqual({
      ok: true,
      parts: [
        { kind: 'text', text: 'one' },
        { kind: 'text', text: 'two' },
      ],
    });
    expect(toDraftParts([])).toEqual({ ok: true, parts: [] });
  });

  it('lists the problems of each failing part by its key, and only those', () => {
    const parts: EditorPart[] = [
      part('ok', { kind: 'text', text: 'fine' }),
      part('pic', { kind: 'image', attachment: null, caption: '' }),
      part('where', { kind: 'location', latitude: 'north', longitude: '1', name: '', address: '' }),
    ];
    expect(toDraftParts(parts)).toEqual({
      ok: false,
      problems: [
        { key: 'pic', message: 'Choose a file for this part, or remove it.' },
        { key: 'where', message: 'Type the latitude as a number, like 41.0082.' },
      ],
    });
  });
});

describe('templated texts and their issues', () => {
  it('treats text, captions and poll questions as templates, nothing else', () => {
    expect(templatedTexts({ kind: 'text', text: 'a' })).toEqual(['a']);
    expect(templatedTexts({ kind: 'document', caption: 'b' })).toEqual(['b']);
    expect(templatedTexts({ kind: 'poll', question: 'c' })).toEqual(['c']);
    expect(templatedTexts({ kind: 'voice' })).toEqual([]);
    expect(templatedTexts({ kind: 'location' })).toEqual([]);
    expect(templatedTexts({ kind: 'contact' })).toEqual([]);
  });

  it('counts template problems across all parts', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'text', text: 'Hi {{name' }),
      part('b', { kind: 'image', attachment: null, caption: 'oops } and {single}' }),
      part('c', { kind: 'poll', question: '{Yes|No}?', options: ['a', 'b'], multipleAnswers: false }),
      part('d', { kind: 'contact', displayName: '{{', phone: '}' }),
    ];
    expect(templateIssueCount(parts)).toBe(3);
    expect(templateIssueCount([])).toBe(0);
  });

  it('gives no issues for a good template and located ones for a broken one', () => {
    expect(templateIssues('Hi {{name|friend}}, {welcome|hello}!')).toEqual([]);
    const issues = templateIssues('Hi {{name');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.index).toBe(3);
    expect(issues[0]?.message).toContain('never closed');
  });
});

describe('draftSnippet', () => {
  it('shows the first text found, on one line', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'voice', attachment: memo }),
      part('b', { kind: 'image', attachment: photo, caption: '   ' }),
      part('c', { kind: 'text', text: '  Hello\n\n{{name}},\tour   sale  ' }),
      part('d', { kind: 'text', text: 'second' }),
    ];
    expect(draftSnippet(parts)).toBe('Hello {{name}}, our sale');
  });

  it('is empty when the draft has no text', () => {
    expect(draftSnippet([])).toBe('');
    expect(draftSnippet([part('a', { kind: 'location', latitude: '1', longitude: '2', name: 'x', address: '' })])).toBe('');
  });

  it('cuts long text to the given length, ending with an ellipsis', () => {
    const long = 'word '.repeat(40);
    const snippet = draftSnippet([{ kind: 'text', text: long }]);
    expect(snippet).toHaveLength(80);
    expect(snippet.endsWith('…')).toBe(true);
    expect(draftSnippet([{ kind: 'text', text: 'abcdefghij' }], 5)).toBe('abcd…');
    expect(draftSnippet([{ kind: 'text', text: 'abcde' }], 5)).toBe('abcde');
  });

  // Was a bug: the cut is made in UTF-16 units, so an emoji at the cut loses half of itself and the list
  // shows a broken character (a lone surrogate) before the ellipsis.
  it('never cuts an emoji in half', () => {
    const snippet = draftSnippet([{ kind: 'text', text: `${'a'.repeat(78)}😀 and more text after it` }]);
    expect(snippet).not.toMatch(LONE_SURROGATE);
    expect(snippet.endsWith('…')).toBe(true);
  });
});

describe('serializeWorking', () => {
  it('ignores the local keys, so moving a part’s state around is not a change', () => {
    const a = { name: 'Sale', parts: [part('k1', { kind: 'text', text: 'Hi' })] };
    const b = { name: 'Sale', parts: [part('k99', { kind: 'text', text: 'Hi' })] };
    expect(serializeWorking(a)).toBe(serializeWorking(b));
  });

  it('changes when the name, a part, or the order of parts changes', () => {
    const one = part('k1', { kind: 'text', text: 'one' });
    const two = part('k2', { kind: 'text', text: 'two' });
    const base = serializeWorking({ name: 'Sale', parts: [one, two] });
    expect(serializeWorking({ name: 'Sale ', parts: [one, two] })).not.toBe(base);
    expect(serializeWorking({ name: 'Sale', parts: [two, one] })).not.toBe(base);
    expect(serializeWorking({ name: 'Sale', parts: [one, { ...two, text: 'two!' }] })).not.toBe(base);
    expect(serializeWorking({ name: 'Sale', parts: [one] })).not.toBe(base);
  });

  it('sees no change between a loaded draft and the same parts made fresh', () => {
    const saved: DraftPart[] = [
      { kind: 'location', latitude: 1.5, longitude: 2, name: 'n', address: 'a' },
      { kind: 'poll', question: 'q', options: ['x', 'y'], multipleAnswers: false },
    ];
    const loaded = workingFrom({ id: 1, name: 'd', parts: saved });
    const fresh: EditorPart[] = [
      Object.assign(newPart('location'), { latitude: '1.5', longitude: '2', name: 'n', address: 'a' }),
      Object.assign(newPart('poll'), { question: 'q', options: ['x', 'y'] }),
    ];
    expect(serializeWorking({ name: 'd', parts: fresh })).toBe(serializeWorking(loaded));
  });
});

describe('freshName', () => {
  it('keeps the name when it is free', () => {
    expect(freshName('New draft', [])).toBe('New draft');
    expect(freshName('New draft', ['Old draft', 'New draft 2'])).toBe('New draft');
  });

  it('numbers it from 2, filling the first gap', () => {
    expect(freshName('New draft', ['New draft'])).toBe('New draft 2');
    expect(freshName('New draft', ['New draft', 'New draft 2', 'New draft 3'])).toBe('New draft 4');
    expect(freshName('New draft', ['New draft', 'New draft 3'])).toBe('New draft 2');
  });

  it('works with any base, emoji included', () => {
    expect(freshName('🎉 Party', ['🎉 Party'])).toBe('🎉 Party 2');
  });
});

describe('gapsProbe', () => {
  it('makes one text part of variables per templated text that has any', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'text', text: 'Hi {{Name}}, see you in {{city|town}} {{name}}' }),
      part('b', { kind: 'image', attachment: null, caption: 'no variables here' }),
      part('c', { kind: 'video', attachment: null, caption: '{Hi|Hey} {{first_name|}}' }),
      part('d', { kind: 'poll', question: 'Broken {{', options: ['', ''], multipleAnswers: false }),
      part('e', { kind: 'contact', displayName: '{{name}}', phone: '' }),
    ];
    expect(gapsProbe(parts)).toEqual([
      { kind: 'text', text: '{{Name}} {{city|town}}' },
      { kind: 'text', text: '{{first_name|}}' },
    ]);
  });

  it('keeps every variable, key and fallback, whatever characters they hold', () => {
    const text = 'A {{ şehir \\| ilçe | Köy \\{x\\} }} B {{Tel}} {{tel|none}}';
    const [probe] = gapsProbe([part('a', { kind: 'text', text })]);
    expect(probe?.kind).toBe('text');
    const probeText = probe?.kind === 'text' ? probe.text : '';
    expect(parseTemplate(probeText).ok).toBe(true);
    expect(templateVariables(probeText)).toEqual(templateVariables(text));
  });

  it('never gives more parts than a draft can hold', () => {
    const parts = Array.from({ length: 14 }, (_, i) => part(`k${i}`, { kind: 'text', text: `{{field${i}}}` }));
    const probe = gapsProbe(parts);
    expect(probe).toHaveLength(MAX_PARTS);
    expect(probe[9]).toEqual({ kind: 'text', text: '{{field9}}' });
  });
});

describe('escapeTemplateText', () => {
  it('escapes braces, bars and backslashes', () => {
    expect(escapeTemplateText('a{b}|c\\d')).toBe('a\\{b\\}\\|c\\\\d');
    expect(escapeTemplateText('plain text 😀')).toBe('plain text 😀');
  });

  it.each(['{{name}}', '{Hi|Hello}', 'a \\ b', '}{', '|||', 'C:\\path\\{x}', '👋 {{ }} \n {|}', ''])(
    'makes %j be sent exactly as written',
    (text) => {
      expect(renderTemplate(escapeTemplateText(text), ayse, () => 0)).toBe(text);
    },
  );
});

describe('variableToken', () => {
  it('writes a variable, with a fallback when there is one', () => {
    expect(variableToken('name', '')).toBe('{{name}}');
    expect(variableToken('city', '  İstanbul ')).toBe('{{city|İstanbul}}');
    expect(variableToken('city', '   ')).toBe('{{city}}');
    expect(variableToken('city', '', true)).toBe('{{city|}}');
    expect(variableToken('city', 'x', false)).toBe('{{city}}');
  });

  it('keeps the token on one line and escapes special characters', () => {
    expect(variableToken('first\nname', 'dear\r\nfriend')).toBe('{{first name|dear friend}}');
    expect(variableToken('a|b', '{x}')).toBe('{{a\\|b|\\{x\\}}}');
  });

  it('gives a token that reads back as the same variable', () => {
    const token = variableToken('Müşteri {no}', 'yok | none');
    expect(templateVariables(token)).toEqual([
      { key: 'Müşteri {no}', normalizedKey: 'müşteri {no}', fallback: 'yok | none' },
    ]);
  });
});

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after the insert', () => {
    expect(insertAt('Hello !', 6, 6, '{{name}}')).toEqual({ text: 'Hello {{name}}!', selectionStart: 14, selectionEnd: 14 });
  });

  it('replaces the selection', () => {
    expect(insertAt('Hello Bob!', 6, 9, '{{name}}')).toEqual({ text: 'Hello {{name}}!', selectionStart: 14, selectionEnd: 14 });
    expect(insertAt('🎉🎉', 0, 4, '')).toEqual({ text: '', selectionStart: 0, selectionEnd: 0 });
  });

  it('can select part of what it inserted', () => {
    const edit = insertAt('Hi ', 3, 3, '{{name|friend}}', { from: 7, to: 13 });
    expect(edit.text).toBe('Hi {{name|friend}}');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('friend');
  });
});

describe('wrapSelection', () => {
  it('wraps the selected word and keeps it selected', () => {
    const edit = wrapSelection('hello world', 6, 11, '*');
    expect(edit).toEqual({ text: 'hello *world*', selectionStart: 7, selectionEnd: 12 });
  });

  it('leaves spaces at the edges of the selection outside the markers', () => {
    const edit = wrapSelection('say  hi  ok', 3, 9, '_');
    expect(edit.text).toBe('say  _hi_  ok');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('hi');
  });

  it('puts both markers in, caret between, when nothing is selected', () => {
    expect(wrapSelection('hello', 5, 5, '~')).toEqual({ text: 'hello~~', selectionStart: 6, selectionEnd: 6 });
    expect(wrapSelection('', 0, 0, '```')).toEqual({ text: '``````', selectionStart: 3, selectionEnd: 3 });
  });

  it('unwraps text that already has the marker, so the button toggles', () => {
    expect(wrapSelection('hello *world*', 7, 12, '*')).toEqual({ text: 'hello world', selectionStart: 6, selectionEnd: 11 });
    const mono = wrapSelection('a ```code``` b', 5, 9, '```');
    expect(mono).toEqual({ text: 'a code b', selectionStart: 2, selectionEnd: 6 });
  });

  it('round-trips: wrapping then wrapping again gives the text back', () => {
    const text = 'Merhaba 👋 dünya';
    const once = wrapSelection(text, 8, 16, '*');
    expect(once.text).toBe('Merhaba *👋 dünya*');
    const twice = wrapSelection(once.text, once.selectionStart, once.selectionEnd, '*');
    expect(twice.text).toBe(text);
    expect(twice.text.slice(twice.selectionStart, twice.selectionEnd)).toBe('👋 dünya');
  });

  it('does not unwrap a different marker', () => {
    expect(wrapSelection('_hi_', 1, 3, '*').text).toBe('_*hi*_');
  });
});

describe('fileTypeLabel', () => {
  it('names common types', () => {
    expect(fileTypeLabel('image/png', 'x')).toBe('PNG picture');
    expect(fileTypeLabel('video/3gpp2', 'x')).toBe('3GP video');
    expect(fileTypeLabel('application/vnd.ms-excel', 'x')).toBe('Excel spreadsheet');
    expect(fileTypeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.docx')).toBe('Word document');
  });

  it('falls back to the file’s extension, then to “File”', () => {
    expect(fileTypeLabel('application/octet-stream', 'Report.odt')).toBe('ODT file');
    expect(fileTypeLabel('', 'backup.tar.gz')).toBe('GZ file');
    expect(fileTypeLabel('', 'README')).toBe('File');
    expect(fileTypeLabel('', 'file.toolong7')).toBe('File');
    expect(fileTypeLabel('', 'trailing.')).toBe('File');
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 bytes'],
    [820, '820 bytes'],
    [1023, '1,023 bytes'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [12 * 1024, '12 KB'],
    [MB, '1 MB'],
    [3.4 * MB, '3.4 MB'],
    [3.46 * MB, '3.5 MB'],
    [250 * MB, '250 MB'],
  ])('%d bytes read as %j', (bytes, text) => {
    expect(formatSize(bytes, 'en')).toBe(text);
  });

  it('writes megabytes in the given locale', () => {
    expect(formatSize(3.4 * MB, 'de')).toBe('3,4 MB');
  });

  // Was a bug: the catalogue entry has no singular, so a one-byte file reads "1 bytes".
  it('says “1 byte” for a one-byte file', () => {
    expect(formatSize(1, 'en')).toBe('1 byte');
  });
});

describe('oversizeMessage', () => {
  it('is null for a file within WhatsApp’s limit', () => {
    expect(oversizeMessage('image', 'big.jpg', 5 * MB)).toBeNull();
    expect(oversizeMessage('document', 'big.pdf', 100 * MB)).toBeNull();
    expect(oversizeMessage('voice', 'note.ogg', 1)).toBeNull();
  });

  it('says how big the file is and what the limit is, never rounding down to the limit', () => {
    expect(oversizeMessage('image', 'big.jpg', 5 * MB + 1)).toBe(
      '“big.jpg” is 5.1 MB, but WhatsApp pictures can be at most 5.0 MB. Make it smaller and attach it again.',
    );
    expect(oversizeMessage('video', 'clip.mp4', 17 * MB)).toBe(
      '“clip.mp4” is 17.0 MB, but WhatsApp videos can be at most 16.0 MB. Make it smaller and attach it again.',
    );
  });

  it('names the file by its base name, cleaned of control and direction characters', () => {
    const named = (name: string) => oversizeMessage('image', name, 6 * MB)?.split(' is ')[0];
    expect(named('C:\\Users\\Ayşe\\Desktop\\big.jpg')).toBe('“big.jpg”');
    expect(named('/home/ali/pics/big.jpg')).toBe('“big.jpg”');
    expect(named('invoice\u202Egpj.exe')).toBe('“invoicegpj.exe”');
    expect(named('a\u0000b\u0007\u0085.png')).toBe('“ab.png”');
    expect(named('cafe\u0301.jpg')).toBe('“caf\u00e9.jpg”');
    expect(named('')).toBe('“attachment”');
    expect(named('..')).toBe('“attachment”');
    expect(named('folder/')).toBe('“attachment”');
    expect(named('\u2066\u2069')).toBe('“attachment”');
  });
});

describe('renderParts', () => {
  it('renders each templated part for the contact, keyed by part', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'text', text: 'Hi {{first_name}} from {{CITY|somewhere}}{{email}}!' }),
      part('b', { kind: 'image', attachment: photo, caption: '{{shop|Our shop}}' }),
      part('c', { kind: 'location', latitude: '1', longitude: '2', name: '', address: '' }),
      part('d', { kind: 'poll', question: 'Broken {', options: ['a', 'b'], multipleAnswers: false }),
    ];
    const out = renderParts(parts, ayse, 1);
    expect([...out.entries()]).toEqual([
      ['a', { raw: 'Hi {{first_name}} from {{CITY|somewhere}}{{email}}!', text: 'Hi Ayşe from İzmir!' }],
      ['b', { raw: '{{shop|Our shop}}', text: 'Our shop' }],
      ['d', { raw: 'Broken {', text: null }],
    ]);
  });

  it('gives the same message for the same seed', () => {
    const parts = [part('a', { kind: 'text', text: '{Hi|Hello|Hey} {there|you}' })];
    expect(renderParts(parts, ayse, 42)).toEqual(renderParts(parts, ayse, 42));
  });

  it('draws the choices of all parts from one stream, in reading order', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'text', text: '{a|b}' }),
      part('v', { kind: 'voice', attachment: memo }),
      part('c', { kind: 'document', attachment: null, caption: '{c|d}' }),
    ];
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const first = random() < 0.5 ? 'a' : 'b';
      const second = random() < 0.5 ? 'c' : 'd';
      const out = renderParts(parts, ayse, seed);
      expect([out.get('a')?.text, out.get('c')?.text]).toEqual([first, second]);
      seen.add(`${first}${second}`);
    }
    // Different seeds give the different variations.
    expect([...seen].sort()).toEqual(['ac', 'ad', 'bc', 'bd']);
  });
});

describe('variationCount', () => {
  it('multiplies the choices of every part', () => {
    const parts: EditorPart[] = [
      part('a', { kind: 'text', text: '{Hi|Hello} there' }),
      part('b', { kind: 'image', attachment: null, caption: '{x|y|z}' }),
      part('c', { kind: 'poll', question: '{Come|Join}?', options: ['{a|b}', 'c'], multipleAnswers: false }),
      part('d', { kind: 'contact', displayName: '{p|q}', phone: '1' }),
    ];
    expect(variationCount(parts)).toBe(12);
  });

  it('is 1 with no spintax, no parts, or a broken template', () => {
    expect(variationCount([])).toBe(1);
    expect(variationCount([part('a', { kind: 'text', text: 'plain' })])).toBe(1);
    expect(variationCount([part('a', { kind: 'text', text: '{broken' }), part('b', { kind: 'text', text: '{a|b}' })])).toBe(2);
  });

  it('stops at a billion', () => {
    const tenChoices = `{${Array.from({ length: 10 }, (_, i) => i).join('|')}}`;
    const parts = Array.from({ length: 10 }, (_, i) => part(`k${i}`, { kind: 'text', text: tenChoices }));
    expect(variationCount(parts)).toBe(1e9);
  });
});

/**
 * Message templates for campaign drafts. Pure: the renderer uses it for the preview, the main
 * process for the real send, so both always agree.
 *
 * Syntax:
 * - `{{key}}` / `{{key|fallback}}` insert a contact detail. Keys match case-insensitively (see
 *   normalizeVariableKey); the fallback is trimmed literal text and cannot hold braces or `|`
 *   unless escaped. A variable must close on its own line.
 * - `{Hi|Hello|Merhaba}` picks one choice uniformly. Choices may be empty and may hold
 *   variables and nested choices. One brace with no `|` is an error.
 * - `{{` always opens a variable; `{{{` is an error (ambiguous).
 * - `\{` `\}` `\|` `\\` are the literal characters; a backslash before anything else is kept.
 * - `|` outside braces is plain text.
 * Inserted contact values are never parsed, so a name like "{a|b}" is sent as written.
 */
import { t } from './i18n';

export type TemplateContact = { name: string; phone: string; fields: readonly (readonly [string, string])[] };
export type TemplateIssue = { index: number; message: string };
/** key: as first written, trimmed; fallback: null when the variable has no `|`. */
export type TemplateVariable = { key: string; normalizedKey: string; fallback: string | null };
export type ParsedTemplate = { ok: true; nodes: TemplateNode[] } | { ok: false; issues: TemplateIssue[] };
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; key: string; normalizedKey: string; fallback: string | null }
  | { kind: 'spin'; options: TemplateNode[][] };

/** Spintax variant counts stop growing here. */
export const MAX_SPINTAX_VARIANTS = 1e9;

const ESCAPABLE = '{}|\\';
/** Invisible direction marks that RTL keyboards slip into words. */
const BIDI_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The form keys are compared in: NFC, direction marks dropped, whitespace trimmed and collapsed to
 * one space, lower-cased with a fixed locale (same result on every machine). Turkish: dotted İ
 * and plain I both fold to i, and dotless ı also reads as i, so {{ŞEHİR}}, {{ŞEHIR}} (typed on a
 * non-Turkish keyboard) and {{şehır}} all find the field "şehir".
 */
export function normalizeVariableKey(key: string): string {
  return key
    .normalize('NFC')
    .replace(BIDI_MARKS, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/İ/gu, 'i') // before lower-casing, which would give "i" + a combining dot
    .toLocaleLowerCase('en')
    .replace(/ı/gu, 'i');
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** "at character 4", or "on line 2, character 1" in a text of several lines. */
function where(text: string, index: number): string {
  const { line, column } = spotOf(text, index);
  return line === null ? t('tpl.where.char', { column }) : t('tpl.where.line', { line, column });
}

/** "character 4" or "line 2, character 1", counting what a person sees as one character. */
function position(text: string, index: number): string {
  const { line, column } = spotOf(text, index);
  return line === null ? t('tpl.pos.char', { column }) : t('tpl.pos.line', { line, column });
}

/** The line (null in a one-line text) and column of `index`. */
function spotOf(text: string, index: number): { line: number | null; column: number } {
  const before = text.slice(0, index);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const column = countCharacters(before.slice(lineStart)) + 1;
  if (!/[\r\n]/u.test(text)) return { line: null, column };
  return { line: (before.match(/\r\n|\r|\n/gu)?.length ?? 0) + 1, column };
}

/** The choices example, "{Hi|Hello}" in the reader's words (braces stay out of the catalogue). */
function spinExample(): string {
  return `{${t('tpl.example.hi')}|${t('tpl.example.hello')}}`;
}

/** Grapheme count, so an emoji with a skin tone or a flag counts as one. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) count++;
  return count;
}

type Stop = 'end' | 'bar' | 'close';

class Parser {
  pos = 0;
  readonly issues: TemplateIssue[] = [];

  constructor(private readonly text: string) {}

  private issue(index: number, message: string): void {
    this.issues.push({ index, message });
  }

  private at(index: number): string {
    return this.text.charAt(index);
  }

  /** Nodes up to the end of the text or, inside choices, up to an unescaped `|` or `}` (not consumed). */
  sequence(inSpin: boolean): { nodes: TemplateNode[]; stop: Stop } {
    const nodes: TemplateNode[] = [];
    let buffer = '';
    const flush = (): void => {
      if (buffer !== '') nodes.push({ kind: 'text', text: buffer });
      buffer = '';
    };
    while (this.pos < this.text.length) {
      const ch = this.at(this.pos);
      if (ch === '\\') {
        const next = this.at(this.pos + 1);
        const escaped = next !== '' && ESCAPABLE.includes(next);
        buffer += escaped ? next : ch;
        this.pos += escaped ? 2 : 1;
      } else if (ch === '{') {
        let run = 1;
        while (this.at(this.pos + run) === '{') run++;
        if (run >= 3) {
          this.issue(
            this.pos,
            t('tpl.threeBraces', { three: '{{{', where: where(this.text, this.pos), variable: '{{name}}', spin: spinExample() }),
          );
          // Keep the extra braces as text and read the last two as a variable, to avoid a cascade.
          buffer += '{'.repeat(run - 2);
          this.pos += run - 2;
          continue;
        }
        flush();
        const node = run === 2 ? this.variable() : this.spin();
        if (node) nodes.push(node);
      } else if (inSpin && (ch === '|' || ch === '}')) {
        flush();
        return { nodes, stop: ch === '|' ? 'bar' : 'close' };
      } else if (ch === '}') {
        this.issue(
          this.pos,
          t('tpl.strayClose', { close: '}', open: '{', where: where(this.text, this.pos), escaped: '\\}' }),
        );
        buffer += ch;
        this.pos++;
      } else {
        // Copy plain text in one go up to the next character with a meaning.
        let end = this.pos + 1;
        while (end < this.text.length && !'\\{}|'.includes(this.at(end))) end++;
        buffer += this.text.slice(this.pos, end);
        this.pos = end;
      }
    }
    flush();
    return { nodes, stop: 'end' };
  }

  /** `{{key}}` or `{{key|fallback}}`, with pos on the first brace. Null (and an issue) when broken. */
  private variable(): TemplateNode | null {
    const start = this.pos;
    this.pos += 2;
    let key = '';
    let fallback: string | null = null;
    let broken = false;
    // Only the first problem inside one variable is reported; the rest usually follow from it.
    const fail = (index: number, message: string): void => {
      if (!broken) this.issue(index, message);
      broken = true;
    };
    for (;;) {
      const ch = this.at(this.pos);
      if (ch === '' || ch === '\n' || ch === '\r') {
        // Leave the line break for the caller, so the next line still parses.
        fail(start, t('tpl.varUnclosed', { open: '{{', close: '}}', where: where(this.text, start) }));
        return null;
      }
      let piece = ch;
      if (ch === '\\') {
        const next = this.at(this.pos + 1);
        if (next !== '' && ESCAPABLE.includes(next)) {
          piece = next;
          this.pos++;
        }
      } else if (ch === '}') {
        if (this.at(this.pos + 1) === '}') {
          this.pos += 2;
          break;
        }
        fail(
          this.pos,
          t('tpl.varSingleClose', { open: '{{', close: '}}', single: '}', where: where(this.text, start), position: position(this.text, this.pos) }),
        );
        this.pos++;
        break;
      } else if (ch === '|') {
        if (fallback === null) {
          fallback = '';
          this.pos++;
          continue;
        }
        fail(
          this.pos,
          t('tpl.varExtraBar', { where: where(this.text, this.pos), example: `{{name|${t('tpl.example.fallback')}}}`, escaped: '\\|' }),
        );
      } else if (ch === '{') {
        fail(
          this.pos,
          t('tpl.varBrace', { open: '{', where: where(this.text, this.pos), inside: '{{…}}', escaped: '\\{' }),
        );
      }
      if (fallback === null) key += piece;
      else fallback += piece;
      this.pos++;
    }
    const normalizedKey = normalizeVariableKey(key);
    if (normalizedKey === '') {
      const written = this.text.slice(start, this.pos);
      fail(start, t('tpl.varNoName', { written, where: where(this.text, start), example: '{{name}}' }));
    }
    if (broken) return null;
    return { kind: 'variable', key: key.trim(), normalizedKey, fallback: fallback === null ? null : fallback.trim() };
  }

  /** `{a|b|…}`, with pos on the brace. Null (and an issue) when broken. */
  private spin(): TemplateNode | null {
    const start = this.pos;
    this.pos++;
    const options: TemplateNode[][] = [];
    for (;;) {
      const { nodes, stop } = this.sequence(true);
      options.push(nodes);
      this.pos++; // the `|` or `}` (past the end when stop is 'end')
      if (stop === 'bar') continue;
      if (stop === 'close') break;
      this.issue(start, t('tpl.spinUnclosed', { open: '{', where: where(this.text, start), escaped: '\\{' }));
      return null;
    }
    if (options.length < 2) {
      const written = this.text.slice(start, this.pos);
      const shown = written.length <= 30 ? t('tpl.quoted', { text: written }) : t('tpl.theBrace', { open: '{' });
      this.issue(
        start,
        t('tpl.spinOne', { example: spinExample(), shown, where: where(this.text, start), open: '\\{', close: '\\}' }),
      );
      return null;
    }
    return { kind: 'spin', options };
  }
}

export function parseTemplate(text: string): ParsedTemplate {
  const parser = new Parser(text);
  const { nodes } = parser.sequence(false);
  if (parser.issues.length === 0) return { ok: true, nodes };
  // Stable sort: issues in reading order.
  return { ok: false, issues: [...parser.issues].sort((a, b) => a.index - b.index) };
}

// ---------------------------------------------------------------------------------------------
// Variables and rendering

/** Every distinct variable in reading order (choices included): key as first written, first non-null fallback. */
export function templateVariables(text: string): TemplateVariable[] {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return [];
  const found = new Map<string, TemplateVariable>();
  const visit = (nodes: readonly TemplateNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'spin') node.options.forEach(visit);
      else if (node.kind === 'variable') {
        const seen = found.get(node.normalizedKey);
        if (!seen) found.set(node.normalizedKey, { key: node.key, normalizedKey: node.normalizedKey, fallback: node.fallback });
        else if (seen.fallback === null) seen.fallback = node.fallback;
      }
    }
  };
  visit(parsed.nodes);
  return [...found.values()];
}

/**
 * A contact's value for a key, trimmed; null when missing or blank. Built-ins (name, first_name,
 * phone) win over custom fields of the same name; among custom fields the first non-blank wins.
 */
export function variableValue(normalizedKey: string, contact: TemplateContact): string | null {
  const key = normalizeVariableKey(normalizedKey); // harmless when already normalised
  let value: string;
  if (key === 'name') value = contact.name;
  else if (key === 'first_name') value = contact.name.trim().split(/\s+/u)[0] ?? '';
  else if (key === 'phone') value = contact.phone;
  else {
    value = '';
    for (const [fieldKey, fieldValue] of contact.fields) {
      if (fieldValue.trim() !== '' && normalizeVariableKey(fieldKey) === key) {
        value = fieldValue;
        break;
      }
    }
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Renders parsed nodes; `random` is called once per choice group actually reached, in reading order. */
export function renderNodes(nodes: readonly TemplateNode[], contact: TemplateContact, random: () => number): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'variable') out += variableValue(node.normalizedKey, contact) ?? node.fallback ?? '';
    else {
      const r = random();
      const count = node.options.length;
      // Clamp, so a generator that returns 1 (or NaN) still picks a real choice.
      const index = Number.isFinite(r) ? Math.min(count - 1, Math.max(0, Math.floor(r * count))) : 0;
      out += renderNodes(node.options[index] ?? [], contact, random);
    }
  }
  return out;
}

/** Renders; throws Error with the first issue's message for an invalid template. */
export function renderTemplate(text: string, contact: TemplateContact, random: () => number): string {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message ?? t('tpl.invalid'));
  return renderNodes(parsed.nodes, contact, random);
}

/**
 * How many texts the spintax can produce: choices multiply in sequence and add up inside a group,
 * capped at MAX_SPINTAX_VARIANTS. 1 when there is no spintax, 0 for an invalid template. Identical
 * choices ({a|a}) still count twice.
 */
export function spintaxVariants(text: string): number {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return 0;
  const sequence = (nodes: readonly TemplateNode[]): number => {
    let total = 1;
    for (const node of nodes) {
      if (node.kind !== 'spin') continue;
      let sum = 0;
      for (const option of node.options) sum = Math.min(MAX_SPINTAX_VARIANTS, sum + sequence(option));
      total = Math.min(MAX_SPINTAX_VARIANTS, total * sum);
    }
    return total;
  };
  return sequence(parsed.nodes);
}

// ---------------------------------------------------------------------------------------------
// WhatsApp formatting

/** WhatsApp formatting for the preview: *bold* _italic_ ~strike~ ```monospace``` and `inline code`. */
export type FormatSegment = { text: string; bold: boolean; italic: boolean; strike: boolean; mono: boolean };
type Flags = Omit<FormatSegment, 'text'>;
type Token = '*' | '_' | '~' | '`' | '```';

const FLAG_OF: Record<Token, keyof Flags> = { '*': 'bold', _: 'italic', '~': 'strike', '`': 'mono', '```': 'mono' };
const TOKENS: readonly Token[] = ['```', '*', '_', '~', '`'];
const PLAIN: Flags = { bold: false, italic: false, strike: false, mono: false };

/** The whole code point ending just before `index` ('' at the start), so emoji are seen whole. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.charAt(index - 1);
}

/** The whole code point starting at `index` ('' at the end). */
function charAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

const isSpace = (ch: string): boolean => /^\s$/u.test(ch);
/**
 * Whitespace, punctuation or a symbol (emoji included), or an invisible direction mark (LRM, RLM,
 * Arabic letter mark, which Persian and Arabic keyboards type): where a marker may sit.
 */
const isBoundary = (ch: string): boolean => /^[\s\p{P}\p{S}\u200e\u200f\u061c]$/u.test(ch);

/** The marker starting at `index`, if any. A lone ` next to another backtick is not a marker. */
function tokenAt(text: string, index: number): Token | null {
  const ch = text.charAt(index);
  if (ch === '`') {
    if (text.startsWith('```', index)) return '```';
    return text.charAt(index - 1) === '`' || text.charAt(index + 1) === '`' ? null : '`';
  }
  return ch === '*' || ch === '_' || ch === '~' ? ch : null;
}

/** Whether a marker at `index` may close: after non-space (``` may follow a line break), before end or a boundary. */
function canClose(text: string, token: Token, index: number): boolean {
  if (tokenAt(text, index) !== token) return false;
  const after = charAt(text, index + token.length);
  if (after !== '' && !isBoundary(after)) return false;
  if (token === '```') return true;
  const before = charBefore(text, index);
  return before !== '' && !isSpace(before);
}

/** Whether a marker at `index` may open: at the start or after a boundary, before non-space (``` may precede a line break). */
function canOpen(text: string, token: Token, index: number): boolean {
  const before = charBefore(text, index);
  if (before !== '' && !isBoundary(before)) return false;
  const after = charAt(text, index + token.length);
  return after !== '' && (token === '```' || !isSpace(after));
}

/** First value in a sorted list that is >= min, or undefined. */
function firstAtLeast(sorted: readonly number[], min: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/**
 * Splits text into formatted runs the way WhatsApp shows them. Each marker pairs with the nearest
 * closer after it; * _ ~ and ` stay on one line, ``` blocks may span lines; nothing is formatted
 * inside code. Unmatched markers stay as text. Joining the segment texts gives the text without
 * the markers that were used. Adjacent runs with the same flags are merged.
 */
export function formatWhatsApp(text: string): FormatSegment[] {
  // Valid closer positions per token and line breaks, found once, so matching stays fast on long texts.
  const closers = new Map<Token, number[]>(TOKENS.map((token) => [token, []]));
  for (let i = 1; i < text.length; i++) {
    const token = tokenAt(text, i);
    if (token && canClose(text, token, i)) closers.get(token)?.push(i);
  }

  const lineBreaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') lineBreaks.push(i);
  }

  const segments: FormatSegment[] = [];
  const emit = (from: number, to: number, flags: Flags): void => {
    if (to <= from) return;
    const piece = text.slice(from, to);
    const last = segments.at(-1);
    if (last && last.bold === flags.bold && last.italic === flags.italic && last.strike === flags.strike && last.mono === flags.mono) {
      last.text += piece;
    } else segments.push({ text: piece, ...flags });
  };

  /** Where the marker opened at `index` closes within `end`, or -1. */
  const closerFor = (token: Token, index: number, end: number): number => {
    if (!canOpen(text, token, index)) return -1;
    const contentStart = index + token.length;
    const lineBreak = token === '```' ? undefined : firstAtLeast(lineBreaks, contentStart);
    const limit = lineBreak === undefined ? end : Math.min(end, lineBreak);
    const close = firstAtLeast(closers.get(token) ?? [], contentStart + 1);
    if (close === undefined || close + token.length > limit) return -1;
    if (token === '```' && text.slice(contentStart, close).trim() === '') return -1;
    return close;
  };

  const walk = (start: number, end: number, flags: Flags): void => {
    let plainFrom = start;
    let i = start;
    while (i < end) {
      const token = tokenAt(text, i);
      if (token === null) {
        i++;
        continue;
      }
      const flag = FLAG_OF[token];
      const close = flags[flag] ? -1 : closerFor(token, i, end);
      if (close < 0) {
        i += token.length;
        continue;
      }
      emit(plainFrom, i, flags);
      const inner: Flags = { ...flags, [flag]: true };
      if (flag === 'mono') emit(i + token.length, close, inner);
      else walk(i + token.length, close, inner);
      i = close + token.length;
      plainFrom = i;
    }
    emit(plainFrom, end, flags);
  };

  walk(0, text.length, PLAIN);
  return segments;
}

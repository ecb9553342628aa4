/** Text helpers shared by main and renderer. Pure. */

/**
 * The key contacts are sorted by: accents and case folded so "Çağrı" sorts with the c's and
 * "İbrahim" with the i's (SQLite's NOCASE folds ASCII only), dotless ı read as i. Contacts with
 * no name sort after everyone else.
 */
export function nameSortKey(name: string): string {
  // Plain ASCII names (the fast path) have no accents to fold.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : foldForPrefix(name);
  const key = folded.replace(/\s+/g, ' ').trim();
  return key === '' ? '\uffff' : key;
}

/** The folding of nameSortKey, for a typed prefix (spaces kept, no "no name" marker). */
export function foldForPrefix(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i');
}

/** First characters a spreadsheet may run as a formula. */
const FORMULA_START = '=+-@\t\r';

/**
 * Spreadsheet neutralisation, for exports: an apostrophe before a cell that starts with = + - @
 * (or tab / carriage return), so Excel, LibreOffice or Google Sheets never run it as a formula.
 */
export function neutraliseCell(value: string): string {
  return value !== '' && FORMULA_START.includes(value.charAt(0)) ? "'" + value : value;
}

/** Undoes neutraliseCell, for imports: reading our export back must give the original text. */
export function unneutralise(cell: string): string {
  if (cell.length > 1 && cell.charCodeAt(0) === 0x27 && FORMULA_START.includes(cell.charAt(1))) return cell.slice(1);
  return cell;
}

/** "vip, summer ; vip|new" -> ["vip", "summer", "new"]: tags as people type them, duplicates dropped. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,;|،]/u)) {
    const tag = part.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/**
 * Splits a typed or pasted list (numbers, opt-out words): commas and semicolons, ASCII or Arabic
 * (، ؛), and line breaks separate the items; each is trimmed, empty ones dropped.
 */
export function splitTypedList(text: string): string[] {
  return text
    .split(/[,;\u060C\u061B\r\n]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` that fits in `max` UTF-16 units (what length limits count) without
 * cutting a character in half: an emoji, a flag or a letter with its accents stays whole or goes.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** Text helpers shared by main and renderer. Pure. */

/**
 * The key contacts are sorted by: accents and case folded so "Çağrı" sorts with the c's and
 * "İbrahim" with the i's (SQLite's NOCASE folds ASCII only), dotless ı read as i. Contacts with
 * no name sort after everyone else.
 */
export function nameSortKey(name: string): string {
  // Fast path for plain ASCII names (no accents to fold).
  if (/^[\x20-\x7e]*$/.test(name)) {
    const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
    return key === '' ? '\uffff' : key;
  }
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim();
  return key === '' ? '\uffff' : key;
}

/** The same folding for a typed prefix (no "no name" marker). */
export function foldForPrefix(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i');
}

/**
 * Undoes spreadsheet neutralisation: our exports put an apostrophe before cells that start with
 * = + - @ (or tab / carriage return), so a spreadsheet never runs them. Reading such a file back
 * must give the original text.
 */
export function unneutralise(cell: string): string {
  if (cell.length > 1 && cell.charCodeAt(0) === 0x27 && '=+-@\t\r'.includes(cell[1] ?? '')) return cell.slice(1);
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

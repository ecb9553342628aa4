// Writes exports (contacts, reports) as .xlsx or CSV.
//
// Every cell is "neutralised" (neutraliseCell, src-shared/text.ts): a value starting with = + - @
// (or tab / CR) gets a leading apostrophe, so Excel, LibreOffice or Google Sheets never evaluate it
// as a formula (CSV / formula injection). The apostrophe is part of the stored text, and
// parseSpreadsheet keeps it; the importer takes it off names, notes and fields again
// (unneutralise) only where one of those characters follows, so a note such as "'tis" survives.
// Phones like "'+90 532…" are cleaned by normalisePhone, which ignores one leading apostrophe.
import { neutraliseCell } from '#shared/text';
import { buildTextXlsx, buildXlsx, type SheetSpec } from './xlsx-write-fast';

/**
 * Excel limits sheet names to 31 characters and forbids \ / ? * [ ] : and a leading or trailing
 * apostrophe. Control characters (which XML cannot hold anyway) are replaced too.
 */
export function safeSheetName(name: string): string {
  let cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters cannot be in a sheet name
    .replace(/[\\/?*[\]:\x00-\x1f\x7f\ufffe\uffff]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  // Do not leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(cleaned)) cleaned = cleaned.slice(0, -1);
  cleaned = cleaned.replace(/'+$/, '').trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

// Excel refuses cells longer than 32 767 characters.
const MAX_XLSX_CELL = 32_767;

/** neutraliseCell, cut to Excel's cell limit (never in the middle of a surrogate pair). */
function xlsxCell(value: string): string {
  let v = neutraliseCell(value);
  if (v.length > MAX_XLSX_CELL) {
    v = v.slice(0, MAX_XLSX_CELL);
    if (/[\ud800-\udbff]$/.test(v)) v = v.slice(0, -1);
  }
  return v;
}

/**
 * An .xlsx with one sheet: a header row (bold, frozen) then `rows`, every cell a neutralised text
 * cell in the Text number format, so Excel keeps phones as text even when they are edited.
 * Written by xlsx-write-fast.ts (several times faster than SheetJS for big exports).
 */
export function writeXlsx(sheetName: string, headers: string[], rows: string[][]): Uint8Array {
  return buildTextXlsx(safeSheetName(sheetName), headers, rows, xlsxCell);
}

/**
 * Sheet names made valid (safeSheetName) and unique in one workbook: Excel compares them without
 * case, so a repeat gets " (2)", " (3)"… within the 31 characters.
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = safeSheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = safeSheetName(base.slice(0, 31 - suffix.length)) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * An .xlsx with several sheets (names made valid and unique), text cells neutralised as in
 * writeXlsx; number and date columns as real numbers and dates. `onRow` runs after every data row
 * (it may throw to abandon the file).
 */
export function writeWorkbook(sheets: readonly SheetSpec[], onRow?: () => void): Uint8Array {
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  return buildXlsx(
    sheets.map((s, i) => ({ ...s, name: names[i] ?? 'Sheet1' })),
    xlsxCell,
    onRow,
  );
}

function csvField(value: string): string {
  const v = neutraliseCell(value);
  if (/[",\r\n]/.test(v) || v.startsWith(' ') || v.endsWith(' ')) return '"' + v.replace(/"/g, '""') + '"';
  return v;
}

/** CSV: UTF-8 with BOM (so Excel shows Persian / Turkish letters), comma, RFC 4180 quoting, CRLF. */
export function writeCsv(headers: string[], rows: string[][]): Uint8Array {
  const parts: string[] = ['\ufeff', headers.map(csvField).join(','), '\r\n'];
  for (const row of rows) {
    parts.push(row.map(csvField).join(','), '\r\n');
  }
  return new TextEncoder().encode(parts.join(''));
}

// Writes exports (contacts, reports) as .xlsx or CSV.
//
// Every cell is "neutralised": a value starting with = + - @ (or tab / CR) gets a leading
// apostrophe, so Excel, LibreOffice or Google Sheets never evaluate it as a formula (CSV / formula
// injection). The apostrophe is part of the stored text. parseSpreadsheet deliberately does NOT
// strip it when such a file is imported again: a note that really starts with "'" must survive,
// and the one column where it matters — phones like "'+90 532…" — is cleaned by normalisePhone,
// which ignores one leading apostrophe.
import * as XLSX from 'xlsx';

const NEEDS_APOSTROPHE = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  return NEEDS_APOSTROPHE.has(first) ? "'" + value : value;
}

/** Excel limits sheet names to 31 characters and forbids \ / ? * [ ] : */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

// Excel refuses cells longer than 32 767 characters.
const MAX_XLSX_CELL = 32_767;

/**
 * An .xlsx with one sheet: a header row then `rows`, every cell a neutralised text cell.
 * Built directly as a dense sheet (rows of cell objects), which is what aoa_to_sheet would make,
 * without its per-cell type inference.
 */
export function writeXlsx(sheetName: string, headers: string[], rows: string[][]): Uint8Array {
  let maxWidth = headers.length;
  for (const r of rows) if (r.length > maxWidth) maxWidth = r.length;
  const dense: XLSX.CellObject[][] = new Array<XLSX.CellObject[]>(rows.length + 1);
  const toCells = (src: readonly string[]): XLSX.CellObject[] => {
    const out = new Array<XLSX.CellObject>(src.length);
    for (let c = 0; c < src.length; c++) {
      let v = neutraliseCell(src[c] ?? '');
      if (v.length > MAX_XLSX_CELL) v = v.slice(0, MAX_XLSX_CELL);
      out[c] = { t: 's', v };
    }
    return out;
  };
  dense[0] = toCells(headers);
  for (let r = 0; r < rows.length; r++) dense[r + 1] = toCells(rows[r] ?? []);
  const sheet = dense as unknown as XLSX.WorkSheet;
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: Math.max(0, maxWidth - 1) } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, safeSheetName(sheetName));
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true });
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (out instanceof Uint8Array) return out;
  throw new Error('Unexpected SheetJS output');
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

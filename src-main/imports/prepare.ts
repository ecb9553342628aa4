/**
 * Turns parsed spreadsheet rows into contacts to write: applies the column mapping, normalises
 * phones, checks cell sizes and finds duplicates inside the file. Pure and synchronous: it runs in
 * the import worker, and unit tests call it directly.
 */
import { IMPORT_LIMITS } from '#shared/limits';
import type { ColumnMapping, FieldPairs, ImportRowWarning, RejectedRow } from '#shared/domain';
import { t } from '#shared/i18n';
import { normalisePhone } from '#shared/phone';
import { nameSortKey, splitTags, unneutralise } from '#shared/text';
import { PHONE_REASON } from '#shared/i18n/keys';

export const MAX_NAME_CHARS = 500;
export const MAX_FIELD_CHARS = IMPORT_LIMITS.maxCellChars;

export type PreparedContact = {
  /** 1-based row number in the spreadsheet. */
  row: number;
  phone: string;
  name: string;
  nameKey: string;
  fields: FieldPairs;
  tags: string[];
  note: string;
};

export type RejectedWithCells = RejectedRow & { cells: string[] };

/**
 * `text` cut to at most `max` UTF-16 units, never through a surrogate pair (an emoji is dropped
 * whole rather than left as half a character).
 */
export function cutToLimit(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Tags of a cell; a tag longer than a tag may be is left out rather than failing the row. */
function tagsOf(text: string): string[] {
  return splitTags(text).filter((s) => s.length <= 64);
}

/** Non-empty cells of these columns joined by a space (plain loops: this runs per row). */
function join(list: ColumnMapping, cells: string[]): string {
  let out = '';
  for (const c of list) {
    const v = unneutralise(cells[c.index] ?? '');
    if (v !== '') out = out === '' ? v : `${out} ${v}`;
  }
  return out;
}

/**
 * Prepares rows chunk by chunk (so the writer can start on the first chunk while later ones are
 * checked). Remembers every number seen, so a duplicate is found whichever chunk it is in.
 */
export class RowPreparer {
  readonly rejected: RejectedWithCells[] = [];
  /** Rows kept with a change (an over-long cell cut to the limit), in row order. */
  readonly warnings: ImportRowWarning[] = [];
  duplicatesInFile = 0;
  /** Where each number was first seen: its row, and its sheet ('' for CSV). */
  private readonly firstRowOf = new Map<string, { row: number; sheet: string }>();
  private readonly phoneCol: ColumnMapping[number];
  private readonly cols: Record<'name' | 'firstName' | 'lastName' | 'tags' | 'note' | 'field', ColumnMapping>;

  constructor(
    mapping: ColumnMapping,
    private readonly defaultCountry: string,
    /** The sheet the rows come from ('' for CSV), named in warnings and rejected rows. */
    private sheet = '',
  ) {
    const phoneCol = mapping.find((m) => m.role === 'phone');
    if (!phoneCol) throw new Error('mapping has no phone column');
    this.phoneCol = phoneCol;
    const pick = (role: ColumnMapping[number]['role']) => mapping.filter((m) => m.role === role);
    this.cols = {
      name: pick('name'),
      firstName: pick('firstName'),
      lastName: pick('lastName'),
      tags: pick('tags'),
      note: pick('note'),
      field: pick('field'),
    };
  }

  /** The header of the note column in which the joined note passes `limit` characters. */
  private noteColumnAt(cells: string[], limit: number): string {
    let length = -1;
    for (const c of this.cols.note) {
      const v = unneutralise(cells[c.index] ?? '');
      if (v === '') continue;
      length += v.length + 1;
      if (length > limit) return c.header;
    }
    return this.cols.note[0]?.header ?? 'Note';
  }

  /** `value` cut to the limit, with a warning for the row. */
  private cut(row: number, cells: string[], name: string, column: string, value: string): string {
    this.warnings.push({
      row,
      sheet: this.sheet,
      phone: cells[this.phoneCol.index] ?? '',
      name,
      column,
      reason: t('import.warning.cell_cut', { column, length: value.length, max: MAX_FIELD_CHARS }),
    });
    return cutToLimit(value, MAX_FIELD_CHARS);
  }

  private reject(row: number, cells: string[], reason: string): void {
    this.rejected.push({ row, sheet: this.sheet, phone: cells[this.phoneCol.index] ?? '', name: join(this.cols.name, cells), reason, cells });
  }

  /** The rows that follow come from this sheet (of the same columns); duplicates are still found across sheets. */
  startSheet(sheet: string): void {
    this.sheet = sheet;
  }

  prepare(rows: string[][], rowNumbers: number[], start: number, end: number): PreparedContact[] {
    const { cols } = this;
    const contacts: PreparedContact[] = [];
    for (let i = start; i < end; i++) {
      const cells = rows[i] ?? [];
      const row = rowNumbers[i] ?? i + 2;
      const phone = normalisePhone(cells[this.phoneCol.index] ?? '', this.defaultCountry);
      if (!phone.ok) {
        this.reject(row, cells, t(PHONE_REASON[phone.reason]));
        continue;
      }
      let name = join(cols.name, cells);
      if (name === '' && (cols.firstName.length > 0 || cols.lastName.length > 0)) {
        const first = join(cols.firstName, cells);
        const last = join(cols.lastName, cells);
        name = first === '' ? last : last === '' ? first : `${first} ${last}`;
      }
      if (/\s\s|^\s|\s$|[\t\n\r]/.test(name)) name = name.replace(/\s+/gu, ' ').trim();
      if (name.length > MAX_NAME_CHARS) {
        this.reject(row, cells, t('import.reason.cell_too_long', { column: cols.name[0]?.header ?? 'Name', length: name.length, max: MAX_NAME_CHARS }));
        continue;
      }
      const first = this.firstRowOf.get(phone.e164);
      if (first !== undefined) {
        this.duplicatesInFile++;
        this.reject(
          row,
          cells,
          first.sheet === this.sheet
            ? t('import.reason.duplicate_in_file', { row: first.row })
            : t('import.reason.duplicate_in_sheet', { row: first.row, sheet: first.sheet }),
        );
        continue;
      }
      // An over-long note or field loses its tail, not the contact: cut, and say so.
      const fields: FieldPairs = [];
      for (const col of cols.field) {
        let value = unneutralise(cells[col.index] ?? '');
        if (value.length > MAX_FIELD_CHARS) value = this.cut(row, cells, name, col.header, value);
        if (value !== '') fields.push([col.fieldKey, value]);
      }
      let note = join(cols.note, cells);
      if (note.length > MAX_FIELD_CHARS) note = this.cut(row, cells, name, this.noteColumnAt(cells, MAX_FIELD_CHARS), note);
      this.firstRowOf.set(phone.e164, { row, sheet: this.sheet });
      let tags: string[] = [];
      for (const c of cols.tags) {
        const cell = cells[c.index] ?? '';
        if (cell !== '') tags = tags.concat(tagsOf(cell));
      }
      contacts.push({ row, phone: phone.e164, name, nameKey: nameSortKey(name), fields, tags, note });
    }
    return contacts;
  }
}

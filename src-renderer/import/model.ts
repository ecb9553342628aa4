/** The import wizard's pure helpers: column roles, options and what `imports.run` is sent. */
import type { MethodInput } from '#shared/contract';
import { IMPORT_WARNING } from '#shared/i18n/keys';
import type { ColumnMapping, ColumnRole, Group, ImportPreview, ImportProgress } from '#shared/domain';
import { t, type MessageKey } from '#shared/i18n';
import { IMPORT_LIMITS } from '#shared/limits';
import { cutText, splitTags } from '#shared/text';
import { IMPORT_ROLE } from '#shared/i18n/keys';

/** The same limits the main process applies. */
export const MAX_FILE_BYTES = IMPORT_LIMITS.maxBytes;
export const MAX_FILE_MB = MAX_FILE_BYTES / (1024 * 1024);
export const MAX_ROWS = IMPORT_LIMITS.maxRows;
/** Limits of `imports.run` (src-shared/contract.ts). */
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 64;
export const MAX_GROUP_NAME_CHARS = 100;
export const MAX_REASON_CHARS = 500;
const MAX_FIELD_KEY_CHARS = 64;

export const ACCEPTED_FILES = '.xlsx,.xls,.csv,.ods,.txt';
export const SAMPLE_ROWS_SHOWN = 10;
export const REJECTED_ROWS_SHOWN = 200;

export const ROLES: readonly ColumnRole[] = ['phone', 'name', 'firstName', 'lastName', 'tags', 'note', 'field', 'ignore'];
/** Roles only one column may have; choosing one for a column moves the previous column to 'field'. */
const SINGLE_ROLES: ReadonlySet<ColumnRole> = new Set(['phone', 'name', 'firstName', 'lastName', 'tags', 'note']);

export type RunInput = MethodInput<'imports.run'>;
export type TargetKind = RunInput['target']['kind'];
export const TARGET_KINDS: readonly TargetKind[] = ['contacts', 'existingGroup', 'newGroup', 'blacklist'];

export type ImportOptions = {
  onDuplicate: 'skip' | 'update';
  targetKind: TargetKind;
  /** The chosen existing group; null (or a deleted group) means the first group in the list. */
  groupId: number | null;
  newGroupName: string;
  reason: string;
  tagsText: string;
};

export function roleLabel(role: ColumnRole): string {
  return t(IMPORT_ROLE[role]);
}

/** "Customers 2024.xlsx" -> "Customers 2024". */
export function baseName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').trim();
  return cutText(base === '' ? fileName : base, MAX_GROUP_NAME_CHARS);
}

export function defaultOptions(preview: ImportPreview): ImportOptions {
  return {
    onDuplicate: 'skip',
    targetKind: 'contacts',
    groupId: null,
    newGroupName: baseName(preview.fileName),
    reason: '',
    tagsText: '',
  };
}

function fieldKeyFor(column: ColumnMapping[number]): string {
  const key = column.fieldKey.trim();
  return key !== '' ? key : column.header.trim().slice(0, MAX_FIELD_KEY_CHARS);
}

/** One entry per file column, in column order, whatever the preview's mapping left out. */
export function initialMapping(preview: ImportPreview): ColumnMapping {
  return preview.headers.map((header, index) => {
    const guessed = preview.mapping.find((c) => c.index === index);
    return guessed ? { ...guessed } : { index, header, role: 'ignore', fieldKey: '' };
  });
}

/** Gives column `index` a role; a role only one column can have is taken from the column that had it. */
export function withRole(mapping: ColumnMapping, index: number, role: ColumnRole): ColumnMapping {
  return mapping.map((column) => {
    if (column.index === index) {
      return { ...column, role, fieldKey: role === 'field' ? fieldKeyFor(column) : column.fieldKey };
    }
    if (SINGLE_ROLES.has(role) && column.role === role) {
      return { ...column, role: 'field', fieldKey: fieldKeyFor(column) };
    }
    return column;
  });
}

export function hasPhoneColumn(mapping: ColumnMapping): boolean {
  return mapping.some((c) => c.role === 'phone');
}

/** What `imports.run` is sent: every kept field has a name (the header when none was given). */
export function mappingForRun(mapping: ColumnMapping): ColumnMapping {
  return mapping.map((c) => (c.role === 'field' ? { ...c, fieldKey: fieldKeyFor(c) } : c));
}

/** The group an "existing group" import goes to: the chosen one while it exists, else the first. */
export function chosenGroup(options: ImportOptions, groups: readonly Group[]): Group | null {
  return groups.find((g) => g.id === options.groupId) ?? groups[0] ?? null;
}

/** Why the import cannot start yet, in plain words; null when it can. */
export function optionsProblem(options: ImportOptions, groups: readonly Group[]): string | null {
  if (options.targetKind === 'existingGroup' && !chosenGroup(options, groups)) return t('import.noGroups');
  if (options.targetKind === 'newGroup' && options.newGroupName.trim() === '') return t('import.newGroupNameRequired');
  const tags = splitTags(options.tagsText);
  if (tags.length > MAX_TAGS) return t('import.tagsTooMany', { max: MAX_TAGS });
  const long = tags.find((tag) => tag.length > MAX_TAG_CHARS);
  if (long !== undefined) return t('import.tagTooLong', { max: MAX_TAG_CHARS, tag: long });
  return null;
}

/** The `imports.run` input, or null while the options are incomplete. */
export function runInput(
  importId: string,
  mapping: ColumnMapping,
  options: ImportOptions,
  groups: readonly Group[],
): RunInput | null {
  if (optionsProblem(options, groups) !== null) return null;
  let target: RunInput['target'];
  switch (options.targetKind) {
    case 'contacts':
      target = { kind: 'contacts' };
      break;
    case 'existingGroup': {
      const group = chosenGroup(options, groups);
      if (!group) return null;
      target = { kind: 'existingGroup', groupId: group.id };
      break;
    }
    case 'newGroup':
      target = { kind: 'newGroup', name: options.newGroupName.trim() };
      break;
    case 'blacklist':
      target = { kind: 'blacklist', reason: options.reason.trim() };
      break;
  }
  return {
    importId,
    mapping: mappingForRun(mapping),
    onDuplicate: options.onDuplicate,
    target,
    tags: splitTags(options.tagsText),
  };
}

/** The progress bar's label and numbers for the latest progress event (null before the first). */
export function progressView(progress: ImportProgress | null, totalRows: number): { label: string; done: number; total: number } {
  if (!progress) return { label: t('import.progress.checking', { done: 0, total: totalRows }), done: 0, total: totalRows };
  const { done, total } = progress;
  switch (progress.phase) {
    case 'reading':
      return { label: t('import.progress.reading'), done, total };
    case 'checking':
      return { label: t('import.progress.checking', { done, total }), done, total };
    case 'writing':
      return { label: t('import.progress.writing', { done, total }), done, total };
    case 'done':
      return { label: t('import.progress.writing', { done: totalRows, total: totalRows }), done: 1, total: 1 };
  }
}

/** A preview warning in the user's language when the catalogue has it, else the reader's own words. */
export function warningText(warning: ImportPreview['warnings'][number]): string {
  const known = Object.prototype.hasOwnProperty.call(IMPORT_WARNING, warning.code);
  const key = known ? (IMPORT_WARNING as Record<string, MessageKey>)[warning.code] : undefined;
  return key ? t(key, warning.params) : warning.message;
}

/** Rows of the mapped sheet and of the other sheets picked to go with it. */
export function pickedRows(preview: ImportPreview, extraSheets: readonly string[]): number {
  let rows = preview.totalRows;
  for (const sheet of preview.sheets) if (!sheet.mapped && extraSheets.includes(sheet.name)) rows += sheet.rows;
  return rows;
}

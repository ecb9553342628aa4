/** Imports that lose nothing: cut cells, files whose content does not match their name, workbooks with several sheets. */
export const enImportsSafety = {
  'import.warning.cell_cut': 'Column “{column}” had {length} characters; only the first {max} were kept',
  'import.result.warned': 'Kept with a warning',
  'import.result.warnedHelp': 'Imported, with a change you may want to check:',
  'import.result.column': 'Column',
  'import.result.sheet': 'Sheet',
  'import.result.warningSampleNote': 'The first {shown} of {total} are shown.',
  'sheet.contentMismatch': 'This file is named .{extension} but holds plain text. Read it as text (CSV)?',
  'import.readAsText': 'Read it as text',
} as const;

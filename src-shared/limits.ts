/** Import limits, shared so the renderer can refuse a file before reading it and main enforces the same. */
export const IMPORT_LIMITS = {
  /** Largest file Pigeon reads (100 MiB). */
  maxBytes: 100 * 1024 * 1024,
  /** Most data rows in one file (the header row not counted). */
  maxRows: 250_000,
  /** Longest custom field or note kept; a longer one is cut to this length and the row listed with a warning. */
  maxCellChars: 5000,
} as const;

/** Import limits, shared so the renderer can refuse a file before reading it and main enforces the same. */
export const IMPORT_LIMITS = {
  /** Largest file Pigeon reads (100 MiB). */
  maxBytes: 100 * 1024 * 1024,
  /** Most data rows in one file (the header row not counted). */
  maxRows: 250_000,
  /** Longest cell kept as a custom field or note; longer rows are rejected with the reason. */
  maxCellChars: 5000,
} as const;

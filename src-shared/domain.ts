import type { CalendarChoice, Language } from './i18n';
import type { WaStatus } from './accounts';
import type { SmartFilter } from './filters';
import type { Weekday } from './pace';

/** Domain types shared by main and renderer. Plain data only: they cross the IPC boundary. */

export type SuppressionKind = 'black' | 'gray';

/** Custom fields are kept as ordered pairs so no key (not even `__proto__`) can touch a prototype. */
export type FieldPairs = [key: string, value: string][];

export type ContactRow = {
  id: number;
  phone: string;
  name: string;
  fields: FieldPairs;
  tags: string[];
  note: string;
  source: string | null;
  createdAt: string;
  updatedAt: string;
  suppression: SuppressionKind | null;
  /** Last number check: on WhatsApp or not; null when never checked. */
  waStatus: WaStatus | null;
  waCheckedAt: string | null;
};

export type ContactDetail = ContactRow & {
  groups: { id: number; name: string }[];
  suppressionReason: string | null;
};

export type Group = { id: number; name: string; memberCount: number; createdAt: string };

export type SmartList = {
  id: number;
  name: string;
  filter: SmartFilter;
  createdAt: string;
  updatedAt: string;
};

export type Suppression = {
  phone: string;
  kind: SuppressionKind;
  reason: string;
  source: string;
  createdAt: string;
  contactId: number | null;
  contactName: string | null;
};

export type Settings = {
  defaultCountry: string;
  /** A reply that is exactly one of these (ignoring case, accents and punctuation) blacklists the sender. */
  optOutWords: string[];
  /** The browser the WhatsApp Web driver runs in; '' finds an installed Chrome, Edge, Chromium or Brave. */
  browserPath: string;
  /**
   * The operator's time zone (IANA): each account's day for the daily limit starts at midnight
   * here, whatever zone a campaign's working hours are in. Defaults to the computer's zone.
   */
  timezone: string;
  /** The app's language; null until chosen (the window then follows the computer's language). */
  language: Language | null;
  /** The calendar dates are shown and picked in; `auto` is the language's own. */
  calendar: CalendarChoice;
  /**
   * The days a new campaign may send on (0 = Sunday), in the week's order: the place's working
   * week, chosen at the first run (Saturday to Wednesday in Iran…), Monday to Saturday until then.
   */
  workingDays: Weekday[];
  /** The first day of the operator's week (the order days are listed in). */
  weekStart: Weekday;
  /**
   * Desktop app: closing the window while a campaign is sending or scheduled asks (`ask`), keeps
   * sending from the tray (`background`), or pauses the sending ones and quits (`quit`).
   */
  closeAction: CloseAction;
  /** Desktop app: Pigeon opens (in the tray) when the operator logs in, so scheduled campaigns start on time. */
  openAtLogin: boolean;
  /** Desktop app: a system notification when a campaign finishes. */
  notifyCompleted: boolean;
  /** … when a campaign pauses by itself (a blocked account, failures, the breaker, the budget) or stops. */
  notifyPaused: boolean;
  /** … when an account loses its connection or needs a new QR code. */
  notifyAccounts: boolean;
  /** … when a scheduled campaign starts. */
  notifyScheduled: boolean;
};

export const CLOSE_ACTIONS = ['ask', 'background', 'quit'] as const;
export type CloseAction = (typeof CLOSE_ACTIONS)[number];

/** Where the desktop shell asks the window to go (a notification or the tray menu was clicked). */
export type ShellTarget = { page: 'campaign'; id: number } | { page: 'accounts'; id: number | null };

export type AppInfo = {
  version: string;
  dataDir: string;
  databasePath: string;
  shell: 'electron' | 'browser';
  schemaVersion: number;
};

export type ColumnRole = 'phone' | 'name' | 'firstName' | 'lastName' | 'tags' | 'note' | 'field' | 'ignore';
export type ColumnMapping = { index: number; header: string; role: ColumnRole; fieldKey: string }[];

export type ImportWarning = { code: string; message: string; params: Record<string, string | number> };

/** A sheet of the workbook being imported (CSV files have none). */
export type ImportSheet = {
  name: string;
  rows: number;
  /** The sheet shown in the mapping (the first one with data unless another was asked for). */
  mapped: boolean;
  /** Same column titles as the mapped sheet, so it can be imported with it. */
  sameHeaders: boolean;
  /** Why it cannot be imported (too many rows, no contacts), or null. */
  problem: string | null;
};

export type ImportPreview = {
  importId: string;
  fileName: string;
  fileType: 'xlsx' | 'xls' | 'csv' | 'ods';
  sheetName: string;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  mapping: ColumnMapping;
  warnings: ImportWarning[];
  /** Every sheet with data, in the workbook's order; empty for CSV. */
  sheets: ImportSheet[];
};

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';

export type ImportProgress = {
  importId: string;
  phase: ImportPhase;
  done: number;
  total: number;
};

/** An import running in main, or the last one finished: shown again after a reload. */
export type ImportNow = {
  importId: string;
  fileName: string;
  /** The rows picked to import (every picked sheet). */
  totalRows: number;
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
};

/** One line of the Imports history. `kept`: its rejected rows can still be downloaded. */
export type ImportRecord = {
  id: string;
  fileName: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  kept: boolean;
};

/** `sheet` is '' for CSV. */
export type RejectedRow = { row: number; sheet: string; phone: string; name: string; reason: string };

/** A row that was imported with a change the operator should know of (an over-long cell cut). `sheet` is '' for CSV. */
export type ImportRowWarning = { row: number; sheet: string; phone: string; name: string; column: string; reason: string };

export type ImportSummary = {
  importId: string;
  status: 'completed' | 'cancelled' | 'failed';
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  duplicatesInFile: number;
  groupId: number | null;
  groupName: string | null;
  blacklisted: number;
  rejectedSample: RejectedRow[];
  /** Rows imported with a warning (a cell cut to the limit), and the first of them. */
  warned: number;
  warningSample: ImportRowWarning[];
  /** The sheets imported (the mapped one first; empty for CSV) and the workbook's other sheets with data, with why. */
  sheetsImported: string[];
  sheetsSkipped: { name: string; reason: string }[];
  durationMs: number;
  message: string | null;
};

export type FileBlob = { fileName: string; mimeType: string; bytes: Uint8Array };

export type ExportProgress = { exportId: string; done: number; total: number };

export const CONTACT_SORT_COLUMNS = ['name', 'phone', 'createdAt', 'updatedAt'] as const;
export type ContactSortColumn = (typeof CONTACT_SORT_COLUMNS)[number];

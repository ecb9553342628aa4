import { CLOSE_ACTIONS, type CloseAction, type Settings } from '#shared/domain';
import { operatorRegion, weekInfo } from '#shared/week';
import { DEFAULT_OPT_OUT_WORDS } from '#shared/optout';
import { isValidTimeZone, type Weekday } from '#shared/pace';
import { GENERAL_WEEK, sortDays } from '#shared/regions';
import { isValidCountry } from '#shared/phone';
import { CALENDARS, isLanguage, setLocale, type CalendarChoice, type Language } from '#shared/i18n';
import type { Db } from '#main/kernel/db';

/**
 * The main process speaks the chosen language (its errors, notices and reasons reach the
 * window as text); English until one is chosen.
 */
export function applyLocale(settings: Settings): void {
  setLocale(settings.language ?? 'en', settings.calendar);
}

/** The computer's own time zone, or UTC when it has none Intl knows. */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'TR',
  optOutWords: [...DEFAULT_OPT_OUT_WORDS],
  browserPath: '',
  timezone: machineTimeZone(),
  language: null,
  calendar: 'auto',
  workingDays: [...GENERAL_WEEK.workingDays],
  weekStart: GENERAL_WEEK.weekStart,
  closeAction: 'ask',
  openAtLogin: false,
  notifyCompleted: true,
  notifyPaused: true,
  notifyAccounts: true,
  notifyScheduled: true,
};

/** A yes/no setting stored as "true" / "false"; anything else is the default. */
function parseBool(text: string | undefined, fallback: boolean): boolean {
  return text === 'true' ? true : text === 'false' ? false : fallback;
}

/** Rows of the settings table that are not settings: the first run's own flags. */
export const FIRST_RUN_DONE = 'firstRunDone';
export const CHECKLIST_HIDDEN = 'checklistHidden';

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;
}

function parseWeekday(text: string | undefined): Weekday | null {
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  return isWeekday(n) ? n : null;
}

function parseDays(json: string | undefined, weekStart: Weekday): Weekday[] | null {
  if (json === undefined) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    const days = sortDays(value.filter(isWeekday), weekStart);
    return days.length > 0 ? days : null;
  } catch {
    return null;
  }
}

function parseWords(json: string | undefined): string[] | null {
  if (json === undefined) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : null;
  } catch {
    return null;
  }
}

/** Settings are key/value rows; values are strings, lists are JSON. */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const country = stored.get('defaultCountry');
  const storedLanguage = stored.get('language');
  // Until the operator picks a first day (first run or Settings), the week starts where the
  // language and country say (Saturday in Persian, Monday in Turkish…). English, spoken
  // everywhere, keeps the general Monday start rather than the United States' Sunday.
  const weekStart =
    parseWeekday(stored.get('weekStart')) ??
    (isLanguage(storedLanguage) && storedLanguage !== 'en' ? weekInfo(storedLanguage, operatorRegion(storedLanguage, country)).firstDay : DEFAULT_SETTINGS.weekStart);
  return {
    defaultCountry: country && isValidCountry(country) ? country : DEFAULT_SETTINGS.defaultCountry,
    optOutWords: parseWords(stored.get('optOutWords')) ?? [...DEFAULT_SETTINGS.optOutWords],
    browserPath: stored.get('browserPath') ?? DEFAULT_SETTINGS.browserPath,
    timezone: zoneOr(stored.get('timezone')),
    language: isLanguage(stored.get('language')) ? (stored.get('language') as Language) : null,
    calendar: (CALENDARS as readonly string[]).includes(stored.get('calendar') ?? '') ? (stored.get('calendar') as CalendarChoice) : 'auto',
    workingDays: parseDays(stored.get('workingDays'), weekStart) ?? sortDays(DEFAULT_SETTINGS.workingDays, weekStart),
    weekStart,
    closeAction: (CLOSE_ACTIONS as readonly string[]).includes(stored.get('closeAction') ?? '') ? (stored.get('closeAction') as CloseAction) : DEFAULT_SETTINGS.closeAction,
    openAtLogin: parseBool(stored.get('openAtLogin'), DEFAULT_SETTINGS.openAtLogin),
    notifyCompleted: parseBool(stored.get('notifyCompleted'), DEFAULT_SETTINGS.notifyCompleted),
    notifyPaused: parseBool(stored.get('notifyPaused'), DEFAULT_SETTINGS.notifyPaused),
    notifyAccounts: parseBool(stored.get('notifyAccounts'), DEFAULT_SETTINGS.notifyAccounts),
    notifyScheduled: parseBool(stored.get('notifyScheduled'), DEFAULT_SETTINGS.notifyScheduled),
  };
}

export async function updateSettings(db: Db, patch: Partial<Settings>): Promise<Settings> {
  for (const [key, value] of Object.entries(patch) as [keyof Settings, Settings[keyof Settings] | undefined][]) {
    if (value === undefined || value === null) continue;
    const text = key === 'workingDays' ? JSON.stringify([...new Set(value as Weekday[])]) : Array.isArray(value) ? JSON.stringify(dedupe(value as string[])) : String(value);
    await db
      .insertInto('settings')
      .values({ key, value: text })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
      .execute();
  }
  return getSettings(db);
}

/** A first-run flag (a row of the settings table, "1" when set). */
export async function getFlag(db: Db, key: typeof FIRST_RUN_DONE | typeof CHECKLIST_HIDDEN): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value === '1';
}

export async function setFlag(db: Db, key: typeof FIRST_RUN_DONE | typeof CHECKLIST_HIDDEN, on: boolean): Promise<void> {
  const value = on ? '1' : '0';
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

function zoneOr(zone: string | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : machineTimeZone();
}

function dedupe(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

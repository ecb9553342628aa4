/**
 * The throttle arithmetic of the send queue: pace presets, random delays, batch pauses, working
 * hours and days in an IANA time zone (across midnight and DST) and local-day boundaries for the
 * daily caps. Everything here is pure: the queue passes its injected clock's `now` (ms since the
 * epoch) and its own random source. Time-zone math uses only Intl.DateTimeFormat (ECMAScript).
 */
import { weekdayName } from './dates';
import { formatNumber, getLanguage, getLocale, t, type MessageKey } from './i18n';
import { weekDays, weekInfo } from './week';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

/**
 * Working hours. `end <= start` means the window crosses midnight: days [Fri], 22:00–02:00 is
 * Friday 22:00 → Saturday 02:00 (the window belongs to the day it starts). `start === end` means the
 * whole 24 h from `start`.
 */
export type WorkingHours = { enabled: boolean; days: Weekday[]; start: string /* 'HH:MM' 24h */; end: string /* 'HH:MM' */ };

export type PacePreset = 'careful' | 'normal' | 'fast' | 'custom';

export type Pace = {
  preset: PacePreset;
  /** Random delay between messages, uniform in [min, max]. */
  minDelayMs: number;
  maxDelayMs: number;
  /** A longer pause after every N messages (0 = never). */
  pauseEvery: number;
  pauseMinMs: number;
  pauseMaxMs: number;
  /** Messages per account per local day, shared by all campaigns (0 = no cap). */
  dailyCapPerAccount: number;
  workingHours: WorkingHours;
  /** Show "typing…" before each message. */
  typing: boolean;
  /** Ask WhatsApp whether the number exists before each send. */
  checkNumberFirst: boolean;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The longest delay or pause a pace may ask for. */
export const MAX_PACE_DELAY_MS = DAY;

// ---------------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------------

/** Freezes an object in place but keeps its mutable type (readonly arrays don't fit `Weekday[]`). */
function frozen<T extends object>(value: T): T {
  Object.freeze(value);
  return value;
}

function defaultWorkingHours(): WorkingHours {
  return { enabled: true, days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' };
}

function frozenPace(pace: Pace): Pace {
  frozen(pace.workingHours.days);
  frozen(pace.workingHours);
  return frozen(pace);
}

/** The three built-in paces (frozen; use paceFromPreset for an editable copy). */
export const PACE_PRESETS: Record<'careful' | 'normal' | 'fast', Pace> = frozen({
  careful: frozenPace({
    preset: 'careful',
    minDelayMs: 30 * SECOND,
    maxDelayMs: 60 * SECOND,
    pauseEvery: 20,
    pauseMinMs: 5 * MINUTE,
    pauseMaxMs: 10 * MINUTE,
    dailyCapPerAccount: 150,
    workingHours: defaultWorkingHours(),
    typing: true,
    checkNumberFirst: true,
  }),
  normal: frozenPace({
    preset: 'normal',
    minDelayMs: 12 * SECOND,
    maxDelayMs: 30 * SECOND,
    pauseEvery: 40,
    pauseMinMs: 2 * MINUTE,
    pauseMaxMs: 5 * MINUTE,
    dailyCapPerAccount: 400,
    workingHours: defaultWorkingHours(),
    typing: true,
    checkNumberFirst: false,
  }),
  fast: frozenPace({
    preset: 'fast',
    minDelayMs: 4 * SECOND,
    maxDelayMs: 10 * SECOND,
    pauseEvery: 100,
    pauseMinMs: 1 * MINUTE,
    pauseMaxMs: 2 * MINUTE,
    dailyCapPerAccount: 1000,
    workingHours: defaultWorkingHours(),
    typing: false,
    checkNumberFirst: false,
  }),
});

/** A fresh, editable copy of a preset, optionally with the operator's own working hours. */
export function paceFromPreset(preset: 'careful' | 'normal' | 'fast', workingHours?: WorkingHours): Pace {
  const base = PACE_PRESETS[preset];
  const hours = workingHours ?? base.workingHours;
  return { ...base, workingHours: { ...hours, days: [...hours.days] } };
}

// ---------------------------------------------------------------------------------------------
// Delays
// ---------------------------------------------------------------------------------------------

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** A whole number of ms uniform in [min, max] (both ends included), from one draw of `random`. */
function uniformMs(min: number, max: number, random: () => number): number {
  const a = nonNegative(min);
  const b = nonNegative(max);
  const lo = Math.ceil(Math.min(a, b));
  const hi = Math.max(lo, Math.floor(Math.max(a, b)));
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.min(hi, lo + Math.floor(unit * (hi - lo + 1)));
}

/**
 * Delay before the next message, given how many messages this campaign has sent since it
 * (re)started. A batch pause replaces (not adds to) the normal delay when
 * sentSoFar > 0 && sentSoFar % pauseEvery === 0. Calls `random` exactly once; the delay is a whole
 * number of ms. Out-of-range paces (see paceIssues) are made safe: negatives count as 0 and a
 * reversed range is read the right way round.
 */
export function nextDelay(pace: Pace, sentSoFar: number, random: () => number): { delayMs: number; batchPause: boolean } {
  const every = Math.floor(nonNegative(pace.pauseEvery));
  const sent = Math.floor(nonNegative(sentSoFar));
  const batchPause = every > 0 && sent > 0 && sent % every === 0;
  const delayMs = batchPause
    ? uniformMs(pace.pauseMinMs, pace.pauseMaxMs, random)
    : uniformMs(pace.minDelayMs, pace.maxDelayMs, random);
  return { delayMs, batchPause };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a strict 'HH:MM' (00:00–23:59), or null. */
export function parseHHMM(text: string): number | null {
  if (typeof text !== 'string') return null;
  const m = HHMM.exec(text);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;
}

type Duration = 'minDelay' | 'maxDelay' | 'pauseMin' | 'pauseMax';
/** Per duration of a pace: its messages when it is not a number, negative, or over 24 hours. */
const DURATION_ISSUES: Record<Duration, { nan: MessageKey; negative: MessageKey; over: MessageKey }> = {
  minDelay: { nan: 'pace.issue.minDelay.nan', negative: 'pace.issue.minDelay.negative', over: 'pace.issue.minDelay.over' },
  maxDelay: { nan: 'pace.issue.maxDelay.nan', negative: 'pace.issue.maxDelay.negative', over: 'pace.issue.maxDelay.over' },
  pauseMin: { nan: 'pace.issue.pauseMin.nan', negative: 'pace.issue.pauseMin.negative', over: 'pace.issue.pauseMin.over' },
  pauseMax: { nan: 'pace.issue.pauseMax.nan', negative: 'pace.issue.pauseMax.negative', over: 'pace.issue.pauseMax.over' },
};

function durationProblem(ms: number): 'nan' | 'negative' | 'over' | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'nan';
  if (ms < 0) return 'negative';
  if (ms > MAX_PACE_DELAY_MS) return 'over';
  return null;
}

function durationIssues(which: Duration, ms: number): string[] {
  const problem = durationProblem(ms);
  return problem === null ? [] : [t(DURATION_ISSUES[which][problem])];
}

function isDurationOk(ms: number): boolean {
  return durationProblem(ms) === null;
}

/** Problems with a pace in plain words, in the current language ([] when fine). */
export function paceIssues(pace: Pace): string[] {
  const issues: string[] = [];
  if (!['careful', 'normal', 'fast', 'custom'].includes(pace.preset)) issues.push(t('pace.issue.preset'));

  issues.push(...durationIssues('minDelay', pace.minDelayMs));
  issues.push(...durationIssues('maxDelay', pace.maxDelayMs));
  if (isDurationOk(pace.minDelayMs) && isDurationOk(pace.maxDelayMs) && pace.minDelayMs > pace.maxDelayMs) {
    issues.push(t('pace.issue.delayOrder'));
  }

  if (typeof pace.pauseEvery !== 'number' || !Number.isInteger(pace.pauseEvery) || pace.pauseEvery < 0) {
    issues.push(t('pace.issue.pauseEvery'));
  }
  issues.push(...durationIssues('pauseMin', pace.pauseMinMs));
  issues.push(...durationIssues('pauseMax', pace.pauseMaxMs));
  if (isDurationOk(pace.pauseMinMs) && isDurationOk(pace.pauseMaxMs) && pace.pauseMinMs > pace.pauseMaxMs) {
    issues.push(t('pace.issue.pauseOrder'));
  }

  const cap = pace.dailyCapPerAccount;
  if (typeof cap !== 'number' || !Number.isInteger(cap)) issues.push(t('pace.issue.capWhole'));
  else if (cap < 0) issues.push(t('pace.issue.capNegative'));

  const hours = pace.workingHours;
  if (parseHHMM(hours.start) === null) issues.push(t('pace.issue.start', { value: String(hours.start) }));
  if (parseHHMM(hours.end) === null) issues.push(t('pace.issue.end', { value: String(hours.end) }));
  const days: unknown[] = Array.isArray(hours.days) ? hours.days : [];
  if (!days.every(isWeekday)) issues.push(t('pace.issue.days'));
  if (hours.enabled && !days.some(isWeekday)) issues.push(t('pace.issue.noDays'));
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

export type ZonedParts = { year: number; month: number /* 1-12 */; day: number; hour: number; minute: number; second: number; weekday: Weekday };

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per time zone; throws RangeError for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock fields from Intl formatToParts output. Some engines say hour "24" for midnight even
 * with hourCycle h23 (the date part is already the new day), so 24 reads as 0.
 */
export function wallFromFormatParts(parts: readonly Intl.DateTimeFormatPart[]): Omit<ZonedParts, 'weekday'> {
  const wall: Wall = { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN };
  for (const part of parts) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value);
        break;
      default:
        break;
    }
  }
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** A wall time read as if it were UTC, in ms (Date.UTC without its 0–99 → 1900s quirk). */
function wallMs(wall: { year: number; month: number; day: number; hour: number; minute: number; second?: number }): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return date.getTime();
}

/** 1970-01-01 was a Thursday. */
function weekdayOfDayNumber(dayNumber: number): Weekday {
  return mod(dayNumber + 4, 7) as Weekday;
}

/** UTC offset (ms, local − UTC) in `timeZone` at the instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const floored = ms - mod(ms, SECOND);
  return wallMs(wallFromFormatParts(formatterFor(timeZone).formatToParts(floored))) - floored;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const wall = wallFromFormatParts(formatterFor(timeZone).formatToParts(ms - mod(ms, SECOND)));
  return { ...wall, weekday: weekdayOfDayNumber(floorDiv(wallMs(wall), DAY)) };
}

/** The first whole second in (lo, hi] whose offset differs from the offset at lo (hi if none). */
function firstOffsetChange(lo: number, hi: number, timeZone: string): number {
  let a = lo - mod(lo, SECOND);
  let b = hi - mod(hi, SECOND);
  const before = offsetAt(a, timeZone);
  while (b - a > SECOND) {
    const mid = a + Math.floor((b - a) / (2 * SECOND)) * SECOND;
    if (offsetAt(mid, timeZone) === before) a = mid;
    else b = mid;
  }
  return b;
}

/**
 * The instant of a wall time (given as ms read as UTC). A wall time that happens twice gives the
 * earlier instant; one skipped by a DST gap gives the instant the gap ends.
 */
function wallToUtc(wall: number, timeZone: string): number {
  // Offsets lie within ±1 day, so the offsets a day either side bracket the one that applies.
  const queue = [offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)];
  const tried = new Set<number>();
  const instants: number[] = [];
  for (let i = 0; i < queue.length && i < 8; i++) {
    const offset = queue[i] as number;
    if (tried.has(offset)) continue;
    tried.add(offset);
    const actual = offsetAt(wall - offset, timeZone);
    if (actual === offset) instants.push(wall - offset);
    else queue.push(actual);
  }
  if (instants.length > 0) return Math.min(...instants);
  // In a gap: the wall time never happens; the clocks jump over it at the transition.
  return firstOffsetChange(wall - DAY, wall + DAY, timeZone);
}

/**
 * UTC ms of a local wall time. In a DST gap (time doesn't exist) → the instant the gap ends (e.g.
 * 02:30 on spring-forward → 03:00 local). Ambiguous (fall-back) → the earlier instant. Fields out
 * of range roll over like Date.UTC (day 32 is the next month's 1st). Throws RangeError for an
 * unknown time zone.
 */
export function zonedTimeToUtc(
  local: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): number {
  return wallToUtc(wallMs(local), timeZone);
}

/** Days since 1970-01-01 of the local date at `ms`. */
function localDayNumber(ms: number, timeZone: string): number {
  const wall = wallFromFormatParts(formatterFor(timeZone).formatToParts(ms - mod(ms, SECOND)));
  return floorDiv(wallMs({ year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0 }), DAY);
}

/** The first instant of the local day containing `ms`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  return wallToUtc(localDayNumber(ms, timeZone) * DAY, timeZone);
}

/** Start of the next local day (23 h or 25 h later on DST days); always after `ms`. */
export function nextLocalMidnight(ms: number, timeZone: string): number {
  const today = localDayNumber(ms, timeZone);
  let next = NaN;
  for (let k = 1; k <= 3; k++) {
    next = wallToUtc((today + k) * DAY, timeZone);
    if (next > ms) return next;
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Working hours
// ---------------------------------------------------------------------------------------------

type Schedule = { days: boolean[]; start: number; end: number; crosses: boolean; allWeek: boolean };
type Window = { dayNumber: number; start: number; end: number };

/** Parsed working hours, or null when they can never allow sending (bad times or no days). */
function scheduleOf(hours: WorkingHours): Schedule | null {
  const start = parseHHMM(hours.start);
  const end = parseHHMM(hours.end);
  if (start === null || end === null) return null;
  const days = [false, false, false, false, false, false, false];
  for (const day of Array.isArray(hours.days) ? hours.days : []) if (isWeekday(day)) days[day] = true;
  if (!days.includes(true)) return null;
  return { days, start, end, crosses: end <= start, allWeek: start === end && days.every(Boolean) };
}

function windowOn(dayNumber: number, schedule: Schedule, timeZone: string): Window {
  return {
    dayNumber,
    start: wallToUtc(dayNumber * DAY + schedule.start * MINUTE, timeZone),
    end: wallToUtc((dayNumber + (schedule.crosses ? 1 : 0)) * DAY + schedule.end * MINUTE, timeZone),
  };
}

/** The window containing `ms`, or else the next one (windows never overlap and come in order). */
function findWindow(ms: number, schedule: Schedule, timeZone: string): { inside: boolean; window: Window } | null {
  const today = localDayNumber(ms, timeZone);
  // A window that crosses midnight (or lasts 24 h) may have started yesterday; the next one starts
  // within a week (one more day of slack for DST).
  for (let day = today - 1; day <= today + 8; day++) {
    if (!schedule.days[weekdayOfDayNumber(day)]) continue;
    const window = windowOn(day, schedule, timeZone);
    if (window.end <= window.start) continue; // swallowed whole by a DST gap
    if (ms < window.start) return { inside: false, window };
    if (ms < window.end) return { inside: true, window };
  }
  return null;
}

/** Always true when !enabled; false for working hours that can never allow sending (see paceIssues). */
export function isWithinWorkingHours(ms: number, hours: WorkingHours, timeZone: string): boolean {
  if (!hours.enabled) return true;
  const schedule = scheduleOf(hours);
  if (!schedule) return false;
  if (schedule.allWeek) return true;
  return findWindow(ms, schedule, timeZone)?.inside ?? false;
}

/**
 * `ms` itself when allowed now, else the start of the next working window; Infinity when enabled
 * with no days (or with times that aren't HH:MM).
 */
export function nextWorkingTime(ms: number, hours: WorkingHours, timeZone: string): number {
  if (!hours.enabled) return ms;
  const schedule = scheduleOf(hours);
  if (!schedule) return Infinity;
  if (schedule.allWeek) return ms;
  const found = findWindow(ms, schedule, timeZone);
  if (!found) return Infinity;
  return found.inside ? ms : found.window.start;
}

/**
 * End of the working window containing `ms` (Infinity when disabled or when the hours cover the
 * whole week). Windows that touch (e.g. 24 h windows on consecutive days) count as one. Outside
 * working hours the window has already ended: returns `ms`.
 */
export function workingWindowEnd(ms: number, hours: WorkingHours, timeZone: string): number {
  if (!hours.enabled) return Infinity;
  const schedule = scheduleOf(hours);
  if (!schedule) return ms;
  if (schedule.allWeek) return Infinity;
  const found = findWindow(ms, schedule, timeZone);
  if (!found?.inside) return ms;
  let end = found.window.end;
  for (let day = found.window.dayNumber + 1; day <= found.window.dayNumber + 8; day++) {
    if (!schedule.days[weekdayOfDayNumber(day)]) break;
    const next = windowOn(day, schedule, timeZone);
    if (next.start !== end || next.end <= next.start) break;
    end = next.end;
  }
  return end;
}

function describeDays(days: boolean[], firstDay: Weekday): string {
  if (days.every(Boolean)) return t('pace.hours.everyDay');
  const order = weekDays(firstDay);
  const runs: Weekday[][] = [];
  let run: Weekday[] = [];
  for (const day of order) {
    if (days[day]) run.push(day);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  // A run ending on the week's last day continues into one starting on its first (Fri–Mon).
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first && last && first[0] === order[0] && last[last.length - 1] === order[6]) {
    runs[0] = [...last, ...first];
    runs.pop();
  }
  const separator = t('pace.hours.sep');
  return runs
    .map((r) => {
      const names = r.map((d) => weekdayName(d, getLocale()));
      return names.length >= 3 ? t('pace.hours.dayRange', { first: names[0] ?? '', last: names[names.length - 1] ?? '' }) : names.join(separator);
    })
    .join(separator);
}

/** "09:00" in the language's digits ("۰۹:۰۰" in Persian); anything else as it is. */
function clock(hhmm: unknown): string {
  const minutes = typeof hhmm === 'string' ? parseHHMM(hhmm) : null;
  if (minutes === null) return String(hhmm);
  const two = (n: number) => formatNumber(n, { minimumIntegerDigits: 2, useGrouping: false });
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * Plain summary for the UI in the current language, e.g. "Mon–Sat, 09:00–20:00" / "Every day,
 * 22:00–02:00 (past midnight)"; the days are listed from `firstDay` (the operator's week, by
 * default the language's: Saturday in Persian, Monday in Turkish).
 */
export function describeWorkingHours(hours: WorkingHours, firstDay: Weekday = weekInfo(getLanguage()).firstDay): string {
  if (!hours.enabled) return t('pace.hours.anyTime');
  const days = [false, false, false, false, false, false, false];
  for (const day of Array.isArray(hours.days) ? hours.days : []) if (isWeekday(day)) days[day] = true;
  if (!days.includes(true)) return t('pace.hours.noDays');
  const start = parseHHMM(hours.start);
  const end = parseHHMM(hours.end);
  const times = { start: clock(hours.start), end: clock(hours.end) };
  let time: string;
  if (start === null || end === null) time = t('pace.hours.invalid', times);
  else if (start === end) time = start === 0 ? t('pace.hours.allDay') : t('pace.hours.from', times);
  else if (end < start) time = t('pace.hours.pastMidnight', times);
  else time = t('pace.hours.range', times);
  return t('pace.hours.summary', { days: describeDays(days, firstDay), time });
}

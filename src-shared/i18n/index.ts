/**
 * The message catalogues. Every string a user reads goes through `t`, so a language is a catalogue
 * (data), not a code change. Messages are ICU MessageFormat (FormatJS's `intl-messageformat`), so
 * each language gets its own plural forms (Arabic six, Persian and Turkish two); keys are checked at
 * compile time against English, and `catalogues.test.ts` checks that every catalogue has every key
 * with the same arguments.
 *
 * Numbers given as arguments are written with the language's digits and separators (`{count}` with
 * 1200 is "1,200" in English, "۱٬۲۰۰" in Persian); a key missing from a catalogue falls back to
 * English and is reported once, never shown raw.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from './en';
import { tr } from './tr';
import { fa } from './fa';
import { ar } from './ar';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

/** The languages Pigeon speaks, in the order the language menu lists them. */
export const LANGUAGES = ['en', 'tr', 'fa', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', tr: 'Türkçe', fa: 'فارسی', ar: 'العربية' };
/** Calendars a date can be shown in; `auto` is the language's own (Persian in Persian). */
export const CALENDARS = ['auto', 'gregory', 'persian', 'islamic-umalqura'] as const;
export type CalendarChoice = (typeof CALENDARS)[number];

const catalogues: Record<Language, Partial<Catalogue>> = { en, tr, fa, ar };
const DEFAULT_CALENDAR: Record<Language, Exclude<CalendarChoice, 'auto'>> = { en: 'gregory', tr: 'gregory', fa: 'persian', ar: 'gregory' };

let language: Language = 'en';
let calendar: Exclude<CalendarChoice, 'auto'> = 'gregory';
let intlLocale = 'en-u-ca-gregory';
const listeners = new Set<() => void>();

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of an OS or browser locale ("fa-IR" → fa, "ar-EG" → ar, "de-DE" → en), for the first
 * start.
 */
export function languageOf(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(base) ? base : 'en';
}

/** Sets the language (and the calendar dates are shown in). Unknown languages fall back to English. */
export function setLocale(next: string, calendarChoice: CalendarChoice = 'auto'): void {
  language = isLanguage(next) ? next : 'en';
  calendar = calendarChoice === 'auto' ? DEFAULT_CALENDAR[language] : calendarChoice;
  // Latin digits are kept in Turkish and English; Persian and Arabic use their own.
  intlLocale = `${language}-u-ca-${calendar}`;
  for (const listener of listeners) listener();
}

/** Called after every language change (the renderer re-renders, the main process re-labels). */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The Intl locale for dates and numbers: the language with the chosen calendar ("fa-u-ca-persian"). */
export function getLocale(): string {
  return intlLocale;
}

export function getLanguage(): Language {
  return language;
}

/** The calendar `auto` stands for in `lang` (Persian in Persian, Gregorian elsewhere). */
export function ownCalendar(lang: Language): Exclude<CalendarChoice, 'auto'> {
  return DEFAULT_CALENDAR[lang];
}

export function getCalendar(): Exclude<CalendarChoice, 'auto'> {
  return calendar;
}

export function isRtl(lang: Language = language): boolean {
  return lang === 'fa' || lang === 'ar';
}

/** A number in the language's digits and separators. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(intlLocale, options);
}

// The shared code is compiled without DOM or Node types; both have a console.
declare const console: { warn(message: string): void };

const reported = new Set<string>();
function reportOnce(what: string): void {
  if (reported.has(what)) return;
  reported.add(what);
  console.warn(`[i18n] ${what}`);
}

const asts = new Map<string, MessageFormatElement[]>();
const formats = new Map<string, IntlMessageFormat>();

/** Argument elements whose value is a number become number elements, so they get the locale's digits. */
function withNumbers(elements: MessageFormatElement[], numeric: ReadonlySet<string>): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.argument && numeric.has(el.value)) return { type: TYPE.number, value: el.value, location: el.location, style: null };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options: typeof el.options = {};
      for (const [k, v] of Object.entries(el.options)) options[k] = { ...v, value: withNumbers(v.value, numeric) };
      return { ...el, options };
    }
    if (el.type === TYPE.tag) return { ...el, children: withNumbers(el.children, numeric) };
    return el;
  });
}

/** Every argument name a message uses (plain, plural, select…), for the missing-value fallback and the catalogue test. */
export function argumentNames(elements: MessageFormatElement[], into: Set<string> = new Set()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const v of Object.values(el.options)) argumentNames(v.value, into);
    if (el.type === TYPE.tag) argumentNames(el.children, into);
  }
  return into;
}

function astOf(lang: Language, key: MessageKey, template: string): MessageFormatElement[] {
  const cacheKey = `${lang}\u0000${key}`;
  let ast = asts.get(cacheKey);
  if (!ast) {
    ast = parse(template, { ignoreTag: true });
    asts.set(cacheKey, ast);
  }
  return ast;
}

function render(lang: Language, key: MessageKey, template: string, params: Params): string {
  const ast = astOf(lang, key, template);
  const values: Record<string, string | number> = { ...params };
  const numeric = new Set<string>();
  for (const name of argumentNames(ast)) {
    const value = values[name];
    if (value === undefined) {
      reportOnce(`"${key}" needs {${name}}`);
      values[name] = `{${name}}`;
    } else if (typeof value === 'number') numeric.add(name);
  }
  const signature = [...numeric].sort().join(',');
  const cacheKey = `${intlLocale}\u0000${lang}\u0000${key}\u0000${signature}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(numeric.size > 0 ? withNumbers(ast, numeric) : ast, lang === language ? intlLocale : lang, undefined, { ignoreTag: true });
    formats.set(cacheKey, format);
  }
  const out = format.format(values);
  return typeof out === 'string' ? out : String(out);
}

/**
 * The message for `key` in the current language, its arguments filled in. A key the language's
 * catalogue lacks (or cannot parse) is given in English and reported once.
 */
export function t(key: MessageKey, params: Params = {}): string {
  const catalogue = catalogues[language];
  const template = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (template !== undefined) {
    try {
      return render(language, key, template, params);
    } catch (e) {
      reportOnce(`"${key}" in ${language} cannot be read (${e instanceof Error ? e.message : String(e)}); English is shown`);
    }
  } else if (language !== 'en') reportOnce(`"${key}" is missing in ${language}; English is shown`);
  const english: string | undefined = Object.hasOwn(en, key) ? en[key] : undefined;
  if (english === undefined) {
    reportOnce(`"${key}" is not a message`);
    return '';
  }
  return render('en', key, english, params);
}

/** For tests: the catalogues as they are. */
export function catalogueOf(lang: Language): Partial<Catalogue> {
  return catalogues[lang];
}

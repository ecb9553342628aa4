/**
 * The message catalogue. Every string a user reads goes through `t`, so a new language is a new
 * catalogue (data), not a code change. Keys are checked at compile time against English.
 */
import { en } from './en';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

const catalogues: Record<string, Partial<Catalogue>> = { en };
let current: Partial<Catalogue> = en;
let currentLocale = 'en';

export function setLocale(locale: string): void {
  current = catalogues[locale] ?? en;
  currentLocale = catalogues[locale] ? locale : 'en';
}

export function getLocale(): string {
  return currentLocale;
}

/**
 * Replaces {name} placeholders (numbers formatted for the locale) and picks plural words:
 * `{count|number|numbers}` gives the first word when count is 1, the second otherwise.
 */
export function t(key: MessageKey, params: Params = {}): string {
  const template = current[key] ?? en[key];
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_whole, name: string, one: string, other: string) =>
      params[name] === 1 ? one : other,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(currentLocale) : value;
  });
}

/** Picks the singular or plural key by count: `tn('contacts.count', n)` uses `.one` / `.other`. */
export function tn(base: string, count: number, params: Params = {}): string {
  const key = (count === 1 ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { count, ...params });
}

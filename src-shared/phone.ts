// Phone number normalisation shared by the main process (imports, sending) and the renderer
// (search box, forms). Pure: no Node, no DOM — only libphonenumber-js.
//
// We use the `max` metadata: it validates numbers against each country's real numbering plan
// (so "+90 123 456 78 90" is rejected), not only against length ranges. Measured speed is in
// the module's test file (100 000 calls well under a second).
import examples from 'libphonenumber-js/mobile/examples';
import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneRejectReason =
  | 'empty'
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  | 'invalid_country_code'
  | 'invalid_number'
  | 'excel_scientific'
  | 'too_many_characters';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneRejectReason };

/** Longest input we even look at; anything longer is not a phone number cell. */
const MAX_INPUT_CHARS = 64;
/** E.164 allows at most 15 digits; allow a little for an international prefix such as 00 or 011. */
const MAX_DIGITS = 18;

// Excel shows big numbers in scientific form ("9.05321E+11", or "9,05321E+11" in locales with a
// decimal comma). The real digits are lost, so we must say so rather than guess.
const SCIENTIFIC_RE = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

type Cleaned =
  | { kind: 'ok'; text: string; digits: string; plus: boolean }
  | { kind: 'empty' }
  | { kind: 'not_a_number' }
  | { kind: 'excel_scientific' };

/**
 * Maps a character code to an ASCII digit value, or -1. Handles ASCII, Arabic-Indic (U+0660–0669),
 * Extended Arabic-Indic / Persian (U+06F0–06F9) and full-width digits (U+FF10–FF19).
 */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/**
 * The text with every Persian, Arabic-Indic or full-width digit written as its ASCII digit (for
 * numbers people type in their own script: counts, schedules). Other characters stay.
 */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const d = digitValue(ch.charCodeAt(0));
    out += d >= 0 ? String.fromCharCode(0x30 + d) : ch;
  }
  return out;
}

/** Invisible formatting marks that spreadsheets and RTL text leave around numbers. */
export function isInvisible(c: number): boolean {
  return (
    c === 0x200b || // zero width space
    c === 0x200c || // ZWNJ
    c === 0x200d || // ZWJ
    c === 0x200e || // LRM
    c === 0x200f || // RLM
    c === 0x061c || // Arabic letter mark
    (c >= 0x202a && c <= 0x202e) || // LRE/RLE/PDF/LRO/RLO
    (c >= 0x2066 && c <= 0x2069) || // isolates
    c === 0xfeff // BOM / zero width no-break space
  );
}

/** Space-like characters we treat as ordinary separators. */
function isSpaceLike(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 || // NBSP
    c === 0x2007 || // figure space
    c === 0x202f || // narrow NBSP
    c === 0x2009 || // thin space
    c === 0x3000 // ideographic space
  );
}

/** Separators people put inside phone numbers. */
function isSeparator(c: number): boolean {
  return (
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x28 || // (
    c === 0x29 || // )
    c === 0x2f || // /
    c === 0x2010 || // hyphen
    c === 0x2011 || // non-breaking hyphen
    c === 0x2012 || // figure dash
    c === 0x2013 || // en dash
    c === 0x2014 || // em dash
    c === 0x2212 || // minus sign
    c === 0xff0d // full-width hyphen
  );
}

function isPlus(c: number): boolean {
  return c === 0x2b || c === 0xff0b;
}

/**
 * Reduces a messy cell to ASCII: digits (and the position of a leading plus). Returns why it cannot
 * be a phone number when it cannot.
 */
function clean(raw: string): Cleaned {
  let digits = '';
  let plus = false;
  let sawContent = false; // anything other than invisible marks / spaces / a leading apostrophe
  let text = ''; // ASCII version kept for the scientific check
  let start = 0;
  // Skip leading whitespace / invisible marks, then one apostrophe (spreadsheet text marker).
  while (start < raw.length) {
    const c = raw.charCodeAt(start);
    if (isInvisible(c) || isSpaceLike(c)) start++;
    else break;
  }
  if (start < raw.length && (raw.charCodeAt(start) === 0x27 || raw.charCodeAt(start) === 0x2019)) start++;

  for (let i = start; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      digits += String.fromCharCode(0x30 + d);
      text += String.fromCharCode(0x30 + d);
      sawContent = true;
      continue;
    }
    if (isInvisible(c) || isSpaceLike(c)) continue;
    if (isPlus(c)) {
      // A plus is only meaningful before any digit.
      if (digits.length > 0) {
        text += '+';
        sawContent = true;
        continue; // may still be scientific ("9.05E+11"); decided below
      }
      if (plus) return { kind: 'not_a_number' };
      plus = true;
      text += '+';
      sawContent = true;
      continue;
    }
    if (isSeparator(c)) {
      text += c === 0x2e ? '.' : c === 0x2d ? '-' : ' ';
      sawContent = true;
      continue;
    }
    if (c === 0x2c /* , */ || c === 0x65 /* e */ || c === 0x45 /* E */ || c === 0x66b /* Arabic decimal separator */) {
      // Only allowed as part of Excel's scientific form; checked below.
      text += c === 0x65 || c === 0x45 ? 'E' : c === 0x66b ? '.' : ',';
      sawContent = true;
      continue;
    }
    return { kind: 'not_a_number' };
  }
  if (!sawContent) return { kind: 'empty' };
  if (SCIENTIFIC_RE.test(text)) return { kind: 'excel_scientific' };
  // Commas, an 'E' or a plus after digits are only acceptable in the scientific form.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ',' || ch === 'E') return { kind: 'not_a_number' };
    if (ch === '+' && i > 0) return { kind: 'not_a_number' };
  }
  if (digits.length === 0) return { kind: 'not_a_number' };
  return { kind: 'ok', text, digits, plus };
}

function asCountry(code: string): CountryCode | undefined {
  const upper = code.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

function tryParse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const parsed = country ? parsePhoneNumberFromString(text, country) : parsePhoneNumberFromString(text);
  if (parsed && parsed.isValid() && !parsed.ext) return parsed;
  return undefined;
}

function lengthReason(text: string, country: CountryCode | undefined): PhoneRejectReason {
  const r = country ? validatePhoneNumberLength(text, country) : validatePhoneNumberLength(text);
  switch (r) {
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    case 'INVALID_COUNTRY':
      return 'invalid_country_code';
    case 'NOT_A_NUMBER':
      return 'not_a_number';
    default:
      // 'INVALID_LENGTH' (a length between valid ones) or a possible-but-invalid number.
      return 'invalid_number';
  }
}

function numberToText(input: number): string | null {
  if (!Number.isFinite(input) || input < 0) return null;
  if (Number.isInteger(input) && input < 1e15) return input.toFixed(0);
  return null;
}

/**
 * Normalises one phone number cell to E.164 ("+905321234567").
 *
 * Accepts: numbers Excel stored as numbers, spaces / dashes / dots / brackets, a leading + or 00,
 * national form with trunk 0, international digits without + (when they are not a valid national
 * number of `defaultCountry`), a leading apostrophe, Persian / Arabic-Indic digits, invisible marks.
 */
export function normalisePhone(input: string | number, defaultCountry: string): PhoneResult {
  let raw: string;
  if (typeof input === 'number') {
    const t = numberToText(input);
    if (t === null) {
      return { ok: false, reason: Number.isFinite(input) && input >= 1e15 ? 'excel_scientific' : 'not_a_number' };
    }
    raw = t;
  } else if (typeof input === 'string') {
    raw = input;
  } else {
    return { ok: false, reason: 'not_a_number' };
  }
  if (raw.length > MAX_INPUT_CHARS) return { ok: false, reason: 'too_many_characters' };

  const c = clean(raw);
  if (c.kind !== 'ok') return { ok: false, reason: c.kind };
  const { digits, plus } = c;
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'too_long' };

  const country = asCountry(defaultCountry);

  if (plus) {
    const intl = '+' + digits;
    const p = tryParse(intl, undefined);
    if (p) return { ok: true, e164: p.number };
    if (digits.length < 3) return { ok: false, reason: 'too_short' };
    return { ok: false, reason: lengthReason(intl, undefined) };
  }

  // 1. As typed, in the default country (handles national form, trunk 0 and the country's own
  //    international prefix such as 00 or 011).
  if (country) {
    const p = tryParse(digits, country);
    if (p) return { ok: true, e164: p.number };
  }
  // 2. Leading 00 written in a country whose international prefix is something else.
  if (digits.startsWith('00')) {
    const p = tryParse('+' + digits.slice(2), undefined);
    if (p) return { ok: true, e164: p.number };
  }
  // 3. International digits without the plus ("905321234567").
  if (!digits.startsWith('0')) {
    const p = tryParse('+' + digits, undefined);
    if (p) return { ok: true, e164: p.number };
  }

  // Rejected: explain why as precisely as we can.
  if (digits.length < 3) return { ok: false, reason: 'too_short' };
  if (digits.startsWith('00')) return { ok: false, reason: lengthReason('+' + digits.slice(2), undefined) };
  if (!country) return { ok: false, reason: digits.startsWith('0') ? 'invalid_country_code' : lengthReason('+' + digits, undefined) };
  return { ok: false, reason: lengthReason(digits, country) };
}

/** "+905321234567" -> "+90 532 123 45 67". Returns the input unchanged when it cannot be parsed. */
export function formatPhoneInternational(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  return p ? p.formatInternational() : e164;
}

/**
 * If `query` looks like (part of) a phone number typed in any format, returns the significant
 * digits to substring-search inside stored E.164 numbers: a leading "00" or "+" is dropped, and so
 * is a single national trunk "0". Returns null when the query has letters or other symbols, or
 * fewer than 3 significant digits.
 */
export function phoneSearchDigits(query: string): string | null {
  let digits = '';
  let plus = false;
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      digits += String.fromCharCode(0x30 + d);
      continue;
    }
    if (isInvisible(c) || isSpaceLike(c) || isSeparator(c)) continue;
    if (isPlus(c) && digits.length === 0 && !plus) {
      plus = true;
      continue;
    }
    if ((c === 0x27 || c === 0x2019) && digits.length === 0 && !plus) continue; // leading apostrophe
    return null;
  }
  if (!plus) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    else if (digits.startsWith('0')) digits = digits.slice(1);
  }
  return digits.length >= 3 ? digits : null;
}

/** True when `code` is an ISO 3166 alpha-2 code (upper case) that we have phone metadata for. */
export function isValidCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * A mobile number of `country` written the local way, without a + ("0912 345 6789" for Iran), to
 * show what "numbers without a +" means; '' for a country without an example.
 */
export function localExample(country: string): string {
  if (!isValidCountry(country)) return '';
  try {
    return getExampleNumber(country as CountryCode, examples)?.formatNational() ?? '';
  } catch {
    return '';
  }
}

let countryCache: { code: string; callingCode: string }[] | null = null;

/** Every supported country with its calling code, sorted by country code. */
export function countryList(): { code: string; callingCode: string }[] {
  if (!countryCache) {
    countryCache = getCountries()
      .map((code) => ({ code, callingCode: getCountryCallingCode(code) }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return countryCache.map((c) => ({ ...c }));
}

/**
 * The E.164 prefixes a phone-like search can mean, for an index range scan: "+90 532…", "0090532…"
 * and "0532…" (national, with the default country's code) all become "+90532…"; bare digits
 * ("532 12") could be either international without the plus or national without the trunk 0, so
 * both are returned. Null when the query is not phone-like (see phoneSearchDigits).
 */
export function phoneSearchPrefixes(query: string, defaultCountry: string): string[] | null {
  const significant = phoneSearchDigits(query);
  if (significant === null) return null;
  const compact = query.replace(/[\s\u00a0\u200e\u200f'’()\-./]/g, '');
  const international = /^(\+|＋|00)/.test(compact);
  const national = !international && /^[0٠۰]/.test(compact);
  const country = asCountry(defaultCountry);
  const callingCode = country ? getCountryCallingCode(country) : null;
  if (international) return [`+${significant}`];
  if (national) return callingCode ? [`+${callingCode}${significant}`] : [`+${significant}`];
  const out = [`+${significant}`];
  if (callingCode) out.push(`+${callingCode}${significant}`);
  return out;
}

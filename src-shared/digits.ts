/**
 * Numbers as people type them: Persian (۰–۹), Arabic-Indic (٠–٩), full-width or ASCII digits, with
 * the right-to-left marks a keyboard or a paste leaves around them. Chromium's `<input type=number>`
 * and `<input type=time>` silently drop every digit that is not ASCII (the value stays "", not even
 * a bad-input flag), so the app types numbers into text boxes and reads them here. The digits are
 * read as phone numbers read them (phone.ts).
 */
import { asciiDigits, isInvisible } from './phone';

const ARABIC_DECIMAL_SEPARATOR = 0x66b; // ٫
const ARABIC_THOUSANDS_SEPARATOR = 0x66c; // ٬
const MINUS_SIGN = 0x2212; // −

/**
 * `text` as a plain ASCII number is written: every digit ASCII (phone.ts asciiDigits), the
 * invisible direction marks taken out, the Arabic decimal separator (٫) as ".", the Arabic
 * thousands separator (٬) gone and the minus sign (−) as "-". Everything else is left as it is.
 */
export function numberAscii(text: string): string {
  let out = '';
  for (const ch of asciiDigits(text)) {
    const c = ch.charCodeAt(0);
    if (isInvisible(c) || c === ARABIC_THOUSANDS_SEPARATOR) continue;
    out += c === ARABIC_DECIMAL_SEPARATOR ? '.' : c === MINUS_SIGN ? '-' : ch;
  }
  return out;
}

/**
 * A number typed in any digits: "12", "۱۲", "١٢", "2,5" and "۲٫۵" (a decimal comma), "-3". Null when
 * the text is empty or not a plain number (no grouping, no exponent, no words).
 */
export function readNumber(text: string): number | null {
  const s = numberAscii(text).trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A whole number typed in any digits, or null. */
export function readInteger(text: string): number | null {
  const n = readNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

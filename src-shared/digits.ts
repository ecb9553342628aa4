/**
 * Numbers as people type them: Persian (۰–۹), Arabic-Indic (٠–٩), full-width or ASCII digits, with
 * the right-to-left marks a keyboard or a paste leaves around them. Chromium's `<input type=number>`
 * and `<input type=time>` silently drop every digit that is not ASCII (the value stays "", not even
 * a bad-input flag), so the app types numbers into text boxes and reads them here. The digit table
 * is the one phone numbers use (phone.ts).
 */
import { digitValue, isInvisible } from './phone';

const ARABIC_DECIMAL_SEPARATOR = 0x66b; // ٫
const ARABIC_THOUSANDS_SEPARATOR = 0x66c; // ٬
const MINUS_SIGN = 0x2212; // −

/**
 * `text` with every decimal digit made ASCII and the invisible direction marks taken out; the
 * Arabic decimal separator (٫) becomes "." and the Arabic thousands separator (٬) goes. Everything
 * else is left as it is.
 */
export function asciiDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) out += String.fromCharCode(0x30 + d);
    else if (isInvisible(c) || c === ARABIC_THOUSANDS_SEPARATOR) continue;
    else if (c === ARABIC_DECIMAL_SEPARATOR) out += '.';
    else if (c === MINUS_SIGN) out += '-';
    else out += text[i];
  }
  return out;
}

/**
 * A number typed in any digits: "12", "۱۲", "١٢", "2,5" and "۲٫۵" (a decimal comma), "-3". Null when
 * the text is empty or not a plain number (no grouping, no exponent, no words).
 */
export function readNumber(text: string): number | null {
  const s = asciiDigits(text).trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A whole number typed in any digits, or null. */
export function readInteger(text: string): number | null {
  const n = readNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

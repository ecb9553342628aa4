/**
 * Opt-out replies. A message is an opt-out when, once folded, it is exactly one of the words: case,
 * accents and diacritics (Turkish dotted/dotless i, Arabic hamza and harakat), surrounding spaces,
 * punctuation and emoji are ignored; anything more ("stop sending me ads") is not an opt-out.
 */

/** Defaults in English, Turkish, Persian, Arabic and Indonesian. Users can edit the list in Settings. */
export const DEFAULT_OPT_OUT_WORDS: readonly string[] = [
  // English
  'STOP',
  'STOP ALL',
  'UNSUBSCRIBE',
  'OPT OUT',
  'OPTOUT',
  'CANCEL',
  'END',
  'QUIT',
  // Turkish
  'İPTAL',
  'DUR',
  'ÇIK',
  'ABONELİKTEN ÇIK',
  'İSTEMİYORUM',
  // Persian
  'لغو',
  'توقف',
  'انصراف',
  'لغو عضویت',
  // Arabic
  'إلغاء',
  'إيقاف',
  'الغاء الاشتراك',
  'ايقاف',
  // Indonesian
  'BERHENTI',
  'STOP LANGGANAN',
  'BATAL',
  'KELUAR',
];

/** Arabic-script letters that are written differently in Persian and Arabic keyboards. */
const LETTER_VARIANTS: Record<string, string> = {
  'ي': 'ی', // Arabic yeh → Persian yeh
  'ى': 'ی', // alef maksura
  'ك': 'ک', // Arabic kaf → keheh
  'ة': 'ه', // teh marbuta
  'ۀ': 'ه',
  'ٱ': 'ا',
};

/** Folds a message or word for comparison. */
export function foldOptOut(text: string): string {
  let s = text.normalize('NFKD');
  // Turkish: İ (I + combining dot after NFKD) and ı both fold to i, like the I of English.
  s = s.replace(/ı/g, 'i');
  s = s.replace(/\p{M}/gu, ''); // accents, harakat, the hamza marks of أ إ ؤ ئ after NFKD
  s = s.replace(/\u0640/g, ''); // tatweel (Arabic stretching)
  s = s.replace(/[يىكةۀٱ]/g, (c) => LETTER_VARIANTS[c] ?? c);
  s = s.replace(/[أإآ]/g, 'ا');
  s = s.toLowerCase();
  // Everything that is not a letter or digit becomes a space (punctuation, emoji, ZWJ, RTL marks).
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return s.trim();
}

/** A matcher for a word list; build once, use per message. */
export function optOutMatcher(words: readonly string[]): (message: string) => string | null {
  const folded = new Map<string, string>();
  for (const word of words) {
    const key = foldOptOut(word);
    if (key && !folded.has(key)) folded.set(key, word);
  }
  return (message) => {
    if (message.length > 200) return null;
    return folded.get(foldOptOut(message)) ?? null;
  };
}

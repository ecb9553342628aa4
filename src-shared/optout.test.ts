import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_WORDS, foldOptOut, optOutMatcher } from './optout';

const match = optOutMatcher(DEFAULT_OPT_OUT_WORDS);

describe('opt-out words', () => {
  it.each([
    ['STOP', 'STOP'],
    ['stop', 'STOP'],
    ['  Stop!! ', 'STOP'],
    ['stop 🙏', 'STOP'],
    ['Unsubscribe.', 'UNSUBSCRIBE'],
    ['opt-out', 'OPT OUT'],
    ['iptal', 'İPTAL'],
    ['İPTAL', 'İPTAL'],
    ['IPTAL', 'İPTAL'],
    ['ıptal', 'İPTAL'],
    ['Dur', 'DUR'],
    ['cik', 'ÇIK'],
    ['Abonelikten çık', 'ABONELİKTEN ÇIK'],
    ['لغو', 'لغو'],
    ['توقف', 'توقف'],
    ['إلغاء', 'إلغاء'],
    ['الغاء', 'إلغاء'],
    ['إلــغاء', 'إلغاء'], // tatweel
    ['ايقاف', 'إيقاف'],
    ['لغو عضويت', 'لغو عضویت'], // Arabic yeh typed for the Persian one
    ['\u200fلغو\u200f', 'لغو'], // RTL marks
    ['berhenti', 'BERHENTI'],
    ['BATAL', 'BATAL'],
  ])('%j is an opt-out (%s)', (message, word) => {
    expect(match(message)).toBe(word);
  });

  it.each(['stop sending me ads please', 'Thanks!', 'stopp', 'dur bir dakika', 'لغو شد؟ نه', '', '🙏', 'ok'])(
    '%j is not an opt-out',
    (message) => {
      expect(match(message)).toBeNull();
    },
  );

  it('uses the words it is given', () => {
    const custom = optOutMatcher(['Basta']);
    expect(custom('basta!')).toBe('Basta');
    expect(custom('STOP')).toBeNull();
  });

  it('folds case, accents and punctuation but keeps words apart', () => {
    expect(foldOptOut('  Ça  VA?! ')).toBe('ca va');
    expect(foldOptOut('ŞİMDİ')).toBe('simdi');
  });
});

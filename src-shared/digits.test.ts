import { describe, expect, it } from 'vitest';
import { numberAscii, readInteger, readNumber } from './digits';

describe('numbers typed in any digits', () => {
  it('makes Persian, Arabic-Indic and full-width digits ASCII and drops direction marks', () => {
    expect(numberAscii('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(numberAscii('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(numberAscii('１２')).toBe('12');
    expect(numberAscii('\u200f۱۲\u200e')).toBe('12');
    expect(numberAscii('۱٬۲۰۰٫۵')).toBe('1200.5');
  });

  it.each([
    ['12', 12],
    ['۱۲', 12],
    ['١٢', 12],
    [' 30 ', 30],
    ['2,5', 2.5],
    ['۲٫۵', 2.5],
    ['٢٫٥', 2.5],
    ['0.5', 0.5],
    ['-3', -3],
    ['−3', -3],
  ])('reads %j as %d', (text, n) => {
    expect(readNumber(text)).toBe(n);
  });

  it.each(['', ' ', 'abc', '1e3', '12abc', '1,2,3', 'Infinity', '۱۲ روز'])('refuses %j', (text) => {
    expect(readNumber(text)).toBeNull();
  });

  it('reads whole numbers only when asked', () => {
    expect(readInteger('۱۵')).toBe(15);
    expect(readInteger('1.5')).toBeNull();
  });
});

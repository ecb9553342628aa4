import { describe, expect, it } from 'vitest';
import { cutText, splitTypedList } from './text';

describe('splitTypedList', () => {
  it('splits on commas, semicolons and line breaks, trimming and dropping empty items', () => {
    expect(splitTypedList(' stop, unsubscribe ;\n\r\n cancel ,, ')).toEqual(['stop', 'unsubscribe', 'cancel']);
    expect(splitTypedList('')).toEqual([]);
  });

  it('splits on the Arabic comma and semicolon too', () => {
    expect(splitTypedList('لغو، توقف؛ إيقاف')).toEqual(['لغو', 'توقف', 'إيقاف']);
    expect(splitTypedList('+90 532 000 00 01،۰۹۱۲۳۴۵۶۷۸۹؛ ٠٥٠١٢٣٤٥٦٧')).toEqual(['+90 532 000 00 01', '۰۹۱۲۳۴۵۶۷۸۹', '٠٥٠١٢٣٤٥٦٧']);
  });

  it('keeps spaces inside a phrase', () => {
    expect(splitTypedList('do not write, stop')).toEqual(['do not write', 'stop']);
  });
});

describe('cutText', () => {
  it('keeps text that fits and cuts plain text at the limit', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcdef', 4)).toBe('abcd');
  });

  it('drops a character that would not fit whole: emoji, flags, family emoji, accents', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('a🇹🇷', 4)).toBe('a');
    expect(cutText('x👨‍👩‍👧', 6)).toBe('x');
    expect(cutText('e\u0301e\u0301', 3)).toBe('e\u0301');
    expect(cutText('سلام😀', 5)).toBe('سلام');
  });
});

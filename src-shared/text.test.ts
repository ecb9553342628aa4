import { describe, expect, it } from 'vitest';
import { cutText } from './text';

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

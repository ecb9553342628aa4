import { describe, expect, it } from 'vitest';
import { t } from './index';

describe('t', () => {
  it('fills placeholders and picks singular or plural words', () => {
    expect(t('suppr.added', { count: 1 })).toBe('Added 1 number');
    expect(t('suppr.added', { count: 3 })).toBe('Added 3 numbers');
    expect(t('suppr.added', { count: 1200 })).toBe('Added 1,200 numbers');
    expect(t('contacts.confirmDelete.title', { count: 1 })).toBe('Delete 1 contact?');
    expect(t('import.tooBig', { sizeMb: 200, maxMb: 100 })).toContain('200 MB');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogueOf, getLocale, languageOf, setLocale, t } from './index';

afterEach(() => setLocale('en'));

describe('t', () => {
  it('fills placeholders and picks singular or plural words', () => {
    expect(t('suppr.added', { count: 1 })).toBe('Added 1 number');
    expect(t('suppr.added', { count: 3 })).toBe('Added 3 numbers');
    expect(t('suppr.added', { count: 1200 })).toBe('Added 1,200 numbers');
    expect(t('contacts.confirmDelete.title', { count: 1 })).toBe('Delete 1 contact?');
    expect(t('import.tooBig', { sizeMb: 200, maxMb: 100 })).toContain('200 MB');
  });

  it('writes numbers in the language’s digits and picks each language’s plural form', () => {
    setLocale('fa');
    expect(t('contacts.count', { count: 1200 })).toBe('۱٬۲۰۰ مخاطب');
    setLocale('ar');
    // Arabic has six forms: two is its own (dual), 3–10 "few", 11–99 "many".
    const two = t('contacts.count', { count: 2 });
    const three = t('contacts.count', { count: 3 });
    const eleven = t('contacts.count', { count: 11 });
    expect(new Set([two, three, eleven]).size).toBe(3);
    setLocale('tr');
    expect(t('contacts.count', { count: 3 })).toBe('3 kişi');
  });

  it('shows English for a key a catalogue lacks, never the raw key, and reports it once', () => {
    const fa = catalogueOf('fa');
    const saved = fa['common.save'];
    delete fa['common.save'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      setLocale('fa');
      expect(t('common.save')).toBe('Save');
      expect(t('common.save')).toBe('Save');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('common.save');
    } finally {
      fa['common.save'] = saved;
      warn.mockRestore();
    }
  });

  it('shows a missing argument as its name in braces instead of failing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(t('import.tooBig', { sizeMb: 200 })).toContain('{maxMb}');
    } finally {
      warn.mockRestore();
    }
  });

  it('follows the calendar chosen: Persian by default in Persian, any calendar in any language', () => {
    setLocale('fa');
    expect(getLocale()).toBe('fa-u-ca-persian');
    setLocale('tr', 'islamic-umalqura');
    expect(getLocale()).toBe('tr-u-ca-islamic-umalqura');
    const d = new Date(Date.UTC(2026, 2, 22, 12)); // 2 Farvardin 1405
    setLocale('en', 'persian');
    expect(new Intl.DateTimeFormat(getLocale(), { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(d)).toBe('1/2/1405 AP');
  });

  it('reads the language of a computer locale, English for others', () => {
    expect(languageOf('fa-IR')).toBe('fa');
    expect(languageOf('ar_EG')).toBe('ar');
    expect(languageOf('tr')).toBe('tr');
    expect(languageOf('de-DE')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

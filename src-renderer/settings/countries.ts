/** The country picker's options, named in the current language. */
import { useMemo } from 'react';
import { getLocale } from '#shared/i18n';
import { countryList } from '#shared/phone';
import { useLocale } from '#renderer/i18n/locale';

export type CountryOption = { code: string; name: string; callingCode: string; label: string };

/** A country's name in the current language ("IR" → "Iran" / "ایران"), or its code. */
export function countryName(code: string, locale: string = getLocale()): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country with a readable name in the current language, sorted by that name. */
export function useCountryOptions(): CountryOption[] {
  const language = useLocale((s) => s.language);
  return useMemo(() => {
    const locale = getLocale();
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    const collator = new Intl.Collator(locale);
    return countryList()
      .map((c) => {
        let name = c.code;
        try {
          name = names?.of(c.code) ?? c.code;
        } catch {
          name = c.code;
        }
        return { code: c.code, name, callingCode: c.callingCode, label: `${name} (${c.code}, +${c.callingCode})` };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
    // The names follow the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);
}

/**
 * The window's language: applied before the first render (remembered from the last run, else the
 * computer's), then from the settings; the first start saves the computer's language as the
 * choice. Changing it re-renders every screen at once and mirrors the layout for Persian and
 * Arabic; nothing that runs in main notices.
 */
import { create } from 'zustand';
import { getLanguage, isLanguage, isRtl, languageOf, setLocale, type CalendarChoice, type Language } from '#shared/i18n';
import type { Settings } from '#shared/domain';

const REMEMBERED = 'pigeon.locale';

type LocaleState = { language: Language; calendar: CalendarChoice };

export const useLocale = create<LocaleState>(() => ({ language: 'en', calendar: 'auto' }));

/** The language the computer (browser) asks for first among the ones Pigeon speaks. */
export function systemLanguage(languages: readonly string[] = navigator.languages): Language {
  for (const l of languages) {
    const lang = languageOf(l);
    if (lang !== 'en' || l.toLowerCase().startsWith('en')) return lang;
  }
  return 'en';
}

function apply(language: Language, calendar: CalendarChoice): void {
  setLocale(language, calendar);
  const root = document.documentElement;
  root.lang = language;
  root.dir = isRtl(language) ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(REMEMBERED, JSON.stringify({ language, calendar }));
  } catch {
    // Storage may be off; the settings still hold the choice.
  }
  const now = useLocale.getState();
  if (now.language !== language || now.calendar !== calendar) useLocale.setState({ language, calendar });
}

/** Before the first render: the language of the last run, or the computer's. */
export function applyInitialLocale(): void {
  let remembered: Partial<LocaleState> = {};
  try {
    remembered = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}') as Partial<LocaleState>;
  } catch {
    remembered = {};
  }
  const language = isLanguage(remembered.language) ? remembered.language : systemLanguage();
  apply(language, remembered.calendar ?? 'auto');
}

/**
 * Follows the settings. Returns the language to save when none was chosen yet (the first start),
 * so the main process speaks it too.
 */
export function followSettings(settings: Settings): Language | null {
  const language = settings.language ?? getLanguage();
  apply(language, settings.calendar);
  return settings.language === null ? language : null;
}

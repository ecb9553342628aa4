/** English: the language and calendar settings. */
export const enLanguage = {
  'settings.language.title': 'Language and calendar',
  'settings.language.label': 'Language',
  'settings.language.help': 'Every screen changes at once. Persian and Arabic are shown right to left.',
  'settings.calendar.label': 'Calendar',
  'settings.calendar.auto': 'The language’s own ({name})',
  'settings.calendar.gregory': 'Gregorian',
  'settings.calendar.persian': 'Persian (Solar Hijri)',
  'settings.calendar.islamic': 'Islamic (Umm al-Qura)',
  'chart.time': 'Time',
  'settings.calendar.help': 'Dates are shown and picked in this calendar; what Pigeon stores does not change. Today is {date}.',
} as const;

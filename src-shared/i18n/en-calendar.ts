/** English: dates, times, numbers and time zones as typed and picked (the calendar part). */
export const enCalendar = {
  'date.pick': 'Choose on a calendar',
  'date.today': 'Today, {date}',
  'date.selected': '{date}, chosen',
  'date.nextMonth': 'Next month',
  'date.previousMonth': 'Previous month',
  'date.months': 'Months',
  'date.chooseMonth': 'Month',
  'date.chooseYear': 'Year',
  'date.yearField': 'YYYY',
  'date.monthField': 'MM',
  'date.dayField': 'DD',
  'date.invalid': 'Not a day of this calendar. Write it like {example}, or choose it on the calendar.',
  'time.invalid': 'Not a time. Write it like {example} (24-hour clock).',
  'zone.means': 'That is the time zone {zone} ({place}).',
  'list.separator': ', ',
} as const;

/** English: polish after the first user tests (issue 13): counts in dialogs, the contacts table’s columns. */
export const enPolish = {
  'contacts.suppress.black.count':
    '{count, plural, one {The number of the # selected contact goes on the blacklist.} other {The numbers of the # selected contacts go on the blacklist.}}',
  'contacts.suppress.gray.count':
    '{count, plural, one {The number of the # selected contact goes on the graylist.} other {The numbers of the # selected contacts go on the graylist.}}',
  'contacts.suppress.black.submit': '{count, plural, one {Blacklist # contact} other {Blacklist # contacts}}',
  'contacts.suppress.gray.submit': '{count, plural, one {Graylist # contact} other {Graylist # contacts}}',
  'contacts.columns.button': 'Columns',
  'contacts.columns.title': 'Columns to show',
  'contacts.columns.fields': 'Custom fields',
  'contacts.columns.emptyField': 'empty on every contact',
  'contacts.columns.reset': 'Back to the usual columns',
} as const;

/** English strings of the contact book at a million contacts (rows first, the count after). */
export const enMillion = {
  'contacts.counting': 'counting…',
} as const;

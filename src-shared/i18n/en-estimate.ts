/** English strings of the campaign's duration estimate. */
export const enEstimate = {
  'estimate.lessThanMinute': 'less than a minute',
  'estimate.minutes': '{minutes} min',
  'estimate.hours': '{hours} h',
  'estimate.hoursMinutes': '{hours} h {minutes} min',
  'estimate.days': '{days} {days, plural, one {day} other {days}}',
  'estimate.daysHours': '{days} {days, plural, one {day} other {days}} {hours} h',
  'estimate.endsToday': 'ends today {time}',
  'estimate.endsTomorrow': 'ends tomorrow {time}',
  'estimate.endsOn': 'ends {date}, {time}',
  'estimate.line': 'about {duration}, {end}',
  'estimate.lineShort': 'less than a minute, {end}',
  'estimate.title': 'How long it takes',
  'estimate.basis':
    'For {customers} {customers, plural, one {customer} other {customers}} at this pace, inside the working hours and the daily limit, from {from}; an average of the random waits, so the real end may differ a little.',
  'estimate.never': 'With these working hours and this daily limit it could never finish. Change the timing or the limit.',
  'estimate.waiting': 'Worked out once the number of recipients is known.',
} as const;
